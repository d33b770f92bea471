"""Domain rules of notifications: default templates, rendering, backoff, preferences (no I/O)."""
import pytest

from antena_common.errors import InvalidArgument
from notifications.app import notify
from notifications.app.templates import sample_context
from notifications.domain import defaults, model
from notifications.domain.rendering import Renderer, RenderError, check_syntax

REQUIRED = ["sales.ticket_created", "orders.order_scheduled", "billing.contract_activated", "billing.invoice_issued",
            "billing.invoice_overdue", "billing.contract_suspension_due", "billing.contract_reactivation_due",
            "billing.payment_received", "portal.installation_requested", "portal.installation_requested.isp"]


@pytest.mark.parametrize("key", REQUIRED)
def test_every_required_event_has_spanish_and_english_email(key):
    spec = defaults.BY_KEY[key]
    for lang in ("es", "en"):
        subject, body = spec.texts[("email", lang)]
        assert subject and body


@pytest.mark.parametrize("spec", defaults.SPECS, ids=lambda s: s.key)
def test_every_default_renders_with_its_sample(spec):
    for (channel, lang), (subject, body) in spec.texts.items():
        r = Renderer(lang, "America/Argentina/Cordoba")
        ctx = sample_context(spec, "FibraSur", "http://portal.example")
        text = r.render(body, ctx)
        assert "{{" not in text and "{%" not in text
        if channel == "email":
            assert r.render(subject, ctx)


def test_order_scheduled_reads_date_and_window_in_spanish_local_time():
    spec = defaults.BY_KEY["orders.order_scheduled"]
    subject, body = spec.texts[("email", "es")]
    ctx = sample_context(spec, "FibraSur", "")
    ctx.update(scheduled_start="2026-12-01T12:00:00+00:00", scheduled_end="2026-12-01T15:00:00+00:00")
    text = Renderer("es", "America/Argentina/Cordoba").render(body, ctx)
    assert "1 de diciembre de 2026" in text
    assert "09:00" in text and "12:00" in text
    english = Renderer("en", "America/Argentina/Cordoba").render(spec.texts[("email", "en")][1], ctx)
    assert "December 1, 2026" in english


def test_money_is_formatted_per_language():
    assert Renderer("es").money("12500.5", "ARS") in ("12.500,50\xa0ARS", "12.500,50\xa0$", "12.500,50 ARS")
    assert Renderer("en").money("12500.5", "USD") == "$12,500.50"


def test_sandbox_refuses_unsafe_templates():
    with pytest.raises(RenderError):
        Renderer("es").render("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})


def test_syntax_errors_name_the_field():
    with pytest.raises(InvalidArgument) as err:
        check_syntax("Hola {{ name ", "body")
    assert "body" in err.value.field_errors


def test_backoff_doubles_and_gives_up():
    assert [model.backoff_seconds(a, 2) for a in (1, 2, 3, 4)] == [2, 4, 8, 16]
    n = model.Notification(event_id="e", event_type="t", template_key="t", channel="email", recipient="a@b.co")
    n.attempts = 1
    assert not n.mark_failed_attempt("timeout", permanent=False, max_attempts=3, base_seconds=1)
    assert n.status == model.PENDING and n.next_attempt_at > model.now()
    n.attempts = 3
    assert n.mark_failed_attempt("timeout", permanent=False, max_attempts=3, base_seconds=1)
    assert n.status == model.FAILED and n.reason == "timeout"


def test_permanent_error_fails_at_once():
    n = model.Notification(event_id="e", event_type="t", template_key="t", channel="sms", recipient="+54")
    n.attempts = 1
    assert n.mark_failed_attempt("HTTP 400", permanent=True, max_attempts=5, base_seconds=1)


def test_preferences_opt_out_and_per_channel():
    p = model.Preferences(customer_id="c", sms=False)
    assert p.allows("email") and not p.allows("sms")
    p.opted_out = True
    assert not p.allows("email")
    with pytest.raises(InvalidArgument):
        model.Preferences.build(customer_id="c", language="fr", email=True, sms=True, whatsapp=True, opted_out=False)


def test_installation_request_goes_to_requester_and_isp():
    cfg = notify.Config(isp_email="ventas@isp.example")
    rs = notify.recipients_for("portal.installation_requested", {"name": "Ana", "email": "ana@x.co", "phone": "1"}, cfg)
    assert [(r.template_key, r.email) for r in rs] == [("portal.installation_requested", "ana@x.co"),
                                                       ("portal.installation_requested.isp", "ventas@isp.example")]
    assert len(notify.recipients_for("portal.installation_requested", {"email": "a@x.co"}, notify.Config())) == 1


def test_phone_normalization():
    assert model.normalize_phone("+54 9 (351) 123-4567") == "+5493511234567"
    assert model.normalize_phone("abc") == ""


def test_a_portal_ticket_is_confirmed_once_by_the_portal_event():
    assert notify.recipients_for("sales.ticket_created", {"lead_email": "a@x.co", "source": "portal"}, notify.Config()) == []
    assert len(notify.recipients_for("sales.ticket_created", {"lead_email": "a@x.co", "source": "web"}, notify.Config())) == 1
