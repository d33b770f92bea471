"""Technicians, their working hours and the rules of their calendar: plain Python."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from antena_common.errors import Conflict, FieldErrors, InvalidArgument
from antena_common.ids import new_id

from .model import now

HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")
# Monday..Friday 08:00-17:00, Saturday 08:00-13:00 unless told otherwise
DEFAULT_HOURS = [{"weekday": d, "start": "08:00", "end": "17:00"} for d in range(5)] + [
    {"weekday": 5, "start": "08:00", "end": "13:00"}]
MAX_BOOKING = dt.timedelta(hours=12)


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def validate_hours(hours: list[dict], errors: FieldErrors) -> list[dict]:
    clean = []
    errors.check(len(hours) <= 50, "working_hours", "at most 50 spans")
    for i, h in enumerate(hours[:50]):
        wd, start, end = h.get("weekday"), str(h.get("start", "")), str(h.get("end", ""))
        ok = isinstance(wd, int) and 0 <= wd <= 6 and bool(HHMM.match(start)) and bool(HHMM.match(end))
        errors.check(ok, f"working_hours.{i}", "weekday 0 (Monday) to 6, start and end as HH:MM")
        if ok:
            errors.check(_minutes(start) < _minutes(end), f"working_hours.{i}", "start must be before end")
            clean.append({"weekday": wd, "start": start, "end": end})
    by_day: dict[int, list[tuple[int, int]]] = {}
    for h in clean:
        by_day.setdefault(h["weekday"], []).append((_minutes(h["start"]), _minutes(h["end"])))
    for day, spans in by_day.items():
        spans.sort()
        errors.check(all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "working_hours",
                     f"overlapping spans on weekday {day}")
    return sorted(clean, key=lambda h: (h["weekday"], h["start"]))


@dataclass(eq=False)
class Technician:
    name: str
    user_id: str | None = None
    zone_ids: list = field(default_factory=list)
    working_hours: list = field(default_factory=lambda: [dict(h) for h in DEFAULT_HOURS])
    timezone: str = "UTC"
    phone: str = ""
    active: bool = True
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def register(cls, *, name: str, user_id: str = "", zone_ids: list[str] = (), working_hours: list[dict] | None = None,
                 timezone: str = "UTC", phone: str = "") -> "Technician":
        errors = FieldErrors()
        name = (name or "").strip()
        errors.check(bool(name), "name", "is required")
        errors.check(len(name) <= 200, "name", "at most 200 characters")
        errors.check(len(user_id or "") <= 36, "user_id", "at most 36 characters")
        zones = [z.strip() for z in zone_ids or () if z and z.strip()]
        errors.check(len(zones) <= 200 and all(len(z) <= 36 for z in zones), "zone_ids", "at most 200 ids of 36 characters")
        errors.check(len(timezone or "") <= 64, "timezone", "at most 64 characters")
        errors.check(len(phone or "") <= 40, "phone", "at most 40 characters")
        hours = validate_hours(working_hours, errors) if working_hours is not None else [dict(h) for h in DEFAULT_HOURS]
        try:
            if len(timezone or "") <= 64:
                ZoneInfo(timezone or "UTC")
        except (ZoneInfoNotFoundError, ValueError, OSError):
            errors.check(False, "timezone", "not an IANA time zone (e.g. America/Argentina/Buenos_Aires)")
        errors.raise_if_any()
        return cls(name=name, user_id=(user_id or "").strip() or None, zone_ids=sorted(set(zones)), working_hours=hours,
                   timezone=timezone or "UTC", phone=(phone or "").strip())

    def update(self, *, name: str | None = None, zone_ids: list[str] | None = None,
               working_hours: list[dict] | None = None, active: bool | None = None) -> None:
        errors = FieldErrors()
        if name is not None:
            errors.check(bool(name.strip()) and len(name) <= 200, "name", "1 to 200 characters")
        if zone_ids is not None:
            errors.check(len(zone_ids) <= 200 and all(len(z) <= 36 for z in zone_ids), "zone_ids",
                         "at most 200 ids of 36 characters")
        hours = validate_hours(working_hours, errors) if working_hours is not None else None
        errors.raise_if_any()
        if name is not None:
            self.name = name.strip()
        if zone_ids is not None:
            self.zone_ids = sorted({z.strip() for z in zone_ids if z and z.strip()})
        if hours is not None:
            self.working_hours = hours
        if active is not None:
            self.active = active

    def covers(self, zone_id: str) -> bool:
        return not zone_id or zone_id in self.zone_ids

    def shifts(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """Working spans on a local calendar day, as aware UTC datetimes."""
        tz = ZoneInfo(self.timezone or "UTC")
        spans = []
        for h in self.working_hours:
            if h["weekday"] != day.weekday():
                continue
            start = dt.datetime.combine(day, dt.time(), tz) + dt.timedelta(minutes=_minutes(h["start"]))
            end = dt.datetime.combine(day, dt.time(), tz) + dt.timedelta(minutes=_minutes(h["end"]))
            spans.append((start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)))
        return sorted(spans)

    def within_hours(self, start: dt.datetime, end: dt.datetime) -> bool:
        tz = ZoneInfo(self.timezone or "UTC")
        day = start.astimezone(tz).date()
        return any(s <= start and end <= e for s, e in self.shifts(day))


def overlaps(a_start: dt.datetime, a_end: dt.datetime, b_start: dt.datetime, b_end: dt.datetime) -> bool:
    """Half-open intervals: back-to-back bookings do not overlap."""
    return a_start < b_end and b_start < a_end


def check_booking(tech: Technician, start: dt.datetime, end: dt.datetime, busy: list[tuple[str, dt.datetime, dt.datetime]],
                  *, order_id: str, at: dt.datetime | None = None) -> None:
    """The rules of a booking: in the future, sensible length, inside working hours, no overlap."""
    at = at or now()
    errors = FieldErrors()
    errors.check(start.tzinfo is not None, "scheduled_start", "needs a UTC offset")
    errors.check(end.tzinfo is not None, "scheduled_end", "needs a UTC offset")
    errors.raise_if_any()
    errors.check(end > start, "scheduled_end", "must be after scheduled_start")
    errors.check(end - start <= MAX_BOOKING, "scheduled_end", "a visit lasts at most 12 hours")
    errors.check(start >= at, "scheduled_start", "is in the past")
    errors.raise_if_any()
    if not tech.active:
        raise Conflict(f"technician {tech.name} is inactive")
    if not tech.within_hours(start, end):
        raise Conflict(f"{start.isoformat()} - {end.isoformat()} is outside {tech.name}'s working hours")
    for other_id, s, e in busy:
        if other_id != order_id and overlaps(start, end, s, e):
            raise Conflict(f"{tech.name} is already booked {s.isoformat()} - {e.isoformat()} (order {other_id})")


def free_slots(tech: Technician, day: dt.date, busy: list[tuple[dt.datetime, dt.datetime]], duration: dt.timedelta,
               *, step: dt.timedelta = dt.timedelta(minutes=30), not_before: dt.datetime | None = None
               ) -> list[tuple[dt.datetime, dt.datetime]]:
    """Start times on a grid of `step` where a visit of `duration` fits between bookings."""
    if duration <= dt.timedelta(0):
        raise InvalidArgument("duration_minutes: must be positive", field_errors={"duration_minutes": "must be positive"})
    busy = sorted(busy)
    slots = []
    for shift_start, shift_end in tech.shifts(day):
        cursor = shift_start
        if not_before and cursor < not_before:
            # next grid point after not_before
            steps = -(-(not_before - shift_start) // step)
            cursor = shift_start + steps * step
        while cursor + duration <= shift_end:
            end = cursor + duration
            clash = next((e for s, e in busy if overlaps(cursor, end, s, e)), None)
            if clash is None:
                slots.append((cursor, end))
                cursor = end
            else:
                # jump to the first grid point at or after the clashing booking's end
                steps = -(-(clash - shift_start) // step)
                cursor = max(cursor + step, shift_start + steps * step)
    return slots


def subtract(start: dt.datetime, end: dt.datetime, busy: list[tuple[dt.datetime, dt.datetime]]
             ) -> list[tuple[dt.datetime, dt.datetime]]:
    """The parts of [start, end) not covered by any busy interval."""
    spans, cursor = [], start
    for s, e in sorted(busy):
        if e <= cursor or s >= end:
            continue
        if s > cursor:
            spans.append((cursor, s))
        cursor = max(cursor, e)
        if cursor >= end:
            break
    if cursor < end:
        spans.append((cursor, end))
    return spans
