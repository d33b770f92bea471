"""Gateway benchmark: the sales desk list against a bare FastAPI endpoint.

  antena: GET /v1/tickets?state=pending&limit=50 through the gateway (JWT check,
          role check, middleware) -> gRPC -> sales (keyset query on (state, id),
          100,000 tickets) -> JSON
  bare:   a FastAPI endpoint that returns a JSON body of the same size

Reports the throughput ratio antena/bare (target >= 0.3) and the latency of
the antena path at a steady 50 requests/s (target p99 < 50 ms). Embedded mode
(SQLite) by default; --pg runs sales on PostgreSQL (ANTENA_TEST_PG).

  .venv/bin/python bench/tickets_bench.py [--tickets 100000] [--requests 400] [--rate 50] [--seconds 10] [--pg]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, insert

from antena_common.ids import new_id
from antena_common.testing import EmbeddedSystem, create_pg_database, drop_pg_database, free_port, system_env

STATES = ("pending", "order_in_progress", "won", "lost")


def fill(url: str, tickets: int) -> None:
    """Bulk-load leads, prospects and tickets straight into the sales tables."""
    from sales.adapters import orm

    engine = create_engine(url)
    now = dt.datetime.now(dt.timezone.utc)
    leads = []
    with engine.begin() as conn:
        for i in range(1000):
            leads.append((new_id(), new_id(), f"Cliente {i} Gómez"))
        conn.execute(insert(orm.leads), [
            {"id": lid, "name": name, "document": "", "phone": "3515551234", "email": "", "source": "web",
             "notes": "", "search": name.lower(), "created_at": now} for lid, _, name in leads])
        conn.execute(insert(orm.prospects), [
            {"id": pid, "lead_id": lid, "name": name, "plan_id": "plan", "recurring_item_ids": [], "discount_ids": [],
             "street": "San Martín", "number": "1", "city": "Córdoba", "state": "Córdoba", "neighbourhood": "",
             "postal_code": "", "lat": -31.4, "lon": -64.2, "notes": "", "catalog_checked": False, "created_at": now}
            for lid, pid, name in leads])
    batch = []
    for i in range(tickets):
        lid, pid, name = leads[i % len(leads)]
        state = STATES[i % 4]
        batch.append({
            "id": new_id(), "lead_id": lid, "prospect_id": pid, "prospect_name": name, "source": "web",
            "create": "installation", "assignee_id": "seller-1", "summary": f"{name}: plan San Martín 1, Córdoba",
            "state": state, "tags": ["sin cobertura"] if state == "lost" else [],
            "loss_tag": "sin cobertura" if state == "lost" else "",
            "coverage": {"status": "covered", "nearest": {"nap_box_id": "n1", "code": "NAP-1", "distance_m": 40.0,
                                                          "free_ports": 3}, "checked_at": now.isoformat(), "detail": ""},
            "scheduled_for": None, "contract_id": "", "feasible": False, "order_ids": [], "orders_count": 0,
            "lead_phone": "3515551234", "lead_email": "", "created_at": now, "updated_at": now, "closed_at": None})
        if len(batch) == 5000:
            with engine.begin() as conn:
                conn.execute(insert(orm.tickets), batch)
            batch = []
    if batch:
        with engine.begin() as conn:
            conn.execute(insert(orm.tickets), batch)
    engine.dispose()


def bare_app(body: bytes):
    from fastapi import FastAPI
    from fastapi.responses import Response

    app = FastAPI()

    @app.get("/bare")
    def bare() -> Response:
        return Response(body, media_type="application/json")

    return app


def serve(app, port: int):
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server


def throughput(client: httpx.Client, path: str, n: int) -> float:
    started = time.perf_counter()
    for _ in range(n):
        r = client.get(path)
        assert r.status_code == 200, r.text
    return n / (time.perf_counter() - started)


def steady(client: httpx.Client, path: str, rate: float, seconds: float) -> list[float]:
    latencies, interval = [], 1 / rate
    start = time.perf_counter()
    for i in range(int(rate * seconds)):
        due = start + i * interval
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        t0 = time.perf_counter()
        assert client.get(path).status_code == 200
        latencies.append((time.perf_counter() - t0) * 1000)
    return latencies


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--rate", type=float, default=50)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--pg", action="store_true")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="antena-bench-"))
    pg_url = create_pg_database("antena_bench") if args.pg else None
    env = system_env(tmp / "data", database_urls={"sales": pg_url} if pg_url else None)
    env["ANTENA_LOG_LEVEL"] = "WARNING"
    system = EmbeddedSystem(env, only=["sales", "gateway"])
    bare_server = None
    try:
        sales_url = pg_url or f"sqlite:///{(tmp / 'data' / 'sales.db').resolve()}"
        t0 = time.perf_counter()
        fill(sales_url, args.tickets)
        print(f"loaded {args.tickets} tickets in {time.perf_counter() - t0:.1f}s "
              f"({'PostgreSQL' if pg_url else 'SQLite'})")
        path = "/v1/tickets?state=pending&limit=50"
        with system.client() as api:
            first = api.get(path)
            body = first.content
            assert len(first.json()["items"]) == 50
            # a later page too: keyset pagination must not slow down with depth
            cursor = first.json()["next_cursor"]
            for _ in range(100):
                cursor = api.get(path, params={"cursor": cursor}).json()["next_cursor"]
            port = free_port()
            bare_server = serve(bare_app(body), port)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as bare:
                throughput(bare, "/bare", 50)
                throughput(api, path, 50)  # warm-up
                rounds = []
                for _ in range(3):
                    b = throughput(bare, "/bare", args.requests)
                    a = throughput(api, path, args.requests)
                    rounds.append((a, b))
            a_best = max(a for a, _ in rounds)
            b_best = max(b for _, b in rounds)
            ratios = [a / b for a, b in rounds]
            print(f"body {len(body)} bytes; antena {a_best:.0f} req/s, bare {b_best:.0f} req/s, "
                  f"ratio median {statistics.median(ratios):.2f} (target >= 0.3)")
            lat = sorted(steady(api, path, args.rate, args.seconds))
            p50, p99 = lat[len(lat) // 2], lat[min(len(lat) - 1, int(len(lat) * 0.99))]
            print(f"steady {args.rate:.0f} req/s for {args.seconds:.0f}s: p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
                  f"max {lat[-1]:.1f} ms (target p99 < 50 ms)")
            print(json.dumps({"ratio": round(statistics.median(ratios), 3), "p99_ms": round(p99, 1)}))
    finally:
        if bare_server:
            bare_server.should_exit = True
        system.stop()
        if pg_url:
            drop_pg_database(pg_url)


if __name__ == "__main__":
    main()
