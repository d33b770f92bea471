"""Use cases on templates: list, read, edit, reset, preview."""
from __future__ import annotations

import json
from dataclasses import dataclass

from antena_common.errors import InvalidArgument, NotFound

from ..domain import defaults, model
from ..domain.rendering import Renderer, RenderError, check_syntax


@dataclass(frozen=True)
class TemplateView:
    key: str
    channel: str
    language: str
    subject: str
    body: str
    customized: bool
    updated_at: str
    event_type: str
    audience: str
    variables: list[str]


def _spec(key: str) -> defaults.TemplateSpec:
    spec = defaults.BY_KEY.get(key)
    if spec is None:
        raise NotFound(f"no template key {key!r}; known: {', '.join(defaults.BY_KEY)}")
    return spec


def _check_ref(key: str, channel: str, language: str) -> defaults.TemplateSpec:
    model.check_channel(channel)
    model.check_language(language)
    return _spec(key)


def _view(spec: defaults.TemplateSpec, channel: str, language: str, stored: model.Template | None) -> TemplateView | None:
    if stored is not None:
        subject, body, customized, updated = stored.subject, stored.body, True, stored.updated_at.isoformat()
    else:
        text = spec.texts.get((channel, language))
        if text is None:
            return None
        (subject, body), customized, updated = text, False, ""
    return TemplateView(spec.key, channel, language, subject, body, customized, updated, spec.event_type,
                        spec.audience, [*spec.variables, *defaults.COMMON_VARIABLES])


def effective(uow, key: str, channel: str, language: str) -> TemplateView | None:
    """The template in force (stored override, else the default); uow must be open."""
    spec = defaults.BY_KEY.get(key)
    if spec is None:
        return None
    return _view(spec, channel, language, uow.templates.find(key, channel, language))


def list_templates(uow, *, key: str = "", channel: str = "", language: str = "") -> list[TemplateView]:
    with uow:
        stored = {(t.key, t.channel, t.language): t for t in uow.templates.all()}
    out = []
    for spec in defaults.SPECS:
        if key and spec.key != key:
            continue
        for ch in model.CHANNELS:
            if channel and ch != channel:
                continue
            for lang in model.LANGUAGES:
                if language and lang != language:
                    continue
                view = _view(spec, ch, lang, stored.get((spec.key, ch, lang)))
                if view:
                    out.append(view)
    return out


def get_template(uow, key: str, channel: str, language: str) -> TemplateView:
    _check_ref(key, channel, language)
    with uow:
        view = effective(uow, key, channel, language)
    if view is None:
        raise NotFound(f"no {channel} template for {key} in {language} (PUT one to create it)")
    return view


def put_template(uow, key: str, channel: str, language: str, subject: str, body: str) -> TemplateView:
    spec = _check_ref(key, channel, language)
    subject, body = (subject or "").strip(), (body or "").strip()
    if not body:
        raise InvalidArgument("body: is required", field_errors={"body": "is required"})
    if channel == "email" and not subject:
        raise InvalidArgument("subject: is required for e-mail", field_errors={"subject": "is required for e-mail"})
    check_syntax(subject, "subject")
    check_syntax(body, "body")
    _try_render(spec, language, subject, body)
    with uow:
        stored = uow.templates.find(key, channel, language)
        if stored is None:
            uow.templates.add(model.Template(key=key, channel=channel, language=language, subject=subject, body=body))
        else:
            stored.subject, stored.body, stored.updated_at = subject, body, model.now()
        uow.commit()
    return get_template(uow, key, channel, language)


def reset_template(uow, key: str, channel: str, language: str) -> TemplateView:
    _check_ref(key, channel, language)
    with uow:
        uow.templates.remove(key, channel, language)
        uow.commit()
    return get_template(uow, key, channel, language)


def sample_context(spec: defaults.TemplateSpec, isp_name: str, portal_url: str) -> dict:
    sample = dict(spec.sample)
    sample.setdefault("name", sample.get("customer_name") or sample.get("lead_name") or "Ana Gómez")
    sample.setdefault("isp_name", isp_name)
    sample.setdefault("portal_url", portal_url)
    return sample


def _try_render(spec, language: str, subject: str, body: str) -> None:
    renderer = Renderer(language)
    ctx = sample_context(spec, "ISP", "http://portal")
    for field_name, source in (("subject", subject), ("body", body)):
        try:
            renderer.render(source, ctx)
        except RenderError as exc:
            raise InvalidArgument(f"{field_name}: {exc}", field_errors={field_name: str(exc)}) from None


def preview(uow, key: str, channel: str, language: str, *, draft: tuple[str, str] | None = None,
            data_json: str = "", isp_name: str = "Antena", portal_url: str = "", timezone: str = "UTC") -> tuple[str, str]:
    spec = _check_ref(key, channel, language)
    if draft is not None:
        subject, body = draft
        check_syntax(subject, "subject")
        check_syntax(body, "body")
    else:
        view = get_template(uow, key, channel, language)
        subject, body = view.subject, view.body
    ctx = sample_context(spec, isp_name, portal_url)
    if data_json:
        try:
            data = json.loads(data_json)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise InvalidArgument("data: a JSON object", field_errors={"data": "must be a JSON object"})
        ctx.update(data)
    renderer = Renderer(language, timezone)
    try:
        return renderer.render(subject, ctx), renderer.render(body, ctx)
    except RenderError as exc:
        raise InvalidArgument(f"body: {exc}", field_errors={"body": str(exc)}) from None
