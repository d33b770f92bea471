"""Small helpers shared by the use cases."""
from __future__ import annotations

from antena.common.v1 import common_pb2
from antena_common.errors import FieldErrors, InvalidArgument

from ..domain import model


def checked(errors: FieldErrors, parse):
    """Run a parser, folding its field errors into `errors` (None on failure)."""
    try:
        return parse()
    except InvalidArgument as exc:
        for key, message in (exc.field_errors or {"request": exc.detail}).items():
            errors.check(False, key, message)
        return None


def address_to_pb(address: dict) -> common_pb2.Address:
    return common_pb2.Address(**{k: str(address.get(k, "") or "") for k in model.ADDRESS_FIELDS})
