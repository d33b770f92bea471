"""Idempotency-Key through the HTTP app on its real database (SQLite and PostgreSQL)."""
import datetime as dt
import threading
import time

import pytest
from fastapi import Depends, File, HTTPException, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from antena_common.logs import correlation_id
from gateway.app import idempotency as idem
from gateway.entrypoints.deps import current_user

pytestmark = pytest.mark.integration


class Thing(BaseModel):
    name: str
    qty: int = 1


def add_test_routes(app):
    """Routes that count how many times they really ran."""
    runs = {"count": 0, "slow": 0, "upload": 0, "stream": 0, "fail": 0, "reject": 0}

    @app.post("/v1/_t/count", status_code=201, dependencies=[Depends(current_user)])
    def count(body: Thing):
        runs["count"] += 1
        return {"run": runs["count"], "name": body.name, "at": time.time()}

    @app.post("/v1/_t/slow", status_code=201, dependencies=[Depends(current_user)])
    def slow(body: Thing):
        runs["slow"] += 1
        time.sleep(1.0)
        return {"run": runs["slow"]}

    @app.post("/v1/_t/upload", status_code=201, dependencies=[Depends(current_user)])
    async def upload(file: UploadFile = File(...)):
        runs["upload"] += 1
        data = await file.read()
        return {"run": runs["upload"], "size": len(data), "filename": file.filename}

    @app.post("/v1/_t/stream", dependencies=[Depends(current_user)])
    def stream():
        runs["stream"] += 1

        def chunks():
            for _ in range(4):
                yield b"x" * 512 * 1024

        return StreamingResponse(chunks(), media_type="application/pdf")

    @app.post("/v1/_t/fail", dependencies=[Depends(current_user)])
    def fail():
        runs["fail"] += 1
        raise RuntimeError("boom")

    @app.post("/v1/_t/reject", dependencies=[Depends(current_user)])
    def reject():
        runs["reject"] += 1
        raise HTTPException(409, f"refused {runs['reject']}")

    @app.post("/v1/_t/cid", dependencies=[Depends(current_user)])
    def cid():
        return {"correlation_id": correlation_id.get()}

    return runs


@pytest.fixture(params=["sqlite", "postgresql"])
def gw(request):
    gw = request.getfixturevalue("api" if request.param == "sqlite" else "pg_api")
    gw.runs = add_test_routes(gw.app)
    gw.h = gw.auth()
    return gw


def post(gw, path, key, headers=None, **kw):
    return gw.client.post(path, headers={**gw.h, "Idempotency-Key": key, **(headers or {})}, **kw)


def test_repeated_key_replays_the_first_answer_byte_for_byte(gw):
    first = post(gw, "/v1/_t/count", "k-1", json={"name": "a", "qty": 2})
    assert first.status_code == 201 and "idempotent-replayed" not in first.headers
    again = post(gw, "/v1/_t/count", "k-1", json={"qty": 2, "name": "a"})  # same JSON, other key order
    assert again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["content-type"] == first.headers["content-type"]
    assert gw.runs["count"] == 1
    # without a key, or with another key, it runs again
    assert gw.client.post("/v1/_t/count", headers=gw.h, json={"name": "a"}).json()["run"] == 2
    assert post(gw, "/v1/_t/count", "k-2", json={"name": "a", "qty": 2}).json()["run"] == 3


def test_same_key_for_another_request_is_refused(gw):
    assert post(gw, "/v1/_t/count", "k-1", json={"name": "a"}).status_code == 201
    other_body = post(gw, "/v1/_t/count", "k-1", json={"name": "b"})
    assert other_body.status_code == 422
    assert other_body.headers["content-type"] == "application/problem+json"
    assert "Idempotency-Key" in other_body.json()["errors"]
    other_path = post(gw, "/v1/_t/slow", "k-1", json={"name": "a"})
    assert other_path.status_code == 422
    assert gw.runs == {**gw.runs, "count": 1, "slow": 0}


def test_keys_are_per_user(gw):
    gw.make_user("otra", ["sales"])
    other = {"Authorization": f"Bearer {gw.token('otra', 'a-good-password')}", "Idempotency-Key": "shared"}
    assert post(gw, "/v1/_t/count", "shared", json={"name": "a"}).json()["run"] == 1
    assert gw.client.post("/v1/_t/count", headers=other, json={"name": "a"}).json()["run"] == 2


def test_invalid_keys(gw):
    for key in ("", "x" * 201, "con espacio"):
        r = post(gw, "/v1/_t/count", key, json={"name": "a"})
        assert r.status_code == 422 and "Idempotency-Key" in r.json()["errors"], key
    assert gw.runs["count"] == 0


def test_client_errors_are_stored_server_errors_are_not(gw):
    bad = post(gw, "/v1/_t/count", "bad-1", json={"qty": "many"})
    assert bad.status_code == 422
    assert post(gw, "/v1/_t/count", "bad-1", json={"qty": "many"}).headers.get("idempotent-replayed") == "true"
    first = post(gw, "/v1/_t/reject", "rej", content=b"")
    again = post(gw, "/v1/_t/reject", "rej", content=b"")
    assert first.status_code == again.status_code == 409
    assert again.content == first.content and gw.runs["reject"] == 1
    for _ in range(2):
        r = post(gw, "/v1/_t/fail", "fail-1", content=b"")
        assert r.status_code == 500 and "idempotent-replayed" not in r.headers
        assert r.headers["content-type"] == "application/problem+json"
        assert "boom" not in r.text and "Traceback" not in r.text
    assert gw.runs["fail"] == 2  # a 5xx is never stored: the retry ran again
    # an upstream service that is down (503) is not stored either
    for _ in range(2):
        r = post(gw, "/v1/leads", "lead-1", json={"name": "Ana"})
        assert r.status_code == 503 and r.headers["retry-after"] and "idempotent-replayed" not in r.headers


def test_unauthenticated_requests_are_not_stored(gw):
    r = gw.client.post("/v1/_t/count", headers={"Idempotency-Key": "anon"}, json={"name": "a"})
    assert r.status_code == 401
    assert post(gw, "/v1/_t/count", "anon", json={"name": "a"}).status_code == 201


def test_multipart_uploads_replay_even_with_a_new_boundary(gw):
    files = {"file": ("foto.jpg", b"\xff\xd8" + b"j" * 5000, "image/jpeg")}
    first = post(gw, "/v1/_t/upload", "up-1", files=files)
    assert first.status_code == 201 and first.json()["size"] == 5002
    again = post(gw, "/v1/_t/upload", "up-1", files=files)  # httpx draws a new random boundary
    assert again.headers["idempotent-replayed"] == "true" and again.content == first.content
    other = post(gw, "/v1/_t/upload", "up-1", files={"file": ("foto.jpg", b"other", "image/jpeg")})
    assert other.status_code == 422
    assert gw.runs["upload"] == 1


def test_large_streamed_answers_pass_through_unstored(gw):
    r = post(gw, "/v1/_t/stream", "pdf-1", content=b"")
    assert r.status_code == 200 and len(r.content) == 2 * 1024 * 1024
    assert r.headers["content-type"] == "application/pdf"
    r2 = post(gw, "/v1/_t/stream", "pdf-1", content=b"")
    assert len(r2.content) == 2 * 1024 * 1024 and "idempotent-replayed" not in r2.headers
    assert gw.runs["stream"] == 2


def test_concurrent_duplicates_run_once(gw):
    results = []

    def call():
        results.append(post(gw, "/v1/_t/slow", "race", json={"name": "a"}))

    threads = [threading.Thread(target=call) for _ in range(2)]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join()
    statuses = sorted(r.status_code for r in results)
    assert gw.runs["slow"] == 1
    assert statuses in ([201, 409], [201, 201]), statuses
    conflict = [r for r in results if r.status_code == 409]
    if conflict:
        assert conflict[0].headers["retry-after"] == "1"
        assert conflict[0].headers["content-type"] == "application/problem+json"
    # once finished, the key replays
    assert post(gw, "/v1/_t/slow", "race", json={"name": "a"}).headers["idempotent-replayed"] == "true"


def test_keys_expire_after_24_hours(gw):
    first = post(gw, "/v1/_t/count", "old", json={"name": "a"})
    policy = idem.Policy()
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=25)
    assert idem.cleanup(gw.app.state.uow(), policy, now=later) >= 1
    again = post(gw, "/v1/_t/count", "old", json={"name": "a"})
    assert "idempotent-replayed" not in again.headers and again.json()["run"] == 2 != first.json()["run"]
    # a stale key that cleanup did not reach yet is reused too
    outcome, claim = idem.begin(gw.app.state.uow(), user_id="u", key="k", method="POST", path="/p",
                                request_hash="h", policy=policy)
    idem.finish(gw.app.state.uow(), claim, 201, [], b"{}")
    outcome2, _ = idem.begin(gw.app.state.uow(), user_id="u", key="k", method="POST", path="/p",
                             request_hash="other", policy=policy, now=later)
    assert outcome.value == "execute" and outcome2.value == "execute"


def test_request_id_is_bound_as_correlation_id(gw):
    r = post(gw, "/v1/_t/cid", "cid-1", headers={"X-Request-ID": "req-abc-123"}, content=b"")
    assert r.headers["x-request-id"] == "req-abc-123"
    assert r.json()["correlation_id"] == "req-abc-123"
    generated = gw.client.post("/v1/_t/cid", headers=gw.h)
    assert generated.json()["correlation_id"] == generated.headers["x-request-id"]
    weird = gw.client.post("/v1/_t/cid", headers={**gw.h, "X-Request-ID": "no spaces allowed <>"})
    assert weird.headers["x-request-id"] != "no spaces allowed <>"
