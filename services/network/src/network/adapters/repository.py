"""Repositories: the only code that queries the network tables."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import String, cast, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from antena_common.errors import Conflict, NotFound

from ..domain import model
from . import orm


class _Entities:
    def __init__(self, session: Session, cls, what: str):
        self.session, self.cls, self.what = session, cls, what

    def add(self, item) -> None:
        self.session.add(item)
        try:
            self.session.flush()
        except IntegrityError:
            raise Conflict(f"a {self.what} with that name or code already exists") from None

    def flush(self) -> None:
        try:
            self.session.flush()
        except IntegrityError:
            raise Conflict(f"a {self.what} with that name or code already exists") from None

    def get(self, item_id: str, *, lock: bool = False):
        if not item_id:
            raise NotFound(f"{self.what} not found")
        item = self.session.get(self.cls, item_id, with_for_update=lock or None)
        if item is None:
            raise NotFound(f"{self.what} {item_id} not found")
        return item

    def list(self, *, after_id: str | None = None, limit: int = 50, **filters) -> list:
        table = _TABLES[self.cls]
        q = select(self.cls).order_by(table.c.id).limit(limit)
        if after_id:
            q = q.where(table.c.id > after_id)
        for k, v in filters.items():
            if v:
                q = q.where(table.c[k] == v)
        return list(self.session.scalars(q))


_TABLES = {model.Site: orm.sites, model.Router: orm.routers, model.Zone: orm.zones, model.Olt: orm.olts,
           model.NapBox: orm.nap_boxes, model.IpPool: orm.ip_pools, model.Connection: orm.connections}


class NapBoxRepository(_Entities):
    def near(self, cells: list[int], box=None) -> list[tuple]:
        """(id, code, lat, lon, ports, used_ports) of the boxes in these grid cells (and bounding box)."""
        t = orm.nap_boxes
        q = select(t.c.id, t.c.code, t.c.lat, t.c.lon, t.c.ports, t.c.used_ports).where(t.c.cell.in_(cells))
        if box is not None and -180 <= box.min_lon and box.max_lon <= 180:
            q = q.where(t.c.lat.between(box.min_lat, box.max_lat), t.c.lon.between(box.min_lon, box.max_lon))
        return [tuple(r) for r in self.session.execute(q).all()]

    def used_ports(self, box_id: str) -> dict[int, str]:
        t = orm.nap_ports
        return dict(self.session.execute(select(t.c.port, t.c.connection_id).where(t.c.nap_box_id == box_id)).all())

    def take_port(self, box: model.NapBox, port: int, connection_id: str) -> None:
        try:
            with self.session.begin_nested():
                self.session.execute(insert(orm.nap_ports).values(nap_box_id=box.id, port=port,
                                                                  connection_id=connection_id))
        except IntegrityError:
            raise Conflict(f"port {port} of NAP box {box.code} is taken") from None
        box.used_ports += 1

    def free_port(self, box_id: str, connection_id: str) -> None:
        t = orm.nap_ports
        n = self.session.execute(delete(t).where(t.c.nap_box_id == box_id, t.c.connection_id == connection_id)).rowcount
        if n:
            self.session.execute(update(orm.nap_boxes).where(orm.nap_boxes.c.id == box_id)
                                 .values(used_ports=orm.nap_boxes.c.used_ports - n))


class IpPoolRepository(_Entities):
    def all_cidrs(self) -> list[tuple[str, str]]:
        t = orm.ip_pools
        return [tuple(r) for r in self.session.execute(select(t.c.name, t.c.cidr)).all()]

    def for_zone(self, zone_id: str) -> list[model.IpPool]:
        t = orm.ip_pools
        return list(self.session.scalars(select(model.IpPool).where(t.c.zone_id == zone_id).order_by(t.c.id)))

    def reserve_fixed(self, pool_id: str, rows: list[tuple[int, str]]) -> None:
        self.session.execute(insert(orm.ip_allocations), [
            {"pool_id": pool_id, "ip": ip, "kind": kind, "connection_id": None} for ip, kind in rows])

    def first_free(self, pool: model.IpPool, first: int, last: int, window: int = 256) -> int | None:
        """Lowest free address at or after the pool's hint, wrapping around once.

        Walks the allocations in primary-key order, a window at a time, and
        stops at the first gap: a short index range scan, whatever the pool's size."""
        a = orm.ip_allocations
        starts = [pool.next_hint, first] if pool.next_hint and pool.next_hint > first else [first]
        for start in starts:
            cur = start
            while cur <= last:
                ips = [r[0] for r in self.session.execute(
                    select(a.c.ip).where(a.c.pool_id == pool.id, a.c.ip >= cur).order_by(a.c.ip).limit(window))]
                for ip in ips:
                    if ip > cur:
                        break
                    cur = ip + 1
                else:
                    if len(ips) == window:
                        continue  # the whole window was taken: next window
                if cur <= last:
                    return cur
                break  # reached the end: wrap around to the pool's start
        return None

    def is_taken(self, pool_id: str, ip: int) -> bool:
        a = orm.ip_allocations
        return self.session.execute(select(a.c.kind).where(a.c.pool_id == pool_id, a.c.ip == ip)).first() is not None

    def for_zone_locked(self, zone_id: str) -> list[model.IpPool]:
        """The zone's pools, row-locked (PostgreSQL): allocations in a pool are serialised."""
        t = orm.ip_pools
        return list(self.session.scalars(select(model.IpPool).where(t.c.zone_id == zone_id).order_by(t.c.id)
                                         .with_for_update()))

    def take(self, pool: model.IpPool, ip: int, connection_id: str) -> None:
        """Insert the allocation. Callers hold the pool's row lock; the (pool, ip) primary key is the
        last line of defence: a violation aborts the transaction and the event is retried."""
        self.session.execute(insert(orm.ip_allocations).values(pool_id=pool.id, ip=ip, kind="connection",
                                                               connection_id=connection_id))
        pool.used += 1
        pool.next_hint = ip + 1

    def release(self, pool_id: str, connection_id: str) -> None:
        a = orm.ip_allocations
        n = self.session.execute(delete(a).where(a.c.pool_id == pool_id, a.c.connection_id == connection_id)).rowcount
        if n:
            self.session.execute(update(orm.ip_pools).where(orm.ip_pools.c.id == pool_id)
                                 .values(used=orm.ip_pools.c.used - n))


class ConnectionRepository(_Entities):
    def by_contract(self, contract_id: str, *, lock: bool = False) -> model.Connection | None:
        q = select(model.Connection).where(orm.connections.c.contract_id == contract_id)
        if lock:
            q = q.with_for_update()
        return self.session.scalars(q).first()

    def username_taken(self, username: str, except_id: str = "") -> bool:
        t = orm.connections
        q = select(t.c.id).where(t.c.pppoe_username == username, t.c.state != "terminated",
                                 t.c.target_state != "terminated")
        if except_id:
            q = q.where(t.c.id != except_id)
        return self.session.execute(q.limit(1)).first() is not None

    def claim_due(self, at: dt.datetime, lease_seconds: float, limit: int = 100) -> list[tuple[str, str]]:
        """(connection id, router id) of the connections whose provisioning is due, claimed for this worker:
        their next attempt moves `lease_seconds` ahead, so another replica skips them (rows another worker is
        claiming right now are skipped too); a worker that dies loses its claim when the lease runs out."""
        t = orm.connections
        q = (select(t.c.id, t.c.router_id).where(t.c.provisioning_state.in_(("pending", "failed")),
                                                 t.c.next_attempt_at <= at)
             .order_by(t.c.next_attempt_at).limit(limit).with_for_update(skip_locked=True))
        rows = [(r[0], r[1]) for r in self.session.execute(q).all()]
        if rows:
            self.session.execute(update(t).where(t.c.id.in_([r[0] for r in rows]))
                                 .values(next_attempt_at=at + dt.timedelta(seconds=lease_seconds)))
        return rows

    def live(self) -> list[model.Connection]:
        """Connections that are (or are becoming) active or suspended."""
        t = orm.connections
        return list(self.session.scalars(select(model.Connection).where(
            t.c.target_state.in_(("active", "suspended")))))

    def on_router(self, router_id: str) -> list[model.Connection]:
        t = orm.connections
        q = select(model.Connection).where(t.c.provisioned_router_id == router_id)
        return list(self.session.scalars(q))

    def search(self, *, state: str = "", zone_id: str = "", drift_only: bool = False, contract_id: str = "",
               after_id: str | None = None, limit: int = 50) -> list[model.Connection]:
        t = orm.connections
        q = select(model.Connection).order_by(t.c.id.desc()).limit(limit)
        if state:
            q = q.where(t.c.state == state)
        if zone_id:
            q = q.where(t.c.zone_id == zone_id)
        if contract_id:
            q = q.where(t.c.contract_id == contract_id)
        if after_id:
            q = q.where(t.c.id < after_id)
        if drift_only:
            q = q.where(cast(t.c.drift, String) != "[]")
        return list(self.session.scalars(q))


class DriftRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, report_id: str, router_id: str, at: dt.datetime, items: list[dict], error: str = "") -> None:
        self.session.execute(insert(orm.drift_reports).values(id=report_id, router_id=router_id, checked_at=at,
                                                              items=items, error=error))

    def latest(self, router_id: str):
        t = orm.drift_reports
        return self.session.execute(select(t).where(t.c.router_id == router_id).order_by(t.c.id.desc()).limit(1)).first()


class TelemetryRepository:
    def __init__(self, session: Session):
        self.session = session

    def add_device(self, row: dict) -> None:
        try:
            with self.session.begin_nested():
                self.session.execute(insert(orm.devices).values(**row))
        except IntegrityError:
            raise Conflict(f"the connection already has a device named {row['name']}") from None

    def devices(self, connection_id: str = "") -> list:
        t = orm.devices
        q = select(t).order_by(t.c.id)
        if connection_id:
            q = q.where(t.c.connection_id == connection_id)
        return self.session.execute(q).all()

    def add_sample(self, row: dict) -> None:
        self.session.execute(insert(orm.telemetry).values(**row))

    def recent(self, connection_id: str, limit: int) -> list:
        t = orm.telemetry
        d = orm.devices
        # samples without a device are the technician's measurements from the field report
        q = (select(t, func.coalesce(d.c.name, "field report").label("device"))
             .join(d, d.c.id == t.c.device_id, isouter=True)
             .where(t.c.connection_id == connection_id).order_by(t.c.id.desc()).limit(limit))
        return self.session.execute(q).all()

    def last_sample(self, device_id: str):
        t = orm.telemetry
        return self.session.execute(select(t).where(t.c.device_id == device_id).order_by(t.c.id.desc()).limit(1)).first()

    def prune(self, device_id: str, keep: int) -> None:
        t = orm.telemetry
        ids = [r[0] for r in self.session.execute(select(t.c.id).where(t.c.device_id == device_id)
                                                  .order_by(t.c.id.desc()).offset(keep)).all()]
        if ids:
            self.session.execute(delete(t).where(t.c.id.in_(ids)))
