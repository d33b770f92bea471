"""Fault: billing's PostgreSQL server restarts (a real server restart: every
session ended, the port closed for a while) while sign-ups flow.

Billing's database lives on a private PostgreSQL cluster; every other service
on the shared one, each its own process on RabbitMQ. Once a third of the
sign-ups finished their field work (contracts being created, activated and
first-invoiced), the cluster is stopped (fast), stays down a few seconds and
starts again. Nobody touches billing: it waits the outage out and goes on.
Afterwards every sign-up is active with exactly one first invoice, billing
answers through the gateway, and no event was lost or handled twice.

ANTENA_FAULT_KILL_SIGNUPS sets how many sign-ups (default 60)."""
from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.e2e

SIGNUPS = int(os.environ.get("ANTENA_FAULT_KILL_SIGNUPS") or 60)


@pytest.mark.timeout(1200)
def test_billing_recovers_when_its_postgresql_restarts(private_postgres, shared_vhost, fault_system, router, sign_ups,
                                                        settle):
    billing_db = private_postgres.create_database("antena_billing")
    system = fault_system(shared_vhost.url, private_dbs={"billing": billing_db})
    driver = sign_ups(system, router, SIGNUPS)
    done = driver.wait_done(SIGNUPS // 3)
    took = private_postgres.restart(down_seconds=3.0)
    print(f"billing's PostgreSQL restarted ({took:.1f}s to start) with {done} of {SIGNUPS} sign-ups through the "
          "field work")
    signups = driver.finish()
    audit = settle(system, shared_vhost, signups)
    print(f"{SIGNUPS} sign-ups active in {driver.seconds:.0f}s; {audit.summary()}")
    assert audit.count("billing.contract_activated") == SIGNUPS
    with system.client() as api:  # billing serves the gateway again, no restart of its own
        contract = api.get(f"/v1/contracts/{signups[0].contract_id}")
        assert contract.status_code == 200 and contract.json()["state"] == "active"
    assert "billing" in system.procs and system.procs["billing"].poll() is None, "billing exited"
