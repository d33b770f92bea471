from sqlalchemy import func, select

from antena_common.db import UnitOfWork
from antena_common.errors import NotFound

from ..domain.users import StaffUser
from . import orm


class UserRepository:
    def __init__(self, session):
        self.session = session

    def add(self, user: StaffUser) -> None:
        self.session.add(user)

    def get(self, user_id: str) -> StaffUser:
        user = self.session.get(StaffUser, user_id)
        if user is None:
            raise NotFound(f"user {user_id} not found")
        return user

    def by_username(self, username: str) -> StaffUser | None:
        return self.session.scalars(select(StaffUser).where(orm.staff_users.c.username == username)).first()

    def count(self) -> int:
        return self.session.execute(select(func.count()).select_from(orm.staff_users)).scalar_one()

    def list(self, *, after_id: str | None = None, limit: int = 50) -> list[StaffUser]:
        q = select(StaffUser).order_by(orm.staff_users.c.id).limit(limit)
        if after_id:
            q = q.where(orm.staff_users.c.id > after_id)
        return list(self.session.scalars(q))


class GatewayUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.users = UserRepository(session)
