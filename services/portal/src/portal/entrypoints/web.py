"""The customer portal: server-rendered pages (FastAPI + Jinja2), Spanish by
default, English with ?lang=en. Sessions in HttpOnly cookies; every form
carries a CSRF token matched against a SameSite=Strict cookie."""
from __future__ import annotations

import datetime as dt
import hmac
import secrets
from pathlib import Path
from urllib.parse import quote

import grpc
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from antena.billing.v1 import billing_pb2
from antena.notifications.v1 import notifications_pb2
from antena.orders.v1 import orders_pb2
from antena_common import rpc
from antena_common.errors import Conflict, DomainError, InvalidArgument, NotFound, PermissionDenied
from antena_common.logs import get_logger

from ..app import accounts, installation, signing
from ..domain import model
from ..web import i18n

log = get_logger("antena.portal")
WEB = Path(__file__).resolve().parent.parent / "web"
SALES_FIELDS = {"name": "first_name", "address.street": "street", "address.city": "city", "location": "lat"}
SESSION_COOKIE, CSRF_COOKIE, LANG_COOKIE = "portal_session", "portal_csrf", "portal_lang"


class Page(Exception):
    """Stop and show a message page."""

    def __init__(self, status: int, title: str, message: str = ""):
        self.status, self.title, self.message = status, title, message


class Portal:
    def __init__(self, *, uow_factory, clients, settings, store, hasher, links, isp_id: str, secure: bool):
        self.uow = uow_factory
        self.clients = clients
        self.settings = settings
        self.store = store
        self.hasher = hasher
        self.links = links
        self.isp_id = isp_id
        self.secure = secure
        self.envs = {}
        self.translations = {lang: i18n.load(lang) for lang in i18n.LANGUAGES}
        for lang in i18n.LANGUAGES:
            env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=select_autoescape(["html"]),
                              extensions=["jinja2.ext.i18n"])
            env.install_gettext_translations(self.translations[lang], newstyle=True)
            env.filters["money"] = lambda v, c="", lang=lang: _money(v, c, lang)
            env.filters["date"] = lambda v, lang=lang: _date(v, lang)
            self.envs[lang] = env

    # ---- request helpers ------------------------------------------------------------
    def lang(self, request: Request) -> str:
        q = request.query_params.get("lang")
        if q in i18n.LANGUAGES:
            return q
        c = request.cookies.get(LANG_COOKIE)
        return c if c in i18n.LANGUAGES else "es"

    def gettext(self, request: Request):
        return self.translations[self.lang(request)].gettext

    def csrf(self, request: Request) -> str:
        token = getattr(request.state, "csrf", None) or request.cookies.get(CSRF_COOKIE)
        if not token or len(token) < 20:
            token = secrets.token_urlsafe(24)
        request.state.csrf = token
        return token

    def check_csrf(self, request: Request, form) -> None:
        cookie = request.cookies.get(CSRF_COOKIE) or ""
        sent = str(form.get("csrf_token") or "")
        if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
            _ = self.gettext(request)
            raise Page(403, _("La sesión del formulario venció"),
                       _("Vuelve a abrir la página e inténtalo de nuevo."))

    def user(self, request: Request) -> model.Account | None:
        if not hasattr(request.state, "account"):
            found = accounts.session_account(self.uow(), request.cookies.get(SESSION_COOKIE, ""))
            request.state.account = found[0] if found else None
        return request.state.account

    def render(self, request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
        lang = self.lang(request)
        env = self.envs[lang]
        html = env.get_template(name).render(
            request=request, lang=lang, csrf_token=self.csrf(request), user=self.user(request),
            isp_name=self.settings.isp_name, isp_slug=self.settings.isp_slug, path=request.url.path, **ctx)
        resp = HTMLResponse(html, status_code=status)
        self.finish(request, resp)
        return resp

    def finish(self, request: Request, resp: Response) -> None:
        if request.cookies.get(CSRF_COOKIE) != getattr(request.state, "csrf", None) and getattr(request.state, "csrf", None):
            resp.set_cookie(CSRF_COOKIE, request.state.csrf, httponly=True, samesite="strict", secure=self.secure,
                            path="/")
        q = request.query_params.get("lang")
        if q in i18n.LANGUAGES and request.cookies.get(LANG_COOKIE) != q:
            resp.set_cookie(LANG_COOKIE, q, max_age=365 * 86400, samesite="lax", secure=self.secure, path="/")

    def message(self, request: Request, status: int, title: str, message: str = "") -> HTMLResponse:
        return self.render(request, "message.html", status=status, title=title, message=message)

    def login_redirect(self, request: Request) -> RedirectResponse:
        return RedirectResponse(f"/ingresar?next={quote(request.url.path)}", status_code=303)

    def start_session(self, request: Request, account: model.Account, to: str) -> RedirectResponse:
        secret, _csrf = accounts.open_session(self.uow(), account.id, self.settings.session_hours)
        resp = RedirectResponse(to, status_code=303)
        resp.set_cookie(SESSION_COOKIE, secret, httponly=True, samesite="lax", secure=self.secure, path="/",
                        max_age=self.settings.session_hours * 3600)
        return resp


def _money(value, currency: str, lang: str) -> str:
    from babel.numbers import format_currency
    from decimal import Decimal, InvalidOperation

    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value or "")
    return format_currency(amount, currency or "XXX", locale=lang) if currency else f"{amount:.2f}"


def _date(value, lang: str) -> str:
    from babel.dates import format_date

    try:
        return format_date(dt.date.fromisoformat(str(value)[:10]), "medium", locale=lang)
    except ValueError:
        return str(value or "")


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _read_form(request: Request):
    try:
        return await request.form(max_files=20, max_fields=100, max_part_size=2 * 1024 * 1024)
    except MultiPartException as exc:
        raise Page(400, "Formulario no válido", str(exc)) from None


async def _file(form, name: str, max_bytes: int) -> bytes:
    value = form.get(name)
    if not isinstance(value, UploadFile) or not value.filename:
        return b""
    return await value.read(max_bytes + 1)


def create_app(portal: Portal) -> FastAPI:
    app = FastAPI(title="Antena customer portal", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    s = portal.settings

    link_paths = ("/firmar/", "/invitacion/", "/recuperar/")  # secret links, open without login

    @app.middleware("http")
    async def link_guessing_limit(request: Request, call_next):
        """Unknown or expired links answer 404/410; too many from one IP -> 429 for a while."""
        if not request.url.path.startswith(link_paths):
            return await call_next(request)
        ip = _client_ip(request)
        if await run_in_threadpool(accounts.link_misses_exceeded, portal.uow(), ip, s.link_misses_per_15_min):
            _ = portal.gettext(request)
            return await run_in_threadpool(portal.message, request, 429, _("Demasiadas solicitudes"),
                                           _("Recibimos varias solicitudes desde tu conexión. Inténtalo más tarde."))
        resp = await call_next(request)
        if resp.status_code in (404, 410):
            await run_in_threadpool(accounts.note_link_miss, portal.uow(), ip)
        return resp

    # added last, so outermost: every answer gets the headers, the guard's 429 included
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        resp = await call_next(request)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")  # the links carry secrets
        resp.headers.setdefault("Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                                "frame-ancestors 'none'; form-action 'self'; object-src 'self'")
        if not request.url.path.startswith("/static"):
            resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    @app.exception_handler(Page)
    async def _page(request: Request, exc: Page):
        return await run_in_threadpool(portal.message, request, exc.status, exc.title, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        _ = portal.gettext(request)
        title = _("Página no encontrada") if exc.status_code == 404 else _("No pudimos atender tu pedido")
        return await run_in_threadpool(portal.message, request, exc.status_code, title, "")

    @app.exception_handler(grpc.RpcError)
    async def _rpc(request: Request, exc: grpc.RpcError):
        _ = portal.gettext(request)
        code = exc.code()
        if code in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED):
            return await run_in_threadpool(portal.message, request, 404, _("No encontrado"),
                                           _("Lo que buscas no existe o no es tuyo."))
        if code in (grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.ALREADY_EXISTS):
            return await run_in_threadpool(portal.message, request, 409, _("No es posible ahora"), exc.details() or "")
        if code == grpc.StatusCode.INVALID_ARGUMENT:
            return await run_in_threadpool(portal.message, request, 422, _("Revisa los datos enviados"),
                                           exc.details() or "")
        log.warning("upstream error", path=request.url.path, code=code.name, details=exc.details())
        return await run_in_threadpool(portal.message, request, 503, _("Servicio no disponible"),
                                       _("Estamos con un problema técnico. Inténtalo de nuevo en unos minutos."))

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError):
        _ = portal.gettext(request)
        status = {NotFound: 404, Conflict: 409, PermissionDenied: 403}.get(type(exc), 422)
        return await run_in_threadpool(portal.message, request, status, _("No pudimos atender tu pedido"), "")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error in the portal", path=request.url.path)
        return HTMLResponse("<h1>Error</h1><p>Ocurrió un error inesperado; quedó registrado.</p>", status_code=500)

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request):
        if portal.user(request):
            return RedirectResponse("/mi-cuenta", status_code=303)
        return portal.render(request, "home.html")

    # ---- public installation request ----------------------------------------------
    def _isp_or_404(request: Request, isp: str) -> None:
        if isp not in (s.isp_slug, portal.isp_id):
            _ = portal.gettext(request)
            raise Page(404, _("Proveedor no encontrado"), _("Revisa el enlace que te compartieron."))

    def _form_page(request, form=None, errors=None, status=200):
        return portal.render(request, "install_form.html", status=status, form=form or model.InstallationForm(),
                             errors=errors or {}, request_id=secrets.token_urlsafe(18),
                             required_docs=_required_docs(), doc_labels=model.DOCUMENT_LABELS,
                             max_mb=s.upload_max_bytes / (1024 * 1024))

    def _required_docs() -> list[str]:
        return [d.strip() for d in s.required_documents.split(",") if d.strip() in model.DOCUMENT_KINDS]

    @app.get("/i/{isp}/solicitar-instalacion", response_class=HTMLResponse)
    def install_form(isp: str, request: Request):
        _isp_or_404(request, isp)
        return _form_page(request)

    @app.post("/i/{isp}/solicitar-instalacion", response_class=HTMLResponse)
    async def install_submit(isp: str, request: Request):
        _isp_or_404(request, isp)
        form = await _read_form(request)
        portal.check_csrf(request, form)
        data = model.InstallationForm(**{k: str(form.get(k) or "") for k in model.InstallationForm.__dataclass_fields__})
        if str(form.get("website") or ""):  # the honeypot: people do not see it, bots fill it
            log.info("installation form honeypot filled; dropped", ip=_client_ip(request))
            return await run_in_threadpool(portal.render, request, "install_done.html", ticket_id="")
        files = {k: await _file(form, k, s.upload_max_bytes) for k in model.DOCUMENT_KINDS}

        def run():
            _ = portal.gettext(request)
            try:
                done = installation.submit(portal.uow, portal.clients, form=data, files=files,
                                           request_id=str(form.get("request_id") or ""), ip=_client_ip(request),
                                           isp=s.isp_slug, required_docs=_required_docs(),
                                           max_bytes=s.upload_max_bytes, per_ip_per_hour=s.requests_per_ip_per_hour)
            except installation.RateLimited:
                return portal.message(request, 429, _("Demasiadas solicitudes"),
                                      _("Recibimos varias solicitudes desde tu conexión. Inténtalo más tarde."))
            except InvalidArgument as exc:
                return _form_page(request, data, exc.field_errors or {"form": exc.detail}, status=422)
            except grpc.RpcError as exc:  # sales refused a field the form let through
                if exc.code() != grpc.StatusCode.INVALID_ARGUMENT:
                    raise
                problem = rpc.problem_from_rpc_error(exc)
                errors = {SALES_FIELDS.get(k, k): v for k, v in problem.errors.items()} or {"form": problem.detail}
                return _form_page(request, data, errors, status=422)
            return portal.render(request, "install_done.html", ticket_id=done.ticket_id)

        return await run_in_threadpool(run)

    # ---- accounts ---------------------------------------------------------------------
    def _safe_next(value: str) -> str:
        return value if value.startswith("/mi-cuenta") else "/mi-cuenta"

    @app.get("/ingresar", response_class=HTMLResponse)
    def login_form(request: Request, next: str = ""):
        if portal.user(request):
            return RedirectResponse(_safe_next(next), status_code=303)
        return portal.render(request, "login.html", next=_safe_next(next), error="", email="")

    @app.post("/ingresar", response_class=HTMLResponse)
    async def login_submit(request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        email, password = str(form.get("email") or "").strip(), str(form.get("password") or "")
        to = _safe_next(str(form.get("next") or ""))

        def run():
            _ = portal.gettext(request)
            try:
                account = accounts.login(portal.uow(), portal.hasher, email=email, password=password,
                                         ip=_client_ip(request), max_failures=s.login_failures_per_15_min)
            except accounts.TooManyAttempts:
                return portal.render(request, "login.html", status=429, next=to, email=email,
                                     error=_("Demasiados intentos fallidos. Espera unos minutos."))
            except PermissionDenied:
                return portal.render(request, "login.html", status=401, next=to, email=email,
                                     error=_("Correo o contraseña incorrectos."))
            return portal.start_session(request, account, to)

        return await run_in_threadpool(run)

    @app.get("/salir", response_class=HTMLResponse)
    def logout_page(request: Request):
        if not portal.user(request):
            return RedirectResponse("/ingresar", status_code=303)
        return portal.render(request, "logout.html")

    @app.post("/salir")
    async def logout(request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        secret = request.cookies.get(SESSION_COOKIE, "")
        if secret:
            await run_in_threadpool(accounts.close_session, portal.uow(), secret)
        resp = RedirectResponse("/ingresar", status_code=303)
        resp.delete_cookie(SESSION_COOKIE, path="/")
        return resp

    def _link_page(request, kind: str, token: str, template: str):
        _ = portal.gettext(request)
        try:
            account = accounts.check_link(portal.uow(), kind, token)
        except (NotFound, Conflict):
            raise Page(410, _("El enlace no es válido o venció"),
                       _("Pide uno nuevo desde «¿Olvidaste tu contraseña?».")) from None
        return portal.render(request, template, account=account, token=token, errors={})

    async def _link_submit(request, kind: str, token: str, template: str):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        password, confirm = str(form.get("password") or ""), str(form.get("confirm") or "")

        def run():
            _ = portal.gettext(request)
            try:
                account = accounts.set_password_with_link(portal.uow(), portal.hasher, kind, token, password, confirm)
            except (NotFound, Conflict):
                raise Page(410, _("El enlace no es válido o venció"),
                           _("Pide uno nuevo desde «¿Olvidaste tu contraseña?».")) from None
            except InvalidArgument as exc:
                account = accounts.check_link(portal.uow(), kind, token)
                return portal.render(request, template, status=422, account=account, token=token,
                                     errors=exc.field_errors)
            return portal.start_session(request, account, "/mi-cuenta")

        return await run_in_threadpool(run)

    @app.get("/invitacion/{token}", response_class=HTMLResponse)
    def invitation_form(token: str, request: Request):
        return _link_page(request, model.INVITATION, token, "invitation.html")

    @app.post("/invitacion/{token}", response_class=HTMLResponse)
    async def invitation_submit(token: str, request: Request):
        return await _link_submit(request, model.INVITATION, token, "invitation.html")

    @app.get("/recuperar", response_class=HTMLResponse)
    def recover_form(request: Request):
        return portal.render(request, "recover.html", sent=False)

    @app.post("/recuperar", response_class=HTMLResponse)
    async def recover_submit(request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        email = str(form.get("email") or "").strip()

        def run():
            try:
                accounts.request_reset(portal.uow(), email=email, links=portal.links,
                                       ttl=dt.timedelta(minutes=s.reset_minutes), ip=_client_ip(request),
                                       per_hour=s.resets_per_ip_per_hour)
            except accounts.TooManyAttempts:
                _ = portal.gettext(request)
                return portal.message(request, 429, _("Demasiadas solicitudes"),
                                      _("Recibimos varias solicitudes desde tu conexión. Inténtalo más tarde."))
            return portal.render(request, "recover.html", sent=True)

        return await run_in_threadpool(run)

    @app.get("/recuperar/{token}", response_class=HTMLResponse)
    def reset_form(token: str, request: Request):
        return _link_page(request, model.RESET, token, "reset.html")

    @app.post("/recuperar/{token}", response_class=HTMLResponse)
    async def reset_submit(token: str, request: Request):
        return await _link_submit(request, model.RESET, token, "reset.html")

    # ---- my account -------------------------------------------------------------------
    @app.get("/mi-cuenta", response_class=HTMLResponse)
    def my_account(request: Request):
        user = portal.user(request)
        if not user:
            return portal.login_redirect(request)
        b = portal.clients.billing
        customer = b.GetCustomer(billing_pb2.GetByIdRequest(id=user.customer_id), timeout=10)
        contracts = b.ListContracts(billing_pb2.ListContractsRequest(customer_id=user.customer_id,
                                                                     page={"limit": 50}), timeout=10).items
        plans = {}
        for c in contracts:
            if c.plan_id and c.plan_id not in plans:
                try:
                    plans[c.plan_id] = b.GetPlan(billing_pb2.GetByIdRequest(id=c.plan_id), timeout=10).name
                except grpc.RpcError:
                    plans[c.plan_id] = ""
        return portal.render(request, "account.html", customer=customer, contracts=contracts, plans=plans)

    @app.get("/mi-cuenta/facturas", response_class=HTMLResponse)
    def my_invoices(request: Request):
        user = portal.user(request)
        if not user:
            return portal.login_redirect(request)
        invoices = portal.clients.billing.ListInvoices(billing_pb2.ListInvoicesRequest(
            customer_id=user.customer_id, page={"limit": 100}), timeout=10).items
        return portal.render(request, "invoices.html", invoices=invoices)

    @app.get("/mi-cuenta/facturas/{invoice_id}.pdf")
    def my_invoice_pdf(invoice_id: str, request: Request):
        user = portal.user(request)
        if not user:
            return portal.login_redirect(request)
        pdf = portal.clients.billing.GetInvoicePdf(billing_pb2.GetInvoiceRequest(
            id=invoice_id, customer_id=user.customer_id, locale=portal.lang(request)), timeout=30)
        filename = pdf.filename or f"factura-{invoice_id}.pdf"
        return Response(pdf.content, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    @app.get("/mi-cuenta/pagos", response_class=HTMLResponse)
    def my_payments(request: Request):
        user = portal.user(request)
        if not user:
            return portal.login_redirect(request)
        payments = portal.clients.billing.ListPayments(billing_pb2.ListPaymentsRequest(
            customer_id=user.customer_id, page={"limit": 100}), timeout=10).items
        return portal.render(request, "payments.html", payments=payments)

    def _support_page(request, user, errors=None, form=None, status=200):
        tickets = portal.clients.orders.ListCustomerSupportTickets(orders_pb2.ListCustomerSupportTicketsRequest(
            customer_id=user.customer_id, page={"limit": 50}), timeout=10).items
        contracts = portal.clients.billing.ListContracts(billing_pb2.ListContractsRequest(
            customer_id=user.customer_id, page={"limit": 50}), timeout=10).items
        return portal.render(request, "support.html", status=status, tickets=tickets, contracts=contracts,
                             errors=errors or {}, form=form or {})

    @app.get("/mi-cuenta/soporte", response_class=HTMLResponse)
    def my_support(request: Request):
        user = portal.user(request)
        if not user:
            return portal.login_redirect(request)
        return _support_page(request, user)

    @app.post("/mi-cuenta/soporte", response_class=HTMLResponse)
    async def my_support_open(request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        values = {k: str(form.get(k) or "").strip() for k in ("subject", "description", "contract_id")}

        def run():
            user = portal.user(request)
            if not user:
                return portal.login_redirect(request)
            _ = portal.gettext(request)
            errors = {}
            if not values["subject"] or len(values["subject"]) > 200:
                errors["subject"] = _("Escribe un asunto (hasta 200 caracteres).")
            if not values["description"] or len(values["description"]) > 5000:
                errors["description"] = _("Cuéntanos qué pasa (hasta 5000 caracteres).")
            if errors:
                return _support_page(request, user, errors, values, status=422)
            portal.clients.orders.OpenCustomerSupportTicket(orders_pb2.OpenCustomerSupportTicketRequest(
                customer_id=user.customer_id, contract_id=values["contract_id"], customer_name=user.name,
                customer_email=user.email, subject=values["subject"], description=values["description"],
                priority="normal"), timeout=10)
            return RedirectResponse("/mi-cuenta/soporte?enviado=1", status_code=303)

        return await run_in_threadpool(run)

    @app.get("/mi-cuenta/soporte/{ticket_id}", response_class=HTMLResponse)
    def my_support_ticket(ticket_id: str, request: Request):
        user = portal.user(request)
        if not user:
            return portal.login_redirect(request)
        ticket = portal.clients.orders.GetSupportTicket(orders_pb2.GetSupportTicketRequest(
            id=ticket_id, customer_id=user.customer_id), timeout=10)
        return portal.render(request, "support_ticket.html", ticket=ticket, errors={})

    @app.post("/mi-cuenta/soporte/{ticket_id}", response_class=HTMLResponse)
    async def my_support_comment(ticket_id: str, request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        text = str(form.get("text") or "").strip()

        def run():
            user = portal.user(request)
            if not user:
                return portal.login_redirect(request)
            if not text or len(text) > 5000:
                ticket = portal.clients.orders.GetSupportTicket(orders_pb2.GetSupportTicketRequest(
                    id=ticket_id, customer_id=user.customer_id), timeout=10)
                _ = portal.gettext(request)
                return portal.render(request, "support_ticket.html", status=422, ticket=ticket,
                                     errors={"text": _("Escribe tu mensaje (hasta 5000 caracteres).")})
            portal.clients.orders.AddSupportTicketComment(orders_pb2.AddSupportTicketCommentRequest(
                id=ticket_id, text=text, customer_id=user.customer_id,
                actor=orders_pb2.Actor(user_id=user.id, roles=["customer"], name=user.name)), timeout=10)
            return RedirectResponse(f"/mi-cuenta/soporte/{ticket_id}", status_code=303)

        return await run_in_threadpool(run)

    @app.get("/mi-cuenta/avisos", response_class=HTMLResponse)
    def my_notices(request: Request):
        user = portal.user(request)
        if not user:
            return portal.login_redirect(request)
        prefs = portal.clients.notifications.GetPreferences(notifications_pb2.GetPreferencesRequest(
            customer_id=user.customer_id), timeout=10)
        return portal.render(request, "notices.html", prefs=prefs, saved=bool(request.query_params.get("guardado")))

    @app.post("/mi-cuenta/avisos")
    async def my_notices_save(request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)

        def run():
            user = portal.user(request)
            if not user:
                return portal.login_redirect(request)
            language = str(form.get("language") or "es")
            portal.clients.notifications.PutPreferences(notifications_pb2.Preferences(
                customer_id=user.customer_id, language=language if language in i18n.LANGUAGES else "es",
                email=bool(form.get("email")), sms=bool(form.get("sms")), whatsapp=bool(form.get("whatsapp")),
                opted_out=bool(form.get("opted_out"))), timeout=10)
            return RedirectResponse("/mi-cuenta/avisos?guardado=1", status_code=303)

        return await run_in_threadpool(run)

    # ---- signing links (no login) ----------------------------------------------------------
    def _token_or_page(request, kind: str, token: str, allow_used: bool = False):
        _ = portal.gettext(request)
        try:
            return signing.token_for(portal.uow(), kind, token, allow_used=allow_used)
        except NotFound:
            raise Page(404, _("Enlace no encontrado"), _("Revisa el enlace que recibiste.")) from None
        except Conflict:
            raise Page(410, _("El enlace venció o ya fue usado"),
                       _("Si necesitas firmar de nuevo, pide un enlace nuevo a tu proveedor.")) from None

    @app.get("/firmar/contrato/{token}", response_class=HTMLResponse)
    def sign_contract_page(token: str, request: Request):
        t = _token_or_page(request, model.SIGN_CONTRACT, token)
        return _contract_page(request, t, token, {}, "")

    def _contract_page(request, t, token: str, errors: dict, signer_name: str, status: int = 200):
        b = portal.clients.billing
        contract = b.GetContract(billing_pb2.GetByIdRequest(id=t.subject_id), timeout=10)
        try:
            plan_name = b.GetPlan(billing_pb2.GetByIdRequest(id=contract.plan_id), timeout=10).name
        except grpc.RpcError:
            plan_name = ""
        return portal.render(request, "sign_contract.html", status=status, contract=contract, plan_name=plan_name,
                             token=token, errors=errors, signer_name=signer_name)

    @app.get("/firmar/contrato/{token}/contrato.pdf")
    def sign_contract_pdf(token: str, request: Request):
        t = _token_or_page(request, model.SIGN_CONTRACT, token, allow_used=True)
        pdf = portal.clients.billing.GetContractDocumentPdf(billing_pb2.GetContractDocumentRequest(
            contract_id=t.subject_id, customer_id=t.customer_id, locale=portal.lang(request)), timeout=30)
        return Response(pdf.content, media_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="{pdf.filename or "contrato.pdf"}"'})

    @app.post("/firmar/contrato/{token}", response_class=HTMLResponse)
    async def sign_contract_submit(token: str, request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        uploads = [(f"document_{i}", await _file(form, f"document_{i}", s.upload_max_bytes)) for i in (1, 2)]
        uploads = [(k, d) for k, d in uploads if d]
        signature, signer = str(form.get("signature") or ""), str(form.get("signer_name") or "")

        def run():
            try:
                signing.sign_contract(portal.uow, portal.clients, portal.store, secret=token,
                                      signature_data_url=signature, signer_name=signer, uploads=uploads,
                                      max_bytes=s.upload_max_bytes)
            except InvalidArgument as exc:
                t = _token_or_page(request, model.SIGN_CONTRACT, token)
                return _contract_page(request, t, token, exc.field_errors, signer, status=422)
            except (NotFound, Conflict):
                _token_or_page(request, model.SIGN_CONTRACT, token)
                raise
            return portal.render(request, "signed.html", pdf_url=f"/firmar/contrato/{token}/contrato.pdf",
                                 what="contract")

        return await run_in_threadpool(run)

    @app.get("/firmar/hoja-instalacion/{token}", response_class=HTMLResponse)
    def sign_sheet_page(token: str, request: Request):
        return _sheet_page(request, token, {}, 200)

    def _sheet_page(request, token: str, errors: dict, status: int):
        t = _token_or_page(request, model.SIGN_SHEET, token)
        order = portal.clients.orders.GetOrder(orders_pb2.GetOrderRequest(id=t.subject_id, actor=signing.PORTAL_ACTOR),
                                               timeout=10)
        return portal.render(request, "sign_sheet.html", status=status, order=order, token=token, errors=errors)

    @app.get("/firmar/hoja-instalacion/{token}/hoja.pdf")
    def sign_sheet_pdf(token: str, request: Request):
        t = _token_or_page(request, model.SIGN_SHEET, token, allow_used=True)
        pdf = portal.clients.orders.GetInstallationSheet(orders_pb2.GetInstallationSheetRequest(
            id=t.subject_id, lang=portal.lang(request), actor=signing.PORTAL_ACTOR), timeout=30)
        return Response(pdf.data, media_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="{pdf.filename or "hoja.pdf"}"'})

    @app.post("/firmar/hoja-instalacion/{token}", response_class=HTMLResponse)
    async def sign_sheet_submit(token: str, request: Request):
        form = await _read_form(request)
        portal.check_csrf(request, form)
        uploads = [(f"document_{i}", await _file(form, f"document_{i}", s.upload_max_bytes)) for i in (1, 2)]
        uploads = [(k, d) for k, d in uploads if d]
        signature = str(form.get("signature") or "")

        def run():
            try:
                signing.sign_sheet(portal.uow, portal.clients, portal.store, secret=token,
                                   signature_data_url=signature, uploads=uploads, max_bytes=s.upload_max_bytes)
            except InvalidArgument as exc:
                return _sheet_page(request, token, exc.field_errors, 422)
            except grpc.RpcError as exc:
                if exc.code() != grpc.StatusCode.FAILED_PRECONDITION:
                    raise
                _ = portal.gettext(request)
                return _sheet_page(request, token, {"signature": _(
                    "La hoja se firma cuando el técnico está en tu domicilio. Inténtalo durante la visita.")}, 409)
            except (NotFound, Conflict):
                _token_or_page(request, model.SIGN_SHEET, token)
                raise
            return portal.render(request, "signed.html", pdf_url=f"/firmar/hoja-instalacion/{token}/hoja.pdf",
                                 what="sheet")

        return await run_in_threadpool(run)

    return app
