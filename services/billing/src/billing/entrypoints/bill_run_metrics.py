"""Prometheus metrics of bill runs: progress (invoices issued so far, one per
billed contract), runs in progress, outcome and duration."""
from __future__ import annotations

import time
from contextlib import contextmanager

from antena_common import metrics

RUNNING = metrics.gauge("antena_bill_runs_running", "Bill runs in progress")
ISSUED = metrics.gauge("antena_bill_run_invoices_issued", "Invoices issued so far by the current (or last) bill run "
                       "of a period: one per billed contract", ["period"])
ISSUED_TOTAL = metrics.counter("antena_bill_run_invoices_total", "Invoices issued by bill runs")
BATCHES = metrics.counter("antena_bill_run_batches_total", "Bill run batches committed")
RUNS = metrics.counter("antena_bill_runs_total", "Bill runs finished", ["outcome"])
SECONDS = metrics.histogram("antena_bill_run_seconds", "Duration of one bill run", ["outcome"],
                            buckets=(.1, .5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600))


@contextmanager
def observed(period: str):
    """Wrap one bill run; yields the `after_batch` callback that reports progress."""
    started = time.perf_counter()
    seen = 0

    def after_batch(result) -> None:
        nonlocal seen
        ISSUED.labels(period).set(result.invoices_issued)
        ISSUED_TOTAL.inc(max(result.invoices_issued - seen, 0))
        BATCHES.inc()
        seen = result.invoices_issued

    RUNNING.inc()
    outcome = "failed"
    try:
        yield after_batch
        outcome = "ok"
        ISSUED.labels(period).set(seen)  # also 0 for a run with nothing to bill (a valid period)
    finally:
        RUNNING.dec()
        RUNS.labels(outcome).inc()
        SECONDS.labels(outcome).observe(time.perf_counter() - started)
