"""The impact dashboard: a public summary, the full view, CSV and PDF for the team."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from olievlek.programme.access import figures_reader_required, reads_full_figures
from olievlek.site.pdf import pdf_response

from .. import report
from ..forms import FilterForm


def _tables(request, *, team: bool):
    form = FilterForm(request.GET or None)
    filters = form.filters()
    return form, filters, report.dashboard_tables(filters, team=team)


@require_GET
def dashboard(request):
    team = reads_full_figures(request.user)
    form, filters, tables = _tables(request, team=team)
    return render(
        request,
        "impact/dashboard.html",
        {
            "form": form,
            "tables": tables,
            "totals": report.headline(filters),
            "team": team,
            "query": request.GET.urlencode(),
        },
    )


@require_GET
@figures_reader_required
def table_csv(request, key: str):
    _form, _filters, tables = _tables(request, team=True)
    table = next((t for t in tables if t.key == key), None)
    if table is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="impact-{key}.csv"'
    writer = csv.writer(response)
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return response


@require_GET
@figures_reader_required
def report_pdf(request):
    form, filters, tables = _tables(request, team=True)
    return pdf_response(
        request,
        template="impact/report_pdf.html",
        context={
            "tables": tables,
            "totals": report.headline(filters),
            "filters": filters,
            "today": timezone.localdate(),
        },
        filename=f"voortgangsrapportage-{timezone.localdate():%Y-%m-%d}.pdf",
    )
