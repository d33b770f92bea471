"""The customer portal's public installation request: lead + prospect + pending
ticket (source "portal") with documents, in one call, idempotent on request_id."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from antena_common.errors import FieldErrors, InvalidArgument

from ..domain import model
from .leads import lead_created
from .prospects import CatalogCheck
from .tickets import CoverageCheck, check_coverage, ticket_created

PORTAL_SOURCE = "portal"
MAX_DOCUMENTS = 10


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    content_type: str = ""
    description: str = ""


@dataclass(frozen=True)
class SubmitInstallationRequest:
    request_id: str
    name: str
    document: str = ""
    phone: str = ""
    email: str = ""
    address: dict = field(default_factory=dict)
    location: tuple[float, float] | None = None
    plan_id: str = ""
    recurring_item_ids: tuple = ()
    discount_ids: tuple = ()
    notes: str = ""
    documents: tuple = ()
    isp: str = ""


@dataclass
class Submitted:
    ticket: model.Ticket
    replayed: bool


def _replay(uow, request_id: str) -> Submitted | None:
    with uow:
        record = uow.tickets.installation_request(request_id)
        return Submitted(uow.tickets.get(record.ticket_id), True) if record else None


def submit_installation_request(uow, files, cmd: SubmitInstallationRequest, *, max_bytes: int,
                                coverage: CoverageCheck | None = None, catalog: CatalogCheck | None = None) -> Submitted:
    request_id = (cmd.request_id or "").strip()
    errors = FieldErrors()
    errors.check(bool(request_id), "request_id", "is required")
    errors.check(len(request_id) <= 100, "request_id", "at most 100 characters")
    model.check_text(errors, request_id=request_id)
    errors.check(bool((cmd.phone or "").strip() or (cmd.email or "").strip()), "phone", "a phone or an e-mail is required")
    errors.check(len(cmd.documents) <= MAX_DOCUMENTS, "documents", f"at most {MAX_DOCUMENTS} files")
    errors.raise_if_any()
    replay = _replay(uow, request_id)
    if replay:
        return replay

    notes = (cmd.notes or "").strip()
    lead = model.Lead.register(name=cmd.name, document=cmd.document, phone=cmd.phone, email=cmd.email,
                               source=PORTAL_SOURCE, notes=notes)
    prospect = model.Prospect.create(lead=lead, plan_id=cmd.plan_id, recurring_item_ids=cmd.recurring_item_ids,
                                     discount_ids=cmd.discount_ids, address=cmd.address, location=cmd.location,
                                     notes=notes)
    if catalog is not None:
        prospect.catalog_checked = catalog(prospect.plan_id, prospect.recurring_item_ids, prospect.discount_ids)
    ticket = model.Ticket.open(lead=lead, prospect=prospect, create="ticket", source=PORTAL_SOURCE,
                               summary=f"Solicitud de instalación web: {lead.name}"[:500],
                               coverage=check_coverage(prospect, coverage))
    attachments = []
    for i, doc in enumerate(cmd.documents):
        try:
            attachments.append((model.Attachment.accept(
                ticket_id=ticket.id, filename=doc.filename, content=doc.content, max_bytes=max_bytes,
                sha256=files.digest(doc.content), uploaded_by="portal", description=doc.description), doc.content))
        except InvalidArgument as exc:
            message = next(iter(exc.field_errors.values()), exc.detail)
            raise InvalidArgument(f"documents[{i}]: {message}", field_errors={f"documents[{i}]": message}) from None

    try:
        with uow:
            uow.leads.add(lead)
            uow.prospects.add(prospect)
            uow.tickets.add(ticket)
            for attachment, content in attachments:
                uow.tickets.add_attachment(attachment)
                files.save(uow, ticket.id, attachment.id, content)
            uow.tickets.add_installation_request(model.InstallationRequest(
                request_id=request_id, lead_id=lead.id, prospect_id=prospect.id, ticket_id=ticket.id))
            uow.publish("lead_created", lead_created(lead))
            uow.publish("ticket_created", ticket_created(ticket, lead))
            uow.commit()
    except IntegrityError:  # the same request_id committed meanwhile (the files went with the rollback)
        replay = _replay(uow, request_id)
        if replay:
            return replay
        raise
    return Submitted(ticket, False)
