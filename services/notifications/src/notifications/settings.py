from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "notifications"
    model_config = service_config("notifications")

    isp_name: str = "Antena"
    isp_email: str = ""                 # where installation requests are announced to the ISP
    portal_url: str = "http://127.0.0.1:8080"
    default_language: str = "es"
    timezone: str = "America/Argentina/Cordoba"  # how dates and times read in messages

    # e-mail over SMTP
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_security: str = "none"         # none | starttls | ssl
    smtp_timeout: float = 15
    mail_from: str = "no-reply@antena.local"
    mail_from_name: str = ""            # default: isp_name

    # sms / whatsapp through a generic HTTP webhook; the database settings
    # (PUT /v1/notification-channels/{channel}) take precedence over these.
    sms_webhook_url: str = ""
    sms_webhook_method: str = "POST"
    sms_webhook_headers: str = "{}"     # JSON object; values are templates
    sms_webhook_body: str = '{"to": {{ to|tojson }}, "text": {{ text|tojson }}}'
    whatsapp_webhook_url: str = ""
    whatsapp_webhook_method: str = "POST"
    whatsapp_webhook_headers: str = "{}"
    whatsapp_webhook_body: str = '{"to": {{ to|tojson }}, "text": {{ text|tojson }}}'
    webhook_timeout: float = 10

    # delivery
    dispatch_interval_seconds: float = 0.5
    max_attempts: int = 5
    retry_base_seconds: float = 30
    lease_seconds: float = 120
    invitation_wait_seconds: float = 120  # how long a welcome waits for the portal's invitation link
