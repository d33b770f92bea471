"""`antena ops`: dead letters on real RabbitMQ, outbox backlog on SQLite and
PostgreSQL, and a CSV import through the embedded system's gateway."""
from importlib.metadata import entry_points

import pytest
from rich.console import Console
from sqlalchemy import insert
from typer.testing import CliRunner

from antena_common import bus, ops
from antena_common.cli import app
from antena_common.errors import Conflict
from antena_common.events import new_envelope

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    monkeypatch.setattr(ops, "out", Console(width=400))
    monkeypatch.setattr(ops, "err", Console(width=400, stderr=True))


def run(*args, env=None):
    return CliRunner().invoke(app, ["ops", *args], env=env)


def test_dead_letters_are_listed_without_loss_and_replayed_after_a_fix(pg_url, amqp_url, make_plumbing,
                                                                        wait_until):
    fixed = {"yes": False}

    def handler(envelope, msg):
        if not fixed["yes"]:
            raise Conflict("the bug")
        p.record_effect(envelope, msg)

    p = make_plumbing(pg_url, amqp_url, handler=handler)
    env = p.create_lead()
    # someone else's dead letter: must stay where it is
    other = new_envelope("sales", "lead_created", {"lead_id": "x-1", "name": "Eva"})
    pub = bus.Publisher(amqp_url)
    pub.publish_raw("", other.to_json(), exchange=bus.DEAD_EXCHANGE,
                    headers={"x-antena-consumer": "other", "x-antena-queue": "other.sales.lead_created",
                             "x-antena-reason": "conflict: elsewhere", "x-antena-routing-key": "sales.lead_created"})
    pub.close()

    def listed():
        r = run("dead-letters", "list", "--broker", amqp_url)
        assert r.exit_code == 0, r.output
        return r.output if env.event_id in r.output else None

    output = wait_until(listed, timeout=15, message="the poison event listed")
    assert "plumbing" in output and "sales.lead_created" in output and "the bug" in output
    assert other.event_id in output
    # listing twice loses nothing
    again = run("dead-letters", "list", "--broker", amqp_url).output
    assert env.event_id in again and other.event_id in again and "2 message(s)" in again
    assert p.effects_by_event() == {}

    fixed["yes"] = True
    r = run("dead-letters", "replay", "--consumer", "plumbing", "--broker", amqp_url)
    assert r.exit_code == 0, r.output
    assert "replayed 1 dead letter(s); 1 left" in r.output
    wait_until(lambda: p.effects_by_event().get(env.event_id) == 1, timeout=15, message="replayed and handled")
    after = run("dead-letters", "list", "--broker", amqp_url).output
    assert other.event_id in after and env.event_id not in after and "1 message(s)" in after

    # the filter by type selects nothing here: nothing moves
    r = run("dead-letters", "replay", "--type", "billing.invoice_issued", "--broker", amqp_url)
    assert "replayed 0 dead letter(s); 1 left" in r.output
    # its queue does not exist: it is not published into the void, it stays
    r = run("dead-letters", "replay", "--broker", amqp_url)
    assert r.exit_code == 0, r.output
    assert "other.sales.lead_created does not exist" in r.output and "replayed 0 dead letter(s); 1 left" in r.output
    assert other.event_id in run("dead-letters", "list", "--broker", amqp_url).output


def test_dead_letters_bad_broker_is_a_clear_error():
    r = run("dead-letters", "list", "--broker", "amqp://guest:guest@127.0.0.1:1//")
    assert r.exit_code == 1
    assert "cannot read antena.dead" in r.output
    assert "Traceback" not in r.output


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_outbox_backlog(backend, tmp_path, request, monkeypatch):
    url = f"sqlite:///{tmp_path / 'sales.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    monkeypatch.setenv("ANTENA_SALES_DATABASE_URL", url)
    monkeypatch.setenv("ANTENA_DATA_DIR", str(tmp_path))
    runtime = {ep.name: ep for ep in entry_points(group="antena.services")}["sales"].load()()
    runtime.database.migrate()
    r = run("outbox", "sales")
    assert r.exit_code == 0, r.output
    assert "sales: 0 unpublished events" in r.output
    import datetime as dt

    old = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=30)
    with runtime.database.engine.begin() as conn:
        for i, (created, published) in enumerate([(old, None), (old, None), (old, old)]):
            conn.execute(insert(runtime.database.outbox).values(
                event_id=f"e-{i}", routing_key="sales.lead_created", body="{}", created_at=created,
                published_at=published))
    runtime.database.engine.dispose()
    r = run("outbox", "sales")
    assert r.exit_code == 0, r.output
    assert "sales: 2 unpublished event(s), oldest 30m old" in r.output

    assert run("outbox", "nonsense").exit_code == 2


@pytest.mark.e2e
def test_import_leads_through_the_gateway(embedded_system, tmp_path):
    csv = tmp_path / "leads.csv"
    csv.write_text("name,phone,email\nAna Pérez,+56 9 1234 5678,ana@example.com\n,123,\nLuis,,no-es-correo\n",
                   encoding="utf-8")
    env = {"ANTENA_API_URL": embedded_system.gateway_url, "ANTENA_API_TOKEN": embedded_system.token()}
    r = run("import-leads", str(csv), env=env)
    assert "rows: 3" in r.output and "created:" in r.output, r.output
    body = embedded_system.client().get("/v1/leads").json()
    assert any(lead["name"] == "Ana Pérez" for lead in body["items"])
    assert "rows with errors" in r.output and "name" in r.output
    assert "Traceback" not in r.output

    bad = run("import-leads", str(csv), env={**env, "ANTENA_API_TOKEN": "nonsense"})
    assert bad.exit_code == 1 and "HTTP 401" in bad.output, bad.output
    assert run("import-leads", str(tmp_path / "missing.csv"), env=env).exit_code == 2


@pytest.mark.e2e
def test_bill_run_and_reconcile_through_the_gateway(embedded_system):
    env = {"ANTENA_API_URL": embedded_system.gateway_url, "ANTENA_API_USERNAME": "admin",
           "ANTENA_API_PASSWORD": embedded_system.admin_password}
    r = run("bill-run", "2026-10", env=env)
    assert r.exit_code == 0, r.output
    assert "bill run 2026-10" in r.output
    bad = run("bill-run", "2026-13", env=env)
    assert bad.exit_code == 1 and "HTTP 422" in bad.output and "Traceback" not in bad.output, bad.output
    r = run("reconcile", env=env)
    assert r.exit_code == 0 and "0 router(s)" in r.output, r.output
    wrong = run("reconcile", env={**env, "ANTENA_API_PASSWORD": "wrong"})
    assert wrong.exit_code == 1 and "/v1/auth/token" in wrong.output, wrong.output
