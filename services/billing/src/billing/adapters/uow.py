from antena_common.db import UnitOfWork


class BillingUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        pass
