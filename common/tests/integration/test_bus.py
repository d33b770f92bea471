"""Outbox relay -> bus -> consumer with inbox, on the in-memory transport
(SQLite) and on RabbitMQ (PostgreSQL): the same plumbing, the same promises."""
import json
import subprocess
from urllib.parse import urlsplit

import pytest
from sqlalchemy import update

from antena.orders.v1 import events_pb2 as orders_events
from antena_common.errors import Conflict
from antena_common.events import new_envelope

pytestmark = pytest.mark.integration


@pytest.fixture(params=["memory", "rabbitmq"])
def setup(request, tmp_path):
    """(database url, broker url) for each transport."""
    if request.param == "memory":
        return f"sqlite:///{tmp_path / 'plumbing.db'}", request.getfixturevalue("memory_bus_url")
    return request.getfixturevalue("pg_url"), request.getfixturevalue("amqp_url")


def test_every_event_arrives_once(setup, make_plumbing, wait_until):
    p = make_plumbing(*setup)
    sent = [p.create_lead().event_id for _ in range(30)]
    wait_until(lambda: len(p.effects_by_event()) == 30, timeout=15, message="30 effects")
    effects = p.effects_by_event()
    assert set(effects) == set(sent)
    assert set(effects.values()) == {1}
    wait_until(lambda: p.unpublished() == 0, message="all marked sent")


def test_redelivery_has_no_second_effect(setup, make_plumbing, wait_until, raw_publish):
    p = make_plumbing(*setup)
    env = p.create_lead()
    wait_until(lambda: p.effects_by_event().get(env.event_id) == 1, message="first delivery")
    # the relay crashed after publishing and before marking: it publishes again
    with p.db.engine.begin() as conn:
        conn.execute(update(p.db.outbox).values(published_at=None))
    p.relay.wake()
    wait_until(lambda: p.unpublished() == 0, message="republished")
    # and a duplicate straight from the broker side, too
    raw_publish(p.broker_url, env.type, env.to_json())
    marker = p.create_lead()
    wait_until(lambda: marker.event_id in p.effects_by_event(), message="later event handled")
    assert p.effects_by_event()[env.event_id] == 1


def test_bad_messages_are_dead_lettered_and_consuming_goes_on(setup, make_plumbing, wait_until, raw_publish,
                                                              dead_letters):
    p = make_plumbing(*setup)
    good = new_envelope("sales", "lead_created", {"lead_id": "l-1", "name": "Ana"})
    not_json = b"{{ definitely not json"
    unknown_type = json.dumps({**json.loads(good.to_json()), "type": "sales.exploded", "event_id": "u-1"})
    not_ours = new_envelope("orders", "order_created", orders_events.OrderCreated(order_id="o-1")).to_json()
    bad_payload = json.dumps({**json.loads(good.to_json()), "payload": {"lead_id": ["x"]}, "event_id": "b-1"})
    for body in (not_json, unknown_type, not_ours, bad_payload):
        raw_publish(p.broker_url, "sales.lead_created", body)
    after = p.create_lead()
    wait_until(lambda: after.event_id in p.effects_by_event(), message="the consumer kept consuming")

    dead = dead_letters(p.broker_url, 4)
    assert len(dead) == 4
    reasons = sorted(m.headers["x-antena-reason"] for m in dead)
    assert all(r.startswith("malformed:") for r in reasons), reasons
    assert any("not an event envelope" in r for r in reasons)
    assert any("unknown event type 'sales.exploded'" in r for r in reasons)
    assert any("has no handler for orders.order_created" in r for r in reasons)
    assert any("does not match antena.sales.v1.LeadCreated" in r for r in reasons)
    assert {m.headers["x-antena-consumer"] for m in dead} == {"plumbing"}
    assert not_json in [bytes(m.body) if not isinstance(m.body, str) else m.body.encode() for m in dead]
    assert len(p.effects_by_event()) == 1


def test_domain_refusal_is_dead_lettered_at_once(setup, make_plumbing, wait_until, dead_letters):
    calls = []

    def refuse(envelope, msg):
        calls.append(envelope.event_id)
        raise Conflict("lead is archived")

    p = make_plumbing(*setup, handler=refuse)
    env = p.create_lead()
    dead = dead_letters(p.broker_url, 1)
    assert len(dead) == 1 and "failed_precondition: lead is archived" in dead[0].headers["x-antena-reason"]
    assert calls == [env.event_id]


def test_failures_are_retried_then_dead_lettered(setup, make_plumbing, wait_until, dead_letters):
    attempts: dict[str, int] = {}

    def flaky(envelope, msg):
        attempts[msg.lead_id] = attempts.get(msg.lead_id, 0) + 1
        if msg.lead_id == "always-fails" or attempts[msg.lead_id] < 3:
            raise RuntimeError("downstream hiccup")
        p.record_effect(envelope, msg)

    p = make_plumbing(*setup, handler=flaky, max_attempts=4)
    ok = p.create_lead("recovers")
    p.create_lead("always-fails")
    wait_until(lambda: ok.event_id in p.effects_by_event(), message="recovered after retries")
    assert attempts["recovers"] == 3
    dead = dead_letters(p.broker_url, 1)
    assert len(dead) == 1 and "error after 4 attempts" in dead[0].headers["x-antena-reason"]
    assert attempts["always-fails"] == 4


def test_consumer_queues_are_quorum_with_dead_letter_exchange(amqp_url, pg_url, make_plumbing):
    make_plumbing(pg_url, amqp_url)
    vhost = urlsplit(amqp_url).path.lstrip("/")
    out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name", "type", "durable", "arguments",
                          "--formatter", "json"], check=True, capture_output=True, text=True).stdout
    queues = {q["name"]: q for q in json.loads(out)}
    q = queues["plumbing.sales.lead_created"]
    assert q["type"] == "quorum" and q["durable"] is True
    args = q["arguments"]
    args = dict(args) if isinstance(args, dict) else {a[0]: a[-1] for a in args}
    assert args.get("x-dead-letter-exchange") == "antena.dead"
    assert "antena.dead" in queues


def test_relay_survives_a_broker_outage_without_losing_rows(pg_url, amqp_url, broker_proxy, make_plumbing,
                                                            wait_until):
    proxied_url, proxy = broker_proxy
    # the relay reaches the broker through the proxy; the consumer directly
    p = make_plumbing(pg_url, amqp_url, relay_broker_url=proxied_url)
    before = [p.create_lead().event_id for _ in range(5)]
    wait_until(lambda: len(p.effects_by_event()) == 5, timeout=15, message="before the outage")

    proxy.cut()
    during = [p.create_lead().event_id for _ in range(20)]
    import time

    time.sleep(1.0)
    assert p.unpublished() > 0, "rows cannot be published while the broker is away"
    proxy.restore()
    after = [p.create_lead().event_id for _ in range(5)]

    wait_until(lambda: p.unpublished() == 0, timeout=30, message="backlog drained after the outage")
    wait_until(lambda: len(p.effects_by_event()) == 30, timeout=15, message="all 30 handled")
    effects = p.effects_by_event()
    assert set(effects) == set(before + during + after)
    assert set(effects.values()) == {1}


def test_events_of_a_rolled_back_unit_of_work_are_never_published(setup, make_plumbing, wait_until):
    from antena.sales.v1 import events_pb2 as sales_events

    p = make_plumbing(*setup)
    with p.db.uow() as uow:
        uow.publish("lead_created", sales_events.LeadCreated(lead_id="ghost", name="never"))
        # no commit: leaving the block rolls back
    with p.db.uow() as uow:
        uow.publish("lead_created", sales_events.LeadCreated(lead_id="ghost2", name="never"))
        uow.rollback()
    marker = p.create_lead("real")
    wait_until(lambda: marker.event_id in p.effects_by_event(), message="committed event handled")
    assert len(p.effects_by_event()) == 1
    wait_until(lambda: p.relay.backlog() == 0, message="marked sent")  # marked after the confirm


def test_batched_confirms_mixed_with_single_publishes(amqp_url):
    from kombu import Consumer

    from antena_common import bus
    from antena_common.bus import Publisher

    queue = bus.consumer_queue("batch", "sales.lead_created", amqp_url)
    with bus.connect(amqp_url) as conn:
        bus.declare_topology(conn, [queue])
    pub = Publisher(amqp_url)
    bodies = [new_envelope("sales", "lead_created", {"lead_id": f"l-{i}", "name": "x"}).to_json() for i in range(120)]
    try:
        pub.publish_many([("sales.lead_created", b) for b in bodies[:50]])
        pub.publish_raw("sales.lead_created", bodies[50])  # the confirm counter stays in step
        pub.publish_many([("sales.lead_created", b) for b in bodies[51:]])
    finally:
        pub.close()
    got = []
    with bus.connect(amqp_url) as conn:
        with Consumer(conn, queues=[queue], accept=["application/json"], prefetch_count=200,
                      on_message=lambda m: (got.append(m.body), m.ack())):
            import time

            deadline = time.monotonic() + 10
            while len(got) < 120 and time.monotonic() < deadline:
                try:
                    conn.drain_events(timeout=0.2)
                except TimeoutError:
                    pass
    as_text = [g.decode() if isinstance(g, bytes) else g for g in got]
    assert as_text == bodies  # all confirmed, in order, once


def test_two_relays_on_one_outbox_publish_each_row_once(pg_url, amqp_url):
    """Two replicas of a service run two relays on the same outbox table:
    row locks (FOR UPDATE SKIP LOCKED) give each row to one of them."""
    import time

    from kombu import Consumer
    from sqlalchemy import create_engine

    from antena_common import bus
    from antena_common.outbox import OutboxRelay

    from .conftest import Plumbing

    queue = bus.consumer_queue("count", "sales.lead_created", amqp_url)
    with bus.connect(amqp_url) as conn:
        bus.declare_topology(conn, [queue])
    p = Plumbing(pg_url, amqp_url)  # not started: the rows wait in the outbox
    sent = {p.create_lead().event_id for _ in range(600)}
    other_engine = create_engine(pg_url)  # the second replica's own connection pool
    relays = [OutboxRelay(p.db.engine, p.db.outbox, amqp_url, "sales", poll_seconds=0.05, batch=50),
              OutboxRelay(other_engine, p.db.outbox, amqp_url, "sales", poll_seconds=0.05, batch=50)]
    published = [0, 0]
    originals = [r.relay_once for r in relays]
    for i, relay in enumerate(relays):
        def counted(i=i):
            n = originals[i]()
            published[i] += n
            return n
        relay.relay_once = counted
    got: list[str] = []
    try:
        for relay in relays:
            relay.start()
        with bus.connect(amqp_url) as conn:
            with Consumer(conn, queues=[queue], accept=["application/json"], prefetch_count=200,
                          on_message=lambda m: (got.append(json.loads(m.body)["event_id"]), m.ack())):
                deadline = time.monotonic() + 30
                quiet_until = None
                while time.monotonic() < deadline:
                    try:
                        conn.drain_events(timeout=0.2)
                    except TimeoutError:
                        pass
                    if len(got) >= len(sent):  # then listen a little longer for duplicates
                        quiet_until = quiet_until or time.monotonic() + 1.0
                        if time.monotonic() > quiet_until:
                            break
    finally:
        for relay in relays:
            relay.stop()
        other_engine.dispose()
        p.db.engine.dispose()
    assert sorted(got) == sorted(sent)  # every row once, none twice
    assert sum(published) == len(sent)
    assert all(published), f"both relays took part: {published}"


def test_a_retryable_event_waits_aside_while_the_event_it_needs_is_handled(setup, wait_until, dead_letters):
    """A ticket's event arrives before its lead's (another queue of the same consumer): the ticket
    waits aside, unacked, the lead's event is handled meanwhile, then the ticket's."""
    from antena.sales.v1 import events_pb2 as sales_events
    from antena_common.bus import EventConsumer, Publisher, Retryable, Subscription

    leads: set[str] = set()
    tries: dict[str, int] = {}
    tickets: list[str] = []

    def on_lead(envelope, msg):
        leads.add(msg.lead_id)

    def on_ticket(envelope, msg):
        tries[msg.ticket_id] = tries.get(msg.ticket_id, 0) + 1
        if msg.lead_id not in leads:
            raise Retryable(f"lead {msg.lead_id} not known yet")
        tickets.append(msg.ticket_id)

    _, url = setup
    consumer = EventConsumer(url, "waiting", [Subscription("sales.lead_created", on_lead),
                                              Subscription("sales.ticket_created", on_ticket)], max_attempts=2)
    publisher = Publisher(url)
    consumer.start()
    try:
        assert consumer.ready.wait(15)
        for t in ("t-1", "t-2", "t-3"):
            publisher.publish(new_envelope("sales", "ticket_created",
                                           sales_events.TicketCreated(ticket_id=t, lead_id="l-1")))
        wait_until(lambda: all(tries.get(t, 0) >= 2 for t in ("t-1", "t-2", "t-3")), message="tickets tried")
        publisher.publish(new_envelope("sales", "lead_created", sales_events.LeadCreated(lead_id="l-1", name="Ana")))
        wait_until(lambda: sorted(tickets) == ["t-1", "t-2", "t-3"], timeout=30, message="tickets handled")
    finally:
        publisher.close()
        consumer.stop()
    assert dead_letters(url, 1, timeout=0.5) == []


def test_retryable_events_delivered_while_the_consumer_registers_are_not_forgotten(setup, wait_until,
                                                                                     dead_letters):
    """Events already waiting when the consumer starts arrive while it is still registering its
    other queues (RabbitMQ delivers on the first queue before confirming the second): those that
    must wait aside are retried like any other, not dropped unacked until the connection ends."""
    from antena.sales.v1 import events_pb2 as sales_events
    from antena_common.bus import EventConsumer, Publisher, Retryable, Subscription

    leads: set[str] = set()
    tickets: list[str] = []

    def on_ticket(envelope, msg):
        if msg.lead_id not in leads:
            raise Retryable(f"lead {msg.lead_id} not known yet")
        tickets.append(msg.ticket_id)

    def subscriptions():  # the tickets' queue first: it is registered first
        return [Subscription("sales.ticket_created", on_ticket),
                Subscription("sales.lead_created", lambda envelope, msg: leads.add(msg.lead_id))]

    _, url = setup
    first = EventConsumer(url, "registering", subscriptions())
    first.start()
    assert first.ready.wait(15)
    first.stop()  # its queues stay; what is published now waits in them
    sent = [f"t-{i}" for i in range(6)]
    publisher = Publisher(url)
    try:
        for t in sent:
            publisher.publish(new_envelope("sales", "ticket_created",
                                           sales_events.TicketCreated(ticket_id=t, lead_id="l-1")))
        publisher.publish(new_envelope("sales", "lead_created", sales_events.LeadCreated(lead_id="l-1", name="Ana")))
    finally:
        publisher.close()
    consumer = EventConsumer(url, "registering", subscriptions())
    consumer.start()
    try:
        wait_until(lambda: sorted(tickets) == sent, timeout=30, message="tickets handled")
    finally:
        consumer.stop()
    assert dead_letters(url, 1, timeout=0.5) == []
