"""Use cases of the equipment stock."""
from __future__ import annotations

from antena_common.errors import AlreadyExists, Conflict, FieldErrors
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import stock
from ..domain.stock import StockItem


def create_item(uow, *, kind: str, serial: str, mac: str = "", model: str = "", warehouse: str = "") -> StockItem:
    item = StockItem.receive(kind=kind, serial=serial, mac=mac, model=model, warehouse=warehouse)
    with uow:
        if uow.stock.by_serials([item.serial]):
            raise AlreadyExists(f"serial {item.serial} is already in stock", field_errors={"serial": "already in stock"})
        uow.stock.add(item)
        uow.commit()
    return item


def assign_item(uow, item_id: str, technician_id: str) -> StockItem:
    errors = FieldErrors()
    errors.check(bool(technician_id), "technician_id", "is required")
    errors.raise_if_any()
    with uow:
        tech = uow.technicians.get(technician_id)
        item = uow.stock.get(item_id)
        item.hand_to(tech.id)
        uow.commit()
    return item


def return_item(uow, item_id: str, warehouse: str = "") -> StockItem:
    with uow:
        item = uow.stock.get(item_id)
        if item.status == stock.INSTALLED:
            raise Conflict(f"{item.kind} {item.serial} is installed at a customer: it comes back with a removal order")
        item.back_to_warehouse(warehouse)
        uow.commit()
    return item


def list_items(uow, *, status: str = "", technician_id: str = "", serial: str = "", kind: str = "",
               limit: int | None = None, cursor: str | None = None) -> tuple[list[StockItem], str]:
    errors = FieldErrors()
    errors.check(not status or status in stock.STATUSES, "status", "one of " + ", ".join(stock.STATUSES))
    errors.raise_if_any()
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.stock.list(status=status, technician_id=technician_id, serial=serial, kind=kind,
                               after_id=after[0] if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor
