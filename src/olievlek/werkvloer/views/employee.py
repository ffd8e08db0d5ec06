"""The employee's pages: no account, a code from the employer, one page at a time.

The response being answered is remembered only in this browser's session (after
starting with an invitation code or entering the return code). Nothing here takes a
response id from the URL, so no page can show anyone else's answers. Posted answers and
codes are marked sensitive, so an error report never contains them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.engines.scan import THEMES
from olievlek.site.pdf import pdf_response

from .. import codes, selectors, services
from ..forms import CodeForm, OpenForm, ReturnCodeForm, ThemeForm, WasForm
from ..models import Response
from ..questions import EMPLOYEE_QUESTIONS, PAGES, statements_of
from .common import THEME_LABELS

SESSION_KEY = "werkvloer_response"


def _too_many(request) -> HttpResponse:
    return render(request, "werkvloer/employee/too_many.html", status=429)


def _current(request) -> Response | None:
    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    return Response.objects.select_related("round", "team").filter(pk=pk).first()


def _remember(request, response: Response) -> None:
    # A new session key, so nobody who knew the old cookie can follow along.
    request.session.cycle_key()
    request.session[SESSION_KEY] = response.pk


def _next_page(response: Response) -> str:
    return PAGES[min(response.page, len(PAGES) - 1)]


def _start_with(request, code: str):
    address = codes.client_address(request)
    if codes.attempts_exceeded(address):
        return _too_many(request)
    try:
        response, return_code = services.response_start(code=code)
    except services.CodeRefused:
        codes.attempt_failed(address)
        return None
    _remember(request, response)
    page = render(request, "werkvloer/employee/return_code.html", {"return_code": return_code})
    page["Cache-Control"] = "no-store"
    return page


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    """For a code typed from the printed sheet."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page = _start_with(request, form.cleaned_data["code"])
        if page is not None:
            return page
        form.add_error("code", _("This code does not work. It may have been used already."))
    return render(
        request, "werkvloer/employee/start.html", {"form": form, "current": _current(request)}
    )


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, code: str):
    if request.method == "POST":
        page = _start_with(request, code)
        if page is not None:
            return page
        return render(request, "werkvloer/employee/refused.html", status=404)
    return render(
        request, "werkvloer/employee/intro.html", {"code": code, "current": _current(request)}
    )


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def resume(request):
    form = ReturnCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = codes.client_address(request)
        if codes.attempts_exceeded(address):
            return _too_many(request)
        try:
            response = services.response_by_return_code(return_code=form.cleaned_data["code"])
        except services.CodeRefused:
            codes.attempt_failed(address)
            form.add_error("code", _("This return code does not work."))
        else:
            _remember(request, response)
            if response.completed:
                return redirect("werkvloer:result")
            return redirect("werkvloer:page", page=_next_page(response))
    return render(request, "werkvloer/employee/resume.html", {"form": form})


def _page_form(page: str, response: Response, data=None):
    if page == "was":
        return WasForm(data, initial={"was": response.was})
    if page == "open":
        return OpenForm(data, initial={"open_answer": response.open_answer})
    return ThemeForm(data, theme=page, initial=response.answers)


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def page(request, page: str):
    if page not in PAGES:
        return redirect("werkvloer:resume")
    response = _current(request)
    if response is None:
        return redirect("werkvloer:resume")
    form = _page_form(page, response, request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            response = services.response_save_page(
                response=response, page=page, data=form.cleaned_data
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            index = PAGES.index(page)
            if index + 1 < len(PAGES):
                return redirect("werkvloer:page", page=PAGES[index + 1])
            return redirect("werkvloer:result")
    index = PAGES.index(page)
    return render(
        request,
        "werkvloer/employee/page.html",
        {
            "form": form,
            "page": page,
            "error": error,
            "step": index + 1,
            "steps": len(PAGES),
            "previous": PAGES[index - 1] if index else None,
            "theme_label": THEME_LABELS.get(page),
            "closed": not response.round.is_open,
        },
    )


def _result_context(response: Response) -> dict:
    result = selectors.personal_result(response=response)
    return {
        "result": result,
        "themes": [(t, THEME_LABELS[t], result["scores"][t], statements_of(t)) for t in THEMES],
        "guide": [(t, THEME_LABELS[t], EMPLOYEE_QUESTIONS[t]) for t in result["weak"]],
        "answers": response.answers,
    }


@never_cache
@require_GET
def result(request):
    response = _current(request)
    if response is None:
        return redirect("werkvloer:resume")
    if not response.completed:
        return redirect("werkvloer:page", page=_next_page(response))
    return render(request, "werkvloer/employee/result.html", _result_context(response))


@never_cache
@require_GET
def result_pdf(request):
    response = _current(request)
    if response is None or not response.completed:
        return redirect("werkvloer:resume")
    return pdf_response(
        request,
        inline=True,
        template="werkvloer/pdf/result.html",
        context=_result_context(response),
        filename="gespreksleidraad.pdf",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def delete(request):
    response = _current(request)
    if response is None:
        return redirect("werkvloer:resume")
    if request.method == "POST":
        services.response_delete(response=response)
        request.session.flush()
        return render(request, "werkvloer/employee/deleted.html")
    return render(
        request,
        "werkvloer/employee/confirm_delete.html",
        {"cancel_href": reverse("werkvloer:result")},
    )


@require_POST
def leave(request):
    request.session.flush()
    return redirect("werkvloer:start")
