from antena_common.db import UnitOfWork


class NotificationsUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        pass
