"""The public installation request: checks, then a lead + prospect + pending
ticket with the documents in sales, then portal.installation_requested."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import grpc

from antena.common.v1 import common_pb2
from antena.portal.v1 import events_pb2
from antena.sales.v1 import sales_pb2
from antena.billing.v1 import billing_pb2
from antena_common.errors import InvalidArgument

from ..domain import model


class RateLimited(Exception):
    pass


@dataclass(frozen=True)
class Submitted:
    ticket_id: str
    lead_id: str
    replayed: bool = False


EXT_NAMES = {"id_front": "documento-frente", "id_back": "documento-dorso", "proof_of_address": "comprobante-domicilio"}


def submit(uow_factory, clients, *, form: model.InstallationForm, files: dict[str, bytes], request_id: str, ip: str,
           isp: str, required_docs: list[str], max_bytes: int, per_ip_per_hour: int) -> Submitted:
    if not request_id or len(request_id) > 64:
        raise InvalidArgument("request_id: missing", field_errors={"form": "recarga el formulario e inténtalo de nuevo"})
    with uow_factory() as uow:
        seen = uow.requests.get(request_id)
        if seen:
            return Submitted(seen["ticket_id"], seen["lead_id"], replayed=True)
        if uow.requests.count_since(ip, model.now() - dt.timedelta(hours=1)) >= per_ip_per_hour:
            raise RateLimited()
    kinds = form.validate(files, required_docs, max_bytes)
    email = form.email.strip().lower()
    if email:
        try:
            clients.billing.GetCustomerByEmail(billing_pb2.GetCustomerByEmailRequest(email=email), timeout=10)
        except grpc.RpcError as exc:
            if exc.code() != grpc.StatusCode.NOT_FOUND:
                raise
        else:
            raise InvalidArgument("email: already a customer", field_errors={
                "email": "ya es cliente: ingresa al portal de clientes con este correo"})
    notes = [f"Solicitud desde el portal (IP {ip})."]
    if form.coupon.strip():
        notes.append(f"Cupón: {form.coupon.strip()}")
    if form.phone_alt.strip():
        notes.append(f"Otro teléfono: {form.phone_alt.strip()}")
    if form.comments.strip():
        notes.append(f"Comentarios: {form.comments.strip()}")
    address = common_pb2.Address(street=form.street.strip(), number=form.number.strip(), city=form.city.strip(),
                                 state=form.state.strip(), neighbourhood=form.neighbourhood.strip(),
                                 postal_code=form.postal_code.strip())
    loc = form.location()
    req = sales_pb2.SubmitInstallationRequestRequest(
        request_id=request_id, isp=isp, name=form.name, document=form.document.strip(), phone=form.phone.strip(),
        email=email, address=address, notes="\n".join(notes),
        documents=[sales_pb2.UploadedDocument(filename=f"{EXT_NAMES[k]}.{ext}", content_type=mime, content=files[k],
                                              description=model.DOCUMENT_LABELS[k])
                   for k, (mime, ext) in kinds.items()])
    if loc is not None:
        req.location.CopyFrom(common_pb2.GeoPoint(lat=loc[0], lon=loc[1]))
    resp = clients.sales.SubmitInstallationRequest(req, timeout=30)
    with uow_factory() as uow:
        if uow.requests.get(request_id) is None:
            uow.requests.add(id=request_id, ip=ip, email=email, ticket_id=resp.ticket_id, lead_id=resp.lead_id)
            event = events_pb2.InstallationRequested(
                request_id=request_id, lead_id=resp.lead_id, ticket_id=resp.ticket_id, prospect_id=resp.prospect_id,
                name=form.name, email=email, phone=form.phone.strip(), phone_alt=form.phone_alt.strip(), isp=isp,
                document=form.document.strip(), address=address, comments=form.comments.strip(),
                coupon=form.coupon.strip(), documents=list(kinds))
            if loc is not None:
                event.location.CopyFrom(common_pb2.GeoPoint(lat=loc[0], lon=loc[1]))
            uow.publish("installation_requested", event)
            uow.commit()
    return Submitted(resp.ticket_id, resp.lead_id, replayed=resp.replayed)
