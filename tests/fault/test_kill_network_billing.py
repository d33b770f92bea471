"""Fault: the network process, then the billing process, are killed (kill -9)
while sign-ups flow, and started again.

Every service runs as its own process on RabbitMQ and PostgreSQL. Sign-ups
(lead, ticket, order, planning, contract, field work) are driven concurrently
through the gateway. Once a quarter of them finished their field work, network
is killed (connections being reserved and provisioned on the router, events
half handled) and started again; at half, billing (contracts, first invoices).
Afterwards every sign-up is active with exactly one first invoice, and nothing
was lost or done twice: invoices, payments, connections, contracts per
sign-up, and every event counted from the outboxes, the inboxes and the queues.

ANTENA_FAULT_KILL_SIGNUPS sets how many sign-ups (default 60)."""
from __future__ import annotations

import os
import time

import pytest

pytestmark = pytest.mark.e2e

SIGNUPS = int(os.environ.get("ANTENA_FAULT_KILL_SIGNUPS") or 60)


@pytest.mark.timeout(1200)
def test_kill_network_then_billing_while_sign_ups_flow(shared_vhost, fault_system, router, sign_ups, settle):
    system = fault_system(shared_vhost.url)
    driver = sign_ups(system, router, SIGNUPS)
    for service, share in (("network", 4), ("billing", 2)):
        done = driver.wait_done(SIGNUPS // share)
        system.kill(service)
        print(f"{service} killed with {done} of {SIGNUPS} sign-ups through the field work")
        time.sleep(1.0)  # events for it pile up meanwhile
        system.start(service)
    signups = driver.finish()
    audit = settle(system, shared_vhost, signups)
    print(f"{SIGNUPS} sign-ups active in {driver.seconds:.0f}s; {audit.summary()}")
    assert audit.count("billing.contract_activated") == SIGNUPS
    assert audit.count("network.connection_activated") == SIGNUPS
