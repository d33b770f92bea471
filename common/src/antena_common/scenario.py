"""The lead-to-cash sign-up scripted through the gateway's HTTP API only, for
end-to-end tests, fault tests and benchmarks. Works in both running modes
(embedded or distributed): it only needs an httpx client logged in as admin
(`System.client()`). Thread-safe: many threads may share one client and one Setup.

    setup = scenario.prepare(api, router_host="127.0.0.1", router_port=fake.port,
                             router_user="antena", router_password="pw", capacity=1000)
    one = scenario.sign_up(api, setup, 0)                 # lead ... completed installation
    contract_ids = scenario.wait_active(api, [one], timeout=60)

`prepare(api, ...) -> Setup` creates, once, what sign-ups need: company data,
a plan (+ optional recurring item and discount), a billing profile, a router,
zone, IP pool (/16 by default), NAP boxes with ports for `capacity` sign-ups,
and technicians (user + token) whose working hours cover every day, 00:00-24:00.

A sign-up, step by step (each step returns or updates the `SignUp`):
  open_ticket(api, setup, i)          lead, prospect, installation ticket
  await_order(api, s)                 the order sales asked orders for
  schedule(api, setup, s)             a slot of its own: sign-up i -> technician i % n,
                                      slot i // n of `slot_minutes` from tomorrow (UTC) on,
                                      so sign-ups never overlap, whatever the number
  request_contract(api, setup, s)     billing (customer, contract) and network (connection)
  await_contract_ready(api, s)        both answered: contract_id, customer_id, connection_id
  field_work(api, setup, s)           the technician starts, reports the ONT, completes
Grouped: `start_sign_up` (open_ticket .. request_contract), `finish_field_work`
(await_contract_ready + field_work), `sign_up` (all). Callers may interleave the
steps of many sign-ups (open every ticket first, then await every order...).

Only the sales desk (tickets asking orders for an installation order; no network,
billing or field steps): `desk_prospects(api, n)` makes a plan, a lead and n
prospects; `installation_ticket(api, lead_id, prospect_id)` opens one ticket.

`wait_active(api, signups, timeout)` polls until each ticket is won and each
contract active; returns the contract ids in order. Waits poll with short
intervals; nothing sleeps per sign-up. A failed call raises `ScenarioError`
with the status and body; a wait that runs out raises `TimeoutError`.
"""
from __future__ import annotations

import datetime as dt
import time
import uuid
from dataclasses import dataclass
from typing import Callable

LAT, LON = -31.4167, -64.1833
PORTS_PER_BOX = 256
POLL = 0.05


class ScenarioError(RuntimeError):
    pass


@dataclass
class Technician:
    id: str
    user_id: str
    username: str
    password: str
    token: str


@dataclass
class Setup:
    tag: str
    plan_id: str
    plan_name: str
    plan_price: str
    currency: str
    billing_profile_id: str
    recurring_item_ids: list[str]
    discount_ids: list[str]
    router_id: str
    zone_id: str
    pool_id: str
    nap_box_ids: list[str]
    technicians: list[Technician]
    first_day: dt.date
    slot_minutes: int
    installation_fee: str
    mode: str = "pppoe"


@dataclass
class SignUp:
    i: int
    name: str
    email: str
    phone: str
    document: str
    lead_id: str = ""
    prospect_id: str = ""
    ticket_id: str = ""
    order_id: str = ""
    technician_id: str = ""
    scheduled_start: str = ""
    contract_id: str = ""
    customer_id: str = ""
    connection_id: str = ""
    order_state: str = ""


def _ok(r, *expected: int) -> dict:
    if r.status_code not in (expected or (200, 201)):
        raise ScenarioError(f"{r.request.method} {r.request.url.path} -> {r.status_code}: {r.text[:500]}")
    return r.json() if r.content else {}


def _wait(predicate: Callable[[], object], timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(POLL)


def prepare(api, *, router_host: str, router_port: int, router_user: str, router_password: str,
            drivers: list[str] | tuple = (), capacity: int = 100, technicians: int = 2, slot_minutes: int = 10,
            cidr: str = "100.64.0.0/16", plan_price: str = "9000.00", currency: str = "ARS",
            installation_fee: str = "", recurring_item: bool = False, discount: bool = False,
            billing_profile: dict | None = None, company: dict | None = None, mode: str = "pppoe") -> Setup:
    """Everything sign-ups need, created once through the gateway. `capacity` sizes the NAP boxes
    (256 ports each); `cidr` must not overlap another pool of the system (one per `prepare`)."""
    tag = uuid.uuid4().hex[:6]
    _ok(api.put("/v1/company", json=company or {
        "legal_name": "Red Andina S.A.", "trade_name": "AndinaNet", "tax_id": "30-71234567-8", "currency": currency,
        "fiscal_address": {"street": "San Martín", "number": "123", "city": "Córdoba"}}))
    plan = _ok(api.post("/v1/plans", json={"name": f"Fibra 100 {tag}", "download_mbps": 100, "upload_mbps": 50,
                                           "price": plan_price, "currency": currency}))
    items = [_ok(api.post("/v1/recurring-items", json={"name": f"Router WiFi {tag}", "price": "1500.00",
                                                       "period": "monthly", "currency": currency}))["id"]
             ] if recurring_item else []
    discounts = [_ok(api.post("/v1/discounts", json={"name": f"Bienvenida {tag}", "kind": "percent", "value": "10",
                                                     "months": 1}))["id"]] if discount else []
    profile = _ok(api.post("/v1/billing-profiles", json=billing_profile or {
        "name": f"Mensual {tag}", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount", "late_fee_value": "500",
        "suspend_after_days": 5, "prorate": True}))
    router = _ok(api.post("/v1/routers", json={"name": f"RB {tag}", "host": router_host, "api_port": router_port,
                                               "username": router_user, "password": router_password,
                                               "kind": "mikrotik"}))
    zone = _ok(api.post("/v1/zones", json={"name": f"Zona {tag}", "router_id": router["id"], "billing_day": 1,
                                           "drivers": list(drivers)}))
    pool = _ok(api.post("/v1/ip-pools", json={"name": f"Pool {tag}", "cidr": cidr, "zone_id": zone["id"]}))
    olt = _ok(api.post("/v1/olts", json={"name": f"OLT {tag}", "host": "10.255.0.9"}))
    boxes = [_ok(api.post("/v1/nap-boxes", json={"code": f"NAP-{tag}-{b:03d}", "olt_id": olt["id"],
                                                 "ports": PORTS_PER_BOX, "lat": LAT, "lon": LON + 0.0001 * b}))["id"]
             for b in range(max(1, -(-capacity // PORTS_PER_BOX)))]
    techs = []
    for t in range(technicians):
        username, password = f"tecnico.{tag}.{t}", f"clave-{tag}-{t}-segura"
        user = _ok(api.post("/v1/users", json={"username": username, "password": password,
                                               "full_name": f"Técnica {t} {tag}", "roles": ["technician"]}))
        tech = _ok(api.post("/v1/technicians", json={
            "user_id": user["id"], "name": f"Técnica {t} {tag}", "zone_ids": [zone["id"]],
            "working_hours": [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(7)]}))
        token = _ok(api.post("/v1/auth/token", json={"username": username, "password": password}))["access_token"]
        techs.append(Technician(tech["id"], user["id"], username, password, token))
    return Setup(tag=tag, plan_id=plan["id"], plan_name=plan["name"], plan_price=plan_price, currency=currency,
                 billing_profile_id=profile["id"], recurring_item_ids=items, discount_ids=discounts,
                 router_id=router["id"], zone_id=zone["id"], pool_id=pool["id"], nap_box_ids=boxes,
                 technicians=techs, first_day=dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1),
                 slot_minutes=slot_minutes, installation_fee=installation_fee, mode=mode)


def customer(setup: Setup, i: int) -> SignUp:
    """Who sign-up i is: unique name, phone (-> PPPoE user), document and e-mail per Setup."""
    digits = int(setup.tag, 16) % 1000
    return SignUp(i=i, name=f"Cliente {i} {setup.tag}", email=f"cliente{i}.{setup.tag}@example.com",
                  phone=f"3{digits:03d}{i:06d}", document=f"{digits:03d}{i:06d}")


def desk_prospects(api, n: int) -> tuple[str, list[str]]:
    """A plan, one lead and n prospects of it (distinct addresses): (lead_id, prospect_ids)."""
    plan = _ok(api.post("/v1/plans", json={"name": "Fibra 100", "download_mbps": 100, "upload_mbps": 50,
                                           "price": "12500.00", "currency": "ARS"}))
    lead = _ok(api.post("/v1/leads", json={"name": "Ana Gómez", "phone": "3511234567"}))
    prospects = [_ok(api.post("/v1/prospects", json={
        "lead_id": lead["id"], "plan_id": plan["id"], "recurring_item_ids": [], "discount_ids": [],
        "address": {"street": "Belgrano", "number": str(100 + i), "city": "Córdoba", "state": "Córdoba"},
        "location": {"lat": LAT, "lon": LON}}))["id"] for i in range(n)]
    return lead["id"], prospects


def installation_ticket(api, lead_id: str, prospect_id: str) -> str:
    """A desk ticket asking for an installation order; its id."""
    return _ok(api.post("/v1/tickets", json={"lead_id": lead_id, "prospect_id": prospect_id,
                                             "create": "installation"}))["id"]


# -- the steps ------------------------------------------------------------------------------------
def open_ticket(api, setup: Setup, i: int) -> SignUp:
    s = customer(setup, i)
    lead = _ok(api.post("/v1/leads", json={"name": s.name, "document": s.document, "phone": s.phone,
                                           "email": s.email, "source": "web"}))
    prospect = _ok(api.post("/v1/prospects", json={
        "lead_id": lead["id"], "plan_id": setup.plan_id, "recurring_item_ids": setup.recurring_item_ids,
        "discount_ids": setup.discount_ids,
        "address": {"street": "Deán Funes", "number": str(100 + i), "city": "Córdoba", "state": "Córdoba"},
        "location": {"lat": LAT, "lon": LON}}))
    ticket = _ok(api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"],
                                               "create": "installation"}))
    s.lead_id, s.prospect_id, s.ticket_id = lead["id"], prospect["id"], ticket["id"]
    return s


def await_order(api, s: SignUp, timeout: float = 60) -> SignUp:
    def found():
        items = _ok(api.get("/v1/orders", params={"ticket_id": s.ticket_id}))["items"]
        return items[0] if items else None
    order = _wait(found, timeout, f"the order of ticket {s.ticket_id}")
    s.order_id, s.order_state = order["id"], order["state"]
    return s


def slot(setup: Setup, i: int) -> tuple[Technician, dt.datetime, dt.datetime]:
    """Sign-up i's visit: never overlapping another sign-up's of the same Setup."""
    per_day = 24 * 60 // setup.slot_minutes
    tech = setup.technicians[i % len(setup.technicians)]
    k = i // len(setup.technicians)
    start = dt.datetime.combine(setup.first_day + dt.timedelta(days=k // per_day), dt.time(), dt.timezone.utc) \
        + dt.timedelta(minutes=(k % per_day) * setup.slot_minutes)
    return tech, start, start + dt.timedelta(minutes=setup.slot_minutes)


def schedule(api, setup: Setup, s: SignUp) -> SignUp:
    tech, start, end = slot(setup, s.i)
    order = _ok(api.post(f"/v1/orders/{s.order_id}/schedule", json={
        "technician_id": tech.id, "scheduled_start": start.isoformat(), "scheduled_end": end.isoformat()}))
    s.technician_id, s.scheduled_start, s.order_state = tech.id, start.isoformat(), order["state"]
    return s


def request_contract(api, setup: Setup, s: SignUp) -> SignUp:
    box = setup.nap_box_ids[s.i % len(setup.nap_box_ids)]
    asked = _ok(api.post(f"/v1/orders/{s.order_id}/contract", json={
        "billing_profile_id": setup.billing_profile_id, "installation_fee": setup.installation_fee,
        "customer": {"name": s.name, "document": s.document, "email": s.email, "phone": s.phone},
        "connection": {"zone_id": setup.zone_id, "mode": setup.mode, "nap_box_id": box}}))
    s.contract_id = asked.get("contract_id") or ""
    return s


def await_contract_ready(api, s: SignUp, timeout: float = 60) -> SignUp:
    def ready():
        order = _ok(api.get(f"/v1/orders/{s.order_id}"))
        state = order["contract"]["state"]
        if state == "rejected":
            raise ScenarioError(f"contract of order {s.order_id} rejected: {order['contract']}")
        return order if state == "ready" else None
    order = _wait(ready, timeout, f"billing and network to answer for order {s.order_id}")
    s.contract_id, s.customer_id, s.connection_id = order["contract_id"], order["customer_id"], order["connection_id"]
    return s


def field_work(api, setup: Setup, s: SignUp) -> SignUp:
    """The assigned technician, with their own token: start, report the ONT, complete."""
    tech = next(t for t in setup.technicians if t.id == s.technician_id)
    auth = {"Authorization": f"Bearer {tech.token}"}
    _ok(api.post(f"/v1/orders/{s.order_id}/start", headers=auth))
    _ok(api.post(f"/v1/orders/{s.order_id}/report", headers=auth, json={
        "devices": [{"kind": "ont", "serial": f"HWTC{setup.tag}{s.i:06d}".upper()}],
        "optical_power_dbm": "-20.5", "seal_code": f"PR-{s.i}"}))
    done = _ok(api.post(f"/v1/orders/{s.order_id}/complete", headers=auth, json={"result": "success"}))
    s.order_state = done["state"]
    return s


# -- grouped --------------------------------------------------------------------------------------
def start_sign_up(api, setup: Setup, i: int, timeout: float = 60) -> SignUp:
    """Lead, prospect, ticket, order, schedule, contract request."""
    s = await_order(api, open_ticket(api, setup, i), timeout)
    return request_contract(api, setup, schedule(api, setup, s))


def finish_field_work(api, setup: Setup, s: SignUp, timeout: float = 60) -> SignUp:
    """Once billing and network answered: the installation done in the field."""
    return field_work(api, setup, await_contract_ready(api, s, timeout))


def sign_up(api, setup: Setup, i: int, timeout: float = 60) -> SignUp:
    """One customer from lead to a completed installation order."""
    return finish_field_work(api, setup, start_sign_up(api, setup, i, timeout), timeout)


def wait_active(api, signups: list[SignUp], timeout: float = 120) -> list[str]:
    """Until every ticket is won and every contract active (one poll per pending item per round)."""
    pending = {id(s): s for s in signups}
    won: set[int] = set()
    deadline = time.monotonic() + timeout
    while pending:
        for key, s in list(pending.items()):
            if key not in won and _ok(api.get(f"/v1/tickets/{s.ticket_id}"))["state"] == "won":
                won.add(key)
            if key in won and _ok(api.get(f"/v1/contracts/{s.contract_id}"))["state"] == "active":
                del pending[key]
        if not pending:
            break
        if time.monotonic() >= deadline:
            left = list(pending.values())[:5]
            raise TimeoutError(f"{len(pending)} of {len(signups)} sign-ups not active after {timeout}s, e.g. "
                               + ", ".join(f"ticket {s.ticket_id} contract {s.contract_id}" for s in left))
        time.sleep(POLL)
    return [s.contract_id for s in signups]
