from antena_common.db import UnitOfWork


class NetworkUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        pass
