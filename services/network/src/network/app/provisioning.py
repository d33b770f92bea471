"""The provisioning worker: brings routers and RADIUS to each connection's
target state, outside any database transaction, then records the outcome.

Failures leave the connection where it was (never active on a failed
activation), record the reason, publish network.provisioning_failed and
schedule a retry with exponential backoff."""
from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import Callable

from antena.network.v1 import events_pb2
from antena_common.errors import NotFound
from antena_common import metrics, tracing
from antena_common.logs import get_logger

from ..domain import model
from ..domain.provisioning import ProvisioningError, RouterAccess, SubscriberSpec

log = get_logger("network.provisioning")

FAILURES = metrics.counter("antena_provisioning_failures_total",
                           "Failed provisioning attempts, by driver and class of reason", ["driver", "reason"])

def trace_key(contract_id: str) -> str:
    """Where the event that asked for provisioning leaves its trace context (tracing.defer)."""
    return f"provision:{contract_id}"


RatesLookup = Callable[[str], "tuple[str, str] | None"]


def router_access(r: model.Router) -> RouterAccess:
    return RouterAccess(id=r.id, name=r.name, host=r.host, api_port=r.api_port, username=r.username, password=r.password)


def spec_for(c: model.Connection, zone: model.Zone, *, suspended: bool | None = None, ip: str | None = None) -> SubscriberSpec:
    return SubscriberSpec(
        connection_id=c.id, mode=c.mode, username=c.pppoe_username, password=c.pppoe_password,
        ip=ip if ip is not None else c.ip, profile=zone.pppoe_profile or "default", rate_limit=c.rate_limit,
        suspended=(c.target_state == "suspended") if suspended is None else suspended,
        mac=c.cpe_mac if c.mode == "dhcp" else "")


@dataclass
class _Job:
    connection: model.Connection
    zone: model.Zone
    router: model.Router
    old_zone: model.Zone | None
    old_router: model.Router | None


class Provisioner:
    def __init__(self, uow_factory, drivers: dict, *, retry_base: float = 5.0, retry_max: float = 300.0,
                 rates: RatesLookup | None = None, default_rates: tuple[str, str] = ("", ""),
                 lease_seconds: float = 120.0):
        self.uow = uow_factory
        self.lease_seconds = lease_seconds
        self.drivers = drivers
        self.retry_base = retry_base
        self.retry_max = retry_max
        self.rates = rates
        self.default_rates = default_rates
        self._lock = threading.Lock()

    def run_due(self) -> int:
        """Process every connection whose provisioning is due; returns how many."""
        if not self._lock.acquire(blocking=False):
            return 0
        try:
            with self.uow() as uow:
                due = uow.connections.claim_due(model.now(), self.lease_seconds)
                uow.commit()
            by_router: dict[str, list[str]] = {}
            for cid, rid in due:
                by_router.setdefault(rid, []).append(cid)
            for rid, ids in by_router.items():
                with self.router_batch(rid):  # one router session for the whole group
                    for cid in ids:
                        self.provision(cid)
            return len(due)
        finally:
            self._lock.release()

    def router_batch(self, router_id: str):
        stack = contextlib.ExitStack()
        try:
            with self.uow() as uow:
                access = router_access(uow.routers.get(router_id))
        except NotFound:
            return stack
        for driver in self.drivers.values():
            if hasattr(driver, "batch"):
                stack.enter_context(driver.batch(access))
        return stack

    def _driver(self, name: str):
        d = self.drivers.get(name)
        if d is None:
            raise ProvisioningError(name, "driver not configured on this network service", "config")
        return d

    def _load(self, connection_id: str) -> _Job:
        with self.uow() as uow:
            c = uow.connections.get(connection_id)
            zone = uow.zones.get(c.zone_id)
            router = uow.routers.get(zone.router_id)
            old_zone = old_router = None
            if c.provisioned_zone_id and c.provisioned_zone_id != c.zone_id:
                try:
                    old_zone = uow.zones.get(c.provisioned_zone_id)
                    old_router = uow.routers.get(c.provisioned_router_id or old_zone.router_id)
                except NotFound:
                    old_zone = old_router = None
            return _Job(c, zone, router, old_zone, old_router)

    def _fill_rates(self, c: model.Connection) -> None:
        if c.download_rate and c.upload_rate:
            return
        found = None
        if self.rates and c.plan_id:
            try:
                found = self.rates(c.plan_id)
            except Exception as exc:  # billing unreachable: retry later
                raise ProvisioningError("billing", f"cannot read the plan's rates: {exc}", "dependency") from exc
        if not found and all(self.default_rates):
            found = self.default_rates
        if not found:
            raise ProvisioningError("billing", f"the rates of plan {c.plan_id or '(none)'} are unknown", "dependency")
        c.download_rate, c.upload_rate = found

    def provision(self, connection_id: str) -> str:
        """One attempt; returns 'ok', 'failed' or 'skipped'."""
        try:
            job = self._load(connection_id)
        except NotFound as exc:
            log.warning("cannot provision", connection_id=connection_id, error=exc.detail)
            return "skipped"
        key = trace_key(job.connection.contract_id)
        with tracing.resumed("network", key, "network provisioning", {
                "antena.connection_id": connection_id, "antena.target_state": job.connection.target_state}) as span:
            outcome = self._provision(connection_id, job)
            if span is not None:
                span.set_attribute("antena.outcome", outcome)
                if outcome == "failed":
                    tracing.mark_failed("provisioning failed")
        if outcome != "failed":
            tracing.forget(key)  # retries after a failure stay in the trace
        return outcome

    def _provision(self, connection_id: str, job: _Job) -> str:
        c = job.connection
        target, zone_id, ip = c.target_state, c.zone_id, c.ip
        changes: list[str] = []
        driver_name = ""
        try:
            if job.old_zone is not None and job.old_router is not None:
                old_spec = spec_for(c, job.old_zone, ip=c.provisioned_ip)
                for name in job.old_zone.driver_list:
                    driver_name = name
                    changes += self._driver(name).remove(router_access(job.old_router), old_spec)
            if target == "terminated":
                if c.provisioned_router_id or c.state != "reserved":
                    spec = spec_for(c, job.zone)
                    for name in job.zone.driver_list:
                        driver_name = name
                        changes += self._driver(name).remove(router_access(job.router), spec)
            elif target in ("active", "suspended"):
                driver_name = "billing"
                self._fill_rates(c)
                spec = spec_for(c, job.zone)
                for name in job.zone.driver_list:
                    driver_name = name
                    changes += self._driver(name).apply(router_access(job.router), spec)
        except ProvisioningError as exc:
            FAILURES.labels(exc.driver, exc.kind).inc()
            return self._failed(connection_id, target, exc.driver, exc.reason)
        except Exception as exc:  # a driver bug must not kill the worker
            log.exception("provisioning crashed", connection_id=connection_id)
            FAILURES.labels(driver_name or "?", "unexpected").inc()
            return self._failed(connection_id, target, driver_name or "?", f"unexpected error: {exc!r}")
        return self._succeeded(connection_id, target, zone_id, ip, c.download_rate, c.upload_rate, changes)

    def _succeeded(self, connection_id, target, zone_id, ip, down, up, changes) -> str:
        at = model.now()
        with self.uow() as uow:
            c = uow.connections.get(connection_id, lock=True)
            if c.target_state != target or c.zone_id != zone_id or c.ip != ip:
                return "skipped"  # a newer command arrived meanwhile; it is already scheduled
            if not (c.download_rate and c.upload_rate):
                c.download_rate, c.upload_rate = down, up
            events = c.provisioning_succeeded(at)
            if c.state == "terminated":
                if c.ip_pool_id:
                    uow.ip_pools.release(c.ip_pool_id, c.id)
                if c.nap_box_id:
                    uow.nap_boxes.free_port(c.nap_box_id, c.id)
            for event in events:
                self._publish(uow, c, event, at)
            uow.commit()
        log.info("provisioned", connection_id=connection_id, target=target, changes=len(changes))
        return "ok"

    @staticmethod
    def _publish(uow, c: model.Connection, event: str, at) -> None:
        if event == "connection_activated":
            uow.publish(event, events_pb2.ConnectionActivated(
                connection_id=c.id, contract_id=c.contract_id, order_id=c.order_id,
                activated_at=at.isoformat()))
        elif event in ("connection_suspended", "connection_restored"):
            cls = events_pb2.ConnectionSuspended if event == "connection_suspended" else events_pb2.ConnectionRestored
            services = ["internet"] + [s.kind for s in c.additional()
                                       if (s.state == "suspended") == (event == "connection_suspended")]
            uow.publish(event, cls(connection_id=c.id, contract_id=c.contract_id, services=sorted(set(services))))
        elif event == "connection_terminated":
            uow.publish(event, events_pb2.ConnectionTerminated(connection_id=c.id, contract_id=c.contract_id))

    def _failed(self, connection_id, target, driver, reason) -> str:
        at = model.now()
        with self.uow() as uow:
            c = uow.connections.get(connection_id, lock=True)
            if c.target_state != target:
                return "skipped"
            delay = c.provisioning_failed(f"{driver}: {reason}", at, self.retry_base, self.retry_max)
            uow.publish("provisioning_failed", events_pb2.ProvisioningFailed(
                connection_id=c.id, contract_id=c.contract_id, driver=driver, reason=reason,
                attempt=c.provisioning_attempts))
            uow.commit()
        log.warning("provisioning failed; will retry", connection_id=connection_id, driver=driver, reason=reason,
                    retry_in=delay)
        return "failed"
