"""The public business case calculator, its PDF, and the cases members save."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from olievlek.engines import businesscase
from olievlek.network.selectors import organisation_of_user
from olievlek.network.views.access import member_required
from olievlek.site.pdf import pdf_response

from .. import charts, selectors_cases, services
from ..forms import LABELS, BusinessCaseForm, SaveCaseForm


def _figures(inputs: businesscase.Inputs) -> dict:
    result = businesscase.calculate(inputs)
    years = [str(k) for k in range(0, inputs.years + 1)]
    chart = charts.line_chart(
        _("Net benefit over the years (EUR)"),
        years,
        [(_("Net benefit"), [0.0, *(float(v) for v in result.cumulative)])],
    )
    rows = [(LABELS[name], getattr(inputs, name)) for name in businesscase.FIELDS]
    return {
        "result": result,
        "chart": chart,
        "input_rows": rows,
        "inputs": inputs,
        "roi_percent": None if result.roi is None else result.roi * 100,
        "per_year": list(enumerate(result.cumulative, start=1)),
    }


def _form(request) -> BusinessCaseForm:
    return BusinessCaseForm(request.GET if request.GET else None)


@require_GET
def calculator(request):
    form = _form(request)
    context = {"form": form, "sources": businesscase.SOURCES}
    if form.is_bound and form.is_valid():
        context.update(_figures(form.inputs_unchecked()))
        context["query"] = request.GET.urlencode()
    elif not form.is_bound:
        context.update(_figures(businesscase.DEFAULTS))
        context["query"] = ""
    context["organisation"] = organisation_of_user(request.user)
    context["save_form"] = SaveCaseForm()
    return render(request, "impact/businesscase.html", context)


@require_GET
def calculator_pdf(request):
    form = _form(request)
    inputs = form.inputs_unchecked() if form.is_bound and form.is_valid() else None
    if form.is_bound and inputs is None:
        return redirect(f"{request.path.rsplit('/', 1)[0]}/?{request.GET.urlencode()}")
    figures = _figures(inputs or businesscase.DEFAULTS)
    return pdf_response(
        request,
        template="impact/businesscase_pdf.html",
        context={**figures, "name": _("Business case"), "sources": businesscase.SOURCES},
        filename="businesscase.pdf",
    )


@require_POST
@member_required()
def case_save(request, organisation):
    form = BusinessCaseForm(request.POST)
    name_form = SaveCaseForm(request.POST)
    if not (form.is_valid() and name_form.is_valid()):
        messages.error(request, _("Give the business case a name and check the figures."))
        return redirect("impact:businesscase")
    try:
        services.case_save(
            organisation=organisation,
            user=request.user,
            name=name_form.cleaned_data["name"],
            inputs=form.inputs_unchecked(),
        )
    except ValidationError:
        messages.error(request, _("Check the figures of the business case."))
        return redirect("impact:businesscase")
    messages.success(request, _("The business case is saved."))
    return redirect("impact:my_cases")


def _query(case) -> str:
    return urlencode(case.inputs)


@require_GET
@member_required()
def my_cases(request, organisation):
    cases = [(case, _query(case)) for case in selectors_cases.cases_of(organisation)]
    return render(request, "impact/my_cases.html", {"cases": cases})


def _case(organisation, pk: int):
    case = selectors_cases.case_of(organisation=organisation, pk=pk)
    if case is None:
        raise Http404
    return case


@require_GET
@member_required()
def case_pdf(request, organisation, pk: int):
    case = _case(organisation, pk)
    figures = _figures(businesscase.inputs_from(case.inputs))
    return pdf_response(
        request,
        template="impact/businesscase_pdf.html",
        context={
            **figures,
            "name": case.name,
            "organisation": organisation,
            "sources": businesscase.SOURCES,
        },
        filename=f"businesscase-{case.pk}.pdf",
    )


@require_POST
@member_required()
def case_delete(request, organisation, pk: int):
    services.case_delete(case=_case(organisation, pk))
    messages.success(request, _("The business case is deleted."))
    return redirect("impact:my_cases")
