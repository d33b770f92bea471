from antena_common.db import UnitOfWork

from .repository import AccountRepository, DocumentRepository, RequestLog, SessionRepository, TokenRepository


class PortalUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.accounts = AccountRepository(session)
        self.tokens = TokenRepository(session)
        self.sessions = SessionRepository(session)
        self.requests = RequestLog(session)
        self.documents = DocumentRepository(session)
