"""The bill run's batch as set-based SQL on PostgreSQL: one statement picks the next contracts
without an invoice for the period, numbers them, and writes their lines, invoices and
invoice_issued outbox rows (INSERT ... SELECT in data-modifying CTEs), after the caller took
the series lock.

It computes exactly what domain.pricing.period_lines computes (integration tests compare
both on random contracts): money in integer cents; every line rounded once, half up
(away from zero), from exact integer arithmetic:
    half_up(a / b) = (2a + b) div 2b  for a, b >= 0, applied to magnitudes."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import text

from ..domain.money import parse_period, period_bounds, period_index

# the contracts of the batch (same rules as app.invoicing._unbilled_query), numbered from
# :first_seq, with a time-ordered UUID (v7 layout) each, proration and period position
_BATCH = """
WITH cand AS (
  SELECT c.id FROM contracts c
  WHERE c.state IN ('active', 'suspended') AND c.billing_start <= CAST(:pe AS date)
    AND (c.end_date IS NULL OR c.end_date >= CAST(:ps AS date))
    AND NOT (c.paused_from IS NOT NULL AND c.paused_from <= CAST(:period AS varchar)
             AND (c.paused_until IS NULL OR c.paused_until >= CAST(:period AS varchar)))
    AND c.id > CAST(:after AS varchar)
    AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.contract_id = c.id AND i.period = CAST(:period AS varchar))
  ORDER BY c.id LIMIT :batch_size
),
b AS MATERIALIZED (
  SELECT c.id AS contract_id,
         CAST(encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
              substring(int8send(CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS bigint)) FROM 3)
              FROM 1 FOR 6), 52, 1), 53, 1), 'hex') AS uuid)::text AS invoice_id,
         CAST(:first_seq AS bigint) + row_number() OVER (ORDER BY c.id) - 1 AS seq,
         c.customer_id, c.plan_id, c.billing_profile_id, c.currency,
         c.billing_start, c.installation_fee, c.installation_instalments,
         (:pidx - (extract(year FROM c.billing_start)::int * 12 + extract(month FROM c.billing_start)::int - 1)) AS n,
         GREATEST(c.billing_start, CAST(:ps AS date)) AS first_day,
         CASE WHEN bp.prorate AND c.billing_start > CAST(:ps AS date)
              THEN (CAST(:pe AS date) - c.billing_start) + 1 ELSE CAST(:days AS int) END AS billed,
         COALESCE(c.issue_day, bp.issue_day) AS issue_day, bp.due_days,
         CASE WHEN bp.prorate AND c.billing_start > CAST(:ps AS date)
              THEN ' (' || to_char(c.billing_start, 'DD/MM') || '-' || to_char(CAST(:pe AS date), 'DD/MM') || ')'
              ELSE '' END AS sfx
  FROM cand JOIN contracts c ON c.id = cand.id
  JOIN billing_profiles bp ON bp.id = c.billing_profile_id
)
"""

# every priced line before rounding: signed unit price in cents, days billed, tax
_RAW = _BATCH + """,
plan_lines AS (
  SELECT s.invoice_id, 0 AS grp, CAST(NULL AS timestamptz) AS ord_ts, '' AS ord, 'plan' AS kind, p.name || s.sfx AS description, p.price AS unit,
         s.billed AS num, COALESCE(p.tax_rate_id, CAST(:default_tax AS varchar)) AS tax_id
  FROM b s JOIN plans p ON p.id = s.plan_id
),
item_lines AS (
  SELECT s.invoice_id, CASE ci.kind WHEN 'item' THEN 1 ELSE 2 END AS grp, ci.created_at AS ord_ts, ci.id AS ord,
         ci.kind AS kind,
         CASE WHEN ci.kind = 'service' THEN
                CASE WHEN ci.description <> '' THEN ri.name || ' - ' || ci.description ELSE ri.name END || s.sfx
              WHEN ri.period = 'monthly' THEN ri.name || s.sfx
              ELSE ri.name || ' (anual)' END AS description,
         ri.price AS unit,
         CASE WHEN ci.kind = 'item' AND ri.period = 'yearly' THEN CAST(:days AS int) ELSE s.billed END AS num,
         COALESCE(ri.tax_rate_id, CAST(:default_tax AS varchar)) AS tax_id
  FROM b s JOIN contract_items ci ON ci.contract_id = s.contract_id
  JOIN recurring_items ri ON ri.id = ci.recurring_item_id
  WHERE ci.kind = 'service' OR ri.period = 'monthly' OR s.n % 12 = 0
),
disc AS (
  SELECT s.invoice_id, s.sfx, s.billed, p.price AS base, p.tax_rate_id AS plan_tax, d.id, d.name,
         CASE WHEN d.kind = 'percent' THEN LEAST(div(2 * p.price * d.value + 10000, 20000), p.price)
              ELSE LEAST(d.value, p.price) END AS raw
  FROM b s JOIN contract_discounts cd ON cd.contract_id = s.contract_id
  JOIN discounts d ON d.id = cd.discount_id JOIN plans p ON p.id = s.plan_id
  WHERE d.months IS NULL OR s.n < d.months
),
disc_capped AS (
  SELECT disc.*, LEAST(SUM(raw) OVER w, base) - LEAST(SUM(raw) OVER w - raw, base) AS amount
  FROM disc WINDOW w AS (PARTITION BY invoice_id ORDER BY id ROWS UNBOUNDED PRECEDING)
),
disc_lines AS (
  SELECT invoice_id, 3 AS grp, CAST(NULL AS timestamptz) AS ord_ts, id AS ord, 'discount' AS kind, name || sfx AS description, -amount AS unit,
         billed AS num, COALESCE(plan_tax, CAST(:default_tax AS varchar)) AS tax_id
  FROM disc_capped WHERE amount > 0
),
inst_lines AS (
  SELECT s.invoice_id, 4 AS grp, CAST(NULL AS timestamptz) AS ord_ts, '' AS ord, 'instalment' AS kind,
         'Instalación, cuota ' || (s.n + 1) || '/' || s.installation_instalments AS description,
         CASE WHEN s.n = s.installation_instalments - 1
              THEN s.installation_fee - (s.installation_fee / s.installation_instalments) * (s.installation_instalments - 1)
              ELSE s.installation_fee / s.installation_instalments END AS unit,
         CAST(:days AS int) AS num, CAST(:default_tax AS varchar) AS tax_id
  FROM b s WHERE s.installation_instalments > 1 AND s.n >= 0 AND s.n < s.installation_instalments
),
raw AS (
  SELECT invoice_id, grp, ord_ts, ord, kind, description, CAST(unit AS bigint) AS unit, num, tax_id FROM (
    SELECT * FROM plan_lines UNION ALL SELECT * FROM item_lines UNION ALL SELECT * FROM disc_lines
    UNION ALL SELECT * FROM inst_lines) x
),
gross AS (
  SELECT r.*, CASE WHEN r.unit < 0 THEN -1 ELSE 1 END AS sg, div(2 * abs(r.unit) * r.num + CAST(:days AS int), 2 * CAST(:days AS int)) AS g,
         COALESCE(t.rate, 0) AS rate, COALESCE(t.inclusive, false) AS inclusive
  FROM raw r LEFT JOIN tax_rates t ON t.id = r.tax_id
),
priced AS (
  SELECT gross.*,
         CASE WHEN rate = 0 THEN g
              WHEN inclusive THEN div(2 * g * 10000 + (10000 + rate), 2 * (10000 + rate))
              ELSE g END AS net_mag,
         CASE WHEN rate = 0 THEN 0
              WHEN inclusive THEN g - div(2 * g * 10000 + (10000 + rate), 2 * (10000 + rate))
              ELSE div(2 * g * rate + 10000, 20000) END AS tax_mag
  FROM gross
)
"""

# one statement: lines, then invoices summed from the lines just written, then their events
BATCH_SQL = _RAW + """,
new_lines AS (
  INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_price, amount, tax_rate,
                             tax_amount, total)
  SELECT invoice_id, row_number() OVER (PARTITION BY invoice_id ORDER BY grp, ord_ts, ord) - 1, kind, left(description, 300),
         CASE WHEN num = CAST(:days AS int) THEN '1'
              ELSE trim_scale(round(CAST(num AS numeric) / CAST(:days AS int), 6))::text END,
         unit, sg * net_mag, rate, sg * tax_mag, sg * (net_mag + tax_mag)
  FROM priced
  RETURNING invoice_id, amount, tax_amount, total
),
sums AS (
  SELECT invoice_id, SUM(amount) AS subtotal, SUM(tax_amount) AS tax_total, SUM(total) AS total
  FROM new_lines GROUP BY invoice_id
),
new_invoices AS (
  INSERT INTO invoices (id, series, seq, number, customer_id, contract_id, kind, period, state, issue_date, due_date,
                        period_start, period_end, subtotal, tax_total, total, balance, currency, late_fee_applied,
                        created_at)
  SELECT b.invoice_id, CAST(:series AS varchar), b.seq, CAST(:series AS varchar) || '-' || lpad(b.seq::text, 8, '0'),
         b.customer_id, b.contract_id, 'service', CAST(:period AS varchar),
         CASE WHEN COALESCE(s.total, 0) > 0 THEN 'issued' ELSE 'paid' END,
         make_date(:year, :month, b.issue_day), make_date(:year, :month, b.issue_day) + b.due_days,
         b.first_day, CAST(:pe AS date), COALESCE(s.subtotal, 0), COALESCE(s.tax_total, 0), COALESCE(s.total, 0),
         COALESCE(s.total, 0), b.currency, false, :now
  FROM b LEFT JOIN sums s ON s.invoice_id = b.invoice_id
  RETURNING id, seq, number, customer_id, contract_id, total, currency, issue_date, due_date
),
new_events AS (
  INSERT INTO outbox (event_id, routing_key, body, created_at)
  -- the envelope of antena_common.events, built as text: ids, numbers, dates and amounts need no
  -- escaping; the free-text fields go through to_json
  SELECT e.event_id, 'billing.invoice_issued',
         '{"event_id":"' || e.event_id || '","type":"billing.invoice_issued","source":"billing","occurred_at":"'
         || CAST(:occurred_at AS text) || '","schema_version":' || '1' || ',"correlation_id":'
         || COALESCE(to_json(CAST(:correlation_id AS text))::text, 'null')
         || ',"payload":{"invoice_id":"' || e.id || '","number":"' || e.number || '","customer_id":"'
         || e.customer_id || '","contract_id":"' || e.contract_id || '","total":"'
         || CAST(CAST(e.total AS numeric) / 100 AS numeric(20, 2))::text || '","currency":"' || e.currency
         || '","issue_date":"' || e.issue_date::text || '","due_date":"' || e.due_date::text
         || '","customer_email":' || to_json(e.email)::text || ',"customer_name":' || to_json(e.name)::text || '}}',
         :now
  FROM (SELECT gen_random_uuid()::text AS event_id, i.*, c.email, c.name
        FROM new_invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.seq) e
  RETURNING 1
),
numbered AS (
  UPDATE invoice_series SET next_number = CAST(:first_seq AS bigint) + (SELECT count(*) FROM b)
  WHERE series = CAST(:series AS varchar)
  RETURNING next_number
)
SELECT i.currency, count(*) AS issued, SUM(i.total) AS total,
       array_agg(DISTINCT i.customer_id) FILTER (WHERE c.credit > 0) AS with_credit,
       (SELECT count(*) FROM new_events) AS events, (SELECT max(next_number) FROM numbered) AS next_number,
       (SELECT max(contract_id) FROM b) AS last_contract
FROM new_invoices i JOIN customers c ON c.id = i.customer_id
GROUP BY i.currency
"""


def write_batch(session, *, period: str, series: str, after: str, batch_size: int, first_seq: int,
                default_tax: str | None, correlation_id: str | None,
                now: dt.datetime) -> tuple[dict[str, tuple[int, Decimal]], list[str], str | None]:
    """Invoice the next `batch_size` unbilled contracts after `after` for `period`, numbered from
    `first_seq` (the caller holds the series lock). Returns {currency: (invoices, total)}, the
    customers of the batch holding credit, and the last contract id (None: nothing left)."""
    year, month = parse_period(period)
    ps, pe = period_bounds(period)
    params = {"period": period, "series": series, "after": after, "batch_size": batch_size, "first_seq": first_seq,
              "pidx": period_index(period), "ps": ps, "pe": pe, "days": (pe - ps).days + 1,
              "default_tax": default_tax, "year": year, "month": month, "now": now, "occurred_at": now.isoformat(),
              "correlation_id": correlation_id}
    totals, with_credit, last = {}, [], None
    for r in session.execute(text(BATCH_SQL), params):
        totals[r.currency] = (r.issued, Decimal(r.total) / 100)
        with_credit += r.with_credit or []
        last = r.last_contract
    return totals, with_credit, last
