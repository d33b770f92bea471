from antena_common.db import UnitOfWork


class PortalUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        pass
