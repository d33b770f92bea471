"""Sign-up benchmark: end-to-end sign-ups per second through the distributed
system, and the time from ticket creation to active contract, with the field
steps scripted (antena_common.scenario: lead, prospect, ticket, order,
schedule, contract request, technician start/report/complete, all through the
gateway's HTTP API; provisioning on a fake RouterOS API server; activation by
the network -> billing events).

Three systems, one after the other, in the same run:
  embedded     `antena up` in one process (SQLite, in-memory bus): the baseline,
               the same job and the same HTTP requests without the distribution
  distributed  every service its own process on RabbitMQ + a PostgreSQL database each
  replicas     the same with N processes of the busiest service of the
               distributed run (most CPU seconds per sign-up, from /proc)

Each: prepare (plan, zone, router, NAP boxes, technicians), a warm-up, then
`--signups` sign-ups from `--clients` concurrent client threads. Measured:
  sign-ups/s     measured sign-ups / (first request -> last contract active)
  ticket->active per sign-up, the ticket's created_at (sales database) to the
                 billing transaction that made the contract active (the
                 contract_activated row of billing's outbox)
  done->active   from the technician's `complete` answer to active (the
                 asynchronous tail: provisioning, activation)
  CPU            seconds per process (/proc/<pid>/stat), PostgreSQL backends per
                 service database, the broker, and this client

Needs the PostgreSQL and RabbitMQ the tests use; makes and drops its own
databases and vhosts.

  .venv/bin/python bench/signup_bench.py [--signups 200] [--clients 6] [--replicas 2]
      [--replicate auto|<service>] [--rounds 1] [--threads-variant] [--skip-embedded]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, select

from antena_common import scenario
from antena_common.testing import (AMQP_URL, SERVICE_NAMES, create_vhost, delete_vhost, distributed, system_env,
                                   wait_until)
from billing.adapters import orm as billing_orm
from network.testing.fake_routeros import FakeRouterOS
from sales.adapters import orm as sales_orm

ROUTER_USER, ROUTER_PASSWORD = "antena", "rb-secret"
TICKS = os.sysconf("SC_CLK_TCK")
BROKER = "rabbitmq (whole broker)"  # shared with whoever else uses it: shown, not added up


# -- CPU from /proc ----------------------------------------------------------------------------------
def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0.0


def _pg_backends(databases: dict[str, str]) -> dict[str, list[int]]:
    """PostgreSQL backend pids per service, from their process titles `postgres: [cluster:] user db ...`."""
    by_db = {url.rsplit("/", 1)[1]: name for name, url in databases.items()}
    found: dict[str, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                title = f.read().replace(b"\0", b" ").decode(errors="replace").split()
        except OSError:
            continue
        db = next((word for word in title[1:5] if word in by_db), None)  # after an optional cluster name
        if title and title[0] == "postgres:" and db:
            found.setdefault(by_db[db], []).append(int(entry))
    return found


def _broker_pids() -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm") as f:
                    if f.read().strip() == "beam.smp":
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


class CpuMeter:
    """CPU seconds spent between start() and stop() by the system's processes,
    their PostgreSQL backends, the broker and this client process."""

    def __init__(self, processes: dict[str, int], databases: dict[str, str]):
        self.processes, self.databases = processes, databases

    def _sample(self) -> dict[str, float]:
        s = {name: _cpu_seconds(pid) for name, pid in self.processes.items()}
        for service, pids in _pg_backends(self.databases).items():
            for pid in pids:
                s[f"pg:{service}:{pid}"] = _cpu_seconds(pid)
        s[BROKER] = sum(_cpu_seconds(p) for p in _broker_pids())
        usage = resource.getrusage(resource.RUSAGE_SELF)
        s["bench client"] = usage.ru_utime + usage.ru_stime
        return s

    def start(self) -> None:
        self.before = self._sample()

    def stop(self) -> dict[str, float]:
        after = self._sample()
        spent: dict[str, float] = {}
        for key, value in after.items():
            name = "postgres " + key.split(":")[1] if key.startswith("pg:") else key
            spent[name] = spent.get(name, 0.0) + value - self.before.get(key, 0.0)
        return spent


# -- the systems ---------------------------------------------------------------------------------
class Running:
    """What a measurement needs of a running system."""

    def __init__(self, label: str, gateway_urls: list[str], admin_password: str, sales_db: str, billing_db: str,
                 processes, databases: dict[str, str]):
        self.label, self.gateway_urls, self.admin_password = label, gateway_urls, admin_password
        self.sales_db, self.billing_db = sales_db, billing_db
        self.processes = processes  # () -> {name: pid}
        self.databases = databases


def _extra_env(smtp_port: int) -> dict[str, str]:
    return {"ANTENA_NOTIFICATIONS_SMTP_PORT": str(smtp_port), "ANTENA_LOG_LEVEL": "WARNING"}


@contextmanager
def embedded(base: Path, smtp_port: int):
    base.mkdir(parents=True, exist_ok=True)
    env = {**system_env(base / "data"), **_extra_env(smtp_port)}
    log = open(base / "embedded.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "antena_common.cli", "up"], env={**os.environ, **env},
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{env['ANTENA_GATEWAY_PORT']}"
    try:
        def up():
            if proc.poll() is not None:
                raise RuntimeError(f"antena up exited ({proc.returncode}), see {base / 'embedded.log'}")
            try:
                return httpx.get(f"{url}/health", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False
        wait_until(up, timeout=120, message="embedded gateway /health")
        data = (base / "data").resolve()
        yield Running("embedded (1 process)", [url], env["ANTENA_ADMIN_PASSWORD"], f"sqlite:///{data / 'sales.db'}",
                      f"sqlite:///{data / 'billing.db'}", lambda: {"antena up": proc.pid}, {})
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def multi_process(base: Path, smtp_port: int, replicas: dict[str, int] | None = None,
                  consumer_threads: dict[str, int] | None = None):
    vhost = create_vhost()
    extra = _extra_env(smtp_port)
    for service, n in (consumer_threads or {}).items():
        extra[f"ANTENA_{service.upper()}_CONSUMER_THREADS"] = str(n)
    try:
        with distributed(base, AMQP_URL.rstrip("/") + "/" + vhost, replicas=replicas, extra_env=extra) as system:
            dbs = {name: system.env[f"ANTENA_{name.upper()}_DATABASE_URL"] for name in SERVICE_NAMES}
            label = "distributed" + "".join(f", {n} x {s}" for s, n in (replicas or {}).items()) \
                + "".join(f", {s} with {n} consumer threads" for s, n in (consumer_threads or {}).items())
            yield Running(label, system.urls_of("gateway"), system.admin_password, dbs["sales"], dbs["billing"],
                          system.pids, dbs)
    finally:
        delete_vhost(vhost)


# -- one measurement -----------------------------------------------------------------------------
class RequestCounter:
    def __init__(self):
        self.n = 0
        self._lock = threading.Lock()

    def __call__(self, request) -> None:
        with self._lock:
            self.n += 1


def _clients(running: Running, counter: RequestCounter, timeout: float = 60) -> list[httpx.Client]:
    token = httpx.post(f"{running.gateway_urls[0]}/v1/auth/token", timeout=30,
                       json={"username": "admin", "password": running.admin_password}).json()["access_token"]
    return [httpx.Client(base_url=u, timeout=timeout, headers={"Authorization": f"Bearer {token}"},
                         limits=httpx.Limits(max_connections=64, max_keepalive_connections=64),
                         event_hooks={"request": [counter]})
            for u in running.gateway_urls]


def _activations(billing_engine) -> dict[str, dt.datetime]:
    """ticket id -> when billing made its contract active (its contract_activated outbox row)."""
    t = billing_orm.metadata.tables["outbox"]
    with billing_engine.connect() as conn:
        rows = conn.execute(select(t.c.body, t.c.created_at).where(t.c.routing_key == "billing.contract_activated")).all()
    found = {}
    for body, at in rows:
        ticket = json.loads(body)["payload"].get("ticket_id")
        if ticket:
            found[ticket] = at
    return found


def _ticket_times(sales_engine, ticket_ids: list[str]) -> dict[str, dt.datetime]:
    t = sales_orm.tickets
    with sales_engine.connect() as conn:
        return dict(conn.execute(select(t.c.id, t.c.created_at).where(t.c.id.in_(ticket_ids))).all())


def _run_sign_ups(clients, setup, numbers: list[int], concurrency: int) -> tuple[list, list[str]]:
    """(sign-ups with their client-side completion times, errors)."""
    done, errors = [], []
    queue = list(numbers)
    lock = threading.Lock()

    def worker(k: int):
        api = clients[k % len(clients)]
        while True:
            with lock:
                if not queue:
                    return
                i = queue.pop(0)
            try:
                s = scenario.sign_up(api, setup, i, timeout=300)
                with lock:
                    done.append((s, dt.datetime.now(dt.timezone.utc)))
            except Exception as exc:  # recorded and reported, the others go on
                with lock:
                    errors.append(f"sign-up {i}: {exc!r}"[:300])

    with ThreadPoolExecutor(concurrency) as pool:
        for f in [pool.submit(worker, k) for k in range(concurrency)]:
            f.result()
    return done, errors


def _wait_active(billing_engine, tickets: set[str], timeout: float) -> dict[str, dt.datetime]:
    deadline = time.monotonic() + timeout
    while True:
        active = _activations(billing_engine)
        if tickets <= active.keys():
            return active
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(tickets - active.keys())} of {len(tickets)} contracts not active after {timeout}s")
        time.sleep(0.2)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def measure(running: Running, router: FakeRouterOS, n: int, concurrency: int, warmup: int, cidr: str) -> dict:
    counter = RequestCounter()
    clients = _clients(running, counter)
    sales_engine, billing_engine = create_engine(running.sales_db), create_engine(running.billing_db)
    try:
        setup = scenario.prepare(clients[0], router_host="127.0.0.1", router_port=router.port,
                                 router_user=ROUTER_USER, router_password=ROUTER_PASSWORD, capacity=n + warmup,
                                 technicians=max(2, concurrency), cidr=cidr)
        warm, errors = _run_sign_ups(clients, setup, list(range(warmup)), concurrency)
        if errors:
            raise RuntimeError(f"warm-up failed: {errors[:3]}")
        _wait_active(billing_engine, {s.ticket_id for s, _ in warm}, 120)

        load_before = os.getloadavg()
        meter = CpuMeter(running.processes(), running.databases)
        meter.start()
        t0 = dt.datetime.now(dt.timezone.utc)
        requests_before = counter.n
        done, errors = _run_sign_ups(clients, setup, list(range(warmup, warmup + n)), concurrency)
        scripted = dt.datetime.now(dt.timezone.utc)
        tickets = {s.ticket_id for s, _ in done}
        active = _wait_active(billing_engine, tickets, 300)
        cpu = meter.stop()
        load_after = os.getloadavg()
        created = _ticket_times(sales_engine, list(tickets))
        end = max(active[t] for t in tickets)
        latency = [(active[s.ticket_id] - created[s.ticket_id]).total_seconds() for s, _ in done]
        tail = [(active[s.ticket_id] - finished).total_seconds() for s, finished in done]
        return {
            "label": running.label, "signups": len(done), "errors": errors,
            "seconds": (end - t0).total_seconds(), "scripted_seconds": (scripted - t0).total_seconds(),
            "rate": len(done) / (end - t0).total_seconds(),
            "p50": statistics.median(latency), "p99": _pct(latency, 99), "max": max(latency),
            "tail_p50": statistics.median(tail), "tail_p99": _pct(tail, 99),
            "cpu": cpu, "load": (load_before[0], load_after[0]), "requests": counter.n - requests_before,
        }
    finally:
        for c in clients:
            c.close()
        sales_engine.dispose()
        billing_engine.dispose()


# -- report --------------------------------------------------------------------------------------
def busiest(cpu: dict[str, float]) -> str:
    """The service process with the most CPU seconds (replicas' names fold into their service)."""
    per_service: dict[str, float] = {}
    for name, seconds in cpu.items():
        service = name.split(".", 1)[0]
        if service in SERVICE_NAMES:
            per_service[service] = per_service.get(service, 0.0) + seconds
    return max(per_service, key=per_service.get)


def show(r: dict) -> None:
    print(f"\n== {r['label']}: {r['signups']} sign-ups in {r['seconds']:.1f} s "
          f"(script {r['scripted_seconds']:.1f} s) = {r['rate']:.2f} sign-ups/s; load {r['load'][0]:.1f} -> "
          f"{r['load'][1]:.1f}")
    print(f"   ticket -> active  p50 {r['p50']:.2f} s  p99 {r['p99']:.2f} s  max {r['max']:.2f} s")
    print(f"   {r['requests'] / r['signups']:.1f} HTTP requests per sign-up (polls every {scenario.POLL} s included)")
    print(f"   complete -> active (async tail)  p50 {r['tail_p50']:.2f} s  p99 {r['tail_p99']:.2f} s")
    if r["errors"]:
        print(f"   {len(r['errors'])} sign-ups failed, e.g. {r['errors'][0]}")
    total = _cpu_total(r)
    print(f"   CPU {total:.1f} s in {r['seconds']:.1f} s wall ({total / r['seconds']:.2f} cores busy; "
          f"{total / r['signups'] * 1000:.0f} ms CPU per sign-up, broker not counted):")
    for name, seconds in sorted(r["cpu"].items(), key=lambda kv: -kv[1]):
        if seconds >= 0.05:
            print(f"     {name:<24} {seconds:7.1f} s  {seconds / r['signups'] * 1000:6.0f} ms/sign-up")


def _cpu_total(r: dict) -> float:
    return sum(v for k, v in r["cpu"].items() if k != BROKER)


def _busy(r: dict) -> float:
    return _cpu_total(r) / r["seconds"]


def _cpu_per(r: dict) -> float:
    return _cpu_total(r) / r["signups"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--signups", type=int, default=200)
    ap.add_argument("--clients", type=int, default=6, help="concurrent client threads")
    ap.add_argument("--warmup", type=int, default=6)
    ap.add_argument("--replicas", type=int, default=2)
    ap.add_argument("--replicate", default="auto", help="auto (the busiest service of the distributed run) or a name")
    ap.add_argument("--rounds", type=int, default=1,
                    help="alternate distributed / replicas this many times (the load drifts; ratios per round)")
    ap.add_argument("--poll", type=float, default=0.2,
                    help="seconds between the script's polls (order created, contract ready)")
    ap.add_argument("--skip-embedded", action="store_true")
    ap.add_argument("--threads-variant", action="store_true",
                    help="also one process of the busiest service with --replicas consumer threads (last round)")
    args = ap.parse_args()
    scenario.POLL = args.poll  # 0.05 s (the driver's) adds polls; 0.2 s is nearer a person checking a screen

    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    from antena_common.testing import free_port

    smtp_port = free_port()
    smtp = Controller(Sink(), hostname="127.0.0.1", port=smtp_port)  # e-mails (welcome, invoices) go nowhere
    smtp.start()
    router = FakeRouterOS(username=ROUTER_USER, password=ROUTER_PASSWORD).start()
    print(f"{args.signups} sign-ups, {args.clients} clients, warm-up {args.warmup}; {os.cpu_count()} CPUs; "
          f"load {os.getloadavg()[0]:.1f}; {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC", flush=True)
    embedded_result, single, replicated = None, [], []
    target = args.replicate
    try:
        with tempfile.TemporaryDirectory(prefix="signup-bench-") as tmp:
            tmp = Path(tmp)
            if not args.skip_embedded:
                with embedded(tmp / "embedded", smtp_port) as running:
                    embedded_result = measure(running, router, args.signups, args.clients, args.warmup,
                                              "100.64.0.0/16")
                show(embedded_result)
            for r in range(args.rounds):
                with multi_process(tmp / f"distributed{r}", smtp_port) as running:
                    single.append(measure(running, router, args.signups, args.clients, args.warmup, "100.65.0.0/16"))
                show(single[-1])
                if target == "auto":
                    target = busiest(single[0]["cpu"])
                    print(f"\nbusiest service process: {target}; next, {args.replicas} replicas of it", flush=True)
                with multi_process(tmp / f"replicas{r}", smtp_port, {target: args.replicas}) as running:
                    replicated.append(measure(running, router, args.signups, args.clients, args.warmup,
                                              "100.66.0.0/16"))
                show(replicated[-1])
            if args.threads_variant:
                with multi_process(tmp / "threads", smtp_port, consumer_threads={target: args.replicas}) as running:
                    threaded = measure(running, router, args.signups, args.clients, args.warmup, "100.67.0.0/16")
                show(threaded)
    finally:
        router.stop()
        smtp.stop()

    print("\n== ratios")
    if embedded_result:
        d, e = single[0], embedded_result
        print(f"   distributed / embedded (baseline) sign-ups/s: {d['rate'] / e['rate']:.2f}  "
              f"(p99 ticket->active {d['p99']:.2f} s vs {e['p99']:.2f} s); CPU per sign-up "
              f"{_cpu_per(d) / _cpu_per(e):.2f}x")
    rates = [r["rate"] / d["rate"] for d, r in zip(single, replicated)]
    p99s = [r["p99"] / d["p99"] for d, r in zip(single, replicated)]
    for k, (rate, p99) in enumerate(zip(rates, p99s)):
        print(f"   round {k + 1}: {args.replicas} x {target} / 1: sign-ups/s {rate:.2f}, p99 ticket->active {p99:.2f}, "
              f"CPU per sign-up {_cpu_per(replicated[k]) / _cpu_per(single[k]):.2f}, cores busy "
              f"{_busy(replicated[k]):.2f} vs {_busy(single[k]):.2f}")
    if args.threads_variant:
        d = single[-1]
        print(f"   1 x {target} with {args.replicas} consumer threads / 1 (last round): sign-ups/s "
              f"{threaded['rate'] / d['rate']:.2f}, p99 ticket->active {threaded['p99'] / d['p99']:.2f}")
    if len(rates) > 1:
        print(f"   median: sign-ups/s {statistics.median(rates):.2f}, p99 {statistics.median(p99s):.2f}")


if __name__ == "__main__":
    main()
