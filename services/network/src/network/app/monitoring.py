"""Device monitoring: devices registered on connections are polled by SNMP;
samples are kept as recent telemetry; thresholds raise network.device_alert."""
from __future__ import annotations

from antena.network.v1 import events_pb2
from antena_common.errors import FieldErrors
from antena_common.ids import new_id

from ..domain import model
from ..domain.monitoring import DeviceTarget, Thresholds, evaluate

DEVICE_KINDS = ("onu", "cpe", "router", "olt")


def register_device(uow, *, connection_id: str, name: str, kind: str, host: str, port: int = 161,
                    community: str = "public", optical_oid: str = "", optical_scale: float = 0.01) -> dict:
    errors = FieldErrors()
    name = (name or "").strip() or kind
    errors.check(kind in DEVICE_KINDS, "kind", f"one of {', '.join(DEVICE_KINDS)}")
    errors.check(len(name) <= 120, "name", "at most 120 characters")
    errors.check(len(community or "") <= 100, "community", "at most 100 characters")
    errors.check(len(optical_oid or "") <= 200, "optical_oid", "at most 200 characters")
    errors.check(len(host or "") <= 253, "host", "at most 253 characters")
    errors.check(optical_scale is None or (optical_scale == optical_scale and abs(optical_scale) <= 1000),
                 "optical_scale", "a number up to 1000")
    errors.check(bool(host) and bool(model.HOST_RE.match(host or "")), "host", "a host name or IP address")
    errors.check(0 < (port or 161) < 65536, "port", "between 1 and 65535")
    errors.check(not optical_oid or all(p.isdigit() for p in optical_oid.strip(".").split(".")), "optical_oid",
                 "a numeric OID")
    errors.raise_if_any()
    row = {"id": new_id(), "connection_id": connection_id, "name": name, "kind": kind, "host": host,
           "port": port or 161, "community": community or "public", "optical_oid": optical_oid.strip("."),
           "optical_scale": optical_scale or 0.01, "created_at": model.now()}
    with uow:
        uow.connections.get(connection_id)
        uow.telemetry.add_device(row)
        uow.commit()
    return row


def poll_devices(uow_factory, poller, thresholds: Thresholds, keep: int = 288, connection_id: str = "") -> int:
    with uow_factory() as uow:
        devices = uow.telemetry.devices(connection_id)
    if not devices:
        return 0
    readings = poller.poll_many([DeviceTarget(d.host, d.port, d.community, d.optical_oid, d.optical_scale)
                                 for d in devices])
    at = model.now()
    for d, reading in zip(devices, readings):
        with uow_factory() as uow:
            c = uow.connections.get(d.connection_id)
            previous = uow.telemetry.last_sample(d.id)
            was_alert = bool(previous and previous.alert)
            if isinstance(reading, Exception):
                sample = {"device_id": d.id, "connection_id": d.connection_id, "collected_at": at,
                          "uptime_seconds": 0, "in_octets": 0, "out_octets": 0, "optical_power_dbm": "", "alert": True}
                alerts = [("reachability", "unreachable", "reachable")]
            else:
                optical = "" if reading.optical_power_raw is None else f"{reading.optical_power_raw:.2f}"
                alerts = evaluate(reading.optical_power_raw, thresholds)
                sample = {"device_id": d.id, "connection_id": d.connection_id, "collected_at": at,
                          "uptime_seconds": reading.uptime_seconds, "in_octets": reading.in_octets,
                          "out_octets": reading.out_octets, "optical_power_dbm": optical, "alert": bool(alerts)}
                uow.publish("device_telemetry", events_pb2.DeviceTelemetry(
                    connection_id=d.connection_id, device=d.name, collected_at=at.isoformat(),
                    uptime_seconds=reading.uptime_seconds, in_octets=reading.in_octets,
                    out_octets=reading.out_octets, optical_power_dbm=optical))
            uow.telemetry.add_sample(sample)
            if alerts and not was_alert:  # raise once per episode, not every poll
                for metric, value, threshold in alerts:
                    uow.publish("device_alert", events_pb2.DeviceAlert(
                        connection_id=d.connection_id, contract_id=c.contract_id, device=d.name, metric=metric,
                        value=value, threshold=threshold))
            uow.telemetry.prune(d.id, keep)
            uow.commit()
    return len(devices)


def recent_telemetry(uow, connection_id: str, limit: int = 50) -> list:
    with uow:
        uow.connections.get(connection_id)
        return uow.telemetry.recent(connection_id, max(1, min(limit or 50, 500)))
