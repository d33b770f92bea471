"""Billing benchmarks (PostgreSQL):

1. A bill run of N active contracts (mixed plans, recurring items, promotions, instalments, taxes)
   against a plain INSERT ... SELECT writing the same number of invoice and line rows, in the same run.
   Target: under 60 s and within 4x of the baseline.
2. Invoice PDFs: rate on one core, and a batch rendered in parallel processes.

    .venv/bin/python bench/billing_bench.py [--contracts 100000] [--pdfs 1000] [--skip-pdf]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import text

import billing
from antena_common.runtime import Database
from antena_common.testing import create_pg_database, drop_pg_database
from billing.adapters import orm
from billing.adapters.uow import BillingUnitOfWork
from billing.app import catalog as cat
from billing.app import company, invoices, invoicing

PERIOD = "2026-12"


def seed(db: Database, n: int) -> None:
    uow = lambda: db.uow(BillingUnitOfWork)  # noqa: E731
    company.update_company(uow(), {"legal_name": "Red Andina S.A.", "trade_name": "AndinaNet",
                                   "tax_id": "30-71234567-8", "currency": "ARS",
                                   "fiscal_address": {"street": "San Martín", "number": "123", "city": "Mendoza"}})
    cat.create_tax_rate(uow(), name="IVA 21%", rate="21", inclusive=False, is_default=True)
    cat.create_tax_rate(uow(), name="IVA 10,5% incl.", rate="10.5", inclusive=True, is_default=False)
    for i, (price, mbps) in enumerate((("9000", 50), ("12000", 100), ("15500", 300), ("21000", 600), ("30000", 1000))):
        cat.create_plan(uow(), cat.CreatePlan(name=f"Fibra {mbps}", download_mbps=mbps, upload_mbps=mbps // 2,
                                              price=price, currency="ARS"))
    for name, price, period, service in (("IP fija", "1500", "monthly", ""), ("Router mesh", "2000", "monthly", ""),
                                         ("Telefonía VoIP", "3500", "monthly", "telephony"),
                                         ("Soporte premium", "24000", "yearly", "")):
        cat.create_recurring_item(uow(), cat.CreateRecurringItem(name=name, price=price, period=period,
                                                                 service=service))
    cat.create_discount(uow(), cat.CreateDiscount(name="50% por 3 meses", kind="percent", value="50", months=3))
    cat.create_discount(uow(), cat.CreateDiscount(name="Jubilados", kind="amount", value="1000", months=None))
    cat.create_billing_profile(uow(), cat.CreateBillingProfile(
        name="Mensual día 1", issue_day=1, due_days=10, late_fee_kind="percent", late_fee_value="5",
        suspend_after_days=10, prorate=True))
    cat.create_billing_profile(uow(), cat.CreateBillingProfile(
        name="Mensual día 10", issue_day=10, due_days=7, late_fee_kind="amount", late_fee_value="500",
        suspend_after_days=15, prorate=False))
    with db.engine.begin() as conn:
        conn.execute(text("""
            CREATE TEMP TABLE ids AS SELECT array_agg(id ORDER BY price) AS plans FROM plans;
            CREATE TEMP TABLE its AS SELECT array_agg(id ORDER BY name) AS items FROM recurring_items;
            CREATE TEMP TABLE dis AS SELECT array_agg(id ORDER BY name) AS discounts FROM discounts;
            CREATE TEMP TABLE pro AS SELECT array_agg(id ORDER BY name) AS profiles FROM billing_profiles;
        """))
        conn.execute(text("""
            INSERT INTO customers (id, name, document, email, phone, fiscal_id, address, credit, currency, created_at)
            SELECT 'cu' || lpad(g::text, 34, '0'), 'Cliente ' || g, (20000000 + g)::text, 'c' || g || '@example.com',
                   '', '', '{}', 0, 'ARS', now()
            FROM generate_series(1, :n) g"""), {"n": n})
        # billing started before December for most; 1 in 10 started in November (promotion month 2),
        # 1 in 20 activated on 2026-12-15 (prorated), 1 in 25 pays installation in 3 instalments
        conn.execute(text("""
            INSERT INTO contracts (id, customer_id, plan_id, billing_profile_id, state, connection_id, order_id,
                   ticket_id, request_id, installation_fee, installation_instalments, currency, start_date,
                   billing_start, activated_at, signature_content_type, signer_name, created_at)
            SELECT 'co' || lpad(g::text, 34, '0'), 'cu' || lpad(g::text, 34, '0'), ids.plans[1 + g % 5],
                   pro.profiles[1 + g % 2], 'active', '', '', '', '',
                   CASE WHEN g % 25 = 0 THEN 600000 ELSE 0 END, CASE WHEN g % 25 = 0 THEN 3 ELSE 0 END, 'ARS',
                   d, d, d::timestamp AT TIME ZONE 'UTC', '', '', now()
            FROM generate_series(1, :n) g, ids, pro,
                 LATERAL (SELECT CASE WHEN g % 20 = 0 THEN date '2026-12-15'
                                      WHEN g % 10 = 0 THEN date '2026-11-05'
                                      ELSE date '2026-06-01' END AS d) s"""), {"n": n})
        conn.execute(text("""
            INSERT INTO contract_items (id, contract_id, recurring_item_id, kind, service, description,
                                        cut_on_nonpayment, created_at)
            SELECT 'ci' || lpad(g::text, 33, '0') || k, 'co' || lpad(g::text, 34, '0'), ri.id,
                   CASE WHEN ri.service = '' THEN 'item' ELSE 'service' END, ri.service, '', true, now()
            FROM generate_series(1, :n) g
            JOIN LATERAL (SELECT generate_series(1, g % 3) AS k) ks ON true
            JOIN LATERAL (SELECT (its.items)[1 + (g + ks.k) % 4] AS item_id FROM its) pick ON true
            JOIN recurring_items ri ON ri.id = pick.item_id"""), {"n": n})
        conn.execute(text("""
            INSERT INTO contract_discounts (contract_id, discount_id)
            SELECT 'co' || lpad(g::text, 34, '0'), dis.discounts[1 + g % 2]
            FROM generate_series(1, :n) g, dis WHERE g % 4 = 0"""), {"n": n})
        conn.execute(text("ANALYZE"))


_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(db: Database) -> float:
    """CPU used so far by this process plus every PostgreSQL backend serving the bench database
    (PostgreSQL runs on this machine): a measure the other helpers' load hardly moves."""
    with db.engine.connect() as conn:
        pids = [r[0] for r in conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'"))]
    total = time.process_time()
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / _TICK
        except (OSError, IndexError, ValueError):
            pass
    return total


def baseline(db: Database) -> tuple[float, int, int]:
    """Plain INSERT ... SELECT: one invoice per contract and one line per plan/item/discount/instalment,
    into tables shaped like invoices and invoice_lines (same indexes and unique keys, no foreign keys)."""
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS base_invoices, base_lines"))
        conn.execute(text("CREATE TABLE base_invoices (LIKE invoices INCLUDING ALL)"))
        conn.execute(text("CREATE TABLE base_lines (LIKE invoice_lines INCLUDING ALL)"))
    t0 = time.perf_counter()
    with db.engine.begin() as conn:
        inv = conn.execute(text("""
            INSERT INTO base_invoices (id, series, seq, number, customer_id, contract_id, kind, period, state,
                   issue_date, due_date, period_start, period_end, subtotal, tax_total, total, balance, currency,
                   late_fee_applied, created_at)
            SELECT 'bi' || substr(c.id, 3), 'FC', row_number() OVER (ORDER BY c.id),
                   'FC-' || lpad((row_number() OVER (ORDER BY c.id))::text, 8, '0'), c.customer_id, c.id, 'service',
                   :period, 'issued', date '2026-12-01', date '2026-12-11', date '2026-12-01', date '2026-12-31',
                   p.price, p.price * 21 / 100, p.price * 121 / 100, p.price * 121 / 100, c.currency, false, now()
            FROM contracts c JOIN plans p ON p.id = c.plan_id WHERE c.state = 'active'"""),
            {"period": PERIOD}).rowcount
        lines = conn.execute(text("""
            INSERT INTO base_lines (invoice_id, position, kind, description, quantity, unit_price, amount, tax_rate,
                                    tax_amount, total)
            SELECT 'bi' || substr(x.contract_id, 3), x.pos, x.kind, x.name, '1', x.price, x.price, 2100,
                   x.price * 21 / 100, x.price * 121 / 100
            FROM (
              SELECT c.id AS contract_id, 0 AS pos, 'plan' AS kind, p.name, p.price FROM contracts c
                JOIN plans p ON p.id = c.plan_id
              UNION ALL
              SELECT ci.contract_id, 1, ci.kind, ri.name, ri.price FROM contract_items ci
                JOIN recurring_items ri ON ri.id = ci.recurring_item_id
                JOIN contracts c ON c.id = ci.contract_id
                WHERE ri.period = 'monthly' OR c.billing_start >= date '2026-12-01'
              UNION ALL
              SELECT cd.contract_id, 2, 'discount', d.name, -d.value FROM contract_discounts cd
                JOIN discounts d ON d.id = cd.discount_id JOIN contracts c ON c.id = cd.contract_id
                WHERE d.months IS NULL OR c.billing_start >= date '2026-10-01'
              UNION ALL
              SELECT c.id, 3, 'instalment', 'Instalación', c.installation_fee / 3 FROM contracts c
                WHERE c.installation_instalments = 3 AND c.billing_start >= date '2026-10-01'
            ) x"""), ).rowcount
    return time.perf_counter() - t0, inv, lines


def drop_invoice_fks(db: Database) -> None:
    """Experiment only (--no-fk): what the foreign-key checks on invoices and lines cost."""
    with db.engine.begin() as conn:
        for table in ("invoices", "invoice_lines"):
            names = conn.execute(text("SELECT conname FROM pg_constraint WHERE conrelid = CAST(:t AS regclass) "
                                      "AND contype = 'f'"), {"t": table}).scalars().all()
            for name in names:
                conn.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))


def bench_bill_run(n: int, batch: int, repeat: int, no_fk: bool = False) -> dict:
    """`repeat` rounds of (baseline, bill run); the machine is shared, so each side reports its best round."""
    url = create_pg_database("antena_bench_billing")
    try:
        db = Database(url, orm.metadata, Path(billing.__file__).parent / "migrations", "billing")
        db.migrate()
        if no_fk:
            drop_invoice_fks(db)
        t0 = time.perf_counter()
        seed(db, n)
        print(f"seeded {n} contracts in {time.perf_counter() - t0:.1f}s", flush=True)
        uow = lambda: db.uow(BillingUnitOfWork)  # noqa: E731
        runs, bases, run_cpu, base_cpu = [], [], [], []
        for k in range(repeat):
            if k:
                with db.engine.begin() as conn:
                    conn.execute(text("TRUNCATE invoice_lines, allocations, credit_notes, invoices, outbox"))
                    conn.execute(text("DELETE FROM invoice_series"))
            c0 = cpu_seconds(db)
            bases.append(baseline(db))
            c1 = cpu_seconds(db)
            t0 = time.perf_counter()
            res = invoicing.run_bill_run(uow, PERIOD, batch_size=batch)
            runs.append(time.perf_counter() - t0)
            c2 = cpu_seconds(db)
            base_cpu.append(c1 - c0)
            run_cpu.append(c2 - c1)
            print(f"round {k + 1}: bill run {runs[-1]:.1f}s (CPU {run_cpu[-1]:.1f}s), "
                  f"baseline {bases[-1][0]:.1f}s (CPU {base_cpu[-1]:.1f}s)", flush=True)
        with db.engine.connect() as conn:
            lines = conn.execute(text("SELECT count(*) FROM invoice_lines")).scalar_one()
            events = conn.execute(text("SELECT count(*) FROM outbox WHERE routing_key = 'billing.invoice_issued'")).scalar_one()
        t0 = time.perf_counter()
        again = invoicing.run_bill_run(uow, PERIOD, batch_size=batch)
        rerun_s = time.perf_counter() - t0
        run_s, base_s = min(runs), min(b[0] for b in bases)
        out = {"contracts": n, "invoices": res.invoices_issued, "lines": lines, "events": events,
               "run_s": run_s, "runs": runs, "rerun_issued": again.invoices_issued, "rerun_s": rerun_s,
               "baseline_s": base_s, "baselines": [b[0] for b in bases], "baseline_invoices": bases[-1][1],
               "baseline_lines": bases[-1][2], "ratio": run_s / base_s, "total": str(res.totals.get("ARS")),
               "run_cpu": min(run_cpu), "base_cpu": min(base_cpu), "cpu_ratio": min(run_cpu) / min(base_cpu)}
        db.engine.dispose()
        return out
    finally:
        drop_pg_database(url)


# ---- PDFs ----

_PDF_DB: Database | None = None


def _init_worker(url: str) -> None:
    global _PDF_DB
    _PDF_DB = Database(url, orm.metadata, Path(billing.__file__).parent / "migrations", "billing")


def _render(invoice_id: str) -> int:
    pdf, _ = invoices.invoice_pdf(_PDF_DB.uow(BillingUnitOfWork), invoice_id)
    return len(pdf)


def bench_pdfs(count: int) -> dict:
    url = create_pg_database("antena_bench_pdf")
    try:
        db = Database(url, orm.metadata, Path(billing.__file__).parent / "migrations", "billing")
        db.migrate()
        seed(db, count)
        invoicing.run_bill_run(lambda: db.uow(BillingUnitOfWork), PERIOD)
        with db.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(text("SELECT id FROM invoices ORDER BY id"))]
        db.engine.dispose()
        _init_worker(url)
        _render(ids[0])  # warm up fonts and templates
        single = ids[: min(40, len(ids))]
        times = []
        for i in single:
            t0 = time.perf_counter()
            _render(i)
            times.append(time.perf_counter() - t0)
        per_core = 1 / statistics.mean(times)
        workers = os.cpu_count() or 1
        t0 = time.perf_counter()
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(url,)) as pool:
            sizes = list(pool.map(_render, ids, chunksize=10))
        batch_s = time.perf_counter() - t0
        _PDF_DB.engine.dispose()
        return {"pdfs": len(sizes), "per_core_per_s": per_core, "p50_ms": statistics.median(times) * 1000,
                "workers": workers, "batch_s": batch_s, "batch_per_s": len(sizes) / batch_s,
                "avg_kb": sum(sizes) / len(sizes) / 1024}
    finally:
        drop_pg_database(url)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contracts", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3, help="rounds of baseline + bill run; best of each")
    ap.add_argument("--no-fk", action="store_true", help="experiment: drop the invoice foreign keys first")
    ap.add_argument("--pdfs", type=int, default=1000)
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--skip-run", action="store_true")
    args = ap.parse_args()
    print(f"billing bench {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs", flush=True)
    if not args.skip_run:
        r = bench_bill_run(args.contracts, args.batch, args.repeat, args.no_fk)
        print("rounds: bill run " + ", ".join(f"{x:.1f}s" for x in r["runs"]) + "; baseline "
              + ", ".join(f"{x:.1f}s" for x in r["baselines"]))
        print(f"best bill run: {r['invoices']} invoices, {r['lines']} lines, {r['events']} events in {r['run_s']:.1f}s "
              f"({r['invoices'] / r['run_s']:.0f} invoices/s); total ARS {r['total']}")
        print(f"re-run: {r['rerun_issued']} issued in {r['rerun_s']:.2f}s")
        print(f"best baseline INSERT ... SELECT: {r['baseline_invoices']} invoices + {r['baseline_lines']} lines "
              f"in {r['baseline_s']:.1f}s")
        print(f"ratio bill run / baseline: {r['ratio']:.2f}x (target <= 4x, run < 60 s: "
              f"{'OK' if r['ratio'] <= 4 and r['run_s'] < 60 else 'MISSED'})", flush=True)
        print(f"CPU (client + PostgreSQL backends): bill run {r['run_cpu']:.1f}s, baseline {r['base_cpu']:.1f}s, "
              f"ratio {r['cpu_ratio']:.2f}x", flush=True)
    if not args.skip_pdf:
        p = bench_pdfs(args.pdfs)
        print(f"invoice PDF: {p['per_core_per_s']:.1f}/s on one core (p50 {p['p50_ms']:.0f} ms, "
              f"{p['avg_kb']:.0f} KB avg); {p['pdfs']} in {p['batch_s']:.1f}s with {p['workers']} processes "
              f"({p['batch_per_s']:.1f}/s)")


if __name__ == "__main__":
    main()
