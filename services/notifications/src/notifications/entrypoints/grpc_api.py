"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from antena.notifications.v1 import notifications_pb2 as pb, notifications_pb2_grpc as pb_grpc

from ..app import admin, notify, templates as template_cases
from ..domain import model


def _iso(value) -> str:
    return value.isoformat() if value else ""


def template_to_pb(v: template_cases.TemplateView) -> pb.Template:
    return pb.Template(key=v.key, channel=v.channel, language=v.language, subject=v.subject, body=v.body,
                       customized=v.customized, updated_at=v.updated_at, event_type=v.event_type,
                       audience=v.audience, variables=v.variables)


def notification_to_pb(n: model.Notification) -> pb.Notification:
    return pb.Notification(
        id=n.id, event_id=n.event_id, event_type=n.event_type, template=n.template_key, channel=n.channel,
        language=n.language, recipient=n.recipient, customer_id=n.customer_id, status=n.status, attempts=n.attempts,
        reason=n.reason, subject=n.subject, body=n.body, created_at=_iso(n.created_at), sent_at=_iso(n.sent_at),
        next_attempt_at=_iso(n.next_attempt_at) if n.status == model.PENDING else "",
        attachments=[a.get("filename", "") for a in n.attachments])


def prefs_to_pb(p: model.Preferences) -> pb.Preferences:
    return pb.Preferences(customer_id=p.customer_id, language=p.language, email=p.email, sms=p.sms,
                          whatsapp=p.whatsapp, opted_out=p.opted_out, updated_at=_iso(p.updated_at))


def channel_to_pb(c: model.ChannelConfig) -> pb.ChannelSettings:
    return pb.ChannelSettings(channel=c.channel, enabled=c.enabled, url=c.url, method=c.method,
                              headers={k: str(v) for k, v in (c.headers or {}).items()},
                              body_template=c.body_template, content_type=c.content_type,
                              updated_at=_iso(c.updated_at))


class NotificationsServicer(pb_grpc.NotificationsServiceServicer):
    def __init__(self, uow_factory, settings, channel_configs):
        self.uow = uow_factory
        self.settings = settings
        self.channel_configs = channel_configs  # () -> list[ChannelConfig] in force

    def ListTemplates(self, request, context):
        items = template_cases.list_templates(self.uow(), key=request.key, channel=request.channel,
                                              language=request.language)
        return pb.ListTemplatesResponse(items=[template_to_pb(v) for v in items])

    def GetTemplate(self, request, context):
        return template_to_pb(template_cases.get_template(self.uow(), request.key, request.channel, request.language))

    def PutTemplate(self, request, context):
        r = request.ref
        return template_to_pb(template_cases.put_template(self.uow(), r.key, r.channel, r.language, request.subject,
                                                          request.body))

    def ResetTemplate(self, request, context):
        return template_to_pb(template_cases.reset_template(self.uow(), request.key, request.channel,
                                                            request.language))

    def PreviewTemplate(self, request, context):
        r = request.ref
        subject, body = template_cases.preview(
            self.uow(), r.key, r.channel, r.language,
            draft=(request.subject, request.body) if request.use_draft else None, data_json=request.data_json,
            isp_name=self.settings.isp_name, portal_url=self.settings.portal_url, timezone=self.settings.timezone)
        return pb.PreviewTemplateResponse(subject=subject, body=body)

    def ListNotifications(self, request, context):
        items, next_cursor = admin.list_notifications(
            self.uow(), limit=request.page.limit, cursor=request.page.cursor, status=request.status,
            channel=request.channel, recipient=request.recipient, customer_id=request.customer_id,
            event_type=request.event_type, event_id=request.event_id)
        return pb.ListNotificationsResponse(items=[notification_to_pb(n) for n in items], next_cursor=next_cursor)

    def GetNotification(self, request, context):
        return notification_to_pb(admin.get_notification(self.uow(), request.id))

    def SendNotification(self, request, context):
        n = notify.send_by_hand(self.uow(), template=request.template, channel=request.channel,
                                language=request.language or self.settings.default_language,
                                recipient=request.recipient, name=request.name, customer_id=request.customer_id,
                                data_json=request.data_json, request_id=request.request_id,
                                isp_name=self.settings.isp_name, portal_url=self.settings.portal_url)
        return notification_to_pb(n)

    def GetPreferences(self, request, context):
        return prefs_to_pb(admin.get_preferences(self.uow(), request.customer_id, self.settings.default_language))

    def PutPreferences(self, request, context):
        return prefs_to_pb(admin.put_preferences(
            self.uow(), customer_id=request.customer_id, language=request.language, email=request.email,
            sms=request.sms, whatsapp=request.whatsapp, opted_out=request.opted_out))

    def ListChannels(self, request, context):
        return pb.ListChannelsResponse(items=[channel_to_pb(c) for c in self.channel_configs()])

    def PutChannel(self, request, context):
        cfg = model.ChannelConfig(channel=request.channel, enabled=request.enabled, url=request.url.strip(),
                                  method=(request.method or "POST").upper(), headers=dict(request.headers),
                                  body_template=request.body_template or '{"to": {{ to|tojson }}, "text": {{ text|tojson }}}',
                                  content_type=request.content_type or "application/json")
        return channel_to_pb(admin.put_channel(self.uow(), cfg))


def register(uow_factory, settings, channel_configs):
    return (pb_grpc.add_NotificationsServiceServicer_to_server,
            NotificationsServicer(uow_factory, settings, channel_configs),
            pb.DESCRIPTOR.services_by_name["NotificationsService"].full_name)
