"""Use cases on leads: one function per command or query."""
from __future__ import annotations

from dataclasses import dataclass, field

from antena.sales.v1 import events_pb2
from antena_common.errors import InvalidArgument
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model
from ..domain.lead_import import RowError, parse_leads_csv

MAX_IMPORT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class CreateLead:
    name: str
    document: str = ""
    phone: str = ""
    email: str = ""
    source: str = ""
    notes: str = ""


def lead_created(lead: model.Lead) -> events_pb2.LeadCreated:
    return events_pb2.LeadCreated(lead_id=lead.id, name=lead.name, email=lead.email, phone=lead.phone, source=lead.source)


def create_lead(uow, cmd: CreateLead) -> model.Lead:
    lead = model.Lead.register(name=cmd.name, document=cmd.document, phone=cmd.phone, email=cmd.email,
                               source=cmd.source, notes=cmd.notes)
    with uow:
        uow.leads.add(lead)
        uow.publish("lead_created", lead_created(lead))
        uow.commit()
    return lead


def get_lead(uow, lead_id: str) -> model.Lead:
    with uow:
        return uow.leads.get(lead_id)


def list_leads(uow, *, q: str = "", source: str = "", limit: int | None = None,
               cursor: str | None = None) -> tuple[list[model.Lead], str]:
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.leads.list(q=q, source=(source or "").replace("\x00", ""), after_id=str(after[0]).replace("\x00", "") if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor


def lead_sources(uow) -> list[tuple[str, int]]:
    with uow:
        return uow.leads.sources()


@dataclass
class ImportReport:
    rows: int = 0
    created: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len({e.row for e in self.errors})


def import_leads(uow, content: bytes, *, default_source: str = "") -> ImportReport:
    """Create the valid rows of a CSV file in one transaction; report the others."""
    if len(content) > MAX_IMPORT_BYTES:
        raise InvalidArgument("file: too large", field_errors={"file": f"at most {MAX_IMPORT_BYTES} bytes"})
    rows, errors = parse_leads_csv(content)
    report = ImportReport(rows=len(rows) + len({e.row for e in errors}), errors=list(errors))
    leads: list[model.Lead] = []
    for row in rows:
        values = dict(row.values)
        values["source"] = values["source"] or default_source
        try:
            leads.append(model.Lead.register(**values))
        except InvalidArgument as exc:
            for name, message in (exc.field_errors or {"row": exc.detail}).items():
                report.errors.append(RowError(row.row, name, message))
    if leads:
        with uow:
            for lead in leads:
                uow.leads.add(lead)
                uow.publish("lead_created", lead_created(lead))
            uow.commit()
    report.created = [lead.id for lead in leads]
    report.errors.sort(key=lambda e: e.row)
    return report
