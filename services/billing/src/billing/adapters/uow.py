from antena_common.db import UnitOfWork

from .repository import (ContractRepository, CustomerRepository, InvoiceRepository, PaymentRepository,
                         catalog_tables)


class BillingUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        for name, repo in catalog_tables(session).items():
            setattr(self, name, repo)
        self.customers = CustomerRepository(session)
        self.contracts = ContractRepository(session)
        self.invoices = InvoiceRepository(session)
        self.payments = PaymentRepository(session)
