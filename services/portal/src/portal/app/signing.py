"""Signing links (no login): the contract (stored in billing) and the
installation sheet (stored in orders)."""
from __future__ import annotations

import datetime as dt

from antena.billing.v1 import billing_pb2
from antena.orders.v1 import orders_pb2
from antena.portal.v1 import events_pb2
from antena_common import files
from antena_common.errors import Conflict, InvalidArgument, NotFound
from antena_common.ids import new_id

from ..domain import model
from .accounts import Links

PORTAL_ACTOR = orders_pb2.Actor(user_id="portal", roles=["operations"], name="Portal de clientes (firma del cliente)")


def create_contract_link(uow, *, contract_id: str, customer_id: str, email: str, name: str, links: Links,
                         ttl: dt.timedelta) -> str:
    """uow is open; the link goes out by e-mail through portal.contract_signing_requested."""
    uow.tokens.retire(model.SIGN_CONTRACT, contract_id)
    token, secret = model.Token.issue(model.SIGN_CONTRACT, contract_id, ttl, customer_id)
    uow.tokens.add(token)
    uow.publish("contract_signing_requested", events_pb2.ContractSigningRequested(
        contract_id=contract_id, customer_id=customer_id, email=email, name=name,
        url=links.url(f"/firmar/contrato/{secret}"), expires_at=token.expires_at.isoformat()))
    return secret


def create_sheet_link(uow, *, order_id: str, contract_id: str, email: str, name: str, scheduled_start: str,
                      links: Links, ttl: dt.timedelta) -> str:
    uow.tokens.retire(model.SIGN_SHEET, order_id)
    token, secret = model.Token.issue(model.SIGN_SHEET, order_id, ttl)
    uow.tokens.add(token)
    uow.publish("sheet_signing_requested", events_pb2.SheetSigningRequested(
        order_id=order_id, contract_id=contract_id, email=email, name=name,
        url=links.url(f"/firmar/hoja-instalacion/{secret}"), expires_at=token.expires_at.isoformat(),
        scheduled_start=scheduled_start))
    return secret


def token_for(uow, kind: str, secret: str, *, allow_used: bool = False) -> model.Token:
    with uow:
        token = uow.tokens.find(kind, secret) if secret else None
        if token is None:
            raise NotFound("signing link not found")
        if token.expires_at <= model.now() or (token.used_at is not None and not allow_used):
            raise Conflict("signing link expired or already used")
        return token


def signature_image(data_url: str, max_bytes: int) -> bytes:
    """The canvas drawing, sent as a data: URL of a PNG."""
    import base64

    prefix = "data:image/png;base64,"
    if not data_url.startswith(prefix):
        raise InvalidArgument("signature: missing", field_errors={"signature": "dibuja tu firma en el recuadro"})
    try:
        data = base64.b64decode(data_url[len(prefix):], validate=True)
    except ValueError:
        raise InvalidArgument("signature: unreadable", field_errors={"signature": "no pudimos leer la firma"}) from None
    model.sniff(data, "signature", max_bytes, allowed=(files.PNG,))
    return data


def _store_uploads(uow, store, owner_kind: str, owner_id: str, uploads: list[tuple[str, bytes]], max_bytes: int) -> list[str]:
    ids = []
    for index, (kind, data) in enumerate(uploads):
        mime, ext = model.sniff(data, f"document_{index + 1}", max_bytes)
        doc_id = new_id()
        path = store.put(uow, f"documents/{owner_kind}/{owner_id}/{doc_id}.{ext}", data)
        uow.documents.add(id=doc_id, owner_kind=owner_kind, owner_id=owner_id, kind=kind, filename=f"{kind}.{ext}",
                          content_type=mime, path=path, size=len(data))
        uow.publish("document_uploaded", events_pb2.DocumentUploaded(document_id=doc_id, owner_kind=owner_kind,
                                                                      owner_id=owner_id, kind=kind))
        ids.append(doc_id)
    return ids


def sign_contract(uow_factory, clients, store, *, secret: str, signature_data_url: str, signer_name: str,
                  uploads: list[tuple[str, bytes]], max_bytes: int) -> str:
    token = token_for(uow_factory(), model.SIGN_CONTRACT, secret)
    signer_name = (signer_name or "").strip()
    if not signer_name or len(signer_name) > 200:
        raise InvalidArgument("signer_name: required", field_errors={"signer_name": "escribe tu nombre completo"})
    image = signature_image(signature_data_url, max_bytes)
    for index, (_kind, data) in enumerate(uploads):
        model.sniff(data, f"document_{index + 1}", max_bytes)
    contract = clients.billing.StoreContractSignature(billing_pb2.StoreContractSignatureRequest(
        contract_id=token.subject_id, image=image, content_type="image/png", signer_name=signer_name,
        customer_id=token.customer_id), timeout=30)
    with uow_factory() as uow:
        fresh = uow.tokens.find(model.SIGN_CONTRACT, secret)
        _store_uploads(uow, store, "contract", token.subject_id, uploads, max_bytes)
        if fresh is not None and fresh.used_at is None:
            fresh.use()
        uow.publish("contract_signed", events_pb2.ContractSigned(
            contract_id=token.subject_id, customer_id=contract.customer_id or token.customer_id,
            signed_at=contract.signed_at or model.now().isoformat()))
        uow.commit()
    return token.subject_id


def sign_sheet(uow_factory, clients, store, *, secret: str, signature_data_url: str, uploads: list[tuple[str, bytes]],
               max_bytes: int) -> str:
    token = token_for(uow_factory(), model.SIGN_SHEET, secret)
    image = signature_image(signature_data_url, max_bytes)
    for index, (_kind, data) in enumerate(uploads):
        model.sniff(data, f"document_{index + 1}", max_bytes)
    clients.orders.SignOrder(orders_pb2.SignOrderRequest(id=token.subject_id, content_type="image/png", data=image,
                                                         actor=PORTAL_ACTOR), timeout=30)
    with uow_factory() as uow:
        fresh = uow.tokens.find(model.SIGN_SHEET, secret)
        _store_uploads(uow, store, "order", token.subject_id, uploads, max_bytes)
        if fresh is not None and fresh.used_at is None:
            fresh.use()
        uow.publish("installation_sheet_signed", events_pb2.InstallationSheetSigned(
            order_id=token.subject_id, signed_at=model.now().isoformat()))
        uow.commit()
    return token.subject_id
