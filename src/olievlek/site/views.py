from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from .cache import public_page
from .selectors import home_page

# The coming meetings change with the clock as well as with edits: a short life.
HOME_TIMEOUT = 60


@require_GET
@public_page("network", "events", "stories", "chain", timeout=HOME_TIMEOUT)
def home(request):
    return render(request, "pages/home.html", {"home": home_page(user=request.user)})


@require_GET
def accessibility(request):
    return render(request, "pages/toegankelijkheid.html")


def privacy_facts() -> dict:
    """The periods and names the privacy statement quotes, read from where the code keeps
    them, so that the statement cannot drift from what the platform does."""
    from olievlek.accounts.tokens import MAX_LIFETIME_DAYS
    from olievlek.mail.services import RETENTION as MAIL_RETENTION
    from olievlek.network.services.signups import UNVERIFIED_DAYS

    return {
        "signup_retention_days": settings.OLIEVLEK_SIGNUP_RETENTION_DAYS,
        "unverified_days": UNVERIFIED_DAYS,
        "scan_retention_months": settings.OLIEVLEK_SCAN_RETENTION_MONTHS,
        "scan_min_group": settings.OLIEVLEK_SCAN_MIN_GROUP,
        "mail_retention_days": MAIL_RETENTION.days,
        "api_key_max_days": MAX_LIFETIME_DAYS,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "language_cookie": settings.LANGUAGE_COOKIE_NAME,
    }


@require_GET
def privacy(request):
    return render(request, "pages/privacy.html", privacy_facts())


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


@require_GET
def choose_language(request, code: str):
    """The language switch: a plain link, so that pages carry no per-visitor form token
    and can be cached. Choosing a language only sets a preference cookie."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response
