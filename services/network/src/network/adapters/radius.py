"""FreeRADIUS driver: writes the subscriber into FreeRADIUS's standard SQL
schema (rlm_sql): radcheck Cleartext-Password, radreply Mikrotik-Rate-Limit and
Framed-IP-Address. Suspension adds `Auth-Type := Reject` to radcheck, so the
next login is refused (and the router's address list cuts a live session).
Rows are found by username; apply() and remove() are idempotent."""
from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..domain.provisioning import ProvisioningError, RouterAccess, SubscriberSpec

_md = MetaData()
radcheck = Table("radcheck", _md, Column("id", Integer, primary_key=True), Column("username", String(64)),
                 Column("attribute", String(64)), Column("op", String(2)), Column("value", String(253)))
radreply = Table("radreply", _md, Column("id", Integer, primary_key=True), Column("username", String(64)),
                 Column("attribute", String(64)), Column("op", String(2)), Column("value", String(253)))


class RadiusDriver:
    name = "radius"

    def __init__(self, database_url: str):
        self.url = database_url
        self.engine = create_engine(database_url, pool_pre_ping=True, pool_size=2, max_overflow=4)

    def _desired(self, spec: SubscriberSpec) -> tuple[dict, dict]:
        check = {"Cleartext-Password": spec.password}
        if spec.suspended:
            check["Auth-Type"] = "Reject"
        reply = {"Framed-IP-Address": spec.ip}
        if spec.rate_limit:
            reply["Mikrotik-Rate-Limit"] = spec.rate_limit
        return check, reply

    @staticmethod
    def _sync(conn, table, username: str, wanted: dict, changes: list[str], dry_run: bool = False) -> None:
        rows = conn.execute(select(table.c.id, table.c.attribute, table.c.value, table.c.op)
                            .where(table.c.username == username)).all()
        have: dict[str, list] = {}
        for r in rows:
            have.setdefault(r.attribute, []).append(r)
        for attr, value in wanted.items():
            found = have.pop(attr, [])
            if not found:
                if not dry_run:
                    conn.execute(insert(table).values(username=username, attribute=attr, op=":=", value=value))
                changes.append(f"{table.name} +{attr}")
                continue
            if found[0].value != value or found[0].op != ":=":
                if not dry_run:
                    conn.execute(update(table).where(table.c.id == found[0].id).values(value=value, op=":="))
                changes.append(f"{table.name} ~{attr}")
            if len(found) > 1:
                if not dry_run:
                    conn.execute(delete(table).where(table.c.id.in_([r.id for r in found[1:]])))
                changes.append(f"{table.name} duplicate {attr}")
        for attr, extra in have.items():  # attributes we manage but no longer want
            if attr in ("Auth-Type", "Mikrotik-Rate-Limit", "Framed-IP-Address", "Cleartext-Password"):
                if not dry_run:
                    conn.execute(delete(table).where(table.c.id.in_([r.id for r in extra])))
                changes.append(f"{table.name} -{attr}")

    def apply(self, router: RouterAccess, spec: SubscriberSpec) -> list[str]:
        if spec.mode != "pppoe" or not spec.username:
            return []
        check, reply = self._desired(spec)
        changes: list[str] = []
        try:
            with self.engine.begin() as conn:
                self._sync(conn, radcheck, spec.username, check, changes)
                self._sync(conn, radreply, spec.username, reply, changes)
        except SQLAlchemyError as exc:
            raise ProvisioningError(self.name, f"RADIUS database: {str(exc).splitlines()[0]}", "database") from None
        return changes

    def check(self, spec: SubscriberSpec) -> list[str]:
        """What apply() would change (reconciliation), without writing."""
        if spec.mode != "pppoe" or not spec.username:
            return []
        check, reply = self._desired(spec)
        changes: list[str] = []
        try:
            with self.engine.connect() as conn:
                self._sync(conn, radcheck, spec.username, check, changes, dry_run=True)
                self._sync(conn, radreply, spec.username, reply, changes, dry_run=True)
        except SQLAlchemyError as exc:
            raise ProvisioningError(self.name, f"RADIUS database: {str(exc).splitlines()[0]}", "database") from None
        return changes

    def remove(self, router: RouterAccess, spec: SubscriberSpec) -> list[str]:
        if not spec.username:
            return []
        try:
            with self.engine.begin() as conn:
                n = conn.execute(delete(radcheck).where(radcheck.c.username == spec.username)).rowcount
                n += conn.execute(delete(radreply).where(radreply.c.username == spec.username)).rowcount
        except SQLAlchemyError as exc:
            raise ProvisioningError(self.name, f"RADIUS database: {str(exc).splitlines()[0]}", "database") from None
        return [f"removed {n} RADIUS rows"] if n else []

    def read(self, username: str) -> dict:
        with self.engine.connect() as conn:
            check = {r.attribute: r.value for r in conn.execute(select(radcheck).where(radcheck.c.username == username))}
            reply = {r.attribute: r.value for r in conn.execute(select(radreply).where(radreply.c.username == username))}
        return {"check": check, "reply": reply}

    def close(self) -> None:
        self.engine.dispose()
