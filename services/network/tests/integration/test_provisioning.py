"""Provisioning against the peers: PostgreSQL, the fake RouterOS server (real
wire protocol, librouteros unmodified) and FreeRADIUS with rlm_sql."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from network.adapters import orm
from network.adapters.mikrotik import MikroTikDriver
from network.adapters.radius import RadiusDriver
from network.app import connections as cases
from network.app import reconcile, topology
from network.app.provisioning import Provisioner, router_access
from network.domain import credentials, model
from network.testing.fake_routeros import FakeRouterOS

pytestmark = pytest.mark.integration

SECRETS, QUEUES, LISTS = "/ppp/secret", "/queue/simple", "/ip/firewall/address-list"


def setup_zone(uow_factory, port: int, *, password="rb-secret", drivers=("mikrotik", "radius"), name="RB3", cidr="10.30.0.0/24"):
    r = topology.create_router(uow_factory(), name=name, host="127.0.0.1", api_port=port, username="admin",
                               password=password)
    z = topology.create_zone(uow_factory(), name=f"{name} ZONA SUR DÍA 28", router_id=r.id, billing_day=28,
                             drivers=list(drivers))
    olt = topology.create_olt(uow_factory(), name=f"OLT {name}")
    box = topology.create_nap_box(uow_factory(), code=f"NAP-{name}-1", olt_id=olt.id, ports=8, lat=21.16, lon=-86.85)
    pool = topology.create_ip_pool(uow_factory(), name=f"pool {name}", cidr=cidr, zone_id=z.id,
                                   excluded=[cidr.replace("0/24", "2-") + cidr.replace("0/24", "9")])
    return r, z, box, pool


def reserve(uow_factory, zone, box, contract="k-1", phone="9981234567", name="Juan Cocom"):
    return cases.reserve_connection(uow_factory(), cases.ReserveConnection(
        contract_id=contract, order_id="o-1", request_id="rq-1", zone_id=zone.id, mode="pppoe", customer_name=name,
        phone=phone, nap_box_id=box.id, download_rate="50M", upload_rate="10M"),
        rules=credentials.CredentialRules(), radius_m=300)


def make_provisioner(uow_factory, radius_url=None, timeout=2.0):
    drivers = {"mikrotik": MikroTikDriver(timeout=timeout)}
    if radius_url:
        drivers["radius"] = RadiusDriver(radius_url)
    return Provisioner(uow_factory, drivers, retry_base=0.01, retry_max=0.05), drivers


def get(uow_factory, cid) -> model.Connection:
    with uow_factory() as uow:
        return uow.connections.get(cid)


def outbox_types(uow_factory) -> list[str]:
    with uow_factory() as uow:
        return [r[0] for r in uow.session.execute(select(orm.metadata.tables["outbox"].c.routing_key).order_by(orm.metadata.tables["outbox"].c.id))]


def test_full_life_cycle_router_and_radius(uow_factory, fake_router, freeradius, radius_db):
    _, zone, box, _ = setup_zone(uow_factory, fake_router.port)
    c = reserve(uow_factory, zone, box)
    assert c.ip == "10.30.0.10"          # .1 gateway, .2-.9 excluded
    assert c.nap_port == 1
    assert (c.pppoe_username, c.pppoe_password, c.wifi_password) == ("9981234567", "9981234567M", "cocom2024MB")
    prov, _ = make_provisioner(uow_factory, radius_db)

    # not yet activated: RADIUS does not know the subscriber
    assert freeradius.authenticate("9981234567", "9981234567M")[0] is False

    cases.activate(uow_factory(), connection_id="", contract_id="k-1", at=model.now())
    assert prov.run_due() == 1
    c = get(uow_factory, c.id)
    assert c.state == "active" and c.activated_at and c.last_provisioned_at
    secret = fake_router.rows(SECRETS)[0]
    assert (secret["name"], secret["password"], secret["remote-address"], secret["comment"]) == \
        ("9981234567", "9981234567M", "10.30.0.10", f"antena:{c.id}")
    queue = fake_router.rows(QUEUES)[0]
    assert (queue["target"], queue["max-limit"]) == ("10.30.0.10/32", "10000000/50000000")
    ok, reply = freeradius.authenticate("9981234567", "9981234567M")
    assert ok and reply["Mikrotik-Rate-Limit"] == ["10M/50M"] and reply["Framed-IP-Address"] == ["10.30.0.10"]
    assert freeradius.authenticate("9981234567", "wrong")[0] is False

    # idempotent: provisioning again writes nothing
    writes = fake_router.writes
    assert prov.provision(c.id) == "ok"
    assert fake_router.writes == writes

    # RADIUS drift: the rate row deleted by hand is found and put back by reconciliation
    from sqlalchemy import create_engine, text
    engine = create_engine(radius_db)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM radreply WHERE attribute = 'Mikrotik-Rate-Limit'"))
    engine.dispose()
    assert "Mikrotik-Rate-Limit" not in freeradius.authenticate("9981234567", "9981234567M")[1]
    _, drivers = make_provisioner(uow_factory, radius_db)
    report = reconcile.reconcile_router(uow_factory, drivers["mikrotik"], c.router_id, radius=drivers["radius"])
    assert [(i["kind"], i["repaired"]) for i in report.items] == [("radius_mismatch", True)]
    assert freeradius.authenticate("9981234567", "9981234567M")[1]["Mikrotik-Rate-Limit"] == ["10M/50M"]
    drivers["radius"].close()

    # suspension: address list + RADIUS reject
    cases.suspend(uow_factory(), connection_id=c.id, contract_id="", services=["internet"], at=model.now())
    prov.run_due()
    assert get(uow_factory, c.id).state == "suspended"
    assert [(e["list"], e["address"]) for e in fake_router.rows(LISTS)] == [("antena-suspended", "10.30.0.10")]
    assert freeradius.authenticate("9981234567", "9981234567M")[0] is False

    # restoration
    cases.restore(uow_factory(), connection_id=c.id, contract_id="", services=[], at=model.now())
    prov.run_due()
    assert get(uow_factory, c.id).state == "active"
    assert fake_router.rows(LISTS) == []
    assert freeradius.authenticate("9981234567", "9981234567M")[0] is True

    # removal frees IP and port and deletes everything
    cases.terminate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
    prov.run_due()
    c = get(uow_factory, c.id)
    assert c.state == "terminated"
    assert fake_router.rows(SECRETS) == fake_router.rows(QUEUES) == []
    assert freeradius.authenticate("9981234567", "9981234567M")[0] is False
    with uow_factory() as uow:
        assert uow.nap_boxes.used_ports(box.id) == {}
        assert not uow.ip_pools.is_taken(c.ip_pool_id, 0x0A1E000A)
    assert outbox_types(uow_factory) == ["network.connection_reserved", "network.connection_activated",
                                         "network.connection_suspended", "network.connection_restored",
                                         "network.connection_terminated"]


def test_router_refusing_login_keeps_connection_pending_and_retries(uow_factory, fake_router):
    _, zone, box, _ = setup_zone(uow_factory, fake_router.port, password="wrong", drivers=("mikrotik",))
    c = reserve(uow_factory, zone, box)
    cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
    prov, _ = make_provisioner(uow_factory)
    prov.run_due()
    c1 = get(uow_factory, c.id)
    assert c1.state == "reserved" and c1.provisioning_state == "failed"
    assert "refused the login" in c1.provisioning_error and c1.provisioning_attempts == 1
    import time
    time.sleep(0.05)
    prov.run_due()
    assert get(uow_factory, c.id).provisioning_attempts == 2          # retried with backoff
    assert "network.provisioning_failed" in outbox_types(uow_factory)
    assert "network.connection_activated" not in outbox_types(uow_factory)
    # the operator fixes the password: the next retry activates it
    with uow_factory() as uow:
        uow.routers.get(c1.router_id).password = "rb-secret"
        uow.commit()
    time.sleep(0.1)
    prov.run_due()
    assert get(uow_factory, c.id).state == "active"


def test_router_that_times_out(uow_factory):
    hung = FakeRouterOS(hang=True).start()
    try:
        _, zone, box, _ = setup_zone(uow_factory, hung.port, drivers=("mikrotik",))
        c = reserve(uow_factory, zone, box)
        cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
        prov, _ = make_provisioner(uow_factory, timeout=0.3)
        prov.run_due()
        c = get(uow_factory, c.id)
        assert c.state == "reserved" and "timed out" in c.provisioning_error
    finally:
        hung.stop()


def test_reconciliation_repairs_drift(uow_factory, fake_router):
    r, zone, box, _ = setup_zone(uow_factory, fake_router.port, drivers=("mikrotik",))
    a = reserve(uow_factory, zone, box, contract="k-a", phone="9980000001")
    b = reserve(uow_factory, zone, box, contract="k-b", phone="9980000002")
    prov, drivers = make_provisioner(uow_factory)
    for c in (a, b):
        cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
    prov.run_due()
    cases.suspend(uow_factory(), connection_id=b.id, contract_id="", services=[], at=model.now())
    prov.run_due()
    clean = reconcile.reconcile_router(uow_factory, drivers["mikrotik"], r.id)
    assert clean.items == [] and clean.error == ""

    # behind the system's back: a's secret deleted, a's queue changed, b taken off the suspended list,
    # and an entry of a connection that does not exist
    fake_router.delete_where(SECRETS, comment=f"antena:{a.id}")
    fake_router.set_where(QUEUES, {"comment": f"antena:{a.id}"}, **{"max-limit": "100000000/100000000"})
    fake_router.delete_where(LISTS, comment=f"antena:{b.id}")
    with drivers["mikrotik"].session(router_access(r)) as api:
        api.path("ppp", "secret").add(name="ghost", password="x", comment="antena:ghost")

    report = reconcile.reconcile_router(uow_factory, drivers["mikrotik"], r.id)
    kinds = {(i["connection_id"], i["kind"]) for i in report.items}
    assert kinds == {(a.id, "missing_secret"), (a.id, "wrong_queue"), (b.id, "missing_suspension"),
                     ("ghost", "orphan")}
    assert all(i["repaired"] for i in report.items)
    assert {s["name"] for s in fake_router.rows(SECRETS)} == {"9980000001", "9980000002"}
    assert [e["address"] for e in fake_router.rows(LISTS)] == [get(uow_factory, b.id).ip]
    assert any("missing_secret" in d for d in get(uow_factory, a.id).drift)
    latest = reconcile.latest_report(uow_factory(), r.id)
    assert len(latest.items) == 4

    # the next pass finds nothing and clears the connections' drift
    assert reconcile.reconcile_router(uow_factory, drivers["mikrotik"], r.id).items == []
    assert get(uow_factory, a.id).drift == []


def test_zone_change_moves_to_new_router_and_pool(uow_factory, fake_router):
    _, zone, box, _ = setup_zone(uow_factory, fake_router.port, drivers=("mikrotik",))
    other = FakeRouterOS(username="admin", password="rb-secret").start()
    try:
        _, zone2, _, pool2 = setup_zone(uow_factory, other.port, drivers=("mikrotik",), name="RB4",
                                        cidr="10.40.0.0/24")
        c = reserve(uow_factory, zone, box)
        prov, _ = make_provisioner(uow_factory)
        cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
        prov.run_due()
        moved = cases.change_zone(uow_factory(), connection_id=c.id, zone_id=zone2.id, ip="", at=model.now())
        assert moved.ip == "10.40.0.10" and moved.ip_pool_id == pool2.id
        prov.run_due()
        assert fake_router.rows(SECRETS) == [] and fake_router.rows(QUEUES) == []
        assert other.rows(SECRETS)[0]["remote-address"] == "10.40.0.10"
        c = get(uow_factory, c.id)
        assert c.state == "active" and c.provisioned_router_id == zone2.router_id
    finally:
        other.stop()


def test_dhcp_connection_gets_a_static_lease_and_it_is_reconciled(uow_factory, fake_router):
    r, zone, box, _ = setup_zone(uow_factory, fake_router.port, drivers=("mikrotik",))
    c = cases.reserve_connection(uow_factory(), cases.ReserveConnection(
        contract_id="k-dhcp", order_id="o", request_id="r", zone_id=zone.id, mode="dhcp", cpe_mac="aa:bb:cc:00:11:22",
        download_rate="20M", upload_rate="5M"), rules=credentials.CredentialRules(), radius_m=300)
    assert c.pppoe_username == "" and c.cpe_mac == "AA:BB:CC:00:11:22"
    prov, drivers = make_provisioner(uow_factory)
    cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
    prov.run_due()
    assert get(uow_factory, c.id).state == "active"
    assert fake_router.rows(SECRETS) == []
    lease = fake_router.rows("/ip/dhcp-server/lease")[0]
    assert (lease["address"], lease["mac-address"], lease["comment"]) == (c.ip, "AA:BB:CC:00:11:22", f"antena:{c.id}")
    fake_router.delete_where("/ip/dhcp-server/lease", comment=f"antena:{c.id}")
    report = reconcile.reconcile_router(uow_factory, drivers["mikrotik"], r.id)
    assert [i["kind"] for i in report.items] == ["missing_lease"]
    assert len(fake_router.rows("/ip/dhcp-server/lease")) == 1


def test_entries_made_by_hand_are_adopted_not_duplicated(uow_factory, fake_router):
    """A router migrated to Antena already has the subscriber's secret (no comment): it is taken over."""
    _, zone, box, _ = setup_zone(uow_factory, fake_router.port, drivers=("mikrotik",))
    with MikroTikDriver(timeout=2).session(router_access(topology.get_router(uow_factory(), zone.router_id))) as api:
        api.path("ppp", "secret").add(name="9981234567", password="old", service="pppoe")
    c = reserve(uow_factory, zone, box)
    prov, _ = make_provisioner(uow_factory)
    cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
    prov.run_due()
    assert get(uow_factory, c.id).state == "active"
    secrets = fake_router.rows(SECRETS)
    assert len(secrets) == 1
    assert (secrets[0]["password"], secrets[0]["comment"]) == ("9981234567M", f"antena:{c.id}")


def test_two_workers_never_provision_the_same_connection(uow_factory, fake_router):
    """Replicas compete for due connections: each is claimed (FOR UPDATE SKIP LOCKED + lease) by one worker."""
    import threading

    _, zone, box, _ = setup_zone(uow_factory, fake_router.port, drivers=("mikrotik",))
    ids = []
    for i in range(16):
        c = cases.reserve_connection(uow_factory(), cases.ReserveConnection(
            contract_id=f"k-{i}", order_id="o", request_id=f"r-{i}", zone_id=zone.id, mode="pppoe",
            phone=f"99800000{i:02d}", download_rate="10M", upload_rate="2M"),
            rules=credentials.CredentialRules(), radius_m=300)
        cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now())
        ids.append(c.id)
    workers = [make_provisioner(uow_factory)[0] for _ in range(2)]
    done = []
    threads = [threading.Thread(target=lambda w=w: done.append(w.run_due())) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(done) == 16                                   # every connection claimed exactly once
    types = outbox_types(uow_factory)
    assert types.count("network.connection_activated") == 16
    assert "network.provisioning_failed" not in types
    assert len(fake_router.rows(SECRETS)) == 16
