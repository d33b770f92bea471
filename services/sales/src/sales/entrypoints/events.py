"""Event handlers: each event this service consumes, named for what it handles."""
from __future__ import annotations

from antena_common.bus import Subscription

CONSUMER = "sales"


def subscriptions(uow_factory) -> list[Subscription]:
    return []
