"""The portal's pages. Thin: who is signed in, read a page (pages.py), act (actions.py),
redirect with a notice or re-render with the refusal."""

from datetime import date, timedelta

from django.http import HttpResponseRedirect
from django.utils import timezone

from ..billing.plan_changes import plan_change_quote
from ..cancellation import effective_date_for
from ..conf import get_settings
from ..credentials import CredentialsUnavailable
from ..enums import CancellationMode, CancellationType, PortalTarget, ServiceStatus
from ..errors import ServiceError, ServiceErrorCode
from ..host import get_host
from ..portal_access import portal_link_exchange, portal_session_open_for
from . import actions, pages
from .i18n import Translator, choose_language
from .messages import error_text, notice_text
from .rendering import render
from .session import current_session, end_session, set_session_cookie
from .urls import PortalUrls

BADGES = {
    ServiceStatus.ACTIVE: "active",
    ServiceStatus.PENDING: "pending",
    ServiceStatus.SUSPENDED: "suspended",
    ServiceStatus.PAUSED: "paused",
    ServiceStatus.CANCELLED: "cancelled",
    ServiceStatus.TERMINATED: "terminated",
    ServiceStatus.FRAUD: "terminated",
    ServiceStatus.ARCHIVED: "cancelled",
}


class Portal:
    """One request's view of the portal: where it lives, who is in, in which language."""

    def __init__(self, request, *, root: str):
        self.request = request
        self.urls = PortalUrls(root)
        self.session = current_session(request)
        self.user = self.session.user if self.session else None
        self.tr = Translator(
            choose_language(user=self.user, accept_language=request.headers.get("Accept-Language", ""))
        )

    def render(self, name: str, context: dict | None = None, *, status: int = 200):
        settings = get_settings()
        base = {
            "tr": self.tr,
            "lang": self.tr.language,
            "urls": self.urls,
            "user": self.user,
            "store": {
                "name": settings.PORTAL_STORE_NAME,
                "logo_url": settings.PORTAL_LOGO_URL,
                "brand": settings.PORTAL_BRAND_COLOR,
            },
            "return_url": self.session.return_url if self.session else "",
            "badges": BADGES,
        }
        return render(self.request, name, base | (context or {}), status=status)

    def message(self, title: str, text: str, *, status: int):
        return self.render("portal/message.html", {"title": title, "text": text}, status=status)

    def not_found(self):
        return self.message(
            self.tr("Not found"),
            self.tr("There is no such page among your services."),
            status=404,
        )


def signed_in(view):
    def wrapper(portal: Portal, **kwargs):
        if portal.user is None:
            return HttpResponseRedirect(portal.urls.sign_in(portal.request.get_full_path()))
        return view(portal, **kwargs)

    return wrapper


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def home(portal: Portal):
    return HttpResponseRedirect(portal.urls.services())


def enter(portal: Portal, token: str):
    """A storefront's single-use link: exchanged once for a session, then its target."""
    try:
        opened = portal_link_exchange(token=token)
    except ServiceError:
        return portal.message(
            portal.tr("This link has expired"),
            portal.tr("Links into your account work once and for a few minutes. Go back to the store and open your services again, or sign in."),  # noqa: E501
            status=410,
        )
    response = HttpResponseRedirect(_target_url(portal.urls, opened.target_action, opened.target_service_id))
    set_session_cookie(response, portal.request, key=opened.key, root=portal.urls.root)
    return response


def _target_url(urls: PortalUrls, action: str, service_id: int | None) -> str:
    if service_id is None:
        return urls.services()
    return {
        PortalTarget.CANCEL: urls.action(service_id, "cancel"),
        PortalTarget.PAY: urls.action(service_id, "pay"),
        PortalTarget.CHANGE_PLAN: urls.action(service_id, "change-plan"),
    }.get(action, urls.service(service_id))


def sign_in(portal: Portal):
    """E-mail links land here: the host's own login, then the page that was asked for."""
    request = portal.request
    next_path = request.POST.get("next") or request.GET.get("next") or ""
    if not portal.urls.is_inside(next_path):
        next_path = portal.urls.services()
    error = ""
    if request.method == "POST":
        user = get_host().authenticate_customer(
            request,
            email=request.POST.get("email", "").strip()[:254],
            password=request.POST.get("password", "")[:4096],
        )
        if user is not None:
            key, _session = portal_session_open_for(user=user)
            response = HttpResponseRedirect(next_path)
            set_session_cookie(response, request, key=key, root=portal.urls.root)
            return response
        error = portal.tr("The e-mail address or password is incorrect.")
    elif portal.user is not None:
        return HttpResponseRedirect(next_path)
    return portal.render(
        "portal/sign_in.html",
        {"next": next_path, "error": error, "email": request.POST.get("email", "")},
        status=400 if error else 200,
    )


def sign_out(portal: Portal):
    response = HttpResponseRedirect(portal.urls.sign_in())
    end_session(portal.request, response, root=portal.urls.root)
    return response


@signed_in
def service_list(portal: Portal):
    query = portal.request.GET
    sort = query.get("sort", "created")
    descending = query.get("dir", "desc" if sort == "created" else "asc") == "desc"
    view = "list" if query.get("view") == "list" else "cards"
    page = pages.service_list_page(
        user=portal.user,
        status=query.get("status", ""),
        sort=sort,
        descending=descending,
        page=_int(query.get("page"), 1),
    )
    return portal.render(
        "portal/list.html",
        {
            "page": page,
            "view": view,
            "tabs": [("", portal.tr("All"), page.total)]
            + [(status.value, _status_label(portal.tr, status), page.counts.get(status, 0)) for status in pages.TABS],
            "sorts": [
                ("name", portal.tr("Name")),
                ("created", portal.tr("Created")),
                ("next_due", portal.tr("Next due date")),
                ("status", portal.tr("Status")),
            ],
            "query": {"status": page.status, "sort": page.sort, "dir": "desc" if descending else "asc", "view": view},
            "notice": notice_text(portal.tr, query.get("done", "")),
        },
    )


def _status_label(tr, status) -> str:
    return tr(ServiceStatus(status).label)


def _detail(portal: Portal, service_id: int, *, extra: dict | None = None, status: int = 200):
    page = pages.service_detail_page(user=portal.user, service_id=service_id)
    if page is None:
        return portal.not_found()
    return portal.render(
        "portal/detail.html",
        {
            "page": page,
            "row": page.row,
            "service": page.row.service,
            "status_label": _status_label(portal.tr, page.row.service.status),
            "notice": notice_text(portal.tr, portal.request.GET.get("done", "")),
        }
        | (extra or {}),
        status=status,
    )


@signed_in
def service_detail(portal: Portal, service_id: str):
    return _detail(portal, int(service_id))


@signed_in
def reveal_password(portal: Portal, service_id: str):
    """The password on demand, by POST (never in a URL, a list or a cache)."""
    row = pages.service_row(user=portal.user, service_id=int(service_id))
    if row is None:
        return portal.not_found()
    try:
        password = row.service.password.reveal()
    except CredentialsUnavailable:
        password = None
    return _detail(portal, row.service.pk, extra={"password": password, "password_asked": True})


def _done(portal: Portal, service_id: int, notice: str):
    return HttpResponseRedirect(portal.urls.service(service_id, done=notice))


@signed_in
def cancel(portal: Portal, service_id: str):
    row = pages.service_row(user=portal.user, service_id=int(service_id))
    if row is None:
        return portal.not_found()
    service = row.service
    request = portal.request
    error = None
    if request.method == "POST":
        chosen = request.POST.get("reason_choice", "").strip()
        text = request.POST.get("reason", "").strip()
        reason = f"{chosen}: {text}" if chosen and text else (chosen or text)
        try:
            actions.request_cancellation(
                user=portal.user,
                service_id=service.pk,
                type=request.POST.get("type", ""),
                reason=reason,
                password=request.POST.get("password", ""),
                request=request,
            )
        except ServiceError as refusal:
            error = error_text(portal.tr, refusal)
        else:
            return _done(portal, service.pk, "cancellation_requested")
    today = timezone.localdate()
    return portal.render(
        "portal/cancel.html",
        {
            "row": row,
            "service": service,
            # Shown inside the form's section, which the list and detail pages open as a
            # dialog (portal.js), not in the page's banner.
            "form_error": error,
            "form": request.POST,
            "immediate_mode": service.plan.cancellation_mode == CancellationMode.IMMEDIATE,
            "notice_days": service.plan.notice_period_days,
            "end_of_period_date": effective_date_for(
                service, type=CancellationType.END_OF_BILLING_PERIOD, today=today
            ),
            "today": today,
            "reasons": get_settings().PORTAL_CANCELLATION_REASONS,
        },
        status=400 if error else 200,
    )


def _simple_action(portal: Portal, service_id: str, act, notice: str):
    try:
        act(user=portal.user, service_id=int(service_id))
    except ServiceError as refusal:
        if refusal.code == ServiceErrorCode.NOT_FOUND:
            return portal.not_found()
        return _detail(portal, int(service_id), extra={"error": error_text(portal.tr, refusal)}, status=400)
    return _done(portal, int(service_id), notice)


@signed_in
def withdraw(portal: Portal, service_id: str):
    return _simple_action(portal, service_id, actions.withdraw_cancellation, "cancellation_withdrawn")


@signed_in
def resume(portal: Portal, service_id: str):
    return _simple_action(portal, service_id, actions.resume, "resumed")


@signed_in
def reactivate(portal: Portal, service_id: str):
    return _simple_action(portal, service_id, actions.reactivate, "reactivated")


@signed_in
def pause(portal: Portal, service_id: str):
    row = pages.service_row(user=portal.user, service_id=int(service_id))
    if row is None:
        return portal.not_found()
    error = None
    if portal.request.method == "POST":
        raw = portal.request.POST.get("resume_on", "").strip()
        try:
            resume_on = date.fromisoformat(raw) if raw else None
        except ValueError:
            error = portal.tr("Enter the resume date as a date.")
        else:
            try:
                actions.pause(user=portal.user, service_id=row.service.pk, resume_on=resume_on)
            except ServiceError as refusal:
                error = error_text(portal.tr, refusal)
            else:
                return _done(portal, row.service.pk, "paused")
    return portal.render(
        "portal/pause.html",
        {"row": row, "service": row.service, "error": error, "form": portal.request.POST,
         "tomorrow": timezone.localdate() + timedelta(days=1)},
        status=400 if error else 200,
    )


@signed_in
def change_plan(portal: Portal, service_id: str):
    row = pages.service_row(user=portal.user, service_id=int(service_id))
    if row is None:
        return portal.not_found()
    service = row.service
    error = None
    if portal.request.method == "POST":
        try:
            _service, quote, charge = actions.change_plan(
                user=portal.user, service_id=service.pk, plan_id=_int(portal.request.POST.get("plan"), 0)
            )
        except ServiceError as refusal:
            error = error_text(portal.tr, refusal)
        else:
            return _done(portal, service.pk, "upgrade_charged" if charge is not None else "downgrade_scheduled")
    today = timezone.localdate()
    options = []
    for target in service.plan.change_targets.order_by("name"):
        try:
            options.append((target, plan_change_quote(service, target.pk, today=today), None))
        except ServiceError as refusal:
            options.append((target, None, error_text(portal.tr, refusal)))
    return portal.render(
        "portal/change_plan.html",
        {"row": row, "service": service, "options": options, "error": error},
        status=400 if error else 200,
    )


@signed_in
def pay(portal: Portal, service_id: str):
    """Deep link to paying: the open renewal's payment page, or the service page."""
    row = pages.service_row(user=portal.user, service_id=int(service_id))
    if row is None:
        return portal.not_found()
    if row.open_renewal is not None and row.open_renewal.payment_url:
        return HttpResponseRedirect(row.open_renewal.payment_url)
    return _detail(portal, row.service.pk, extra={"error": portal.tr("There is nothing to pay for this service now.")})
