"""Use cases on leads: one function per command or query."""
from __future__ import annotations

from dataclasses import dataclass

from antena.sales.v1 import events_pb2
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model


@dataclass(frozen=True)
class CreateLead:
    name: str
    document: str = ""
    phone: str = ""
    email: str = ""
    source: str = ""
    notes: str = ""


def create_lead(uow, cmd: CreateLead) -> model.Lead:
    lead = model.Lead.register(name=cmd.name, document=cmd.document, phone=cmd.phone, email=cmd.email,
                               source=cmd.source, notes=cmd.notes)
    with uow:
        uow.leads.add(lead)
        uow.publish("lead_created", events_pb2.LeadCreated(lead_id=lead.id, name=lead.name, email=lead.email,
                                                           phone=lead.phone, source=lead.source))
        uow.commit()
    return lead


def get_lead(uow, lead_id: str) -> model.Lead:
    with uow:
        return uow.leads.get(lead_id)


def list_leads(uow, *, q: str = "", limit: int | None = None, cursor: str | None = None) -> tuple[list[model.Lead], str]:
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.leads.list(q=q, after_id=after[0] if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor
