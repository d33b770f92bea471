from antena_common.db import UnitOfWork

from .repository import (OrderRepository, StockRepository, SupportRepository, TechnicianRepository,
                         TemplateRepository)


class OrdersUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.orders = OrderRepository(session)
        self.technicians = TechnicianRepository(session)
        self.stock = StockRepository(session)
        self.support = SupportRepository(session)
        self.templates = TemplateRepository(session)

    def commit(self) -> None:
        # the orders' timeline entries are written in the same transaction
        self.session.flush()
        for order in self.orders.seen:
            for entry in order.take_timeline():
                self.session.add(entry)
        super().commit()
