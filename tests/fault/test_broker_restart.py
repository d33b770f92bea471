"""Fault: RabbitMQ restarts while sign-ups flow through the whole system.

A private RabbitMQ node (the shared one serves other tests) under every service,
each its own process on PostgreSQL. Sign-ups (lead, ticket, order, planning,
contract, field work) are driven concurrently through the gateway; once a third
of them finished their field work, the broker is stopped cleanly, stays down a
couple of seconds and starts again, with its data (durable quorum queues keep
their messages). Nobody touches the services: their consumers and outbox relays
reconnect by themselves. Afterwards every ticket is won, every contract active
with exactly one first invoice, and, counted from the outboxes, the inboxes and
the queues, no event was lost and none handled twice.

ANTENA_FAULT_SIGNUPS sets how many sign-ups (default 1000 in CI, 200 elsewhere)."""
from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.e2e

SIGNUPS = int(os.environ.get("ANTENA_FAULT_SIGNUPS") or (1000 if os.environ.get("CI") else 200))


@pytest.mark.timeout(1800)
def test_broker_restart_while_sign_ups_flow(private_rabbitmq, fault_system, router, sign_ups, settle):
    system = fault_system(private_rabbitmq.url)
    driver = sign_ups(system, router, SIGNUPS)
    before = driver.wait_done(SIGNUPS // 3)
    took = private_rabbitmq.restart(down_seconds=2.0)
    print(f"RabbitMQ restarted ({took:.1f}s to start) with {before} of {SIGNUPS} sign-ups through the field work")
    signups = driver.finish()
    audit = settle(system, private_rabbitmq, signups)
    print(f"{SIGNUPS} sign-ups active in {driver.seconds:.0f}s; {audit.summary()}")
    assert audit.count("billing.contract_activated") == SIGNUPS
    assert audit.count("network.connection_activated") == SIGNUPS
