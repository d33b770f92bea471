"""Notifications routes (notifications service): templates with preview,
channel settings, per-customer preferences, the delivery log."""
from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from antena.notifications.v1 import notifications_pb2 as pb, notifications_pb2_grpc as pb_grpc

from ..deps import PageDep, page_body, require, stub, to_dict

router = APIRouter(prefix="/v1", tags=["notifications"])
READ_ROLES = ("sales", "operations", "finance")
EDIT_ROLES = ("admin",)

Channel = Literal["email", "sms", "whatsapp"]
Language = Literal["es", "en"]
KeyPath = Annotated[str, Path(max_length=120, description='event type, e.g. "billing.invoice_issued"')]


def notifications(request: Request) -> pb_grpc.NotificationsServiceStub:
    return stub(request, "notifications", pb_grpc.NotificationsServiceStub)


class TemplateIn(BaseModel):
    subject: str = Field("", max_length=500, description="e-mail only; Jinja2")
    body: str = Field(min_length=1, max_length=20000, description="Jinja2")


class PreviewIn(BaseModel):
    subject: str | None = Field(None, max_length=500, description="a draft to render instead of the stored template")
    body: str | None = Field(None, max_length=20000)
    data: dict = Field(default_factory=dict, description="variables; missing ones come from sample data")


class PreferencesIn(BaseModel):
    language: Language = "es"
    email: bool = True
    sms: bool = True
    whatsapp: bool = True
    opted_out: bool = False


class ChannelIn(BaseModel):
    enabled: bool = True
    url: str = Field("", max_length=2000)
    method: Literal["POST", "PUT"] = "POST"
    headers: dict[str, str] = Field(default_factory=dict, description="values are Jinja2 templates")
    body_template: str = Field("", max_length=10000, description="Jinja2 with to, text, channel, notification_id, name")
    content_type: str = Field("application/json", max_length=100)


@router.get("/notification-templates", dependencies=[require(*READ_ROLES)])
def list_templates(request: Request, key: Annotated[str, Query(max_length=120)] = "",
                   channel: Channel | None = None, language: Language | None = None) -> dict:
    resp = notifications(request).ListTemplates(pb.ListTemplatesRequest(key=key, channel=channel or "",
                                                                        language=language or ""))
    return {"items": [to_dict(t) for t in resp.items], "next_cursor": None}


@router.get("/notification-templates/{key}/{channel}/{language}", dependencies=[require(*READ_ROLES)])
def get_template(key: KeyPath, channel: Channel, language: Language, request: Request) -> dict:
    return to_dict(notifications(request).GetTemplate(pb.TemplateRef(key=key, channel=channel, language=language)))


@router.put("/notification-templates/{key}/{channel}/{language}", dependencies=[require(*EDIT_ROLES)])
def put_template(key: KeyPath, channel: Channel, language: Language, body: TemplateIn, request: Request) -> dict:
    ref = pb.TemplateRef(key=key, channel=channel, language=language)
    return to_dict(notifications(request).PutTemplate(pb.PutTemplateRequest(ref=ref, subject=body.subject,
                                                                            body=body.body)))


@router.delete("/notification-templates/{key}/{channel}/{language}", dependencies=[require(*EDIT_ROLES)])
def reset_template(key: KeyPath, channel: Channel, language: Language, request: Request) -> dict:
    """Back to the shipped default."""
    return to_dict(notifications(request).ResetTemplate(pb.TemplateRef(key=key, channel=channel, language=language)))


@router.post("/notification-templates/{key}/{channel}/{language}/preview", dependencies=[require(*READ_ROLES)])
def preview_template(key: KeyPath, channel: Channel, language: Language, body: PreviewIn, request: Request) -> dict:
    draft = body.body is not None
    req = pb.PreviewTemplateRequest(ref=pb.TemplateRef(key=key, channel=channel, language=language), use_draft=draft,
                                    subject=body.subject or "", body=body.body or "",
                                    data_json=json.dumps(body.data) if body.data else "")
    return to_dict(notifications(request).PreviewTemplate(req))


@router.get("/notifications", dependencies=[require(*READ_ROLES)])
def list_notifications(request: Request, pg: PageDep,
                       status: Literal["pending", "sent", "failed", "skipped"] | None = None,
                       channel: Channel | None = None,
                       recipient: Annotated[str, Query(max_length=254)] = "",
                       customer_id: Annotated[str, Query(max_length=64)] = "",
                       event_type: Annotated[str, Query(max_length=120)] = "",
                       event_id: Annotated[str, Query(max_length=64)] = "") -> dict:
    """The delivery log: what was sent, failed (with the reason) or skipped, newest first."""
    resp = notifications(request).ListNotifications(pb.ListNotificationsRequest(
        page={"limit": pg.limit, "cursor": pg.cursor}, status=status or "", channel=channel or "",
        recipient=recipient.strip().lower() if "@" in recipient else recipient.strip(), customer_id=customer_id,
        event_type=event_type, event_id=event_id))
    return page_body([to_dict(n) for n in resp.items], resp.next_cursor)


class SendIn(BaseModel):
    template: str = Field(min_length=1, max_length=120, description='a template key, e.g. "billing.invoice_issued"')
    channel: Channel = "email"
    language: Language = "es"
    recipient: str = Field(min_length=3, max_length=254, description="e-mail address or phone")
    name: str = Field("", max_length=200)
    customer_id: str = Field("", max_length=64, description="optional: the customer's preferences apply")
    data: dict = Field(default_factory=dict, description="variables; missing ones come from sample data")


@router.post("/notifications", status_code=202, dependencies=[require(*EDIT_ROLES)])
def send_notification(body: SendIn, request: Request) -> dict:
    """Queue one message by hand (try a template or a channel); it then shows in the delivery log.
    An Idempotency-Key header queues it once."""
    resp = notifications(request).SendNotification(pb.SendNotificationRequest(
        template=body.template, channel=body.channel, language=body.language, recipient=body.recipient,
        name=body.name, customer_id=body.customer_id, data_json=json.dumps(body.data) if body.data else "",
        request_id=request.headers.get("Idempotency-Key", "")))
    return to_dict(resp)


@router.get("/notifications/{notification_id}", dependencies=[require(*READ_ROLES)])
def get_notification(notification_id: Annotated[str, Path(max_length=64)], request: Request) -> dict:
    return to_dict(notifications(request).GetNotification(pb.GetNotificationRequest(id=notification_id)))


@router.get("/notification-preferences/{customer_id}", dependencies=[require(*READ_ROLES)])
def get_preferences(customer_id: Annotated[str, Path(max_length=64)], request: Request) -> dict:
    return to_dict(notifications(request).GetPreferences(pb.GetPreferencesRequest(customer_id=customer_id)))


@router.put("/notification-preferences/{customer_id}", dependencies=[require("sales", "finance")])
def put_preferences(customer_id: Annotated[str, Path(max_length=64)], body: PreferencesIn, request: Request) -> dict:
    return to_dict(notifications(request).PutPreferences(pb.Preferences(customer_id=customer_id,
                                                                        **body.model_dump())))


@router.get("/notification-channels", dependencies=[require(*EDIT_ROLES)])
def list_channels(request: Request) -> dict:
    resp = notifications(request).ListChannels(pb.ListChannelsRequest())
    return {"items": [to_dict(c) for c in resp.items], "next_cursor": None}


@router.put("/notification-channels/{channel}", dependencies=[require(*EDIT_ROLES)])
def put_channel(channel: Literal["sms", "whatsapp"], body: ChannelIn, request: Request) -> dict:
    return to_dict(notifications(request).PutChannel(pb.ChannelSettings(channel=channel, **body.model_dump())))
