"""SNMP polling with pysnmp 7 (asyncio API): uptime, interface counters and,
where the device exposes it, optical power at a configurable OID."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from pysnmp.hlapi.v3arch.asyncio import (CommunityData, ContextData, ObjectIdentity, ObjectType, SnmpEngine,
                                         UdpTransportTarget, get_cmd, walk_cmd)

SYS_UPTIME = "1.3.6.1.2.1.1.3.0"
IF_IN_OCTETS = "1.3.6.1.2.1.2.2.1.10"
IF_OUT_OCTETS = "1.3.6.1.2.1.2.2.1.16"


from ..domain.monitoring import DeviceTarget


class SnmpError(Exception):
    pass


@dataclass(frozen=True)
class Reading:
    uptime_seconds: int
    in_octets: int
    out_octets: int
    optical_power_raw: float | None  # already scaled to dBm


def _num(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


async def _poll(engine: SnmpEngine, target: DeviceTarget, timeout: float) -> Reading:
    transport = await UdpTransportTarget.create((target.host, target.port), timeout=timeout, retries=0)
    auth = CommunityData(target.community, mpModel=1)
    oids = [ObjectType(ObjectIdentity(SYS_UPTIME))]
    if target.optical_oid:
        oids.append(ObjectType(ObjectIdentity(target.optical_oid)))
    err_ind, err_status, _, binds = await get_cmd(engine, auth, transport, ContextData(), *oids)
    if err_ind:
        raise SnmpError(str(err_ind))
    if err_status:
        raise SnmpError(err_status.prettyPrint())
    uptime = _num(binds[0][1])
    optical = None
    if target.optical_oid and len(binds) > 1:
        raw = _num(binds[1][1])
        if raw is None:
            try:
                raw = float(str(binds[1][1]))
            except ValueError:
                raw = None
        if raw is not None:
            optical = round(raw * target.optical_scale, 2)
    totals = []
    for base in (IF_IN_OCTETS, IF_OUT_OCTETS):
        total = 0
        async for err_ind, err_status, _, row in walk_cmd(engine, auth, transport, ContextData(),
                                                           ObjectType(ObjectIdentity(base)), lexicographicMode=False):
            if err_ind or err_status:
                break
            for _, value in row:
                total += _num(value) or 0
        totals.append(total)
    return Reading(uptime_seconds=(uptime or 0) // 100, in_octets=totals[0], out_octets=totals[1],
                   optical_power_raw=optical)


class SnmpPoller:
    def __init__(self, timeout: float = 1.0):
        self.timeout = timeout

    def poll_many(self, targets: list[DeviceTarget]) -> list[Reading | Exception]:
        async def run():
            engine = SnmpEngine()
            try:
                results = []
                for t in targets:
                    try:
                        results.append(await _poll(engine, t, self.timeout))
                    except Exception as exc:  # one dead device must not stop the round
                        results.append(exc if isinstance(exc, SnmpError) else SnmpError(repr(exc)))
                return results
            finally:
                engine.close_dispatcher()
        return asyncio.run(run())
