"""The customer portal's public endpoints (embedded, real HTTP): security headers on
every answer, rate limits on login failures, on the installation request and on
guessing secret links (signing, invitation, password reset)."""
import re

import httpx
import pytest

from antena_common.testing import EmbeddedSystem, system_env

pytestmark = pytest.mark.e2e

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.4\n%%EOF\n"
HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer",
           "cache-control": "no-store"}


@pytest.fixture
def portal(tmp_path, memory_bus_url):
    env = {**system_env(tmp_path / "data"), "ANTENA_PORTAL_ISP_SLUG": "fibrasur",
           "ANTENA_PORTAL_LOGIN_FAILURES_PER_15_MIN": "3", "ANTENA_PORTAL_REQUESTS_PER_IP_PER_HOUR": "2",
           "ANTENA_PORTAL_LINK_MISSES_PER_15_MIN": "4"}
    system = EmbeddedSystem(env, only=["sales", "billing", "notifications", "portal", "gateway"])
    try:
        with httpx.Client(base_url=system.portal_url, timeout=30) as web:
            yield web
    finally:
        system.stop()


def _secure(resp: httpx.Response) -> None:
    for name, value in HEADERS.items():
        assert resp.headers.get(name) == value, (resp.request.url, name, resp.headers.get(name))
    csp = resp.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp


def _csrf(page: httpx.Response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_login_failures_are_limited_per_ip(portal):
    page = portal.get("/ingresar")
    _secure(page)
    form = {"csrf_token": _csrf(page), "email": "nadie@example.com", "password": "mala", "next": ""}
    answers = [portal.post("/ingresar", data=form) for _ in range(4)]
    assert [a.status_code for a in answers] == [401, 401, 401, 429]
    assert "Demasiados intentos" in answers[-1].text
    for a in answers:
        _secure(a)


def test_installation_requests_are_limited_per_ip(portal):
    page = portal.get("/i/fibrasur/solicitar-instalacion")
    _secure(page)
    fields = {"csrf_token": _csrf(page), "first_name": "Marta", "last_name": "Sosa", "document": "27444555",
              "email": "marta@example.com", "phone": "+54 351 444-5555", "street": "Colón", "number": "800",
              "city": "Córdoba", "lat": "-31.41", "lon": "-64.19"}
    docs = {"id_front": ("f.png", PNG, "image/png"), "id_back": ("b.png", PNG, "image/png"),
            "proof_of_address": ("p.pdf", PDF, "application/pdf")}
    answers = [portal.post("/i/fibrasur/solicitar-instalacion", data={**fields, "request_id": f"r{i}"}, files=docs)
               for i in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429], answers[-1].text
    for a in answers:
        _secure(a)


def test_guessing_secret_links_is_limited_per_ip(portal):
    misses = [portal.get("/firmar/contrato/no-such-token"), portal.get("/firmar/hoja-instalacion/adivina"),
              portal.get("/invitacion/otro-intento"), portal.get("/recuperar/tampoco")]
    assert [m.status_code for m in misses] == [404, 404, 410, 410]
    # the fifth guess, whatever link kind, is refused before any lookup
    for path in ("/firmar/contrato/no-such-token", "/invitacion/x", "/recuperar/y"):
        limited = portal.get(path)
        assert limited.status_code == 429, path
        assert "Demasiadas solicitudes" in limited.text
        _secure(limited)
    assert portal.post("/firmar/contrato/no-such-token", data={}).status_code == 429
    # pages that are no links are not affected
    assert portal.get("/ingresar").status_code == 200
    assert portal.get("/recuperar").status_code == 200
    for m in misses:
        _secure(m)
