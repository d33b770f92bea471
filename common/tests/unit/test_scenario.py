"""The scenario driver's slot allocation: sign-ups of one Setup never share a technician's time."""
import datetime as dt

from antena_common import scenario


def make_setup(technicians: int, slot_minutes: int = 10) -> scenario.Setup:
    techs = [scenario.Technician(f"t{n}", f"u{n}", f"user{n}", "pw", "token") for n in range(technicians)]
    return scenario.Setup(tag="abc123", plan_id="p", plan_name="Plan", plan_price="1", currency="ARS",
                          billing_profile_id="b", recurring_item_ids=[], discount_ids=[], router_id="r", zone_id="z",
                          pool_id="pool", nap_box_ids=["n"], technicians=techs, first_day=dt.date(2026, 12, 2),
                          slot_minutes=slot_minutes, installation_fee="")


def test_thousands_of_sign_ups_get_disjoint_slots_inside_the_day():
    setup = make_setup(technicians=3)
    by_tech: dict[str, list] = {}
    for i in range(3000):
        tech, start, end = scenario.slot(setup, i)
        assert end - start == dt.timedelta(minutes=10) and start.tzinfo is not None
        assert start.date() == (end - dt.timedelta(microseconds=1)).date()   # never across midnight
        assert start.date() >= setup.first_day
        by_tech.setdefault(tech.id, []).append((start, end))
    assert sorted(by_tech) == ["t0", "t1", "t2"]
    for spans in by_tech.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_customers_are_unique_per_sign_up():
    setup = make_setup(technicians=1)
    people = [scenario.customer(setup, i) for i in range(2000)]
    for attr in ("name", "email", "phone", "document"):
        assert len({getattr(p, attr) for p in people}) == 2000, attr
    assert all(len(p.phone) == 10 and p.phone.isdigit() for p in people)
