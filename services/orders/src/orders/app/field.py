"""Use cases of the field app: a technician's orders, start, report, photos, signature, complete,
and the installation sheet."""
from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from antena.orders.v1 import events_pb2
from antena_common.errors import Conflict, FieldErrors, InvalidArgument, PermissionDenied

from ..domain import model
from ..domain.model import Actor
from ..domain.stock import StockItem, check_device, normalize_mac

KIND_LABELS = {"es": {"installation": "Instalación", "feasibility": "Factibilidad", "technical": "Visita técnica",
                      "removal": "Baja"},
               "en": {"installation": "Installation", "feasibility": "Feasibility", "technical": "Technical visit",
                      "removal": "Removal"}}


def _technician(uow, actor: Actor):
    tech = uow.technicians.by_user(actor.user_id) if actor.user_id else None
    if tech is None:
        raise PermissionDenied("your user is not registered as a technician")
    return tech


def field_order(uow, order_id: str, actor: Actor, *, for_update: bool = True) -> model.Order:
    """The order, if this actor may work on it: operations on any, a technician on their own."""
    order = uow.orders.get(order_id, for_update=for_update)
    if actor.manages:
        return order
    if "technician" not in actor.roles:
        raise PermissionDenied("only technicians and operations staff work on orders in the field")
    if order.technician_id != _technician(uow, actor).id:
        raise PermissionDenied("this order is not assigned to you")
    return order


def my_orders(uow, actor: Actor, date: str = "") -> list[model.Order]:
    with uow:
        tech = _technician(uow, actor)
        start = end = None
        if date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                raise InvalidArgument("date: YYYY-MM-DD", field_errors={"date": "a date, YYYY-MM-DD"}) from None
            tz = ZoneInfo(tech.timezone or "UTC")
            start = dt.datetime.combine(day, dt.time(), tz).astimezone(dt.timezone.utc)
            end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tz).astimezone(dt.timezone.utc)
        return uow.orders.mine(tech.id, start, end)


def start_order(uow, order_id: str, actor: Actor) -> model.Order:
    with uow:
        order = field_order(uow, order_id, actor)
        order.start(actor)
        uow.publish("order_started", events_pb2.OrderStarted(order_id=order.id, kind=order.kind,
                                                             technician_id=order.technician_id or "",
                                                             started_at=order.started_at.isoformat()))
        uow.commit()
    return order


def _power(value: str, errors: FieldErrors) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        dbm = Decimal(value)
    except InvalidOperation:
        errors.check(False, "optical_power_dbm", "a number of dBm, like -19.5")
        return ""
    errors.check(dbm.is_finite() and Decimal(-60) <= dbm <= Decimal(10), "optical_power_dbm", "between -60 and 10 dBm")
    return str(dbm.quantize(Decimal("0.01"))) if dbm.is_finite() else ""


def report_order(uow, order_id: str, *, devices: list[dict], optical_power_dbm: str = "", seal_code: str = "",
                 notes: str = "", actor: Actor) -> model.Order:
    errors = FieldErrors()
    errors.check(len(devices) <= 50, "devices", "at most 50 devices")
    clean = []
    for i, d in enumerate(devices):
        check_device(errors, f"devices.{i}.", d.get("kind", ""), d.get("serial", ""), d.get("mac", ""))
        clean.append({"kind": (d.get("kind") or "").strip().lower(), "serial": (d.get("serial") or "").strip(),
                      "mac": normalize_mac(d.get("mac", ""))})
    serials = [d["serial"] for d in clean]
    errors.check(len(set(serials)) == len(serials), "devices", "the same serial twice")
    power = _power(optical_power_dbm, errors)
    errors.check(len(seal_code or "") <= 100, "seal_code", "at most 100 characters")
    errors.check(len(notes or "") <= 5000, "notes", "at most 5000 characters")
    errors.raise_if_any()
    with uow:
        order = field_order(uow, order_id, actor)
        order.report(devices=clean, optical_power_dbm=power, seal_code=(seal_code or "").strip(), notes=notes or "",
                     actor=actor)
        if order.kind != "removal":
            _install_devices(uow, order, clean)
        uow.commit()
    return order


def _install_devices(uow, order: model.Order, devices: list[dict]) -> None:
    """Stock follows the report: listed devices are installed at this order's customer
    (a device installed elsewhere is refused); devices dropped from the report go back."""
    items = uow.stock.by_serials([d["serial"] for d in devices])
    for previous in uow.stock.of_order(order.id):
        if previous.serial not in items:
            previous.release(order.id)
    for d in devices:
        item = items.get(d["serial"])
        if item is None:  # not received into stock before: it exists from now on
            item = StockItem.receive(kind=d["kind"], serial=d["serial"], mac=d["mac"])
            uow.stock.add(item)
        item.install(order_id=order.id, contract_id=order.contract_id, technician_id=order.technician_id)
    try:
        uow.flush()
    except IntegrityError:  # the unique serial refuses a race between two reports
        raise Conflict("one of the devices was just registered by another report; send the report again") from None


def add_photo(uow, files, order_id: str, *, filename: str, data: bytes, actor: Actor, max_bytes: int) -> model.Photo:
    from ..adapters.files import sniff_image

    content_type, ext = sniff_image(data, "file", max_bytes)
    with uow:
        order = field_order(uow, order_id, actor)
        order.require_in_progress("a photo")
        photo = model.Photo(order_id=order.id, filename=(filename or "foto")[:200], content_type=content_type,
                            size=len(data), path="", uploaded_by=actor.user_id)
        photo.path = files.put(uow, f"orders/{order.id}/photos/{photo.id}.{ext}", data)
        uow.orders.add_photo(photo)
        order._record("photo_added", order.state, order.state, actor, photo.filename)
        uow.commit()
    return photo


def get_photo(uow, files, order_id: str, photo_id: str, actor: Actor) -> tuple[model.Photo, bytes]:
    with uow:
        field_order(uow, order_id, actor, for_update=False)
        photo = uow.orders.photo(order_id, photo_id)
    return photo, files.get(photo.path)


def sign_order(uow, files, order_id: str, *, data: bytes, actor: Actor, max_bytes: int) -> model.Order:
    from ..adapters.files import sniff_image

    _content_type, ext = sniff_image(data, "file", max_bytes)
    with uow:
        order = field_order(uow, order_id, actor)
        order.require_signable()
        path = files.put(uow, f"orders/{order.id}/signature.{ext}", data)
        order.sign(path, actor)
        uow.commit()
    return order


def complete_order(uow, order_id: str, *, result: str, reason: str = "", loss_tag: str = "", actor: Actor) -> model.Order:
    if result not in ("success", "failed"):
        raise InvalidArgument("result: success or failed", field_errors={"result": "success or failed"})
    with uow:
        order = field_order(uow, order_id, actor)
        order.complete(success=result == "success", reason=reason, loss_tag=loss_tag.strip(), actor=actor)
        photo_count = len(uow.orders.photos(order.id))
        if order.state == model.COMPLETED:
            if order.kind == "removal":
                for item in uow.stock.by_serials([d["serial"] for d in order.devices]).values():
                    item.back_to_warehouse()
            report = events_pb2.FieldReport(
                devices=[events_pb2.InstalledDevice(**d) for d in order.devices],
                optical_power_dbm=order.optical_power_dbm, seal_code=order.seal_code, notes=order.report_notes,
                photo_count=photo_count, signed=bool(order.signature_path))
            uow.publish("order_completed", events_pb2.OrderCompleted(
                order_id=order.id, kind=order.kind, ticket_id=order.ticket_id, contract_id=order.contract_id,
                connection_id=order.connection_id, technician_id=order.technician_id or "",
                completed_at=order.finished_at.isoformat(), report=report, feasible=bool(order.feasible)))
        else:
            if order.kind != "removal":
                for item in uow.stock.of_order(order.id):  # nothing stays installed at a failed visit
                    item.release(order.id)
            uow.publish("order_failed", events_pb2.OrderFailed(
                order_id=order.id, kind=order.kind, ticket_id=order.ticket_id, contract_id=order.contract_id,
                reason=order.result_reason, loss_tag=order.loss_tag))
        uow.commit()
    return order


# -- the installation sheet -------------------------------------------------------------------
def sheet_template(uow, lang: str) -> tuple[str, bool]:
    from ..adapters import sheet

    lang = sheet.check_lang(lang)
    with uow:
        html = uow.templates.get(lang)
    return (html, False) if html is not None else (sheet.default_template(lang), True)


def set_sheet_template(uow, lang: str, html: str, actor: Actor) -> tuple[str, bool]:
    from ..adapters import sheet

    lang = sheet.check_lang(lang)
    with uow:
        if html.strip():
            sheet.validate_template(html)
            uow.templates.put(lang, html, actor.user_id)
        else:
            uow.templates.delete(lang)
        uow.commit()
    return sheet_template(uow, lang)


def installation_sheet(uow, files, billing, order_id: str, *, lang: str = "es", actor: Actor) -> bytes:
    from ..adapters import sheet

    lang = sheet.check_lang(lang)
    with uow:
        order = field_order(uow, order_id, actor, for_update=False)
        tech = uow.technicians.get(order.technician_id) if order.technician_id else None
    template, _default = sheet_template(uow, lang)
    signature = ""
    if order.signature_path:
        data = files.get(order.signature_path)
        mime = "image/png" if order.signature_path.endswith(".png") else "image/jpeg"
        signature = f"data:{mime};base64,{base64.b64encode(data).decode()}"
    a = order.address or {}
    address = " ".join(x for x in (a.get("street", ""), a.get("number", "")) if x)
    address = ", ".join(x for x in (address, a.get("neighbourhood", ""), a.get("city", ""), a.get("state", ""),
                                    a.get("postal_code", "")) if x)
    plan = (billing.plan_name(order.plan_id) if billing else None) or order.plan_id
    context = {
        "order": {"id": order.id, "kind": order.kind, "kind_label": KIND_LABELS[lang][order.kind]},
        "date": (order.finished_at or order.scheduled_start or model.now()).date().isoformat(),
        "customer": {"name": order.customer_name, "document": order.customer_document, "phone": order.customer_phone,
                     "email": order.customer_email},
        "address": address, "plan": plan, "pppoe_user": order.pppoe_username, "wifi_ssid": order.wifi_ssid,
        "wifi_password": order.wifi_password, "devices": order.devices or [],
        "optical_power_dbm": order.optical_power_dbm, "seal_code": order.seal_code, "notes": order.report_notes,
        "technician": tech.name if tech else "", "signature": signature,
        "signed_at": order.signed_at.strftime("%Y-%m-%d %H:%M UTC") if order.signed_at else "",
    }
    return sheet.render_pdf(template, context)


