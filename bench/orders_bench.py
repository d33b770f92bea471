"""Orders planning benchmark (PostgreSQL): 200 technicians, 20,000 orders booked in one month.

1. Free-slot suggestion for an order (the earliest 20 two-hour slots over 7 days among the
   technicians covering its zone), against a plain SQL query reading the same booking rows.
2. The week calendar of a technician (working hours, bookings, free spans, as the gRPC servicer
   builds it), against a plain SQL query reading the same booking rows.
3. For information: the week overview of all 200 technicians at once (about 4,500 bookings).

All in the same run, p50/p99 over many calls. Target: p99 under 100 ms for 1 and 2.

    .venv/bin/python bench/orders_bench.py [--technicians 200] [--orders 20000] [--runs 200]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import insert, text

import orders
from antena_common.ids import new_id
from antena_common.runtime import Database
from antena_common.testing import create_pg_database, drop_pg_database
from orders.adapters import orm
from orders.adapters.uow import OrdersUnitOfWork
from orders.app import planning
from orders.domain.planning import Technician
from orders.entrypoints.convert import calendar_to_pb, slot_to_pb

UTC = dt.timezone.utc
ZONES = 10
HOURS = [{"weekday": d, "start": "08:00", "end": "20:00"} for d in range(6)]


def month_start() -> dt.date:
    today = dt.date.today()
    first = (today.replace(day=1) + dt.timedelta(days=40)).replace(day=1)  # next month: always in the future
    return first


def seed(db: Database, n_techs: int, n_orders: int, first: dt.date, rng: random.Random) -> tuple[list, list]:
    now = dt.datetime.now(UTC)
    techs = [Technician.register(name=f"Técnico {i:03d}", user_id=new_id(), zone_ids=[f"zona-{i % ZONES}"],
                                 working_hours=HOURS) for i in range(n_techs)]
    days = [first + dt.timedelta(days=i) for i in range(31) if (first + dt.timedelta(days=i)).month == first.month
            and (first + dt.timedelta(days=i)).weekday() < 6]
    rows = []
    per_tech = n_orders // n_techs
    for tech in techs:
        # one-hour visits on free hours of the technician's working days, never overlapping
        hours = [(d, h) for d in days for h in range(8, 20)]
        for d, h in rng.sample(hours, per_tech):
            start = dt.datetime.combine(d, dt.time(h), UTC)
            rows.append(_order_row(now, technician_id=tech.id, state="scheduled", scheduled_start=start,
                                   scheduled_end=start + dt.timedelta(minutes=rng.choice((60, 60, 45, 30))),
                                   zone_id=tech.zone_ids[0]))
    probes = [_order_row(now, zone_id=f"zona-{i % ZONES}") for i in range(50)]
    with db.engine.begin() as conn:
        conn.execute(insert(orm.technicians), [
            {"id": t.id, "user_id": t.user_id, "name": t.name, "zone_ids": t.zone_ids, "working_hours": t.working_hours,
             "timezone": t.timezone, "phone": "", "active": True, "created_at": now} for t in techs])
        conn.execute(insert(orm.technician_zones), [{"technician_id": t.id, "zone_id": z} for t in techs
                                                    for z in t.zone_ids])
        for i in range(0, len(rows), 5000):
            conn.execute(insert(orm.orders), rows[i:i + 5000])
        conn.execute(insert(orm.orders), probes)
        conn.execute(text("ANALYZE"))
    return techs, [p["id"] for p in probes]


def _order_row(now, **kw) -> dict:
    row = {"id": new_id(), "kind": "installation", "state": "unscheduled", "ticket_id": "", "request_id": None,
           "lead_id": "", "prospect_id": "", "customer_name": "Cliente de prueba", "customer_document": "",
           "customer_phone": "", "customer_email": "", "address": {"street": "San Martín", "number": "100",
                                                                   "city": "Córdoba"},
           "lat": None, "lon": None, "plan_id": "", "recurring_item_ids": [], "discount_ids": [], "notes": "",
           "zone_id": "", "technician_id": None, "scheduled_start": None, "scheduled_end": None, "result_reason": "",
           "loss_tag": "", "contract_id": "", "customer_id": "", "connection_id": "", "contract_request_id": "",
           "contract_error": "", "contract_created": False, "connection_reserved": False, "pppoe_username": "",
           "wifi_ssid": "", "wifi_password": "", "contract_data": {}, "devices": [], "optical_power_dbm": "",
           "seal_code": "", "report_notes": "", "signature_path": "", "support_ticket_id": "", "created_at": now,
           "updated_at": now}
    row.update(kw)
    return row


def timed(fn, runs: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def _stats(app: list[float], sql: list[float], bookings: list[int]) -> dict:
    return {"bookings_per_week": int(statistics.mean(bookings)), "runs": len(app),
            "p50_ms": round(pct(app, 50), 1), "p99_ms": round(pct(app, 99), 1),
            "sql_p50_ms": round(pct(sql, 50), 1), "sql_p99_ms": round(pct(sql, 99), 1),
            "ratio_p99": round(pct(app, 99) / pct(sql, 99), 1)}


BOOKINGS_SQL = text("""
    SELECT id, technician_id, scheduled_start, scheduled_end FROM orders
    WHERE technician_id = ANY(:techs) AND state IN ('scheduled', 'in_progress')
      AND scheduled_start < :end AND scheduled_end > :start
    ORDER BY technician_id, scheduled_start""")
CALENDAR_SQL = text("""
    SELECT id, technician_id, kind, state, scheduled_start, scheduled_end, customer_name, address FROM orders
    WHERE technician_id = ANY(:techs) AND state IN ('unscheduled', 'scheduled', 'in_progress', 'completed', 'failed')
      AND scheduled_start < :end AND scheduled_end > :start
    ORDER BY technician_id, scheduled_start""")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--technicians", type=int, default=200)
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(7)
    url = create_pg_database("antena_bench_orders")
    try:
        orm.start_mappers()
        db = Database(url, orm.metadata, Path(orders.__file__).parent / "migrations", "orders")
        db.migrate()
        first = month_start()
        t0 = time.perf_counter()
        techs, probes = seed(db, args.technicians, args.orders, first, rng)
        seeded = time.perf_counter() - t0
        with db.engine.connect() as conn:
            booked = conn.execute(text("SELECT count(*) FROM orders WHERE state = 'scheduled'")).scalar()
        uow = lambda: db.uow(OrdersUnitOfWork)  # noqa: E731
        at = dt.datetime.combine(first, dt.time(), UTC) - dt.timedelta(days=1)  # "now": the day before the month

        # 1. suggestions: a probe order of some zone, a start day somewhere in the month
        cases = [(rng.choice(probes), first + dt.timedelta(days=rng.randrange(0, 20))) for _ in range(args.runs)]
        it = iter(cases * 2)

        def suggest():
            order_id, day = next(it)
            slots, _zone = planning.suggest_slots(uow(), order_id, start_day=day.isoformat(), days=7,
                                                  duration_minutes=120, limit=20, at=at)
            assert len(slots) == 20
            return [slot_to_pb(*s) for s in slots]

        zone_techs = {z: [t.id for t in techs if t.zone_ids[0] == f"zona-{z}"] for z in range(ZONES)}
        it_sql = iter(cases * 2)

        def suggest_sql():
            _order_id, day = next(it_sql)
            start = dt.datetime.combine(day, dt.time(), UTC) - dt.timedelta(days=1)
            with db.engine.connect() as conn:
                conn.execute(text("SELECT zone_id FROM orders WHERE id = :id"), {"id": _order_id}).scalar()
                rows = conn.execute(BOOKINGS_SQL, {"techs": zone_techs[rng.randrange(ZONES)], "start": start,
                                                   "end": start + dt.timedelta(days=9)}).all()
            return rows

        s_app = timed(suggest, args.runs)
        s_sql = timed(suggest_sql, args.runs)

        # 2. a technician's week calendar; 3. every technician's week at once
        weeks = [(rng.choice(techs).id, first + dt.timedelta(days=7 * rng.randrange(0, 4))) for _ in range(args.runs)]
        all_ids = [t.id for t in techs]
        seen = {"one": [], "all": []}

        def week_app(all_techs: bool):
            it = iter(weeks * 2)

            def run():
                tech_id, day = next(it)
                cal = planning.calendar(uow(), date=day.isoformat(), view="week",
                                        technician_id="" if all_techs else tech_id)
                msg = calendar_to_pb(cal)
                seen["all" if all_techs else "one"].append(sum(len(t.bookings) for t in msg.technicians))
                return msg
            return run

        def week_sql(all_techs: bool):
            it = iter(weeks * 2)

            def run():
                tech_id, day = next(it)
                monday = day - dt.timedelta(days=day.weekday())
                start = dt.datetime.combine(monday, dt.time(), UTC) - dt.timedelta(days=1)
                with db.engine.connect() as conn:
                    conn.execute(text("SELECT id, name, zone_ids, working_hours, timezone FROM technicians "
                                      + ("WHERE active ORDER BY id" if all_techs else "WHERE id = :id")),
                                 {"id": tech_id}).all()
                    return conn.execute(CALENDAR_SQL, {"techs": all_ids if all_techs else [tech_id], "start": start,
                                                       "end": start + dt.timedelta(days=9)}).all()
            return run

        w_app, w_sql = timed(week_app(False), args.runs), timed(week_sql(False), args.runs)
        runs_all = max(20, args.runs // 10)
        o_app, o_sql = timed(week_app(True), runs_all), timed(week_sql(True), runs_all)

        result = {
            "technicians": args.technicians, "orders_booked": booked, "seed_seconds": round(seeded, 1),
            "suggest": {"p50_ms": round(pct(s_app, 50), 1), "p99_ms": round(pct(s_app, 99), 1),
                        "sql_p50_ms": round(pct(s_sql, 50), 1), "sql_p99_ms": round(pct(s_sql, 99), 1),
                        "ratio_p99": round(pct(s_app, 99) / pct(s_sql, 99), 1)},
            "week_calendar_one_technician": _stats(w_app, w_sql, seen["one"]),
            "week_overview_all_technicians": _stats(o_app, o_sql, seen["all"]),
        }
        print(json.dumps(result, indent=2))
        ok = result["suggest"]["p99_ms"] < 100 and result["week_calendar_one_technician"]["p99_ms"] < 100
        print("target p99 < 100 ms (suggestion, week calendar):", "MET" if ok else "NOT MET")
        db.engine.dispose()
        return 0
    finally:
        drop_pg_database(url)


if __name__ == "__main__":
    raise SystemExit(main())
