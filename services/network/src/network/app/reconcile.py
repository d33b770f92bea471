"""Reconciliation: read what each base router really has, compare it with what
the connections say it should have, repair the difference and record it."""
from __future__ import annotations

from dataclasses import dataclass, field

from antena_common.ids import new_id
from antena_common.logs import get_logger

from ..domain import model
from ..domain.provisioning import Drift, ProvisioningError, diff_router
from .provisioning import router_access, spec_for

log = get_logger("network.reconcile")


@dataclass
class DriftReport:
    router_id: str
    checked_at: str
    items: list[dict] = field(default_factory=list)
    error: str = ""


def reconcile_router(uow_factory, driver, router_id: str, *, repair: bool = True, radius=None) -> DriftReport:
    at = model.now()
    with uow_factory() as uow:
        router = uow.routers.get(router_id)
        zones = {z.id: z for z in uow.zones.list(router_id=router_id, limit=10_000)}
        conns = uow.connections.on_router(router_id)
    desired, specs, radius_specs = [], {}, []
    for c in conns:
        zone = zones.get(c.provisioned_zone_id)
        if zone is None or c.state not in ("active", "suspended"):
            continue
        if c.provisioning_state in ("pending", "failed"):
            continue  # the worker is about to change it: not drift
        spec = spec_for(c, zone, suspended=(c.state == "suspended"), ip=c.provisioned_ip or c.ip)
        if "radius" in zone.driver_list:
            radius_specs.append(spec)
        if "mikrotik" in zone.driver_list:
            desired.append(spec)
            specs[c.id] = spec
    access = router_access(router)
    report = DriftReport(router_id=router_id, checked_at=at.isoformat())
    drifts: list[Drift] = []
    try:
        actual = driver.read_state(access)
        drifts = diff_router(desired, actual, driver.suspended_list)
        # pending connections may legitimately have partial entries: not orphans
        drifts = [d for d in drifts if not (d.kind == "orphan" and d.connection_id in {c.id for c in conns})]
        repaired = False
        if repair and drifts:
            to_fix = [specs[cid] for cid in sorted({d.connection_id for d in drifts}) if cid in specs]
            orphans = sorted({d.connection_id for d in drifts if d.kind == "orphan"})
            driver.apply_many(access, to_fix, orphans)
            repaired = True
        report.items = [{"connection_id": d.connection_id, "kind": d.kind, "detail": d.detail, "repaired": repaired,
                         "found_at": at.isoformat()} for d in drifts]
    except ProvisioningError as exc:
        report.error = exc.reason
    if radius is not None:
        try:
            for spec in radius_specs:
                wrong = radius.check(spec)
                if wrong:
                    if repair:
                        radius.apply(None, spec)
                    report.items.append({"connection_id": spec.connection_id, "kind": "radius_mismatch",
                                         "detail": ", ".join(wrong), "repaired": repair, "found_at": at.isoformat()})
        except ProvisioningError as exc:
            report.error = "; ".join(x for x in (report.error, exc.reason) if x)
    with uow_factory() as uow:
        r = uow.routers.get(router_id, lock=True)
        r.last_reconciled_at = at
        r.last_error = report.error
        if not report.error:
            r.drift_count = len(report.items)
            by_conn: dict[str, list[str]] = {}
            for item in report.items:
                by_conn.setdefault(item["connection_id"], []).append(
                    f"{item['kind']}: {item['detail']}" + (" (repaired)" if item["repaired"] else ""))
            for c in uow.connections.on_router(router_id):
                new = by_conn.get(c.id, [])
                if new or c.drift:
                    c.drift = new
        uow.drift.add(new_id(), router_id, at, report.items, report.error)
        uow.commit()
    if report.items or report.error:
        log.warning("router drift", router=router.name, drift=len(report.items), error=report.error or None)
    return report


def reconcile_all(uow_factory, driver, radius=None) -> list[DriftReport]:
    with uow_factory() as uow:
        ids = [r.id for r in uow.routers.list(limit=10_000)]
    return [reconcile_router(uow_factory, driver, rid, radius=radius) for rid in ids]


def latest_report(uow, router_id: str) -> DriftReport:
    with uow:
        if router_id != BILLING:
            uow.routers.get(router_id)
        row = uow.drift.latest(router_id)
    if row is None:
        return DriftReport(router_id=router_id, checked_at="")
    return DriftReport(router_id=router_id, checked_at=row.checked_at.isoformat(), items=list(row.items or []),
                       error=row.error or "")


BILLING = "billing"  # the key of billing cross-check reports


def reconcile_billing(uow_factory, contract_states, *, repair: bool = True) -> DriftReport:
    """Billing owns the commercial state: a connection browsing while its contract is suspended (or cut while the
    contract is active, or alive after the contract ended) is drift; repairing issues the command the missed event
    would have issued."""
    from . import connections as cases

    at = model.now()
    report = DriftReport(router_id=BILLING, checked_at=at.isoformat())
    # the network's side first, billing's second: billing's answer is then the newer one, and every repair
    # moves towards it (a repair that finds nothing to change was a race with the event, not drift)
    with uow_factory() as uow:
        live = [(c.id, c.contract_id, c.internet_suspended) for c in uow.connections.live()]
    try:
        states = contract_states()
    except Exception as exc:  # billing unreachable: try next time
        report.error = f"billing: {exc}"
        states = {}
    for cid, contract_id, cut in live:
        state = states.get(contract_id)
        if state == "suspended" and not cut:
            kind, detail = "billing_suspended_but_active", "the contract is suspended in billing"
        elif state == "active" and cut:
            kind, detail = "billing_active_but_suspended", "the contract is active in billing"
        elif state == "terminated":
            kind, detail = "billing_terminated", "the contract is terminated in billing"
        else:
            continue
        if repair:
            if kind == "billing_suspended_but_active":
                changed = cases.suspend(uow_factory(), connection_id=cid, contract_id="", services=[], at=at)
            elif kind == "billing_active_but_suspended":
                changed = cases.restore(uow_factory(), connection_id=cid, contract_id="", services=["internet"], at=at)
            else:
                with uow_factory() as uow:
                    changed = uow.connections.get(cid).target_state != "terminated"
                cases.terminate(uow_factory(), connection_id=cid, contract_id="", at=at)
            if not changed:
                continue
        report.items.append({"connection_id": cid, "kind": kind, "detail": detail, "repaired": repair,
                             "found_at": at.isoformat()})
    with uow_factory() as uow:
        for item in report.items:
            c = uow.connections.get(item["connection_id"], lock=True)
            c.drift = [*(c.drift or []), f"{item['kind']}: {item['detail']}" + (" (repaired)" if repair else "")]
        uow.drift.add(new_id(), BILLING, at, report.items, report.error)
        uow.commit()
    if report.items or report.error:
        log.warning("billing drift", drift=len(report.items), error=report.error or None)
    return report
