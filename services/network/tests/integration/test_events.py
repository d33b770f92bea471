"""The network's event consumers on RabbitMQ: contract requests reserve
connections; an event about an unknown contract is dead-lettered and the
consumer keeps running; a redelivered event has no second effect."""
from __future__ import annotations

import time

import pytest

from antena.billing.v1 import events_pb2 as billing_events
from antena.orders.v1 import events_pb2 as orders_events
from antena_common import bus
from antena_common.events import new_envelope
from antena_common.testing import read_dead_letters
from network.app import topology
from network.entrypoints import events

pytestmark = pytest.mark.integration


def test_consumers(uow_factory, amqp_url, wait_until):
    r = topology.create_router(uow_factory(), name="RB1", host="127.0.0.1", api_port=1, username="a", password="b")
    z = topology.create_zone(uow_factory(), name="RB1 DÍA 5", router_id=r.id, billing_day=5, drivers=["mikrotik"])
    topology.create_ip_pool(uow_factory(), name="p", cidr="10.60.0.0/24", zone_id=z.id)
    consumer = bus.EventConsumer(amqp_url, "network", events.subscriptions(uow_factory))
    consumer.start()
    pub = bus.Publisher(amqp_url)
    try:
        assert consumer.ready.wait(15)
        pub.publish(new_envelope("billing", "contract_suspension_due", billing_events.ContractSuspensionDue(
            contract_id="nobody", services=["internet"])))
        pub.publish(new_envelope("orders", "order_completed", orders_events.OrderCompleted(
            order_id="o-x", kind="installation", contract_id="nobody")))
        request = new_envelope("orders", "contract_requested", orders_events.ContractRequested(
            request_id="rq1", order_id="o1", contract_id="k1", plan_id="p1",
            customer=orders_events.ContractCustomer(name="Ana Cocom", phone="998 765 4321"),
            connection=orders_events.ContractConnection(zone_id=z.id, mode="pppoe")))
        pub.publish(request)
        pub.publish(request)  # redelivered: no second effect

        def reserved():
            with uow_factory() as uow:
                return uow.connections.by_contract("k1")
        c = wait_until(reserved, timeout=15, message="connection reserved")
        assert (c.pppoe_username, c.pppoe_password, c.ip) == ("9987654321", "9987654321M", "10.60.0.2")
        with uow_factory() as uow:
            import json
            from network.adapters import orm
            from sqlalchemy import select
            out = orm.metadata.tables["outbox"]
            body = uow.session.execute(select(out.c.body).where(
                out.c.routing_key == "network.connection_reserved")).scalars().first()
        payload = json.loads(body)["payload"]
        assert (payload["order_id"], payload["pppoe_password"], payload["zone_name"], payload["billing_day"],
                payload["gateway"]) == ("o1", "9987654321M", "RB1 DÍA 5", 5, "10.60.0.1")
        dead = read_dead_letters(amqp_url, 2)
        reasons = sorted(m.headers["x-antena-reason"] for m in dead)
        assert len(dead) == 2 and all("not_found" in x for x in reasons)
        time.sleep(0.3)
        with uow_factory() as uow:
            assert len(uow.connections.search(limit=10)) == 1
    finally:
        pub.close()
        consumer.stop()
