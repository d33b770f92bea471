"""Bus benchmark: Antena's event path against raw kombu on the same broker.

  antena: a use case commits an event (outbox row) in the producer's PostgreSQL
          database -> its outbox relay publishes with confirms -> RabbitMQ quorum
          queue -> EventConsumer in another process (another service) -> handler
          records the event id (inbox) + its effect in one transaction in the
          consumer's own database
  raw:    kombu publish with publisher confirms (one by one) -> the same kind of
          queue -> kombu consumer in another process that acks

Reports the throughput ratio antena/raw (target >= 0.5) and the
publish-to-handled latency of the antena path at a steady 200 events/s
(target p99 < 50 ms). Needs the PostgreSQL and RabbitMQ the tests use
(ANTENA_TEST_PG, ANTENA_TEST_AMQP); makes and drops its own database and vhost.

  .venv/bin/python bench/bus_bench.py [--events 3000] [--rounds 3] [--rate 200] [--seconds 10]
"""
from __future__ import annotations

import argparse
import os
import multiprocessing as mp
import statistics
import threading
import time
from pathlib import Path

from kombu import Consumer, Producer
from sqlalchemy import Column, Integer, MetaData, String, Table, insert

from antena.sales.v1 import events_pb2 as sales_events
from antena_common import bus
from antena_common.bus import EventConsumer, Subscription
from antena_common.db import messaging_tables
from antena_common.events import new_envelope
from antena_common.ids import new_id
from antena_common.logs import configure
from antena_common.outbox import OutboxRelay
from antena_common.runtime import Database
from antena_common.testing import AMQP_URL, create_pg_database, create_vhost, delete_vhost, drop_pg_database


def _lead(i: int) -> sales_events.LeadCreated:
    return sales_events.LeadCreated(lead_id=new_id(), name=f"Cliente {i}", email=f"c{i}@example.com",
                                    phone="3511234567", source="web")


class Producer_:
    """The producing service: a use case commits state + event (outbox row); its relay publishes."""

    def __init__(self, db_url: str, broker_url: str):
        md = MetaData()
        messaging_tables(md)
        self.db = Database(db_url, md, Path("unused"), "sales")
        md.create_all(self.db.engine)
        self.relay = OutboxRelay(self.db.engine, self.db.outbox, broker_url, "sales", poll_seconds=0.5)
        self.db.on_commit = self.relay.wake
        self.relay.start()

    def create_lead(self, i: int) -> str:
        with self.db.uow() as uow:
            env = uow.publish("lead_created", _lead(i))
            uow.commit()
        return env.event_id

    def stop(self) -> None:
        self.relay.stop()
        self.db.engine.dispose()


def consumer_process(kind: str, db_url: str, broker_url: str, name: str, n: int, threads: int, ready, results) -> None:
    """The consuming service, in its own process (as in production): handles n events,
    then reports {event_id: handled perf_counter} (CLOCK_MONOTONIC: comparable across processes)."""
    configure("WARNING")
    cpu_start = None
    handled_at: dict[str, float] = {}
    done = threading.Event()
    lock = threading.Lock()

    if kind == "antena":
        md = MetaData()
        messaging_tables(md)
        effects = Table("effects", md, Column("id", Integer, primary_key=True), Column("lead_id", String(40)))
        db = Database(db_url, md, Path("unused"), "orders")
        md.create_all(db.engine)

        def handle(envelope, msg) -> None:
            with db.uow() as uow:
                if uow.already_processed(name, envelope.event_id):
                    return
                uow.session.execute(insert(effects).values(lead_id=msg.lead_id))
                uow.commit()
            with lock:
                handled_at[envelope.event_id] = time.perf_counter()
                if len(handled_at) >= n:
                    done.set()

        consumer = EventConsumer(broker_url, name, [Subscription("sales.lead_created", handle)], threads=threads)
        consumer.start()
        assert consumer.ready.wait(15)
        cpu_start = time.process_time()
        ready.set()
        done.wait(600)
        consumer.stop()
        db.engine.dispose()
    else:
        queue = bus.consumer_queue(name, "sales.lead_created", broker_url)
        connected = threading.Semaphore(0)

        def on_message(message):
            message.ack()
            with lock:
                handled_at[str(len(handled_at))] = time.perf_counter()
                if len(handled_at) >= n:
                    done.set()

        def consume():
            with bus.connect(broker_url) as conn:
                bus.declare_topology(conn, [queue])
                with Consumer(conn, queues=[queue], on_message=on_message, prefetch_count=20,
                              accept=["application/json"]):
                    connected.release()
                    while not done.is_set():
                        try:
                            conn.drain_events(timeout=0.2)
                        except TimeoutError:
                            pass

        workers = [threading.Thread(target=consume, daemon=True) for _ in range(threads)]
        for w in workers:
            w.start()
        for _ in workers:
            assert connected.acquire(timeout=15)
        cpu_start = time.process_time()
        ready.set()
        done.wait(600)
        for w in workers:
            w.join(5)
    results.put((handled_at, time.process_time() - cpu_start))


def _start_consumer(kind: str, db_url: str, broker_url: str, name: str, n: int, threads: int = 1):
    ctx = mp.get_context("spawn")
    ready, results = ctx.Event(), ctx.Queue()
    proc = ctx.Process(target=consumer_process, args=(kind, db_url, broker_url, name, n, threads, ready, results),
                       daemon=True)
    proc.start()
    assert ready.wait(60), f"{kind} consumer did not start"
    return proc, results


CPU_MS: dict[str, list[float]] = {"antena": [], "raw": []}  # client-side CPU per event, both processes
SPLIT: dict[str, str] = {}  # last round of each path: where its time and CPU went


def _collect(proc, results, timeout: float = 600) -> tuple[dict[str, float], float]:
    handled_at, consumer_cpu = results.get(timeout=timeout)
    proc.join(10)
    return handled_at, consumer_cpu


def _drop_queue(broker_url: str, name: str) -> None:
    """Delete a run's queue: left bound, it would take a copy of every later
    run's events (a quorum queue writes each to disk) and slow those runs."""
    with bus.connect(broker_url) as conn:
        bus.consumer_queue(name, "sales.lead_created", broker_url)(conn.default_channel).delete()


def _in_threads(count: int, n: int, work) -> None:
    """Run work(i) for i in range(n) split over `count` threads (concurrent requests)."""
    def part(k):
        for i in range(k, n, count):
            work(i)
    threads = [threading.Thread(target=part, args=(k,)) for k in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def run_antena(dbs: tuple[str, str], broker_url: str, n: int, tag: str, producers: int, threads: int) -> float:
    proc, results = _start_consumer("antena", dbs[1], broker_url, f"bench_{tag}", n, threads)
    producer = Producer_(dbs[0], broker_url)
    cpu0, started = time.process_time(), time.perf_counter()
    _in_threads(producers, n, producer.create_lead)
    committed = time.perf_counter() - started
    handled_at, consumer_cpu = _collect(proc, results)
    producer_cpu = time.process_time() - cpu0
    CPU_MS["antena"].append((producer_cpu + consumer_cpu) / n * 1000)
    SPLIT["antena"] = _split(committed, max(handled_at.values()) - started, producer_cpu, consumer_cpu, n)
    producer.stop()
    _drop_queue(broker_url, f"bench_{tag}")
    return n / (max(handled_at.values()) - started)


def _split(produced: float, handled: float, producer_cpu: float, consumer_cpu: float, n: int) -> str:
    return (f"all sent at {produced:.2f} s, all handled at {handled:.2f} s; CPU ms/event producer "
            f"{producer_cpu / n * 1000:.2f} + consumer {consumer_cpu / n * 1000:.2f}")


def run_raw(broker_url: str, n: int, tag: str, producers: int, threads: int) -> float:
    """kombu publish-with-confirms (each publish waits for its confirm; one connection per
    publishing thread) + a consumer process that acks; same queue type and body size."""
    proc, results = _start_consumer("raw", "", broker_url, f"raw_{tag}", n, threads)
    body = new_envelope("sales", "lead_created", _lead(0)).to_json()
    conns = [bus.connect(broker_url) for _ in range(producers)]  # confirm_publish=True
    kombu_producers = [Producer(c.default_channel, exchange=bus.events_exchange()) for c in conns]

    def publish(i: int) -> None:
        kombu_producers[i % producers].publish(body, routing_key="sales.lead_created",
                                               content_type="application/json", content_encoding="utf-8",
                                               delivery_mode=2, retry=False)

    cpu0, started = time.process_time(), time.perf_counter()
    _in_threads(producers, n, publish)
    published = time.perf_counter() - started
    handled_at, consumer_cpu = _collect(proc, results)
    producer_cpu = time.process_time() - cpu0
    CPU_MS["raw"].append((producer_cpu + consumer_cpu) / n * 1000)
    SPLIT["raw"] = _split(published, max(handled_at.values()) - started, producer_cpu, consumer_cpu, n)
    for c in conns:
        c.release()
    _drop_queue(broker_url, f"raw_{tag}")
    return n / (max(handled_at.values()) - started)


def run_latency(dbs: tuple[str, str], broker_url: str, rate: float, seconds: float, threads: int) -> list[float]:
    """Open loop: events are due at a steady rate (as requests arrive), each committed by
    one of a few request threads; latency = handled time - due time."""
    from concurrent.futures import ThreadPoolExecutor

    n = int(rate * seconds)
    proc, results = _start_consumer("antena", dbs[1], broker_url, "bench_latency", n, threads)
    producer = Producer_(dbs[0], broker_url)
    committed: dict[str, float] = {}
    interval = 1.0 / rate

    def request(i: int, due: float) -> None:
        committed[producer.create_lead(i)] = due

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        for i in range(n):
            due = start + i * interval
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(request, i, due)
    handled_at, _ = _collect(proc, results)
    producer.stop()
    _drop_queue(broker_url, "bench_latency")
    return [(handled_at[e] - t) * 1000 for e, t in committed.items()]


def run_consumer_overhead(broker_url: str, n: int) -> dict[str, tuple[float, float]]:
    """The consuming plumbing alone (no database): EventConsumer with a no-op handler
    against a kombu consumer that acks, both draining n messages already queued.
    Returns {kind: (events/s, CPU ms per event)}."""
    bodies = [("sales.lead_created", new_envelope("sales", "lead_created", _lead(i)).to_json()) for i in range(n)]
    for name in ("overhead_antena", "overhead_raw"):
        with bus.connect(broker_url) as conn:
            bus.declare_topology(conn, [bus.consumer_queue(name, "sales.lead_created", broker_url)])
    publisher = bus.Publisher(broker_url)
    publisher.publish_many(bodies)
    publisher.close()
    out = {}
    done, count = threading.Event(), [0]

    def noop(envelope, msg):
        count[0] += 1
        if count[0] >= n:
            done.set()

    cpu0, t0 = time.process_time(), time.perf_counter()
    consumer = EventConsumer(broker_url, "overhead_antena", [Subscription("sales.lead_created", noop)])
    consumer.start()
    assert done.wait(120)
    out["antena"] = (n / (time.perf_counter() - t0), (time.process_time() - cpu0) / n * 1000)
    consumer.stop()

    raw_done, raw_count = threading.Event(), [0]

    def ack(message):
        message.ack()
        raw_count[0] += 1
        if raw_count[0] >= n:
            raw_done.set()

    cpu0, t0 = time.process_time(), time.perf_counter()
    with bus.connect(broker_url) as conn:
        with Consumer(conn, queues=[bus.consumer_queue("overhead_raw", "sales.lead_created", broker_url)],
                      on_message=ack, prefetch_count=20, accept=["application/json"]):
            while not raw_done.is_set():
                try:
                    conn.drain_events(timeout=0.2)
                except TimeoutError:
                    pass
    out["raw"] = (n / (time.perf_counter() - t0), (time.process_time() - cpu0) / n * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--producers", type=int, default=1, help="publishing threads (both paths)")
    ap.add_argument("--consumer-threads", type=int, default=1, help="consumer threads (both paths)")
    args = ap.parse_args()
    configure("WARNING")

    vhost = create_vhost()
    dbs = (create_pg_database("antena_bench_sales"), create_pg_database("antena_bench_orders"))
    broker_url = AMQP_URL.rstrip("/") + "/" + vhost
    try:
        antena, raw = [], []
        for r in range(args.rounds):  # interleaved, so both see the same machine load
            raw.append(run_raw(broker_url, args.events, f"r{r}", args.producers, args.consumer_threads))
            antena.append(run_antena(dbs, broker_url, args.events, f"r{r}", args.producers, args.consumer_threads))
            print(f"round {r + 1}: raw {raw[-1]:7.0f} ev/s   antena {antena[-1]:7.0f} ev/s   "
                  f"ratio {antena[-1] / raw[-1]:.2f}   load {os.getloadavg()[0]:.1f}", flush=True)
            print(f"  raw:    {SPLIT['raw']}\n  antena: {SPLIT['antena']}", flush=True)
        ratio = statistics.median(a / b for a, b in zip(antena, raw))
        load_before = os.getloadavg()[0]
        lat = run_latency(dbs, broker_url, args.rate, args.seconds, args.consumer_threads)
        print()
        print(f"throughput ({args.events} events, {args.producers} producer thread(s), {args.consumer_threads} "
              f"consumer thread(s), median of {args.rounds} rounds): raw {statistics.median(raw):.0f} ev/s, "
              f"antena {statistics.median(antena):.0f} ev/s, ratio {ratio:.2f} (target >= 0.5)")
        print(f"latency at {args.rate:.0f} ev/s for {args.seconds:.0f} s ({len(lat)} events, open loop, 4 request threads), due -> handled: "
              f"p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms, p99 {pct(lat, 99):.1f} ms, "
              f"max {max(lat):.1f} ms (target p99 < 50 ms)")
        print(f"client CPU per event (producer + consumer processes; PostgreSQL and RabbitMQ not counted): "
              f"raw {statistics.median(CPU_MS['raw']):.2f} ms, antena {statistics.median(CPU_MS['antena']):.2f} ms")
        over = run_consumer_overhead(broker_url, args.events)
        print(f"consumer plumbing alone (no database, {args.events} queued events): EventConsumer "
              f"{over['antena'][0]:.0f} ev/s, {over['antena'][1]:.3f} ms CPU/event; kombu consumer "
              f"{over['raw'][0]:.0f} ev/s, {over['raw'][1]:.3f} ms CPU/event")
        print(f"load average (1 min) on {os.cpu_count()} cores: {load_before:.1f} before the latency run, "
              f"{os.getloadavg()[0]:.1f} after")
    finally:
        for db_url in dbs:
            drop_pg_database(db_url)
        delete_vhost(vhost)


if __name__ == "__main__":
    main()
