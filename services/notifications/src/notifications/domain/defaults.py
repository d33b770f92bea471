"""The templates Antena ships: one per event (and audience), channel and
language. Staff may override any of them; a reset brings the default back.

Every template sees the event's payload fields plus `name` (the recipient),
`isp_name`, `portal_url` and the filters date, datetime, time and money."""
from __future__ import annotations

from dataclasses import dataclass, field

COMMON_VARIABLES = ["name", "isp_name", "portal_url"]


@dataclass(frozen=True)
class TemplateSpec:
    key: str
    event_type: str
    audience: str  # customer | isp
    variables: list[str]
    sample: dict
    texts: dict = field(default_factory=dict)  # (channel, language) -> (subject, body)


_ADDRESS = {"street": "Av. San Martín", "number": "1234", "city": "Córdoba", "state": "Córdoba",
            "neighbourhood": "Centro", "postal_code": "5000"}

SPECS: list[TemplateSpec] = [
    TemplateSpec(
        "sales.ticket_created", "sales.ticket_created", "customer",
        ["ticket_id", "lead_id", "lead_name", "lead_email", "lead_phone", "create", "source"],
        {"ticket_id": "T-0001", "lead_name": "Ana Gómez", "lead_email": "ana@example.com", "lead_phone": "+5493511234567",
         "create": "installation", "source": "web"},
        {
            ("email", "es"): ("Recibimos tu solicitud — {{ isp_name }}",
                              "Hola {{ name }}:\n\nGracias por contactarte con {{ isp_name }}. Registramos tu solicitud "
                              "(número {{ ticket_id }}) y un asesor se comunicará contigo en breve.\n\n"
                              "Saludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("We received your request — {{ isp_name }}",
                              "Hello {{ name }},\n\nThank you for contacting {{ isp_name }}. We registered your request "
                              "(number {{ ticket_id }}) and an advisor will get in touch with you shortly.\n\n"
                              "Regards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: recibimos tu solicitud {{ ticket_id }}. Un asesor te contactará pronto."),
            ("sms", "en"): ("", "{{ isp_name }}: we received your request {{ ticket_id }}. An advisor will contact you soon."),
        },
    ),
    TemplateSpec(
        "orders.order_scheduled", "orders.order_scheduled", "customer",
        ["order_id", "kind", "scheduled_start", "scheduled_end", "technician_name", "customer_name", "address",
         "rescheduled"],
        {"order_id": "O-0001", "kind": "installation", "scheduled_start": "2026-12-01T09:00:00-03:00",
         "scheduled_end": "2026-12-01T12:00:00-03:00", "technician_name": "Luis Pérez", "customer_name": "Ana Gómez",
         "address": _ADDRESS, "rescheduled": False},
        {
            ("email", "es"): ("{% if rescheduled %}Reprogramamos{% else %}Agendamos{% endif %} tu visita técnica — {{ isp_name }}",
                              "Hola {{ name }}:\n\nTu visita técnica quedó agendada para el {{ scheduled_start|date }}, "
                              "entre las {{ scheduled_start|time }} y las {{ scheduled_end|time }}.\n"
                              "{% if address and address.street %}Dirección: {{ address.street }} {{ address.number }}, "
                              "{{ address.city }}.\n{% endif %}"
                              "{% if technician_name %}Te visitará {{ technician_name }}.\n{% endif %}"
                              "\nPor favor asegúrate de que haya una persona mayor de edad en el domicilio.\n\n"
                              "Saludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Your technical visit is {% if rescheduled %}rescheduled{% else %}scheduled{% endif %} — {{ isp_name }}",
                              "Hello {{ name }},\n\nYour technical visit is scheduled for {{ scheduled_start|date }}, "
                              "between {{ scheduled_start|time }} and {{ scheduled_end|time }}.\n"
                              "{% if address and address.street %}Address: {{ address.street }} {{ address.number }}, "
                              "{{ address.city }}.\n{% endif %}"
                              "{% if technician_name %}Your technician: {{ technician_name }}.\n{% endif %}"
                              "\nPlease make sure an adult is at home.\n\nRegards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: tu visita técnica es el {{ scheduled_start|date('short') }} entre "
                                "{{ scheduled_start|time }} y {{ scheduled_end|time }}."),
            ("sms", "en"): ("", "{{ isp_name }}: your technical visit is on {{ scheduled_start|date('short') }} between "
                                "{{ scheduled_start|time }} and {{ scheduled_end|time }}."),
            ("whatsapp", "es"): ("", "Hola {{ name }} 👋 Tu visita técnica de {{ isp_name }} quedó agendada para el "
                                     "{{ scheduled_start|date }} entre las {{ scheduled_start|time }} y las "
                                     "{{ scheduled_end|time }}."),
            ("whatsapp", "en"): ("", "Hello {{ name }} 👋 Your {{ isp_name }} technical visit is scheduled for "
                                     "{{ scheduled_start|date }} between {{ scheduled_start|time }} and "
                                     "{{ scheduled_end|time }}."),
        },
    ),
    TemplateSpec(
        "billing.contract_activated", "billing.contract_activated", "customer",
        ["contract_id", "customer_id", "customer_name", "activated_at", "invitation_url", "login_url"],
        {"contract_id": "C-0001", "customer_id": "CU-0001", "customer_name": "Ana Gómez",
         "activated_at": "2026-12-01T15:30:00+00:00", "invitation_url": "http://127.0.0.1:8080/invitacion/EXAMPLE",
         "login_url": "http://127.0.0.1:8080/ingresar"},
        {
            ("email", "es"): ("¡Bienvenido a {{ isp_name }}! Tu servicio está activo",
                              "Hola {{ name }}:\n\n¡Te damos la bienvenida! Tu servicio quedó activo el "
                              "{{ activated_at|date }} (contrato {{ contract_id }}).\n\n"
                              "{% if invitation_url %}Crea tu contraseña del portal de clientes para ver tus facturas, "
                              "pagos y pedir soporte:\n{{ invitation_url }}\n\nEl enlace vence en unos días."
                              "{% else %}Ingresa al portal de clientes para ver tus facturas, pagos y pedir soporte:\n"
                              "{{ login_url or portal_url }}{% endif %}\n\n"
                              "Saludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Welcome to {{ isp_name }}! Your service is active",
                              "Hello {{ name }},\n\nWelcome! Your service became active on {{ activated_at|date }} "
                              "(contract {{ contract_id }}).\n\n"
                              "{% if invitation_url %}Set your customer portal password to see your invoices, payments "
                              "and ask for support:\n{{ invitation_url }}\n\nThe link expires in a few days."
                              "{% else %}Log in to the customer portal to see your invoices, payments and ask for "
                              "support:\n{{ login_url or portal_url }}{% endif %}\n\n"
                              "Regards,\nThe {{ isp_name }} team"),
        },
    ),
    TemplateSpec(
        "billing.invoice_issued", "billing.invoice_issued", "customer",
        ["invoice_id", "number", "total", "currency", "issue_date", "due_date", "customer_name"],
        {"invoice_id": "I-0001", "number": "A-0001-00000042", "total": "12500.00", "currency": "ARS",
         "issue_date": "2026-12-01", "due_date": "2026-12-10", "customer_name": "Ana Gómez"},
        {
            ("email", "es"): ("Tu factura {{ number }} de {{ isp_name }}",
                              "Hola {{ name }}:\n\nEmitimos tu factura {{ number }} por {{ total|money(currency) }}, "
                              "con vencimiento el {{ due_date|date }}. La encontrarás adjunta en PDF y también en el "
                              "portal de clientes: {{ portal_url }}\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Your {{ isp_name }} invoice {{ number }}",
                              "Hello {{ name }},\n\nWe issued your invoice {{ number }} for {{ total|money(currency) }}, "
                              "due on {{ due_date|date }}. The PDF is attached and also available in the customer "
                              "portal: {{ portal_url }}\n\nRegards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: factura {{ number }} por {{ total|money(currency) }}, vence el "
                                "{{ due_date|date('short') }}."),
            ("sms", "en"): ("", "{{ isp_name }}: invoice {{ number }} for {{ total|money(currency) }}, due "
                                "{{ due_date|date('short') }}."),
            ("whatsapp", "es"): ("", "Hola {{ name }}, emitimos tu factura {{ number }} por {{ total|money(currency) }} "
                                     "con vencimiento el {{ due_date|date }}. Puedes verla en {{ portal_url }}"),
            ("whatsapp", "en"): ("", "Hello {{ name }}, we issued your invoice {{ number }} for "
                                     "{{ total|money(currency) }}, due on {{ due_date|date }}. See it at {{ portal_url }}"),
        },
    ),
    TemplateSpec(
        "billing.invoice_overdue", "billing.invoice_overdue", "customer",
        ["invoice_id", "number", "balance", "currency", "due_date", "customer_name"],
        {"invoice_id": "I-0001", "number": "A-0001-00000042", "balance": "12500.00", "currency": "ARS",
         "due_date": "2026-12-10", "customer_name": "Ana Gómez"},
        {
            ("email", "es"): ("Factura {{ number }} vencida — {{ isp_name }}",
                              "Hola {{ name }}:\n\nTu factura {{ number }} venció el {{ due_date|date }} y tiene un saldo "
                              "pendiente de {{ balance|money(currency) }}. Para evitar la suspensión del servicio, "
                              "regulariza el pago lo antes posible. Si ya pagaste, ignora este mensaje.\n\n"
                              "Saludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Invoice {{ number }} is overdue — {{ isp_name }}",
                              "Hello {{ name }},\n\nYour invoice {{ number }} was due on {{ due_date|date }} and has an "
                              "outstanding balance of {{ balance|money(currency) }}. Please pay it soon to avoid a "
                              "service suspension. If you already paid, ignore this message.\n\n"
                              "Regards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: tu factura {{ number }} está vencida. Saldo "
                                "{{ balance|money(currency) }}."),
            ("sms", "en"): ("", "{{ isp_name }}: your invoice {{ number }} is overdue. Balance "
                                "{{ balance|money(currency) }}."),
            ("whatsapp", "es"): ("", "Hola {{ name }}, tu factura {{ number }} venció el {{ due_date|date }}. "
                                     "Saldo pendiente: {{ balance|money(currency) }}."),
            ("whatsapp", "en"): ("", "Hello {{ name }}, your invoice {{ number }} was due on {{ due_date|date }}. "
                                     "Outstanding balance: {{ balance|money(currency) }}."),
        },
    ),
    TemplateSpec(
        "billing.contract_suspension_due", "billing.contract_suspension_due", "customer",
        ["contract_id", "customer_id", "services", "reason", "customer_name"],
        {"contract_id": "C-0001", "services": ["internet"], "reason": "falta de pago", "customer_name": "Ana Gómez"},
        {
            ("email", "es"): ("Servicio suspendido — {{ isp_name }}",
                              "Hola {{ name }}:\n\nSuspendimos tu servicio (contrato {{ contract_id }})"
                              "{% if reason %} por {{ reason }}{% endif %}. En cuanto registremos tu pago lo "
                              "reactivaremos automáticamente.\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Service suspended — {{ isp_name }}",
                              "Hello {{ name }},\n\nWe suspended your service (contract {{ contract_id }})"
                              "{% if reason %}: {{ reason }}{% endif %}. It will be restored automatically as soon as "
                              "we record your payment.\n\nRegards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: tu servicio fue suspendido por falta de pago. Se reactiva al pagar."),
            ("sms", "en"): ("", "{{ isp_name }}: your service was suspended for non-payment. It is restored on payment."),
            ("whatsapp", "es"): ("", "Hola {{ name }}, tu servicio de {{ isp_name }} fue suspendido por falta de pago. "
                                     "Se reactivará automáticamente al registrar tu pago."),
            ("whatsapp", "en"): ("", "Hello {{ name }}, your {{ isp_name }} service was suspended for non-payment. "
                                     "It will be restored as soon as we record your payment."),
        },
    ),
    TemplateSpec(
        "billing.contract_reactivation_due", "billing.contract_reactivation_due", "customer",
        ["contract_id", "customer_id", "services", "customer_name"],
        {"contract_id": "C-0001", "services": ["internet"], "customer_name": "Ana Gómez"},
        {
            ("email", "es"): ("Servicio reactivado — {{ isp_name }}",
                              "Hola {{ name }}:\n\nTu servicio (contrato {{ contract_id }}) fue reactivado. "
                              "¡Gracias por tu pago!\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Service restored — {{ isp_name }}",
                              "Hello {{ name }},\n\nYour service (contract {{ contract_id }}) was restored. "
                              "Thank you for your payment!\n\nRegards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: tu servicio fue reactivado. ¡Gracias por tu pago!"),
            ("sms", "en"): ("", "{{ isp_name }}: your service was restored. Thank you for your payment!"),
            ("whatsapp", "es"): ("", "Hola {{ name }}, tu servicio de {{ isp_name }} fue reactivado. ¡Gracias!"),
            ("whatsapp", "en"): ("", "Hello {{ name }}, your {{ isp_name }} service was restored. Thank you!"),
        },
    ),
    TemplateSpec(
        "billing.payment_received", "billing.payment_received", "customer",
        ["payment_id", "amount", "currency", "method", "paid_at", "external_ref", "customer_name"],
        {"payment_id": "P-0001", "amount": "12500.00", "currency": "ARS", "method": "transfer",
         "paid_at": "2026-12-05T14:10:00+00:00", "external_ref": "TRX-991", "customer_name": "Ana Gómez"},
        {
            ("email", "es"): ("Recibimos tu pago — {{ isp_name }}",
                              "Hola {{ name }}:\n\nRegistramos tu pago de {{ amount|money(currency) }} del "
                              "{{ paid_at|date }}. ¡Gracias!\n\nPuedes ver tus pagos en {{ portal_url }}\n\n"
                              "Saludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("We received your payment — {{ isp_name }}",
                              "Hello {{ name }},\n\nWe recorded your payment of {{ amount|money(currency) }} on "
                              "{{ paid_at|date }}. Thank you!\n\nSee your payments at {{ portal_url }}\n\n"
                              "Regards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: recibimos tu pago de {{ amount|money(currency) }}. ¡Gracias!"),
            ("sms", "en"): ("", "{{ isp_name }}: we received your payment of {{ amount|money(currency) }}. Thank you!"),
            ("whatsapp", "es"): ("", "Hola {{ name }}, recibimos tu pago de {{ amount|money(currency) }}. ¡Gracias!"),
            ("whatsapp", "en"): ("", "Hello {{ name }}, we received your payment of {{ amount|money(currency) }}. "
                                     "Thank you!"),
        },
    ),
    TemplateSpec(
        "portal.installation_requested", "portal.installation_requested", "customer",
        ["request_id", "ticket_id", "name", "email", "phone", "address", "documents"],
        {"request_id": "R-0001", "ticket_id": "T-0001", "name": "Ana Gómez", "email": "ana@example.com",
         "phone": "+5493511234567", "address": _ADDRESS, "documents": ["id_front", "id_back"]},
        {
            ("email", "es"): ("Recibimos tu solicitud de instalación — {{ isp_name }}",
                              "Hola {{ name }}:\n\nRecibimos tu solicitud de instalación"
                              "{% if address and address.street %} para {{ address.street }} {{ address.number }}, "
                              "{{ address.city }}{% endif %}. Revisaremos tus datos y la cobertura en tu zona, y te "
                              "contactaremos para coordinar la visita.\n\nNúmero de solicitud: {{ ticket_id or request_id }}"
                              "\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("We received your installation request — {{ isp_name }}",
                              "Hello {{ name }},\n\nWe received your installation request"
                              "{% if address and address.street %} for {{ address.street }} {{ address.number }}, "
                              "{{ address.city }}{% endif %}. We will check your details and the coverage in your area, "
                              "and contact you to arrange the visit.\n\nRequest number: {{ ticket_id or request_id }}"
                              "\n\nRegards,\nThe {{ isp_name }} team"),
            ("sms", "es"): ("", "{{ isp_name }}: recibimos tu solicitud de instalación. Te contactaremos pronto."),
            ("sms", "en"): ("", "{{ isp_name }}: we received your installation request. We will contact you soon."),
            ("whatsapp", "es"): ("", "Hola {{ name }}, recibimos tu solicitud de instalación en {{ isp_name }}. "
                                     "Te contactaremos pronto."),
            ("whatsapp", "en"): ("", "Hello {{ name }}, {{ isp_name }} received your installation request. "
                                     "We will contact you soon."),
        },
    ),
    TemplateSpec(
        "portal.installation_requested.isp", "portal.installation_requested", "isp",
        ["request_id", "ticket_id", "lead_id", "name", "email", "phone", "phone_alt", "document", "address",
         "location", "documents", "coupon", "comments"],
        {"request_id": "R-0001", "ticket_id": "T-0001", "lead_id": "L-0001", "name": "Ana Gómez",
         "email": "ana@example.com", "phone": "+5493511234567", "document": "30111222", "address": _ADDRESS,
         "location": {"lat": -31.4167, "lon": -64.1833}, "documents": ["id_front", "id_back", "proof_of_address"],
         "coupon": "", "comments": "Prefiero por la mañana"},
        {
            ("email", "es"): ("Nueva solicitud de instalación: {{ name }}",
                              "Nueva solicitud de instalación desde el portal.\n\n"
                              "Nombre: {{ name }}\nDocumento: {{ document }}\nCorreo: {{ email }}\n"
                              "Teléfono: {{ phone }}{% if phone_alt %} / {{ phone_alt }}{% endif %}\n"
                              "{% if address %}Dirección: {{ address.street }} {{ address.number }}, "
                              "{{ address.neighbourhood }}, {{ address.city }} ({{ address.postal_code }})\n{% endif %}"
                              "{% if location and location.lat %}Coordenadas: {{ location.lat }}, {{ location.lon }}\n{% endif %}"
                              "Documentos: {{ documents|join(', ') or 'ninguno' }}\n"
                              "{% if coupon %}Cupón: {{ coupon }}\n{% endif %}"
                              "{% if comments %}Comentarios: {{ comments }}\n{% endif %}"
                              "\nTicket en la mesa de ventas: {{ ticket_id }}"),
            ("email", "en"): ("New installation request: {{ name }}",
                              "New installation request from the portal.\n\n"
                              "Name: {{ name }}\nID number: {{ document }}\nE-mail: {{ email }}\n"
                              "Phone: {{ phone }}{% if phone_alt %} / {{ phone_alt }}{% endif %}\n"
                              "{% if address %}Address: {{ address.street }} {{ address.number }}, "
                              "{{ address.neighbourhood }}, {{ address.city }} ({{ address.postal_code }})\n{% endif %}"
                              "{% if location and location.lat %}Coordinates: {{ location.lat }}, {{ location.lon }}\n{% endif %}"
                              "Documents: {{ documents|join(', ') or 'none' }}\n"
                              "{% if coupon %}Coupon: {{ coupon }}\n{% endif %}"
                              "{% if comments %}Comments: {{ comments }}\n{% endif %}"
                              "\nSales desk ticket: {{ ticket_id }}"),
        },
    ),
    TemplateSpec(
        "portal.password_reset_requested", "portal.password_reset_requested", "customer",
        ["reset_url", "expires_at", "email"],
        {"reset_url": "http://127.0.0.1:8080/recuperar/EXAMPLE", "expires_at": "2026-12-01T16:30:00+00:00",
         "email": "ana@example.com"},
        {
            ("email", "es"): ("Restablece tu contraseña — {{ isp_name }}",
                              "Hola {{ name }}:\n\nRecibimos un pedido para restablecer la contraseña de tu cuenta del "
                              "portal. Para elegir una nueva, abre este enlace:\n{{ reset_url }}\n\n"
                              "El enlace vence el {{ expires_at|datetime }}. Si no lo pediste, ignora este mensaje.\n\n"
                              "Saludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Reset your password — {{ isp_name }}",
                              "Hello {{ name }},\n\nWe received a request to reset your customer portal password. "
                              "To choose a new one, open this link:\n{{ reset_url }}\n\n"
                              "The link expires on {{ expires_at|datetime }}. If you did not ask for it, ignore this "
                              "message.\n\nRegards,\nThe {{ isp_name }} team"),
        },
    ),
    TemplateSpec(
        "portal.contract_signing_requested", "portal.contract_signing_requested", "customer",
        ["contract_id", "customer_id", "url", "expires_at", "email"],
        {"contract_id": "C-0001", "customer_id": "CU-0001", "url": "http://127.0.0.1:8080/firmar/contrato/EXAMPLE",
         "expires_at": "2026-12-08T15:30:00+00:00", "email": "ana@example.com"},
        {
            ("email", "es"): ("Firma tu contrato — {{ isp_name }}",
                              "Hola {{ name }}:\n\nTu contrato con {{ isp_name }} está listo. Léelo y fírmalo desde "
                              "este enlace (no necesitas usuario ni contraseña):\n{{ url }}\n\n"
                              "El enlace vence el {{ expires_at|date }}.\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Sign your contract — {{ isp_name }}",
                              "Hello {{ name }},\n\nYour {{ isp_name }} contract is ready. Read and sign it at this "
                              "link (no user or password needed):\n{{ url }}\n\n"
                              "The link expires on {{ expires_at|date }}.\n\nRegards,\nThe {{ isp_name }} team"),
        },
    ),
    TemplateSpec(
        "portal.sheet_signing_requested", "portal.sheet_signing_requested", "customer",
        ["order_id", "contract_id", "url", "expires_at", "scheduled_start", "email"],
        {"order_id": "O-0001", "url": "http://127.0.0.1:8080/firmar/hoja-instalacion/EXAMPLE",
         "expires_at": "2026-12-08T15:30:00+00:00", "scheduled_start": "2026-12-01T12:00:00+00:00",
         "email": "ana@example.com"},
        {
            ("email", "es"): ("Tu hoja de instalación — {{ isp_name }}",
                              "Hola {{ name }}:\n\nEl día de la instalación{% if scheduled_start %} "
                              "({{ scheduled_start|date }}){% endif %}, cuando el técnico termine, firma la hoja de "
                              "instalación desde este enlace:\n{{ url }}\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("Your installation sheet — {{ isp_name }}",
                              "Hello {{ name }},\n\nOn the installation day{% if scheduled_start %} "
                              "({{ scheduled_start|date }}){% endif %}, when the technician finishes, sign the "
                              "installation sheet at this link:\n{{ url }}\n\nRegards,\nThe {{ isp_name }} team"),
        },
    ),
    TemplateSpec(
        "orders.support_ticket_opened", "orders.support_ticket_opened", "customer",
        ["support_ticket_id", "customer_id", "contract_id", "subject", "priority", "customer_email"],
        {"support_ticket_id": "S-0001", "subject": "Sin conexión", "priority": "normal",
         "customer_email": "ana@example.com"},
        {
            ("email", "es"): ("Recibimos tu pedido de soporte: {{ subject }}",
                              "Hola{% if name %} {{ name }}{% endif %}:\n\nRegistramos tu pedido de soporte «{{ subject }}» "
                              "(número {{ support_ticket_id }}). Puedes seguirlo en {{ portal_url }}/mi-cuenta/soporte"
                              "\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("We received your support request: {{ subject }}",
                              "Hello{% if name %} {{ name }}{% endif %},\n\nWe registered your support request “{{ subject }}” "
                              "(number {{ support_ticket_id }}). Follow it at {{ portal_url }}/mi-cuenta/soporte"
                              "\n\nRegards,\nThe {{ isp_name }} team"),
        },
    ),
    TemplateSpec(
        "orders.support_ticket_updated", "orders.support_ticket_updated", "customer",
        ["support_ticket_id", "customer_id", "status", "comment", "customer_email"],
        {"support_ticket_id": "S-0001", "status": "resolved", "comment": "Reemplazamos el router.",
         "customer_email": "ana@example.com"},
        {
            ("email", "es"): ("Novedades de tu pedido de soporte {{ support_ticket_id }}",
                              "Hola{% if name %} {{ name }}{% endif %}:\n\nHay novedades en tu pedido de soporte {{ support_ticket_id }}"
                              "{% if status %} (estado: {{ {'open': 'abierto', 'in_progress': 'en curso', "
                              "'resolved': 'resuelto', 'closed': 'cerrado'}.get(status, status) }}){% endif %}."
                              "{% if comment %}\n\n{{ comment }}{% endif %}\n\nPuedes responder en "
                              "{{ portal_url }}/mi-cuenta/soporte\n\nSaludos,\nEl equipo de {{ isp_name }}"),
            ("email", "en"): ("News on your support request {{ support_ticket_id }}",
                              "Hello{% if name %} {{ name }}{% endif %},\n\nThere is news on your support request {{ support_ticket_id }}"
                              "{% if status %} (status: {{ status|replace('_', ' ') }}){% endif %}."
                              "{% if comment %}\n\n{{ comment }}{% endif %}\n\nYou can reply at "
                              "{{ portal_url }}/mi-cuenta/soporte\n\nRegards,\nThe {{ isp_name }} team"),
        },
    ),
]

BY_KEY = {s.key: s for s in SPECS}


def default_text(key: str, channel: str, language: str) -> tuple[str, str] | None:
    spec = BY_KEY.get(key)
    return spec.texts.get((channel, language)) if spec else None


def specs_for_event(event_type: str) -> list[TemplateSpec]:
    return [s for s in SPECS if s.event_type == event_type]
