"""Use cases on prospects."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model

# (plan_id, recurring_item_ids, discount_ids) -> True if checked, False if the catalog could not be asked
CatalogCheck = Callable[[str, list, list], bool]


@dataclass(frozen=True)
class CreateProspect:
    lead_id: str
    plan_id: str = ""
    recurring_item_ids: tuple = ()
    discount_ids: tuple = ()
    address: dict = field(default_factory=dict)
    location: tuple[float, float] | None = None
    notes: str = ""


def create_prospect(uow, cmd: CreateProspect, catalog: CatalogCheck | None = None) -> model.Prospect:
    with uow:
        lead = uow.leads.get(cmd.lead_id)
    prospect = model.Prospect.create(lead=lead, plan_id=cmd.plan_id, recurring_item_ids=cmd.recurring_item_ids,
                                     discount_ids=cmd.discount_ids, address=cmd.address, location=cmd.location,
                                     notes=cmd.notes)
    if catalog is not None:
        prospect.catalog_checked = catalog(prospect.plan_id, prospect.recurring_item_ids, prospect.discount_ids)
    with uow:
        uow.prospects.add(prospect)
        uow.commit()
    return prospect


def get_prospect(uow, prospect_id: str) -> model.Prospect:
    with uow:
        return uow.prospects.get(prospect_id)


def list_prospects(uow, *, lead_id: str = "", limit: int | None = None, cursor: str | None = None):
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.prospects.list(lead_id=(lead_id or "").replace("\x00", ""),
                                   after_id=str(after[0]).replace("\x00", "") if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor
