"""Repositories: the only code that queries the sales tables."""
from __future__ import annotations

import datetime as dt
import functools
import json

from sqlalchemy import Text, and_, bindparam, cast, func, or_, select
from sqlalchemy.orm import Session

from antena_common.db import READ_ONLY
from antena_common.errors import NotFound

from ..domain import model
from . import orm


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class LeadRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, lead: model.Lead) -> None:
        self.session.add(lead)

    def get(self, lead_id: str) -> model.Lead:
        lead = self.session.get(model.Lead, lead_id) if model.valid_id(lead_id) else None
        if lead is None:
            raise NotFound(f"lead {lead_id} not found")
        return lead

    def list(self, *, q: str = "", source: str = "", after_id: str | None = None, limit: int = 50) -> list[model.Lead]:
        t = orm.leads
        query = select(model.Lead).order_by(t.c.id.desc()).limit(limit)
        if source:
            query = query.where(t.c.source == source)
        for term in model.search_terms(q):
            alternatives = [t.c.search.like(_like(term), escape="\\")]
            only_digits = model.digits(term)
            if only_digits and only_digits != term and len(only_digits) >= 3:
                alternatives.append(t.c.search.like(_like(only_digits), escape="\\"))
            query = query.where(or_(*alternatives))
        if after_id:
            query = query.where(t.c.id < after_id)
        return list(self.session.scalars(query))


    def sources(self) -> list[tuple[str, int]]:
        t = orm.leads
        n = func.count().label("n")
        return [(r.source, r.n) for r in self.session.execute(
            select(t.c.source, n).where(t.c.source != "").group_by(t.c.source).order_by(n.desc(), t.c.source))]


class ProspectRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, prospect: model.Prospect) -> None:
        self.session.add(prospect)

    def get(self, prospect_id: str) -> model.Prospect:
        prospect = self.session.get(model.Prospect, prospect_id) if model.valid_id(prospect_id) else None
        if prospect is None:
            raise NotFound(f"prospect {prospect_id} not found")
        return prospect

    def list(self, *, lead_id: str = "", after_id: str | None = None, limit: int = 50) -> list[model.Prospect]:
        t = orm.prospects
        query = select(model.Prospect).order_by(t.c.id.desc()).limit(limit)
        if lead_id:
            query = query.where(t.c.lead_id == lead_id)
        if after_id:
            query = query.where(t.c.id < after_id)
        return list(self.session.scalars(query))


# The list view's columns in this order (rows unpack positionally: grpc_api.summary_to_pb);
# the JSON ones as their text, parsed by whoever needs them.
LIST_FIELDS = ("id", "state", "lead_id", "prospect_id", "source", "assignee_id", "summary", "order_ids",
               "scheduled_for", "tags", "created_at", "prospect_name", "orders_count", "create", "loss_tag",
               "coverage", "updated_at", "closed_at", "contract_id", "feasible", "lead_phone", "lead_email")
_JSON_AS_TEXT = ("tags", "coverage", "order_ids")
LIST_COLUMNS = tuple(cast(orm.tickets.c[n], Text).label(n) if n in _JSON_AS_TEXT else orm.tickets.c[n]
                     for n in LIST_FIELDS)


def _reading(session: Session):
    """The session's connection for a read that is one statement: on SQLite without the
    write lock, on PostgreSQL in autocommit (no BEGIN and ROLLBACK round trips)."""
    if session.get_bind().dialect.name == "sqlite":
        return session.connection(execution_options={READ_ONLY: True})
    return session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


@functools.lru_cache(maxsize=64)
def _list_statement(given: frozenset):
    """One statement per combination of filters, built once (bound parameters)."""
    t = orm.tickets
    query = select(*LIST_COLUMNS).order_by(t.c.id.desc()).limit(bindparam("limit"))
    for name in ("state", "assignee_id", "source", "lead_id"):
        if name in given:
            query = query.where(t.c[name] == bindparam(name))
    if "tag" in given:
        # tags is a small JSON list stored as text (json.dumps): match the quoted element.
        query = query.where(cast(t.c.tags, Text).like(bindparam("tag"), escape="\\"))
    if "after_id" in given:
        query = query.where(t.c.id < bindparam("after_id"))
    return query


class TicketRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, ticket: model.Ticket) -> None:
        self.session.add(ticket)
        self.session.flush()  # the ticket row first: its history rows point at it
        self.save_changes(ticket)

    def save_changes(self, ticket: model.Ticket) -> None:
        """Store the state changes the ticket recorded since it was loaded."""
        for change in getattr(ticket, "changes", None) or ():
            self.session.add(change)
        ticket.changes = []

    def get(self, ticket_id: str, *, for_update: bool = False) -> model.Ticket:
        ticket = None
        if model.valid_id(ticket_id):
            ticket = self.session.get(model.Ticket, ticket_id, with_for_update=for_update or None)
        if ticket is None:
            raise NotFound(f"ticket {ticket_id} not found")
        return ticket

    def find(self, ticket_id: str, *, for_update: bool = False) -> model.Ticket | None:
        if not model.valid_id(ticket_id):
            return None
        return self.session.get(model.Ticket, ticket_id, with_for_update=for_update or None)

    def by_order(self, order_id: str) -> model.Ticket | None:
        ticket_id = self.session.scalar(select(orm.ticket_orders.c.ticket_id).where(orm.ticket_orders.c.order_id == order_id))
        return self.find(ticket_id, for_update=True) if ticket_id else None

    def list(self, *, state: str = "", assignee_id: str = "", source: str = "", tag: str = "", lead_id: str = "",
             after_id: str | None = None, limit: int = 50) -> list:
        """The desk's list view: plain rows (a read model), newest first, in one
        statement. The (state, id) index serves `state = ? AND id < ? ORDER BY id DESC`.
        JSON columns come back as their text (see LIST_COLUMNS)."""
        filters = {"state": state, "assignee_id": assignee_id, "source": source, "lead_id": lead_id,
                   "tag": _like(json.dumps(tag)) if tag else "", "after_id": after_id or ""}
        params = {k: v for k, v in filters.items() if v}
        params["limit"] = limit
        return _reading(self.session).execute(_list_statement(frozenset(params)), params).all()

    def history(self, ticket_id: str) -> list[model.StateChange]:
        t = orm.ticket_state_changes
        return list(self.session.scalars(select(model.StateChange).where(t.c.ticket_id == ticket_id)
                                          .order_by(t.c.at, t.c.id)))

    def add_comment(self, comment: model.Comment) -> None:
        self.session.add(comment)

    def comments(self, ticket_id: str) -> list[model.Comment]:
        t = orm.ticket_comments
        return list(self.session.scalars(select(model.Comment).where(t.c.ticket_id == ticket_id).order_by(t.c.id)))

    def add_attachment(self, attachment: model.Attachment) -> None:
        self.session.add(attachment)

    def attachments(self, ticket_id: str) -> list[model.Attachment]:
        t = orm.ticket_attachments
        return list(self.session.scalars(select(model.Attachment).where(t.c.ticket_id == ticket_id).order_by(t.c.id)))

    def attachment(self, ticket_id: str, attachment_id: str) -> model.Attachment:
        found = self.session.get(model.Attachment, attachment_id) if model.valid_id(attachment_id) else None
        if found is None or found.ticket_id != ticket_id:
            raise NotFound(f"attachment {attachment_id} of ticket {ticket_id} not found")
        return found

    # -- tags --------------------------------------------------------------------

    def remember_tag(self, name: str, kind: str) -> None:
        if name in model.DEFAULT_LOSS_TAGS:
            return
        existing = self.session.get(model.Tag, name)
        if existing is None:
            self.session.add(model.Tag(name=name, kind=kind))
        elif kind == "loss" and existing.kind != "loss":
            existing.kind = "loss"

    def tags(self) -> list[model.Tag]:
        return list(self.session.scalars(select(model.Tag).order_by(orm.tags.c.name)))

    # -- portal requests ---------------------------------------------------------

    def installation_request(self, request_id: str) -> model.InstallationRequest | None:
        return self.session.get(model.InstallationRequest, request_id.replace("\x00", ""))

    def add_installation_request(self, record: model.InstallationRequest) -> None:
        self.session.add(record)

    # -- reports -----------------------------------------------------------------

    def report_rows(self, start: dt.datetime, end: dt.datetime) -> list[tuple]:
        t = orm.tickets
        return list(self.session.execute(
            select(t.c.id, t.c.state, t.c.source, t.c.loss_tag, t.c.assignee_id, t.c.lead_id)
            .where(and_(t.c.created_at >= start, t.c.created_at < end))))

    def report_changes(self, start: dt.datetime, end: dt.datetime) -> list[tuple]:
        t, c = orm.tickets, orm.ticket_state_changes
        return list(self.session.execute(
            select(c.c.ticket_id, c.c.from_state, c.c.to_state, c.c.at)
            .join(t, t.c.id == c.c.ticket_id)
            .where(and_(t.c.created_at >= start, t.c.created_at < end))
            .order_by(c.c.ticket_id, c.c.at, c.c.id)))

    def leads_created(self, start: dt.datetime, end: dt.datetime) -> int:
        t = orm.leads
        return self.session.scalar(select(func.count()).select_from(t)
                                   .where(and_(t.c.created_at >= start, t.c.created_at < end))) or 0

    def leads_won(self, start: dt.datetime, end: dt.datetime) -> int:
        leads, tickets = orm.leads, orm.tickets
        return self.session.scalar(
            select(func.count(func.distinct(tickets.c.lead_id)))
            .join(leads, leads.c.id == tickets.c.lead_id)
            .where(and_(leads.c.created_at >= start, leads.c.created_at < end, tickets.c.state == model.WON))) or 0
