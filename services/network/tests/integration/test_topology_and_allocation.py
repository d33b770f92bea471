"""Topology rules, coverage and IP/port allocation on PostgreSQL, including
concurrent reservations."""
from __future__ import annotations

import threading

import pytest

from antena_common.errors import Conflict, InvalidArgument
from network.app import connections as cases
from network.app import coverage, topology
from network.domain import credentials

pytestmark = pytest.mark.integration


def _zone(uow_factory, name="RB1"):
    r = topology.create_router(uow_factory(), name=name, host="10.0.0.1", api_port=8728, username="admin",
                               password="x")
    return topology.create_zone(uow_factory(), name=f"{name} DÍA 15", router_id=r.id, billing_day=15,
                                drivers=["mikrotik"])


def test_pool_validation_and_overlap(uow_factory):
    z = _zone(uow_factory)
    with pytest.raises(InvalidArgument) as exc:
        topology.create_ip_pool(uow_factory(), name="bad", cidr="10.0.0.300/24", zone_id=z.id)
    assert "cidr" in exc.value.field_errors
    topology.create_ip_pool(uow_factory(), name="a", cidr="100.64.0.0/22", zone_id=z.id)
    with pytest.raises(Conflict) as exc:
        topology.create_ip_pool(uow_factory(), name="b", cidr="100.64.2.0/24", zone_id=z.id)
    assert "overlaps" in exc.value.detail


def test_coverage_uses_real_distance_and_free_ports(uow_factory):
    z = _zone(uow_factory)
    olt = topology.create_olt(uow_factory(), name="OLT 1")
    near = topology.create_nap_box(uow_factory(), code="NAP-1", olt_id=olt.id, ports=1, lat=21.1600, lon=-86.8500)
    topology.create_nap_box(uow_factory(), code="NAP-2", olt_id=olt.id, ports=8, lat=21.1620, lon=-86.8500)
    ans = coverage.check_coverage(uow_factory(), lat=21.1601, lon=-86.8500, radius_m=300, max_candidates=5)
    assert ans.covered and [c.code for c in ans.candidates] == ["NAP-1", "NAP-2"]
    assert 10 < ans.candidates[0].distance_m < 12      # 0.0001 deg of latitude ~ 11 m
    far = coverage.check_coverage(uow_factory(), lat=21.30, lon=-86.85, radius_m=300, max_candidates=5)
    assert not far.covered and far.candidates == []
    # taking NAP-1's only port leaves NAP-2 as the covering box
    topology.create_ip_pool(uow_factory(), name="p", cidr="10.9.0.0/24", zone_id=z.id)
    c = cases.reserve_connection(uow_factory(), cases.ReserveConnection(
        contract_id="k1", order_id="o", request_id="r", zone_id=z.id, mode="dhcp", nap_box_id=near.id),
        rules=credentials.CredentialRules(), radius_m=300)
    assert c.nap_port == 1
    ans = coverage.check_coverage(uow_factory(), lat=21.1601, lon=-86.8500, radius_m=300, max_candidates=5)
    assert ans.candidates[0].free_ports == 0 and ans.covered


def test_rejections_are_published_not_raised(uow_factory):
    z = _zone(uow_factory)
    olt = topology.create_olt(uow_factory(), name="OLT 1")
    box = topology.create_nap_box(uow_factory(), code="NAP-1", olt_id=olt.id, ports=1, lat=0, lon=0)
    topology.create_ip_pool(uow_factory(), name="tiny", cidr="10.8.0.0/30", zone_id=z.id)  # one usable host
    rules = credentials.CredentialRules()

    def req(k):
        return cases.ReserveConnection(contract_id=k, order_id="o", request_id=k, zone_id=z.id, mode="pppoe",
                                       phone="9981112222", nap_box_id=box.id)
    first = cases.reserve_connection(uow_factory(), req("k1"), rules=rules, radius_m=300)
    assert first.ip == "10.8.0.2"
    again = cases.reserve_connection(uow_factory(), req("k1"), rules=rules, radius_m=300)
    assert again.id == first.id                      # same contract: the same reservation
    assert cases.reserve_connection(uow_factory(), req("k2"), rules=rules, radius_m=300) is None
    with uow_factory() as uow:
        from network.adapters import orm
        from sqlalchemy import select
        out = orm.metadata.tables["outbox"]
        bodies = [r[0] for r in uow.session.execute(select(out.c.body).where(
            out.c.routing_key == "network.connection_rejected"))]
        assert len(bodies) == 1 and "no free IP" in bodies[0]
        assert uow.connections.by_contract("k2") is None
        assert uow.nap_boxes.used_ports(box.id) == {1: first.id}    # nothing leaked by the rejection


def test_concurrent_reservations_never_share_an_ip(uow_factory):
    z = _zone(uow_factory)
    topology.create_ip_pool(uow_factory(), name="p", cidr="10.50.0.0/24", zone_id=z.id, excluded=["10.50.0.100"])
    rules = credentials.CredentialRules()
    results: list = []
    errors: list = []

    def worker(w: int):
        for i in range(70):
            try:
                c = cases.reserve_connection(uow_factory(), cases.ReserveConnection(
                    contract_id=f"k-{w}-{i}", order_id="o", request_id=f"r-{w}-{i}", zone_id=z.id, mode="static"),
                    rules=rules, radius_m=300)
                results.append(c.ip if c else None)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    ips = [ip for ip in results if ip]
    # 256 - network, broadcast, gateway, .100 = 252 usable for 280 requests
    assert len(ips) == 252 and len(set(ips)) == 252
    assert "10.50.0.100" not in ips and "10.50.0.1" not in ips
    assert results.count(None) == 28


def test_freed_addresses_are_reused_after_wrapping(uow_factory):
    z = _zone(uow_factory)
    topology.create_ip_pool(uow_factory(), name="p", cidr="10.51.0.0/29", zone_id=z.id)  # .2-.6 usable
    rules = credentials.CredentialRules()

    def reserve(k):
        return cases.reserve_connection(uow_factory(), cases.ReserveConnection(
            contract_id=k, order_id="o", request_id=k, zone_id=z.id, mode="static"), rules=rules, radius_m=300)
    got = [reserve(f"k{i}").ip for i in range(5)]
    assert got == ["10.51.0.2", "10.51.0.3", "10.51.0.4", "10.51.0.5", "10.51.0.6"]
    assert reserve("full") is None
    second = cases.get_connection(uow_factory(), contract_id="k1")
    with uow_factory() as uow:
        uow.ip_pools.release(second.ip_pool_id, second.id)
        uow.commit()
    assert reserve("again").ip == "10.51.0.3"       # past the end of the pool: wraps to the freed one
