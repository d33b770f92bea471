"""Gateway benchmark (issue 2): the sales desk's ticket list through the whole
stack against a bare FastAPI endpoint returning a body of the same size,
measured in the same run.

  antena: GET /v1/tickets?state=pending&limit=50 -> gateway (request id,
          security headers, JWT + user check, role check) -> its page cache,
          kept until sales.ticket_changed; on a miss async gRPC -> sales
          (keyset query over 100,000 tickets, one statement) -> JSON
  uncached: the same through a second gateway process with the page cache off
          (ANTENA_GATEWAY_TICKET_LIST_CACHE_SECONDS=0): every request crosses
          gRPC and sales' query
  churn:  the cached gateway while tickets change through sales at --churn
          changes/s (AssignTicket by gRPC, as another gateway replica would):
          every change empties the cache
  bare:   GET /bare on a one-route FastAPI app under uvicorn, same body bytes

Every server runs in its own process (started here on free ports); the load
comes from yet another process, the same generator with the same options and
headers for both targets: wrk when installed (apt-get install wrk; one thread,
--connections keep-alive connections, each sending its next request as soon as
the previous answer is in), else a Python asyncio client (httpx, same closed
loop; slower than wrk, so with it the bare rate is partly the client's limit).
Two measurements:

  1. saturation: requests/s of each side, alternating bare/antena rounds so
     background load hits both alike; ratio antena/bare (target >= 0.3). The
     CPU time each server process spent per request is read from /proc, and
     the CPU ratio (bare CPU per request / antena CPU per request, all antena
     processes summed) is printed too: on a shared machine it moves much less
     than the rates do.
  2. steady 50 requests/s, open loop (latency counted from the moment each
     request was due, so a stall is not hidden): p50/p99 (target p99 < 50 ms)

  .venv/bin/python bench/gateway_bench.py [--mode embedded|split] [--db sqlite|postgresql]
        [--tickets 100000] [--seconds 8] [--rounds 3] [--rate 50] [--rate-seconds 20] [--churn 20]

--mode embedded runs `antena up` (every service in one process, as `make up`);
--mode split runs sales and gateway each as its own `antena run` process.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

PATH = "/v1/tickets?state=pending&limit=50"
STATES = (("pending", 0.25), ("order_in_progress", 0.35), ("won", 0.25), ("lost", 0.15))
SOURCES = ("web", "whatsapp", "phone", "walk-in", "referral", "facebook")


# --- data ---------------------------------------------------------------------------------------------------

def seed_sales(url: str, tickets: int, leads: int = 2000) -> None:
    """Create the sales schema with its own migrations, then bulk-insert leads,
    prospects and tickets through the sales service's table definitions."""
    from sqlalchemy import insert

    import sales
    from antena_common.db import make_engine, run_migrations
    from antena_common.ids import new_id
    from sales.adapters import orm

    run_migrations(Path(sales.__file__).parent / "migrations", url)
    engine = make_engine(url)
    rnd = random.Random(7)
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=365)
    people = []
    with engine.begin() as conn:
        lead_rows, prospect_rows = [], []
        for i in range(leads):
            name = f"{rnd.choice(['Ana', 'Luis', 'Rosa', 'Juan', 'Marta', 'Pablo'])} " \
                   f"{rnd.choice(['Gómez', 'Pérez', 'Díaz', 'Núñez', 'Sosa'])} {i}"
            lead_id, prospect_id = new_id(), new_id()
            people.append((lead_id, prospect_id, name))
            lead_rows.append({"id": lead_id, "name": name, "phone": f"351555{i:04d}", "email": f"c{i}@example.com",
                              "source": rnd.choice(SOURCES), "search": name.lower(), "created_at": start})
            prospect_rows.append({"id": prospect_id, "lead_id": lead_id, "name": name, "plan_id": "plan-30",
                                  "recurring_item_ids": [], "discount_ids": [], "street": "Av. Colón",
                                  "number": str(100 + i), "city": "Córdoba", "state": "Córdoba",
                                  "lat": -31.41 + rnd.random() / 100, "lon": -64.18 + rnd.random() / 100,
                                  "created_at": start})
        conn.execute(insert(orm.leads), lead_rows)
        conn.execute(insert(orm.prospects), prospect_rows)
    names, weights = zip(*STATES)
    batch = []
    for i in range(tickets):
        lead_id, prospect_id, name = people[i % len(people)]
        state = rnd.choices(names, weights)[0]
        created = start + dt.timedelta(seconds=i * 300)
        batch.append({
            "id": new_id(), "lead_id": lead_id, "prospect_id": prospect_id, "prospect_name": name,
            "source": rnd.choice(SOURCES), "create": rnd.choice(["ticket", "installation", "feasibility"]),
            "assignee_id": f"seller-{i % 7}", "summary": f"{name}: Av. Colón, Córdoba", "state": state,
            "tags": ["sin cobertura"] if state == "lost" else (["vip"] if i % 11 == 0 else []),
            "loss_tag": "sin cobertura" if state == "lost" else "",
            "coverage": {"status": "covered", "nearest": {"nap_box_id": "nap-1", "code": "NAP-001",
                                                          "distance_m": 35.5, "free_ports": 4}},
            "scheduled_for": created + dt.timedelta(days=3) if state == "order_in_progress" else None,
            "order_ids": [new_id()] if state != "pending" else [], "orders_count": 0 if state == "pending" else 1,
            "lead_phone": "3515550000", "lead_email": "", "created_at": created, "updated_at": created,
            "closed_at": created if state in ("won", "lost") else None,
        })
        if len(batch) == 5000:
            with engine.begin() as conn:
                conn.execute(insert(orm.tickets), batch)
            batch = []
    if batch:
        with engine.begin() as conn:
            conn.execute(insert(orm.tickets), batch)
    if engine.dialect.name == "postgresql":
        # a settled database, as in service: no autovacuum/analyze pass during the measurement
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()


# --- processes ----------------------------------------------------------------------------------------------

def serve_bare(port: int, body_file: str) -> None:
    """Child process: the baseline, one FastAPI route returning fixed bytes."""
    import uvicorn
    from fastapi import FastAPI
    from fastapi.responses import Response

    body = Path(body_file).read_bytes()
    app = FastAPI()

    @app.get("/bare")
    async def bare() -> Response:
        return Response(body, media_type="application/json")

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def start(cmd: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(cmd, env=env, stdout=open(log, "ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def cpu_seconds(proc: subprocess.Popen) -> float:
    """User + system CPU time of a process (all its threads) from /proc."""
    try:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_http(url: str, timeout: float = 120, procs=()) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in procs:
            if p.poll() is not None:
                raise SystemExit(f"a server process exited with {p.returncode}; see the logs")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {url}")


# --- load ---------------------------------------------------------------------------------------------------

def saturate_wrk(url: str, headers: dict, seconds: float, connections: int) -> dict:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--latency"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    client_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / (rate * seconds) * 1000
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    if bad and int(bad.group(1)):
        raise SystemExit(f"{url}: {bad.group(1)} non-2xx answers\n{out}")
    return {"rate": rate, "tool": "wrk", "socket_errors": errors.group(0) if errors else "",
            "client_cpu_ms": round(client_cpu, 3)}


async def _saturate_py(url: str, headers: dict, seconds: float, connections: int) -> dict:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    count = 0
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:
        end = time.perf_counter() + seconds

        async def worker():
            nonlocal count
            while time.perf_counter() < end:
                r = await client.get(url)
                if r.status_code != 200:
                    raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
                count += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        return {"rate": count / (time.perf_counter() - started), "tool": "python"}


def saturate(url: str, headers: dict, seconds: float, connections: int) -> dict:
    if shutil.which("wrk"):
        return saturate_wrk(url, headers, seconds, connections)
    return asyncio.run(_saturate_py(url, headers, seconds, connections))


async def _steady(url: str, headers: dict, rate: float, seconds: float) -> dict:
    """Open loop: request i is due at t0 + i/rate whatever happened before."""
    n = int(rate * seconds)
    latencies: list[float] = []
    failures = 0
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:
        for _ in range(5):  # open a few connections first
            await client.get(url)
        t0 = time.perf_counter() + 0.1

        async def one(i: int):
            nonlocal failures
            due = t0 + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            r = await client.get(url)
            if r.status_code != 200:
                failures += 1
            latencies.append((time.perf_counter() - due) * 1000)

        await asyncio.gather(*(one(i) for i in range(n)))
    lat = sorted(latencies)
    pick = lambda q: lat[min(len(lat) - 1, int(round(q * (len(lat) - 1))))]  # noqa: E731
    return {"requests": n, "failures": failures, "p50_ms": round(pick(0.50), 2), "p90_ms": round(pick(0.90), 2),
            "p99_ms": round(pick(0.99), 2), "max_ms": round(lat[-1], 2)}


def steady(url: str, headers: dict, rate: float, seconds: float) -> dict:
    """In a child process, so the client never shares a CPU-bound interpreter with this script's work."""
    code = ("import asyncio, json, sys; sys.path.insert(0, sys.argv[1]); import gateway_bench as b; "
            "print(json.dumps(asyncio.run(b._steady(sys.argv[2], json.loads(sys.argv[3]), "
            "float(sys.argv[4]), float(sys.argv[5])))))")
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), url, json.dumps(headers),
                          str(rate), str(seconds)], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- churn ------------------------------------------------------------------------------------------------

class Churn:
    """Changes tickets through sales at `rate` per second (AssignTicket by gRPC, as
    another gateway replica would) in a thread, while it runs."""

    def __init__(self, target: str, ticket_ids: list[str], rate: float):
        self.target, self.ticket_ids, self.rate = target, ticket_ids, rate
        self.done = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "Churn":
        if self.rate > 0:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(10)

    def _run(self) -> None:
        import grpc

        from antena.sales.v1 import sales_pb2, sales_pb2_grpc

        rnd = random.Random(11)
        with grpc.insecure_channel(self.target) as channel:
            stub = sales_pb2_grpc.SalesServiceStub(channel)
            started = time.perf_counter()
            while not self._stop.is_set():
                stub.AssignTicket(sales_pb2.AssignTicketRequest(ticket_id=rnd.choice(self.ticket_ids),
                                                                assignee_id=f"seller-{rnd.randrange(7)}"), timeout=10)
                self.done += 1
                self._stop.wait(max(0.0, started + self.done / self.rate - time.perf_counter()))


# --- main ---------------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=["embedded", "split"], default="embedded")
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    ap.add_argument("--tickets", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=8, help="length of each saturation round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--rate", type=float, default=50)
    ap.add_argument("--rate-seconds", type=float, default=20)
    ap.add_argument("--churn", type=float, default=20, help="ticket changes per second in the churn rounds (0: none)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (logs)")
    args = ap.parse_args()

    from antena_common.testing import (AMQP_URL, create_pg_database, create_vhost, delete_vhost, drop_pg_database,
                                       free_port, system_env)

    tmp = Path(tempfile.mkdtemp(prefix="antena-gw-bench-"))
    data = tmp / "data"
    data.mkdir()
    pg_urls = {}
    if args.db == "postgresql":
        pg_urls = {s: create_pg_database(f"antena_bench_{s}") for s in ("sales", "gateway")}
    # split: the processes share RabbitMQ (a vhost of this run), so sales' ticket_changed reaches the gateways
    vhost = create_vhost() if args.mode == "split" else ""
    broker = AMQP_URL.rstrip("/") + "/" + vhost if vhost else "memory://"
    env = {**os.environ, **system_env(data, broker_url=broker, database_urls=pg_urls)}
    env["ANTENA_LOG_LEVEL"] = "WARNING"
    sales_url = pg_urls.get("sales") or f"sqlite:///{(data / 'sales.db').resolve()}"
    procs: list[subprocess.Popen] = []
    try:
        t = time.perf_counter()
        seed_sales(sales_url, args.tickets)
        print(f"seeded {args.tickets} tickets into sales ({args.db}) in {time.perf_counter() - t:.0f} s", flush=True)

        antena = [sys.executable, "-m", "antena_common.cli"]
        named: dict[str, subprocess.Popen] = {}
        if args.mode == "embedded":
            named["system"] = start([*antena, "up"], env, tmp / "system.log")
        else:
            for svc in ("sales", "gateway"):
                named[svc] = start([*antena, "run", svc], env, tmp / f"{svc}.log")
        procs.extend(named.values())
        gateway = f"http://127.0.0.1:{env['ANTENA_GATEWAY_PORT']}"
        wait_http(f"{gateway}/health", procs=procs)
        # a second gateway, page cache off, beside the first (same sales, same staff database)
        uncached_env = {**env, "ANTENA_GATEWAY_PORT": str(free_port()), "ANTENA_GATEWAY_TICKET_LIST_CACHE_SECONDS": "0"}
        named["gateway-uncached"] = start([*antena, "run", "gateway"], uncached_env, tmp / "gateway-uncached.log")
        procs.append(named["gateway-uncached"])
        uncached = f"http://127.0.0.1:{uncached_env['ANTENA_GATEWAY_PORT']}"
        wait_http(f"{uncached}/health", procs=procs)
        token = httpx.post(f"{gateway}/v1/auth/token", timeout=30,
                           json={"username": "admin", "password": env["ANTENA_ADMIN_PASSWORD"]}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        first = httpx.get(gateway + PATH, headers=headers, timeout=30)
        first.raise_for_status()
        page = first.json()
        assert len(page["items"]) == 50 and page["next_cursor"], "expected a full page and a next cursor"
        assert all(x["state"] == "pending" for x in page["items"])
        assert httpx.get(uncached + PATH, headers=headers, timeout=30).content == first.content
        body_file = tmp / "body.json"
        body_file.write_bytes(first.content)
        # the churn changes the tickets of the first pages, so every change shows in the measured page
        churn_ids = [t["id"] for t in page["items"]]

        bare_port = free_port()
        bare = start([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                      f"import gateway_bench as b; b.serve_bare({bare_port}, {str(body_file)!r})"],
                     env, tmp / "bare.log")
        procs.append(bare)
        bare_url = f"http://127.0.0.1:{bare_port}/bare"
        wait_http(bare_url, procs=procs)
        assert len(httpx.get(bare_url).content) == len(first.content)

        cpu0 = {k: cpu_seconds(p) for k, p in named.items()}
        time.sleep(3)
        idle_cores = {k: round((cpu_seconds(p) - cpu0[k]) / 3, 3) for k, p in named.items()}
        print(f"idle CPU of the antena processes (cores): {idle_cores}; load average {os.getloadavg()}", flush=True)

        targets = {"cached": gateway + PATH, "uncached": uncached + PATH, "churn": gateway + PATH}
        if args.churn <= 0:
            del targets["churn"]

        def measure(url: str, churn: float = 0) -> tuple[dict, dict, int]:
            cpu0 = {k: cpu_seconds(p) for k, p in named.items()}
            with Churn(env["ANTENA_SALES_GRPC"], churn_ids, churn) as changes:
                r = saturate(url, headers, args.seconds, args.connections)
            cpu_ms = {k: round((cpu_seconds(p) - cpu0[k]) / (r["rate"] * args.seconds) * 1000, 3)
                      for k, p in named.items()}
            return r, cpu_ms, changes.done

        # warm everything up, then alternate rounds so background load hits every side alike
        saturate(bare_url, {}, 2, args.connections)
        for url in targets.values():
            saturate(url, headers, 2, args.connections)
        rounds = []
        for i in range(args.rounds):
            cpu0 = cpu_seconds(bare)
            b = saturate(bare_url, headers, args.seconds, args.connections)
            bare_cpu = round((cpu_seconds(bare) - cpu0) / (b["rate"] * args.seconds) * 1000, 3)
            row = {"bare": round(b["rate"], 1), "bare_cpu_ms": bare_cpu, "load_average": round(os.getloadavg()[0], 1)}
            for name, url in targets.items():
                r, cpu_ms, changes = measure(url, args.churn if name == "churn" else 0)
                row[name] = {"rate": round(r["rate"], 1), "ratio": round(r["rate"] / b["rate"], 3),
                             "cpu_ms_per_request": cpu_ms, "client_cpu_ms": r.get("client_cpu_ms"),
                             **({"changes": changes} if name == "churn" else {})}
            rounds.append(row)
            print(f"round {i + 1}: bare {b['rate']:.0f} req/s ({bare_cpu} ms CPU); " + "; ".join(
                f"{n} {row[n]['rate']:.0f} req/s, ratio {row[n]['ratio']:.3f}, CPU ms {row[n]['cpu_ms_per_request']}"
                + (f", {row[n]['changes']} changes" if n == "churn" else "") for n in targets)
                + f"; load {row['load_average']}", flush=True)
        ratios = {n: round(statistics.median(r[n]["ratio"] for r in rounds), 3) for n in targets}

        steady_bare = steady(bare_url, headers, args.rate, args.rate_seconds)
        steady_cached = steady(gateway + PATH, headers, args.rate, args.rate_seconds)
        steady_uncached = steady(uncached + PATH, headers, args.rate, args.rate_seconds)
        result = {
            "mode": args.mode, "db": args.db, "tickets": args.tickets, "body_bytes": len(first.content),
            "tool": "wrk" if shutil.which("wrk") else "python", "connections": args.connections,
            "churn_per_second": args.churn, "rounds": rounds, "ratio_median": ratios, "ratio_target": 0.3,
            "steady_rate": args.rate, "steady_seconds": args.rate_seconds, "steady_cached": steady_cached,
            "steady_uncached": steady_uncached, "steady_bare": steady_bare, "p99_target_ms": 50,
            "cpus": os.cpu_count(), "idle_cores": idle_cores, "load_average_end": os.getloadavg(),
        }
        print(f"\nbody {len(first.content)} bytes, {args.tickets} tickets, mode {args.mode}, db {args.db}")
        for name, ratio in ratios.items():
            print(f"throughput ratio {name}/bare (median of {args.rounds}): {ratio:.3f}  (target >= 0.3: "
                  f"{'met' if ratio >= 0.3 else 'NOT met'})")
        for name, st in (("cached", steady_cached), ("uncached", steady_uncached)):
            print(f"steady {args.rate:.0f} req/s for {args.rate_seconds:.0f} s, {name}: p50 {st['p50_ms']} ms, "
                  f"p99 {st['p99_ms']} ms (target < 50 ms: {'met' if st['p99_ms'] < 50 else 'NOT met'})")
        print(f"bare p99 {steady_bare['p99_ms']} ms")
        print(json.dumps(result))
    finally:
        for p in reversed(procs):
            stop(p)
        for url in pg_urls.values():
            drop_pg_database(url)
        if vhost:
            delete_vhost(vhost)
        if args.keep:
            print(f"logs in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
