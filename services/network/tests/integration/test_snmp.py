"""SNMP monitoring against net-snmp's snmpd and snmpsim serving recorded ONUs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from antena_common.testing import peer_missing
from network.adapters import orm
from network.adapters.snmp import SnmpPoller
from network.app import connections as cases
from network.app import monitoring, topology
from network.domain import credentials
from network.domain.monitoring import Thresholds
from network.testing import peers

pytestmark = pytest.mark.integration

RECORDINGS = Path(peers.__file__).parent / "snmprec"
OPTICAL_OID = "1.3.6.1.4.1.2011.6.128.1.1.2.51.1.4.0"


@pytest.fixture
def snmpsim(tmp_path):
    try:
        import snmpsim  # noqa: F401
    except ImportError:
        peer_missing("snmpsim (pip install -e services/network)")
    sim = peers.SnmpSim(tmp_path / "sim", RECORDINGS)
    (tmp_path / "sim").mkdir()
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def snmpd(tmp_path):
    if not Path("/usr/sbin/snmpd").exists():
        peer_missing("snmpd (apt: snmpd)")
    (tmp_path / "snmpd").mkdir()
    agent = peers.Snmpd(tmp_path / "snmpd").start()
    yield agent
    agent.stop()


def _connection(uow_factory):
    r = topology.create_router(uow_factory(), name="RB1", host="127.0.0.1", api_port=1, username="a", password="b")
    z = topology.create_zone(uow_factory(), name="Z", router_id=r.id, billing_day=1, drivers=["mikrotik"])
    topology.create_ip_pool(uow_factory(), name="p", cidr="10.70.0.0/24", zone_id=z.id)
    return cases.reserve_connection(uow_factory(), cases.ReserveConnection(
        contract_id="k1", order_id="o", request_id="r", zone_id=z.id, mode="dhcp"),
        rules=credentials.CredentialRules(), radius_m=300)


def _alerts(uow_factory) -> list[dict]:
    out = orm.metadata.tables["outbox"]
    with uow_factory() as uow:
        rows = uow.session.execute(select(out.c.body).where(out.c.routing_key == "network.device_alert")).all()
    return [json.loads(r[0])["payload"] for r in rows]


def test_onu_optical_power_and_threshold_alert(sqlite_uow_factory, snmpsim):
    uow_factory = sqlite_uow_factory
    c = _connection(uow_factory)
    for name in ("onu-ok", "onu-weak"):
        monitoring.register_device(uow_factory(), connection_id=c.id, name=name, kind="onu", host="127.0.0.1",
                                   port=snmpsim.port, community=name, optical_oid=OPTICAL_OID, optical_scale=0.01)
    poller = SnmpPoller(timeout=2)
    for _ in range(2):
        assert monitoring.poll_devices(uow_factory, poller, Thresholds(-27.0, -8.0)) == 2
    rows = monitoring.recent_telemetry(uow_factory(), c.id, 10)
    by_device = {r.device: r for r in rows}
    assert by_device["onu-ok"].optical_power_dbm == "-21.35"
    assert by_device["onu-ok"].uptime_seconds == 86400
    assert by_device["onu-ok"].in_octets == 123457789 and by_device["onu-ok"].out_octets == 98767432
    assert by_device["onu-weak"].optical_power_dbm == "-28.40"
    alerts = _alerts(uow_factory)
    # raised once for the weak ONU, not again on the second poll
    assert [(a["device"], a["metric"], a["value"], a["threshold"]) for a in alerts] == \
        [("onu-weak", "optical_power_dbm", "-28.40", "-27.00")]


def test_snmpd_uptime_and_counters(sqlite_uow_factory, snmpd):
    uow_factory = sqlite_uow_factory
    c = _connection(uow_factory)
    monitoring.register_device(uow_factory(), connection_id=c.id, name="cpe", kind="cpe", host="127.0.0.1",
                               port=snmpd.port, community="public")
    assert monitoring.poll_devices(uow_factory, SnmpPoller(timeout=2), Thresholds()) == 1
    row = monitoring.recent_telemetry(uow_factory(), c.id, 1)[0]
    assert row.in_octets > 0 and row.optical_power_dbm == "" and not row.alert


def test_unreachable_device_raises_one_alert(sqlite_uow_factory, free_port):
    uow_factory = sqlite_uow_factory
    c = _connection(uow_factory)
    monitoring.register_device(uow_factory(), connection_id=c.id, name="gone", kind="cpe", host="127.0.0.1",
                               port=free_port(), community="public")
    poller = SnmpPoller(timeout=0.3)
    monitoring.poll_devices(uow_factory, poller, Thresholds())
    monitoring.poll_devices(uow_factory, poller, Thresholds())
    assert [a["metric"] for a in _alerts(uow_factory)] == ["reachability"]


def test_field_report_optical_power_is_the_first_sample(sqlite_uow_factory):
    uow_factory = sqlite_uow_factory
    c = _connection(uow_factory)
    from network.domain import model
    cases.activate(uow_factory(), connection_id=c.id, contract_id="", at=model.now(), optical_power_dbm="-29.1",
                   thresholds=Thresholds(-27.0, -8.0))
    rows = monitoring.recent_telemetry(uow_factory(), c.id, 5)
    assert [(r.device, r.optical_power_dbm) for r in rows] == [("field report", "-29.10")]
    assert [(a["device"], a["value"]) for a in _alerts(uow_factory)] == [("field report", "-29.10")]
