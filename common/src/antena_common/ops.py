"""`antena ops`: operator tooling. Dead letters (list, replay after a fix),
outbox backlog, and long jobs through the gateway's HTTP API with progress bars."""
from __future__ import annotations

import datetime as dt
import json
import os
from importlib.metadata import entry_points
from pathlib import Path

import typer
from kombu import Exchange, Producer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import func, select

from . import bus
from .settings import PlatformSettings

app = typer.Typer(help="Operator tools: dead letters, outbox backlog, bill runs, imports, reconciliation.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
dead_app = typer.Typer(help="The antena.dead queue: inspect and replay dead-lettered events.", no_args_is_help=True)
app.add_typer(dead_app, name="dead-letters")
out = Console()
err = Console(stderr=True)


def _fail(message: str, code: int = 1):
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def _broker_url(url: str | None) -> str:
    return url or PlatformSettings().broker_url


def _age(occurred_at: str, now: dt.datetime) -> str:
    try:
        then = dt.datetime.fromisoformat(occurred_at)
    except (TypeError, ValueError):
        return "?"
    if then.tzinfo is None:
        then = then.replace(tzinfo=dt.timezone.utc)
    secs = int((now - then).total_seconds())
    if secs < 120:
        return f"{secs}s"
    if secs < 7200:
        return f"{secs // 60}m"
    if secs < 172800:
        return f"{secs // 3600}h"
    return f"{secs // 86400}d"


class DeadLetter:
    def __init__(self, raw):
        self.raw = raw
        props = getattr(raw, "properties", None) or {}
        self.headers = dict(props.get("application_headers") or getattr(raw, "headers", None) or {})
        body = raw.body
        self.body = body if isinstance(body, bytes) else str(body).encode("utf-8")
        try:
            env = json.loads(self.body)
            env = env if isinstance(env, dict) else {}
        except ValueError:
            env = {}
        self.consumer = str(self.headers.get("x-antena-consumer", ""))
        self.queue = str(self.headers.get("x-antena-queue", ""))
        self.reason = str(self.headers.get("x-antena-reason", ""))
        death = self.headers.get("x-death")  # rejected by the broker to the queue's dead-letter exchange
        if not self.queue and isinstance(death, list) and death and isinstance(death[0], dict):
            self.queue = str(death[0].get("queue", ""))
            self.consumer = self.consumer or self.queue.split(".", 1)[0]
            self.reason = self.reason or "broker: " + str(death[0].get("reason", ""))
        self.type = str(env.get("type") or self.headers.get("x-antena-routing-key", ""))
        self.event_id = str(env.get("event_id", ""))
        self.occurred_at = str(env.get("occurred_at", ""))


def _take_all(channel, limit: int) -> list[DeadLetter]:
    """basic_get every message (unacked) up to `limit`: none is lost, since
    unacked messages go back to the queue when the channel closes."""
    taken = []
    while len(taken) < limit:
        msg = channel.basic_get(bus.DEAD_QUEUE, no_ack=False)
        if msg is None:
            break
        taken.append(DeadLetter(msg))
    return taken


def _tag(d: DeadLetter):
    return d.raw.delivery_info["delivery_tag"]


@dead_app.command("list")
def dead_list(broker: str = typer.Option(None, envvar="ANTENA_BROKER_URL", help="AMQP URL (default from settings)"),
              limit: int = typer.Option(1000, help="at most this many messages are inspected")) -> None:
    """Show the dead-lettered events (consumer, event type, reason, age); they stay in the queue."""
    url = _broker_url(broker)
    try:
        with bus.connect(url) as conn:
            conn.ensure_connection(max_retries=2)
            bus.declare_topology(conn)
            channel = conn.channel()
            letters = _take_all(channel, limit)
            for d in letters:
                channel.basic_reject(_tag(d), requeue=True)
            channel.close()
    except Exception as exc:  # broker down, bad URL...
        _fail(f"cannot read {bus.DEAD_QUEUE} on the broker: {exc}")
    now = dt.datetime.now(dt.timezone.utc)
    table = Table(title=f"{bus.DEAD_QUEUE}: {len(letters)} message(s)")
    for col in ("consumer", "event type", "event id", "age", "reason"):
        table.add_column(col)
    for d in letters:
        table.add_row(d.consumer or "?", d.type or "?", d.event_id, _age(d.occurred_at, now), d.reason)
    out.print(table)


def _queue_exists(conn, name: str) -> bool:
    channel = conn.channel()  # a failed passive declare closes the channel, so a throwaway one
    try:
        channel.queue_declare(name, passive=True)
        return True
    except Exception:
        return False
    finally:
        try:
            channel.close()
        except Exception:
            pass


@dead_app.command("replay")
def dead_replay(consumer: str = typer.Option(None, help="only this consumer's dead letters"),
                type_: str = typer.Option(None, "--type", help="only this event type (e.g. sales.lead_created)"),
                limit: int = typer.Option(0, help="replay at most N (0: all selected)"),
                broker: str = typer.Option(None, envvar="ANTENA_BROKER_URL", help="AMQP URL")) -> None:
    """Re-publish dead letters to their original consumer queue only (after a fix); the rest stay."""
    url = _broker_url(broker)
    replayed = skipped = 0
    try:
        with bus.connect(url) as conn:
            conn.ensure_connection(max_retries=2)
            bus.declare_topology(conn)
            channel = conn.channel()
            # the default exchange ("" would make kombu fall back to antena.events); confirmed publishes
            producer = Producer(conn.channel(), exchange=Exchange(""))
            letters = _take_all(channel, 100_000)
            chosen = [d for d in letters if d.queue and (not consumer or d.consumer == consumer)
                      and (not type_ or d.type == type_)]
            missing = {q for q in {d.queue for d in chosen} if not _queue_exists(conn, q)}
            for q in sorted(missing):
                err.print(f"[yellow]queue {q} does not exist: its dead letters stay[/yellow]")
            chosen = [d for d in chosen if d.queue not in missing]
            if limit:
                chosen = chosen[:limit]
            chosen_tags = {_tag(d) for d in chosen}
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=err) as progress:
                task = progress.add_task("replaying", total=len(chosen))
                for d in letters:
                    if _tag(d) not in chosen_tags:
                        continue
                    # default exchange, routing key = queue name: only that consumer sees it again
                    producer.publish(d.body, routing_key=d.queue, content_type="application/json",
                                     content_encoding="utf-8", delivery_mode=2, retry=False,
                                     headers={"x-antena-replayed-reason": d.reason[:500]})
                    channel.basic_ack(_tag(d))
                    replayed += 1
                    progress.advance(task)
            for d in letters:
                if _tag(d) not in chosen_tags:
                    channel.basic_reject(_tag(d), requeue=True)
                    skipped += 1
            channel.close()
    except Exception as exc:
        _fail(f"replay stopped after {replayed} message(s) (the rest stay dead-lettered): {exc}")
    out.print(f"replayed {replayed} dead letter(s); {skipped} left in {bus.DEAD_QUEUE}")


@app.command("outbox")
def outbox(service: str = typer.Argument(..., help="the service whose outbox to inspect")) -> None:
    """Outbox backlog of a service: unpublished events and the age of the oldest (from its database)."""
    found = {ep.name: ep for ep in entry_points(group="antena.services")}
    if service not in found:
        _fail(f"unknown service {service!r}; known: {', '.join(sorted(found))}", 2)
    runtime = found[service].load()()
    if runtime.database is None:
        _fail(f"{service} has no database")
    db = runtime.database
    try:
        with db.engine.connect() as conn:
            count, oldest = conn.execute(select(func.count(), func.min(db.outbox.c.created_at))
                                         .where(db.outbox.c.published_at.is_(None))).one()
    except Exception as exc:
        _fail(f"cannot read the outbox of {service}: {str(exc).splitlines()[0]}")
    finally:
        db.engine.dispose()
    if count and oldest is not None:
        if oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=dt.timezone.utc)
        age = _age(oldest.isoformat(), dt.datetime.now(dt.timezone.utc))
        out.print(f"{service}: {count} unpublished event(s), oldest {age} old ({oldest.isoformat()})")
    else:
        out.print(f"{service}: 0 unpublished events")


# ---- long jobs through the gateway -----------------------------------------------------------


def _problem(resp) -> str:
    try:
        body = resp.json()
    except ValueError:
        return f"HTTP {resp.status_code}: {resp.text[:300]}"
    if isinstance(body, dict):
        msg = body.get("detail") or body.get("title") or str(body)
        if isinstance(msg, list):
            msg = "; ".join(str(x.get("msg", x)) if isinstance(x, dict) else str(x) for x in msg)
        fields = body.get("errors") or body.get("field_errors")
        if isinstance(fields, dict):
            msg += " (" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + ")"
        elif isinstance(fields, list):
            msg += " (" + ", ".join(str(f) for f in fields) + ")"
        return f"HTTP {resp.status_code}: {msg}"
    return f"HTTP {resp.status_code}: {body}"


class Api:
    def __init__(self, url: str, token: str | None, username: str | None, password: str | None):
        try:
            import httpx  # the gateway installs it; common does not depend on it
        except ImportError:
            _fail("the HTTP commands need httpx: pip install httpx", 2)
        self.httpx = httpx
        self.client = httpx.Client(base_url=url.rstrip("/"), timeout=httpx.Timeout(30, read=3600))
        if not token:
            if not (username and password):
                _fail("no credentials: give --token (ANTENA_API_TOKEN) or --username and --password", 2)
            resp = self.call("POST", "/v1/auth/token", json={"username": username, "password": password})
            token = resp.json()["access_token"]
        self.client.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, **kw):
        try:
            resp = self.client.request(method, path, **kw)
        except self.httpx.HTTPError as exc:
            _fail(f"cannot reach the gateway at {self.client.base_url}: {exc}")
        if resp.status_code >= 400:
            _fail(f"{method} {path}: {_problem(resp)}")
        return resp


def _api(url, token, username, password) -> Api:
    return Api(url, token, username, password)


URL = typer.Option("http://127.0.0.1:8000", "--api-url", envvar="ANTENA_API_URL", help="gateway base URL")
TOKEN = typer.Option(None, "--token", envvar="ANTENA_API_TOKEN", help="bearer token")
USER = typer.Option(None, "--username", envvar="ANTENA_API_USERNAME")
PASSWORD = typer.Option(None, "--password", envvar="ANTENA_API_PASSWORD")


def _spinner(text: str) -> Progress:
    return Progress(SpinnerColumn(), TextColumn(text), TimeElapsedColumn(), console=err, transient=True)


@app.command("bill-run")
def bill_run(period: str = typer.Argument(..., help="YYYY-MM"), api_url: str = URL, token: str = TOKEN,
             username: str = USER, password: str = PASSWORD) -> None:
    """Invoice every active contract for a period (POST /v1/bill-runs); re-running issues nothing new."""
    api = _api(api_url, token, username, password)
    with _spinner(f"bill run {period}") as p:
        p.add_task("run")
        body = api.call("POST", "/v1/bill-runs", json={"period": period}).json()
    table = Table(title=f"bill run {period}")
    table.add_column("field")
    table.add_column("value")
    for k, v in body.items():
        table.add_row(str(k), json.dumps(v) if isinstance(v, (list, dict)) else str(v))
    out.print(table)


@app.command("import-leads")
def import_leads(file: Path = typer.Argument(..., help="CSV with a header row"),
                 source: str = typer.Option("", help="source of rows without one"), api_url: str = URL,
                 token: str = TOKEN, username: str = USER, password: str = PASSWORD) -> None:
    """Import leads from a CSV (POST /v1/leads/import) and print the per-row error report."""
    if not file.is_file():
        _fail(f"{file}: no such file", 2)
    api = _api(api_url, token, username, password)
    content = file.read_bytes()
    with Progress(SpinnerColumn(), TextColumn("uploading {task.fields[name]}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as p:
        task = p.add_task("upload", total=1, name=file.name)
        body = api.call("POST", "/v1/leads/import", files={"file": (file.name, content, "text/csv")},
                        data={"source": source}).json()
        p.advance(task)
    out.print(f"rows: {body.get('rows', 0)}  created: {body.get('created', 0)}  failed: {body.get('failed', 0)}")
    errors = body.get("errors") or []
    if errors:
        table = Table(title="rows with errors")
        for col in ("row", "field", "message"):
            table.add_column(col)
        for e in errors:
            table.add_row(str(e.get("row", "")), str(e.get("field", "")), str(e.get("message", "")))
        out.print(table)
        raise typer.Exit(1 if not body.get("created") else 0)


@app.command("reconcile")
def reconcile(repair: bool = typer.Option(True, help="repair what differs"), api_url: str = URL,
              token: str = TOKEN, username: str = USER, password: str = PASSWORD) -> None:
    """Reconcile every router with its desired state (GET /v1/routers, POST /v1/routers/{id}/reconcile)."""
    api = _api(api_url, token, username, password)
    routers, cursor = [], None
    while True:
        page = api.call("GET", "/v1/routers", params={"cursor": cursor} if cursor else {}).json()
        routers += page.get("items", [])
        cursor = page.get("next_cursor")
        if not cursor:
            break
    results = []
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err) as p:
        task = p.add_task("reconciling", total=len(routers))
        for r in routers:
            rid = r.get("id")
            p.update(task, description=f"reconciling {r.get('name', rid)}")
            resp = api.client.post(f"/v1/routers/{rid}/reconcile", params={"repair": str(repair).lower()})
            results.append((r, resp))
            p.advance(task)
    table = Table(title=f"{len(routers)} router(s)")
    for col in ("router", "result"):
        table.add_column(col)
    failed = 0
    for r, resp in results:
        if resp.status_code >= 400:
            failed += 1
            table.add_row(str(r.get("name", r.get("id"))), f"[red]{_problem(resp)}[/red]")
        else:
            body = resp.json()
            summary = ", ".join(f"{k}={v}" for k, v in body.items() if not isinstance(v, (list, dict)))
            table.add_row(str(r.get("name", r.get("id"))), summary or "ok")
    out.print(table)
    if failed:
        raise typer.Exit(1)


if __name__ == "__main__":  # pragma: no cover
    app()
