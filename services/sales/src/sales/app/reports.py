"""The desk's commercial report: tickets by state, source, loss tag and
assignee over a date range, lead -> won conversion, median days per stage."""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from antena_common.errors import FieldErrors

from ..domain import model

MAX_RANGE_DAYS = 3660


@dataclass
class StageMedian:
    stage: str
    to_state: str
    median_days: float
    samples: int


@dataclass
class SalesReport:
    from_date: dt.date
    to_date: dt.date
    tickets: int = 0
    by_state: list = field(default_factory=list)
    by_source: list = field(default_factory=list)
    by_loss_tag: list = field(default_factory=list)
    by_assignee: list = field(default_factory=list)
    leads: int = 0
    leads_won: int = 0
    conversion_rate: float = 0.0
    median_days: list = field(default_factory=list)
    won_by_source: list = field(default_factory=list)


def _date(value: str, name: str, errors: FieldErrors) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.check(False, name, "a date YYYY-MM-DD")
        return None


def _counts(counter: Counter, keys=()) -> list[tuple[str, int]]:
    rows = [(k, counter.get(k, 0)) for k in keys]
    rows += sorted(((k, v) for k, v in counter.items() if k not in keys), key=lambda kv: (-kv[1], kv[0]))
    return rows


def sales_report(uow, from_date: str = "", to_date: str = "", today: dt.date | None = None) -> SalesReport:
    errors = FieldErrors()
    start, end = _date(from_date, "from", errors), _date(to_date, "to", errors)
    errors.raise_if_any()
    end = end or today or dt.datetime.now(dt.timezone.utc).date()
    start = start or end - dt.timedelta(days=29)
    errors.check(start <= end, "from", "must not be after 'to'")
    errors.check((end - start).days <= MAX_RANGE_DAYS, "from", f"the range is at most {MAX_RANGE_DAYS} days")
    errors.raise_if_any()
    lo = dt.datetime.combine(start, dt.time(), dt.timezone.utc)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.timezone.utc)
    with uow:
        rows = uow.tickets.report_rows(lo, hi)
        changes = uow.tickets.report_changes(lo, hi)
        leads = uow.tickets.leads_created(lo, hi)
        leads_won = uow.tickets.leads_won(lo, hi)
    report = SalesReport(from_date=start, to_date=end, tickets=len(rows), leads=leads, leads_won=leads_won,
                         conversion_rate=round(leads_won / leads, 4) if leads else 0.0)
    report.by_state = _counts(Counter(r.state for r in rows), model.STATES)
    report.by_source = _counts(Counter(r.source or "(sin origen)" for r in rows))
    report.won_by_source = _counts(Counter(r.source or "(sin origen)" for r in rows if r.state == model.WON))
    report.by_loss_tag = _counts(Counter(r.loss_tag for r in rows if r.state == model.LOST and r.loss_tag))
    report.by_assignee = _counts(Counter(r.assignee_id or "(sin asignar)" for r in rows))
    report.median_days = stage_medians(changes)
    return report


def stage_medians(changes) -> list[StageMedian]:
    """changes: (ticket_id, from_state, to_state, at) ordered by ticket and time."""
    durations: dict[tuple[str, str], list[float]] = defaultdict(list)
    entered: dict[str, dt.datetime] = {}
    current = None
    for ticket_id, from_state, to_state, at in changes:
        if ticket_id != current:
            current, entered = ticket_id, {}
        if from_state and from_state in entered:
            days = (at - entered[from_state]).total_seconds() / 86400
            durations[(from_state, to_state)].append(days)
            durations[(from_state, "")].append(days)
        entered[to_state] = at
    out = []
    for stage in (model.PENDING, model.ORDER_IN_PROGRESS):
        for to_state in ("", *model.STATES):
            values = durations.get((stage, to_state))
            if values:
                out.append(StageMedian(stage, to_state, round(statistics.median(values), 3), len(values)))
    return out
