"""Domain rules of the network service (no I/O)."""
import datetime as dt
import random

import pytest

from antena_common.errors import Conflict, InvalidArgument
from network.domain import addressing, credentials, geo, model
from network.domain.monitoring import Thresholds, evaluate
from network.domain.provisioning import ListEntry, Queue, RouterState, Secret, SubscriberSpec, diff_router

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


# ---- geo -------------------------------------------------------------------------

def test_distance_matches_karney_geodesic_on_wgs84():
    from geographiclib.geodesic import Geodesic

    rng = random.Random(11)
    for _ in range(3000):
        lat, lon = rng.uniform(-80, 80), rng.uniform(-180, 180)
        d = rng.uniform(1, 20_000)
        p = Geodesic.WGS84.Direct(lat, lon, rng.uniform(0, 360), d)
        assert abs(geo.distance_m(lat, lon, p["lat2"], p["lon2"]) - d) < 0.5
    assert geo.distance_m(0, 0, 0, 0) == 0
    assert abs(geo.distance_m(0, 179.999, 0, -179.999) - 222.6) < 0.5   # across the antimeridian


def test_grid_cells_find_every_point_within_radius():
    rng = random.Random(4)
    for _ in range(300):
        lat, lon = rng.uniform(-60, 60), rng.uniform(-179.9, 179.9)
        radius = rng.choice([50, 300, 900, 2500])
        cells = set(geo.cells_around(lat, lon, radius))
        for _ in range(20):
            # a random point at most `radius` away
            plat = lat + rng.uniform(-1, 1) * radius / 111_000
            plon = lon + rng.uniform(-1, 1) * radius / 111_000
            if geo.distance_m(lat, lon, plat, plon) <= radius:
                assert geo.cell_of(plat, plon) in cells


def test_rank_candidates_nearest_first_and_covered_needs_a_free_port():
    boxes = [geo.BoxPoint("a", "NAP-A", 21.0, -86.0, 0), geo.BoxPoint("b", "NAP-B", 21.001, -86.0, 3),
             geo.BoxPoint("c", "NAP-C", 21.5, -86.0, 8)]
    ans = geo.rank_candidates(21.0, -86.0, boxes, 300, 5)
    assert [c.code for c in ans.candidates] == ["NAP-A", "NAP-B"]
    assert ans.covered
    full_only = geo.rank_candidates(21.0, -86.0, boxes[:1], 300, 5)
    assert not full_only.covered and full_only.candidates
    # the two nearest are full; the answer still names the nearest box with a free port
    crowded = [geo.BoxPoint(f"f{i}", f"FULL-{i}", 21.0 + i * 1e-5, -86.0, 0) for i in range(3)] + \
        [geo.BoxPoint("ok", "FREE", 21.0008, -86.0, 4)]
    ans = geo.rank_candidates(21.0, -86.0, crowded, 300, 2)
    assert ans.covered and [c.code for c in ans.candidates] == ["FULL-0", "FREE"]


@pytest.mark.parametrize("lat,lon", [(91, 0), (-90.5, 0), (0, 181), (0, -200), (float("nan"), 0)])
def test_coordinates_out_of_range(lat, lon):
    with pytest.raises(InvalidArgument) as exc:
        model.NapBox.register(code="X", olt_id="", ports=8, lat=lat, lon=lon)
    assert set(exc.value.field_errors) & {"lat", "lon"}


# ---- addressing ------------------------------------------------------------------

@pytest.mark.parametrize("cidr", ["10.0.0.0/33", "10.0.0.1/24", "banana", "", "10.0.0.0/31", "2001:db8::/64"])
def test_invalid_cidr(cidr):
    with pytest.raises(InvalidArgument) as exc:
        addressing.plan_pool(cidr)
    assert "cidr" in exc.value.field_errors


def test_pool_reserves_network_broadcast_gateway_and_excluded():
    plan = addressing.plan_pool("10.1.0.0/29", "", ["10.1.0.5", "10.1.0.2-10.1.0.3"])
    reserved = {addressing.int_to_ip(ip): why for ip, why in plan.reserved}
    assert reserved == {"10.1.0.0": "network", "10.1.0.7": "broadcast", "10.1.0.1": "gateway",
                        "10.1.0.5": "excluded", "10.1.0.2": "excluded", "10.1.0.3": "excluded"}
    assert plan.usable == 2
    with pytest.raises(InvalidArgument) as exc:
        addressing.plan_pool("10.1.0.0/29", "10.2.0.1", ["10.9.9.9"])
    assert set(exc.value.field_errors) == {"gateway", "excluded[0]"}


def test_overlap():
    assert addressing.overlapping("10.0.0.128/25", [("A", "10.0.0.0/24")]) == "A"
    assert addressing.overlapping("10.0.1.0/24", [("A", "10.0.0.0/24")]) is None


# ---- credentials (seed 004) ---------------------------------------------------------

def test_seed_004_rules():
    creds = credentials.generate(credentials.CredentialRules(),
                                 credentials.Subscriber("Juan Cocom", "998 123-4567", "", "c-1"))
    assert creds.pppoe_username == "9981234567"
    assert creds.pppoe_password == "9981234567M"
    assert creds.wifi_password == "cocom2024MB"
    four = credentials.generate(credentials.CredentialRules(),
                                credentials.Subscriber("María José Núñez Pérez", "9980000000", "", "c-2"))
    assert four.wifi_password == "nunez2024MB"


def test_rules_are_configurable_and_checked():
    rules = credentials.CredentialRules(pppoe_username="{document}", pppoe_password="{phone}-{first_name_lower}")
    creds = credentials.generate(rules, credentials.Subscriber("Ana Gómez", "111", "DNI 30.123", "c"))
    assert (creds.pppoe_username, creds.pppoe_password) == ("DNI30123", "111-ana")
    with pytest.raises(InvalidArgument):
        credentials.CredentialRules(pppoe_password="{password}").validate()


# ---- connection life cycle --------------------------------------------------------------

def _conn(**kw):
    return model.Connection(contract_id="k1", zone_id="z1", router_id="r1", mode="pppoe", ip="10.0.0.9",
                            pppoe_username="u", pppoe_password="p", download_rate="50M", upload_rate="10M", **kw)


def test_activation_only_after_provisioning_succeeds():
    c = _conn()
    assert c.request_activation(NOW)
    assert c.state == "reserved" and c.provisioning_state == "pending"
    c.provisioning_failed("mikrotik: timeout", NOW, 5, 300)
    assert c.state == "reserved" and c.provisioning_error and c.next_attempt_at == NOW + dt.timedelta(seconds=5)
    c.provisioning_failed("again", NOW, 5, 300)
    assert c.next_attempt_at == NOW + dt.timedelta(seconds=10)
    assert c.provisioning_succeeded(NOW) == ["connection_activated"]
    assert c.state == "active" and c.provisioned_router_id == "r1"
    assert not c.request_activation(NOW)  # a second order_completed changes nothing


def test_suspension_honours_services_and_cut_flag():
    c = _conn()
    c.request_activation(NOW)
    c.provisioning_succeeded(NOW)
    c.add_service(model.AdditionalService.register(kind="telephony", plan="300 min", connection=c,
                                                   default_sip_server="sip.example"))
    c.add_service(model.AdditionalService.register(kind="tv", plan="60 canales", tv_mode="iptv",
                                                   cut_on_nonpayment=False))
    tel = c.additional()[0]
    assert tel.sip_username == "u" and tel.phone_number == "0000000000" and tel.temporary
    assert c.request_suspension(["tv"], NOW) == []            # tv is not cut on non-payment
    assert c.request_suspension(["telephony"], NOW) == ["telephony"]
    assert c.target_state == "active"                          # internet untouched
    assert c.request_suspension([], NOW) == ["internet"]
    assert c.target_state == "suspended"
    assert c.provisioning_succeeded(NOW) == ["connection_suspended"]
    assert c.request_restoration(["internet"], NOW) == ["internet"]
    assert c.suspended_services == ["telephony"]
    assert c.provisioning_succeeded(NOW) == ["connection_restored"]


def test_suspended_before_the_first_activation_reports_both():
    c = _conn()
    c.request_activation(NOW)
    c.request_suspension([], NOW)
    assert c.provisioning_succeeded(NOW) == ["connection_activated", "connection_suspended"]
    assert c.state == "suspended" and c.activated_at == NOW


def test_terminated_connection_refuses_commands():
    c = _conn()
    c.request_termination(NOW)
    with pytest.raises(Conflict):
        c.request_activation(NOW)


def test_rate_limit_is_upload_slash_download():
    assert _conn().rate_limit == "10M/50M"
    assert model.mbps(50) == "50M" and model.mbps(0.5) == "512k"


# ---- drift ------------------------------------------------------------------------------

def _spec(**kw):
    base = dict(connection_id="c1", mode="pppoe", username="998", password="998M", ip="10.0.0.9", profile="default",
                rate_limit="10M/50M", suspended=False)
    base.update(kw)
    return SubscriberSpec(**base)


def test_diff_router_in_sync():
    state = RouterState(
        secrets=[Secret("*1", "998", "998M", "default", "10.0.0.9", "antena:c1")],
        queues=[Queue("*2", "998", "10.0.0.9/32", "10000000/50000000", "antena:c1")])
    assert diff_router([_spec()], state, "sus") == []


def test_diff_router_finds_every_kind_of_drift():
    state = RouterState(
        secrets=[Secret("*1", "998", "changed", "default", "10.0.0.9", "antena:c1"),
                 Secret("*9", "x", "y", "default", "10.0.0.50", "antena:gone")],
        queues=[Queue("*2", "998", "10.0.0.9/32", "1000000/1000000", "antena:c1")],
        address_list=[ListEntry("*3", "sus", "10.0.0.9", "antena:c1")])
    kinds = {(d.connection_id, d.kind) for d in diff_router([_spec()], state, "sus")}
    assert kinds == {("c1", "wrong_secret"), ("c1", "wrong_queue"), ("c1", "unexpected_suspension"),
                     ("gone", "orphan")}
    # suspended in the system but browsing: missing from the address list
    kinds = {d.kind for d in diff_router([_spec(suspended=True)], RouterState(), "sus")}
    assert kinds == {"missing_secret", "missing_queue", "missing_suspension"}


def test_optical_threshold():
    assert evaluate(-28.5, Thresholds()) == [("optical_power_dbm", "-28.50", "-27.00")]
    assert evaluate(-20.0, Thresholds()) == []
    assert evaluate(None, Thresholds()) == []
