"""Equipment stock: serialized items from the warehouse to a technician to a customer and back."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from antena_common.errors import Conflict, FieldErrors, InvalidArgument
from antena_common.ids import new_id

from .model import now

IN_WAREHOUSE, WITH_TECHNICIAN, INSTALLED = "in_warehouse", "with_technician", "installed"
STATUSES = (IN_WAREHOUSE, WITH_TECHNICIAN, INSTALLED)
MAC_RE = re.compile(r"^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$")
SERIAL_RE = re.compile(r"^[A-Za-z0-9._:/-]{1,64}$")


def normalize_mac(mac: str) -> str:
    return (mac or "").strip().upper().replace("-", ":")


def check_device(errors: FieldErrors, prefix: str, kind: str, serial: str, mac: str) -> None:
    errors.check(bool((kind or "").strip()), f"{prefix}kind", "is required (ont, router, antenna, cpe...)")
    errors.check(len(kind or "") <= 40, f"{prefix}kind", "at most 40 characters")
    errors.check(bool(SERIAL_RE.match((serial or "").strip())), f"{prefix}serial",
                 "1 to 64 letters, digits or . _ : / -")
    errors.check(not mac or bool(MAC_RE.match(mac.strip())), f"{prefix}mac", "a MAC address like AA:BB:CC:00:11:22")


@dataclass(eq=False)
class StockItem:
    kind: str
    serial: str
    mac: str = ""
    model: str = ""
    status: str = IN_WAREHOUSE
    warehouse: str = "central"
    technician_id: str | None = None
    order_id: str = ""
    contract_id: str = ""
    installed_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)
    updated_at: dt.datetime = field(default_factory=now)

    @classmethod
    def receive(cls, *, kind: str, serial: str, mac: str = "", model: str = "", warehouse: str = "") -> "StockItem":
        errors = FieldErrors()
        check_device(errors, "", kind, serial, mac)
        errors.check(len(model or "") <= 100, "model", "at most 100 characters")
        errors.check(len(warehouse or "") <= 100, "warehouse", "at most 100 characters")
        errors.raise_if_any()
        return cls(kind=kind.strip().lower(), serial=serial.strip(), mac=normalize_mac(mac), model=(model or "").strip(),
                   warehouse=(warehouse or "").strip() or "central")

    def hand_to(self, technician_id: str) -> None:
        if self.status == INSTALLED:
            raise Conflict(f"{self.kind} {self.serial} is installed at a customer (order {self.order_id})")
        self.status, self.technician_id, self.updated_at = WITH_TECHNICIAN, technician_id, now()

    def install(self, *, order_id: str, contract_id: str, technician_id: str | None) -> None:
        if self.status == INSTALLED and self.order_id != order_id:
            raise Conflict(f"{self.kind} {self.serial} is already installed (order {self.order_id})")
        if self.status == WITH_TECHNICIAN and technician_id and self.technician_id != technician_id:
            raise Conflict(f"{self.kind} {self.serial} is in the hands of another technician")
        self.status, self.order_id, self.contract_id = INSTALLED, order_id, contract_id
        self.technician_id = technician_id
        self.installed_at = self.updated_at = now()

    def release(self, order_id: str) -> None:
        """A report of `order_id` no longer lists this item: back to the technician."""
        if self.status == INSTALLED and self.order_id == order_id:
            self.status = WITH_TECHNICIAN if self.technician_id else IN_WAREHOUSE
            self.order_id, self.contract_id, self.installed_at, self.updated_at = "", "", None, now()

    def back_to_warehouse(self, warehouse: str = "") -> None:
        if len(warehouse or "") > 100:
            raise InvalidArgument("warehouse: at most 100 characters", field_errors={"warehouse": "at most 100 characters"})
        self.status, self.technician_id = IN_WAREHOUSE, None
        self.order_id, self.contract_id, self.installed_at = "", "", None
        self.warehouse = (warehouse or "").strip() or self.warehouse
        self.updated_at = now()
