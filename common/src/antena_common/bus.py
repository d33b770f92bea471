"""The event bus on kombu: RabbitMQ in production, kombu's memory transport
in the embedded mode. Same code for both; only the URL differs.

Topology: topic exchange `antena.events`; one durable queue per consumer and
event, `<consumer>.<source>.<event>`, quorum type on RabbitMQ; a fanout
exchange `antena.dead` with the queue `antena.dead` that keeps every message a
consumer gave up on, with the reason in its headers.
"""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from typing import Callable

from kombu import Connection, Consumer, Exchange, Producer, Queue
from sqlalchemy.exc import DBAPIError, OperationalError

from .errors import DomainError
from .events import Envelope, MalformedEvent, parse_envelope
from .ids import new_id
from .logs import correlation, get_logger
from . import metrics, tracing

EVENTS_EXCHANGE = "antena.events"
DEAD_EXCHANGE = "antena.dead"
DEAD_QUEUE = "antena.dead"

log = get_logger("antena.bus")

Handler = Callable[[Envelope, object], None]


class Retryable(Exception):
    """Raised by a handler when the event may succeed later (e.g. its subject
    has not arrived yet, on another queue): the message is set aside unacked and
    retried with backoff while the consumer goes on with the others, then
    dead-lettered."""


def is_memory(url: str) -> bool:
    return url.startswith("memory://")


def events_exchange() -> Exchange:
    return Exchange(EVENTS_EXCHANGE, type="topic", durable=True)


def dead_exchange() -> Exchange:
    return Exchange(DEAD_EXCHANGE, type="fanout", durable=True)


def connect(url: str) -> Connection:
    if is_memory(url):
        return Connection(url, transport_options={"polling_interval": 0.01})
    return Connection(url, transport_options={"confirm_publish": True}, heartbeat=30, connect_timeout=5)


def consumer_queue(consumer: str, event_type: str, url: str) -> Queue:
    args = {"x-dead-letter-exchange": DEAD_EXCHANGE}
    if not is_memory(url):
        args["x-queue-type"] = "quorum"
    return Queue(
        f"{consumer}.{event_type}",
        exchange=events_exchange(),
        routing_key=event_type,
        durable=True,
        queue_arguments=args,
    )


def dead_queue() -> Queue:
    return Queue(DEAD_QUEUE, exchange=dead_exchange(), routing_key="", durable=True)


def declare_topology(conn: Connection, queues: list[Queue] = ()) -> None:
    channel = conn.default_channel
    events_exchange()(channel).declare()
    dead_exchange()(channel).declare()
    dead_queue()(channel).declare()
    for q in queues:
        q(channel).declare()


class Publisher:
    """Publishes envelopes with publisher confirms (RabbitMQ) on one connection."""

    def __init__(self, url: str):
        self.url = url
        self._conn: Connection | None = None
        self._producer: Producer | None = None
        self._next_tag = 1  # delivery tag of the next publish on a confirming channel

    def _ensure(self) -> Producer:
        if self._producer is None:
            self._conn = connect(self.url)
            self._conn.ensure_connection(max_retries=3)
            declare_topology(self._conn)
            self._producer = Producer(self._conn.default_channel, exchange=events_exchange())
            if not is_memory(self.url):
                channel = self._producer.channel
                channel._confirm_selected = True  # py-amqp: confirm mode from the start, so tags count from 1
                channel.confirm_select()
                self._next_tag = 1
        return self._producer

    def publish_raw(self, routing_key: str, body: str, *, exchange: str | None = None, headers: dict | None = None) -> None:
        try:
            producer = self._ensure()
            if not is_memory(self.url):
                self._next_tag += 1
            producer.publish(
                body.encode("utf-8") if isinstance(body, str) else body,
                routing_key=routing_key,
                exchange=exchange if exchange is not None else EVENTS_EXCHANGE,
                content_type="application/json",
                content_encoding="utf-8",
                delivery_mode=2,
                headers=headers or {},
                retry=False,
            )
        except Exception:
            self.close()
            raise

    def publish(self, envelope: Envelope) -> None:
        self.publish_raw(envelope.type, envelope.to_json())

    def publish_many(self, messages: list[tuple], *, confirm_timeout: float = 30) -> None:
        """Publish (routing_key, body[, headers]) tuples to antena.events and return once the
        broker confirmed all of them (one round trip per batch, not per message).
        Raises if any was refused or the confirms did not arrive in time."""
        if is_memory(self.url) or len(messages) <= 1:
            for routing_key, body, *headers in messages:
                self.publish_raw(routing_key, body, headers=headers[0] if headers else None)
            return
        try:
            self._publish_confirmed_batch(messages, confirm_timeout)
        except Exception:
            self.close()
            raise

    def _publish_confirmed_batch(self, messages: list[tuple], confirm_timeout: float) -> None:
        producer = self._ensure()
        channel = producer.channel
        outstanding: set[int] = set()
        refused: list[int] = []

        def on_ack(tag, multiple):
            if multiple:
                outstanding.difference_update([t for t in outstanding if t <= tag])
            else:
                outstanding.discard(tag)

        def on_nack(tag, multiple):
            refused.append(tag)
            on_ack(tag, multiple)

        channel.events["basic_ack"].add(on_ack)
        channel.events["basic_nack"].add(on_nack)
        try:
            for routing_key, body, *headers in messages:
                message = channel.prepare_message(
                    body.encode("utf-8") if isinstance(body, str) else body,
                    content_type="application/json", content_encoding="utf-8",
                    headers=(headers[0] if headers else None) or {},
                    properties={"delivery_mode": 2})
                outstanding.add(self._next_tag)
                self._next_tag += 1
                # the non-waiting publish; confirms are collected below
                channel._basic_publish(message, exchange=EVENTS_EXCHANGE, routing_key=routing_key)
            deadline = time.monotonic() + confirm_timeout
            while outstanding:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(outstanding)} publisher confirms missing after {confirm_timeout}s")
                self._conn.drain_events(timeout=left)
        finally:
            channel.events["basic_ack"].discard(on_ack)
            channel.events["basic_nack"].discard(on_nack)
        if refused:
            raise ConnectionError(f"the broker refused {len(refused)} messages (basic.nack)")

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.release()
            except Exception:  # closing a broken connection
                pass
        self._conn = None
        self._producer = None


@dataclass
class Subscription:
    event_type: str  # "<source>.<event>"
    handler: Handler


def _transient(exc: BaseException) -> bool:
    """Infrastructure trouble (database down): wait and try again, forever."""
    if isinstance(exc, OperationalError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, (ConnectionError, TimeoutError))


def consume_until_stopped(url: str, stop: threading.Event, make_queues: Callable[[], list[Queue]], *, what: dict,
                          on_message, on_connect: Callable[[], None] = lambda: None,
                          on_up: Callable[[], None] = lambda: None, on_down: Callable[[], None] = lambda: None,
                          drain_timeout: Callable[[], float] = lambda: 0.5,
                          after_drain: Callable[[], None] = lambda: None, **consumer_options) -> None:
    """Consume `make_queues()` until `stop` is set, reconnecting with backoff (0.2 s doubling
    to 5 s) whenever the broker connection breaks. On each connection `on_connect` runs
    before the consumer registers its queues (RabbitMQ may deliver on the first queue
    while the next ones register, so `on_message` can run before `on_up`), `on_up` once
    they are all registered, `on_down` when that connection ends; `after_drain` after
    every wait for messages; `what` names the consumer in the logs."""
    delay = 0.2
    while not stop.is_set():
        try:
            with connect(url) as conn:
                conn.ensure_connection(max_retries=1)
                queues = make_queues()
                declare_topology(conn, queues)
                on_connect()
                with Consumer(conn, queues=queues, on_message=on_message, accept=["json", "application/json"],
                              **consumer_options):
                    on_up()
                    delay = 0.2
                    try:
                        while not stop.is_set():
                            try:
                                conn.drain_events(timeout=drain_timeout())
                            except TimeoutError:
                                conn.heartbeat_check()
                            after_drain()
                    finally:
                        on_down()
        except Exception as exc:  # broker gone: reconnect with backoff
            if stop.is_set():
                break
            log.warning("consumer connection lost; reconnecting", **what, error=str(exc), retry_in=delay)
            stop.wait(delay)
            delay = min(delay * 2, 5.0)


class EventConsumer:
    """Consumes a service's subscriptions in a background thread.

    Malformed or unknown events and domain errors are dead-lettered at once;
    unexpected errors are retried `max_attempts` times with backoff, then
    dead-lettered; database outages are waited out without giving up.
    `Retryable` events wait aside, unacked, for up to `retryable_attempts` tries
    (about 40 s by default) while the consumer goes on: the event they wait for
    may be on another queue of this same consumer."""

    def __init__(self, url: str, consumer: str, subscriptions: list[Subscription], *,
                 max_attempts: int = 5, prefetch: int = 20, threads: int = 1, retryable_attempts: int = 12):
        self.url = url
        self.threads = max(1, threads)  # >1: competing consumers on the same queues (no ordering between them)
        self.consumer = consumer
        self.subscriptions = {s.event_type: s for s in subscriptions}
        self.max_attempts = max_attempts
        self.retryable_attempts = retryable_attempts
        self.prefetch = prefetch
        self._local = threading.local()  # per worker thread: its set-aside messages
        self._stop = threading.Event()
        self._workers: list[threading.Thread] = []
        self._dead_publisher = Publisher(url)
        self._dead_lock = threading.Lock()
        self._connected = 0
        self._connected_lock = threading.Lock()
        self.ready = threading.Event()

    def queues(self) -> list[Queue]:
        return [consumer_queue(self.consumer, t, self.url) for t in self.subscriptions]

    def start(self) -> None:
        if not self.subscriptions:
            self.ready.set()
            return
        for i in range(self.threads):
            worker = threading.Thread(target=self._run, name=f"consumer-{self.consumer}-{i}", daemon=True)
            self._workers.append(worker)
            worker.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout)
        self._dead_publisher.close()

    def _mark_connected(self) -> None:
        with self._connected_lock:
            self._connected += 1
            if self._connected >= self.threads:
                self.ready.set()

    def _run(self) -> None:
        first = True

        def new_connection() -> None:
            # (due, attempts, message, queue, envelope, payload): unacked, so the broker redelivers
            # them if this connection is lost. Emptied before the queues register, not after:
            # messages set aside while they register must be retried, not forgotten.
            self._local.parked = []

        def up() -> None:
            nonlocal first
            if first:
                first = False
                self._mark_connected()

        consume_until_stopped(self.url, self._stop, self.queues, what={"consumer": self.consumer},
                              on_message=self._on_message, on_connect=new_connection, on_up=up,
                              drain_timeout=self._drain_timeout, after_drain=self._retry_parked,
                              prefetch_count=self.prefetch)

    def _on_message(self, message) -> None:
        started = time.perf_counter()
        queue = message.delivery_info.get("routing_key", "?")
        try:
            envelope = parse_envelope(message.body)
            if envelope.type not in self.subscriptions:
                raise MalformedEvent(f"{self.consumer} has no handler for {envelope.type}")
            payload = envelope.message()
        except MalformedEvent as exc:
            self._dead_letter(message, queue, f"malformed: {exc}")
            return
        self._handle(message, queue, envelope, payload, 0, started)

    def _drain_timeout(self) -> float:
        parked = self._local.parked
        if not parked:
            return 0.5
        return min(0.5, max(0.01, min(p[0] for p in parked) - time.monotonic()))

    def _retry_parked(self) -> None:
        parked = self._local.parked
        if not parked:
            return
        now = time.monotonic()
        due = [p for p in parked if p[0] <= now]
        if due:
            parked[:] = [p for p in parked if p[0] > now]
            for _, attempts, message, queue, envelope, payload in due:
                self._handle(message, queue, envelope, payload, attempts, time.perf_counter())

    def _handle(self, message, queue: str, envelope: Envelope, payload, attempt: int, started: float) -> None:
        sub = self.subscriptions[envelope.type]
        with correlation(envelope.correlation_id), \
                tracing.consumer_span(self.consumer, envelope.type, envelope.event_id, message.headers):
            while True:
                attempt += 1
                try:
                    sub.handler(envelope, payload)
                except DomainError as exc:
                    log.warning("event refused by the domain", consumer=self.consumer, type=envelope.type,
                                event_id=envelope.event_id, error=exc.detail)
                    self._dead_letter(message, queue, f"{exc.code}: {exc.detail}", envelope)
                    return
                except Retryable as exc:
                    if self._stop.is_set():
                        message.requeue()
                        return
                    if attempt >= self.retryable_attempts:
                        log.error("event still not applicable; dead-lettered", consumer=self.consumer,
                                  type=envelope.type, event_id=envelope.event_id, error=str(exc))
                        self._dead_letter(message, queue, f"retryable after {attempt} attempts: {exc}", envelope)
                        return
                    due = time.monotonic() + min(0.1 * 2 ** attempt, 5.0) * (0.5 + random.random())
                    self._local.parked.append((due, attempt, message, queue, envelope, payload))
                    return
                except Exception as exc:
                    if self._stop.is_set():
                        message.requeue()
                        return
                    if _transient(exc):
                        log.warning("transient failure handling event; will retry", consumer=self.consumer,
                                    type=envelope.type, error=str(exc).splitlines()[0])
                        self._stop.wait(min(0.2 * attempt, 5.0))
                        continue
                    if attempt >= self.max_attempts:
                        log.error("event failed; dead-lettered", consumer=self.consumer, type=envelope.type,
                                  event_id=envelope.event_id, error=repr(exc))
                        self._dead_letter(message, queue, f"error after {attempt} attempts: {exc!r}", envelope)
                        return
                    self._stop.wait(min(0.05 * 2 ** attempt, 2.0) * (0.5 + random.random()))
                else:
                    # Not retried with the handler: if the broker connection broke, this raises to
                    # _run, which reconnects; the broker redelivers and the inbox absorbs the repeat.
                    message.ack()
                    metrics.EVENTS_HANDLED.labels(self.consumer, envelope.type, "ok").inc()
                    metrics.EVENT_HANDLING_SECONDS.labels(self.consumer, envelope.type).observe(time.perf_counter() - started)
                    metrics.observe_lag(self.consumer, envelope.type, envelope.occurred_at)
                    return

    def _dead_letter(self, message, queue: str, reason: str, envelope: Envelope | None = None) -> None:
        event_type = envelope.type if envelope else message.delivery_info.get("routing_key", "")
        tracing.mark_failed(f"dead-lettered: {reason}")
        headers = {
            "x-antena-consumer": self.consumer,
            "x-antena-queue": f"{self.consumer}.{event_type}",
            "x-antena-reason": reason[:1000],
            "x-antena-routing-key": event_type,
        }
        body = message.body if isinstance(message.body, (bytes, str)) else bytes(message.body)
        try:
            with self._dead_lock:
                self._dead_publisher.publish_raw("", body, exchange=DEAD_EXCHANGE, headers=headers)
        except Exception as exc:
            log.error("could not dead-letter; rejecting to the broker", error=str(exc))
            message.reject(requeue=False)  # the queue's x-dead-letter-exchange keeps it
            metrics.EVENTS_DEAD.labels(self.consumer, event_type).inc()
            return
        message.ack()
        metrics.EVENTS_DEAD.labels(self.consumer, event_type).inc()
        metrics.EVENTS_HANDLED.labels(self.consumer, event_type, "dead").inc()


class Listener:
    """This process's own copy of some events, for in-memory caches: a transient
    queue (exclusive, auto-delete, not replicated) bound to `event_types`, so
    every replica hears every event. No inbox and no dead letters: the listener
    only learns *that* something happened. `on_event(routing_key)` runs for each
    message; `on_live(True/False)` when the subscription comes up or is lost (a
    cache must not trust itself while events may be passing it by)."""

    def __init__(self, url: str, name: str, event_types: list[str], *,
                 on_event: Callable[[str], None], on_live: Callable[[bool], None]):
        self.url = url
        self.name = name
        self.event_types = list(event_types)
        self.on_event = on_event
        self.on_live = on_live
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()

    def queue(self) -> Queue:
        from kombu import binding

        exchange = events_exchange()
        return Queue(f"{self.name}.{new_id()}", bindings=[binding(exchange, routing_key=t) for t in self.event_types],
                     exclusive=True, auto_delete=True, durable=False)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"listener-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)

    def _run(self) -> None:
        def up() -> None:
            self.on_live(True)
            self.ready.set()

        consume_until_stopped(self.url, self._stop, lambda: [self.queue()], what={"listener": self.name},
                              on_message=self._on_message, on_up=up, on_down=lambda: self.on_live(False),
                              no_ack=True)

    def _on_message(self, message) -> None:
        try:
            self.on_event(message.delivery_info.get("routing_key", ""))
        except Exception:
            log.exception("listener callback failed", listener=self.name)
