from antena_common.db import UnitOfWork


class OrdersUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        pass
