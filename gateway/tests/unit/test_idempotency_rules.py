import datetime as dt

from gateway.domain.idempotency import Outcome, StoredRequest, decide, fingerprint, storable, valid_key

NOW = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
TTL = dt.timedelta(hours=24)
LOCK = dt.timedelta(minutes=5)


def stored(**kw):
    base = dict(user_id="u", key="k", method="POST", path="/v1/leads", request_hash="h",
                created_at=NOW - dt.timedelta(minutes=1), attempt="a", status_code=201, headers=[], body=b"{}")
    base.update(kw)
    return StoredRequest(**base)


def run(s):
    return decide(s, method="POST", path="/v1/leads", request_hash="h", now=NOW, ttl=TTL, lock=LOCK)


def test_json_bodies_compare_by_value():
    a = fingerprint("POST", "/v1/leads", "", "application/json", b'{"a": 1, "b": [1, 2]}')
    b = fingerprint("POST", "/v1/leads", "", "application/json; charset=utf-8", b'{"b":[1,2],"a":1}')
    c = fingerprint("POST", "/v1/leads", "", "application/json", b'{"a": 2, "b": [1, 2]}')
    assert a == b != c


def test_path_query_and_method_are_part_of_the_request():
    base = fingerprint("POST", "/v1/leads", "", "application/json", b"{}")
    assert base != fingerprint("POST", "/v1/plans", "", "application/json", b"{}")
    assert base != fingerprint("POST", "/v1/leads", "x=1", "application/json", b"{}")
    assert base != fingerprint("PUT", "/v1/leads", "", "application/json", b"{}")


def test_multipart_ignores_the_random_boundary_but_not_the_content():
    def body(boundary, content):
        return (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                f"{content}\r\n--{boundary}--\r\n").encode()

    one = fingerprint("POST", "/p", "", "multipart/form-data; boundary=aaa111", body("aaa111", "hola"))
    two = fingerprint("POST", "/p", "", 'multipart/form-data; boundary="bbb222"', body("bbb222", "hola"))
    other = fingerprint("POST", "/p", "", "multipart/form-data; boundary=ccc333", body("ccc333", "chau"))
    assert one == two != other


def test_invalid_json_still_fingerprints_by_bytes():
    assert fingerprint("POST", "/p", "", "application/json", b"{bad") != fingerprint(
        "POST", "/p", "", "application/json", b"{bad ")


def test_what_is_stored():
    assert storable(200) and storable(201) and storable(204)
    assert storable(404) and storable(409) and storable(422)
    assert not storable(401) and not storable(429)
    assert not storable(500) and not storable(502) and not storable(503)


def test_keys():
    assert valid_key("a") and valid_key("3f1c-uuid_like.key~!") and valid_key("x" * 200)
    assert not valid_key("") and not valid_key("x" * 201) and not valid_key("with space")
    assert not valid_key("ñandú") and not valid_key("tab\tkey")


def test_decisions():
    assert run(None) is Outcome.EXECUTE
    assert run(stored()) is Outcome.REPLAY
    assert run(stored(request_hash="other")) is Outcome.MISMATCH
    assert run(stored(path="/v1/plans")) is Outcome.MISMATCH
    assert run(stored(status_code=None)) is Outcome.IN_FLIGHT
    # an attempt that never finished stops holding the key after the lock time
    assert run(stored(status_code=None, created_at=NOW - LOCK)) is Outcome.EXECUTE
    # after 24 h the key is forgotten, even for another body
    assert run(stored(created_at=NOW - TTL)) is Outcome.EXECUTE
    assert run(stored(created_at=NOW - TTL, request_hash="other")) is Outcome.EXECUTE
    assert run(stored(created_at=NOW - TTL + dt.timedelta(seconds=1))) is Outcome.REPLAY
