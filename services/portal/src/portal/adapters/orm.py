"""Tables of the portal database."""
from sqlalchemy import MetaData

from antena_common.db import messaging_tables

metadata = MetaData()
messaging_tables(metadata)


def start_mappers() -> None:
    pass
