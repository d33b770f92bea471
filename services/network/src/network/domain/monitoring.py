"""Thresholds on device readings."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    optical_min_dbm: float = -27.0
    optical_max_dbm: float = -8.0


def evaluate(optical_dbm: float | None, t: Thresholds) -> list[tuple[str, str, str]]:
    """(metric, value, threshold) for every reading outside its limits."""
    alerts = []
    if optical_dbm is not None:
        if optical_dbm < t.optical_min_dbm:
            alerts.append(("optical_power_dbm", f"{optical_dbm:.2f}", f"{t.optical_min_dbm:.2f}"))
        elif optical_dbm > t.optical_max_dbm:
            alerts.append(("optical_power_dbm", f"{optical_dbm:.2f}", f"{t.optical_max_dbm:.2f}"))
    return alerts


@dataclass(frozen=True)
class DeviceTarget:
    host: str
    port: int
    community: str
    optical_oid: str = ""
    optical_scale: float = 0.01
