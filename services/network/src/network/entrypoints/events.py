"""Event handlers: each event this service consumes, named for what it handles.

An event about a contract network does not know raises NotFound: the consumer
dead-letters it (visible in antena.dead) and keeps running."""
from __future__ import annotations

from antena_common import tracing
from antena_common.bus import Subscription

from ..app import connections as cases
from ..app.provisioning import trace_key
from ..domain import credentials, model
from ..domain.monitoring import Thresholds

CONSUMER = "network"


def handle_contract_requested(uow_factory, rules: credentials.CredentialRules, radius_m: float, wake=None):
    def handle(envelope, msg) -> None:
        conn = msg.connection
        loc = conn.location if conn.HasField("location") else None
        cmd = cases.ReserveConnection(
            contract_id=msg.contract_id, order_id=msg.order_id, request_id=msg.request_id, zone_id=conn.zone_id,
            mode=conn.mode or "pppoe", customer_name=msg.customer.name, phone=msg.customer.phone,
            document=msg.customer.document, ip=conn.ip, nap_box_id=conn.nap_box_id, nap_port=conn.nap_port,
            cpe_mac=conn.cpe_mac, lat=loc.lat if loc else None, lon=loc.lon if loc else None, plan_id=msg.plan_id)
        cases.reserve_connection(uow_factory(), cmd, rules=rules, radius_m=radius_m, consumer=CONSUMER,
                                 event_id=envelope.event_id)
    return handle


def _onu_and_mac(report) -> tuple[str, str]:
    onu = mac = ""
    for d in report.devices:
        if d.kind.lower() in ("ont", "onu") and d.serial and not onu:
            onu = d.serial
        if d.mac and not mac:
            mac = d.mac
    return onu, mac


def handle_order_completed(uow_factory, wake=None, thresholds: Thresholds | None = None):
    def handle(envelope, msg) -> None:
        if msg.kind == "installation":
            onu, mac = _onu_and_mac(msg.report)
            cases.activate(uow_factory(), connection_id=msg.connection_id, contract_id=msg.contract_id, at=model.now(),
                           consumer=CONSUMER, event_id=envelope.event_id, onu_serial=onu, cpe_mac=mac,
                           optical_power_dbm=msg.report.optical_power_dbm, thresholds=thresholds)
        elif msg.kind == "removal":
            cases.terminate(uow_factory(), connection_id=msg.connection_id, contract_id=msg.contract_id,
                            at=model.now(), consumer=CONSUMER, event_id=envelope.event_id)
        else:
            return
        if wake:
            wake()
    return handle


def handle_contract_suspension_due(uow_factory, wake=None):
    def handle(envelope, msg) -> None:
        cases.suspend(uow_factory(), connection_id=msg.connection_id, contract_id=msg.contract_id,
                      services=list(msg.services), at=model.now(), consumer=CONSUMER, event_id=envelope.event_id)
        if wake:
            wake()
    return handle


def handle_contract_reactivation_due(uow_factory, wake=None):
    def handle(envelope, msg) -> None:
        cases.restore(uow_factory(), connection_id=msg.connection_id, contract_id=msg.contract_id,
                      services=list(msg.services), at=model.now(), consumer=CONSUMER, event_id=envelope.event_id)
        if wake:
            wake()
    return handle


def handle_contract_terminated(uow_factory, wake=None):
    def handle(envelope, msg) -> None:
        cases.terminate(uow_factory(), connection_id=msg.connection_id, contract_id=msg.contract_id, at=model.now(),
                        consumer=CONSUMER, event_id=envelope.event_id)
        if wake:
            wake()
    return handle


def _provisioning_traced(handler):
    """The provisioning worker will continue this event's trace (see tracing.defer)."""
    def handle(envelope, msg) -> None:
        if msg.contract_id:
            tracing.defer(trace_key(msg.contract_id))
        handler(envelope, msg)
    return handle


def subscriptions(uow_factory, *, rules: credentials.CredentialRules | None = None, radius_m: float = 300.0,
                  wake=None, thresholds: Thresholds | None = None) -> list[Subscription]:
    rules = rules or credentials.CredentialRules()
    return [
        Subscription("orders.contract_requested", handle_contract_requested(uow_factory, rules, radius_m)),
        Subscription("orders.order_completed",
                     _provisioning_traced(handle_order_completed(uow_factory, wake, thresholds))),
        Subscription("billing.contract_suspension_due",
                     _provisioning_traced(handle_contract_suspension_due(uow_factory, wake))),
        Subscription("billing.contract_reactivation_due",
                     _provisioning_traced(handle_contract_reactivation_due(uow_factory, wake))),
        Subscription("billing.contract_terminated", _provisioning_traced(handle_contract_terminated(uow_factory, wake))),
    ]
