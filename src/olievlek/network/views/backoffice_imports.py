"""Importing organisations from a spreadsheet, in the back office."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_page

from .. import imports
from ..forms import ImportUploadForm
from ..imports.validation import ALL_COLUMNS, REQUIRED_COLUMNS
from ..models import ImportJob
from .access import staff_required

IMPORT_COLUMNS = [
    Column(key="file", label=gettext_lazy("File"), sort=("filename",)),
    Column(key="uploaded", label=gettext_lazy("Uploaded"), sort=("created_at",)),
    Column(key="state", label=gettext_lazy("State"), sort=("state",)),
]


@require_http_methods(["GET", "POST"])
@staff_required
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = imports.import_job_create(
                uploaded_file=form.cleaned_data["file"], actor=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("backoffice:import_detail", pk=job.pk)
    imports.import_jobs_fail_stale()
    return render(
        request,
        "network/backoffice/import_upload.html",
        {
            "form": form,
            "columns": ALL_COLUMNS,
            "required": REQUIRED_COLUMNS,
            "listing": list_page(
                request=request,
                queryset=ImportJob.objects.select_related("created_by"),
                columns=IMPORT_COLUMNS,
                per_page=10,
            ),
        },
    )


@require_GET
@staff_required
def import_detail(request, pk: int):
    # A job whose worker died would otherwise say "checking" for ever.
    imports.import_jobs_fail_stale(job_id=pk)
    job = get_object_or_404(ImportJob, pk=pk)
    template = (
        "network/backoffice/_import_status.html"
        if request.htmx
        else "network/backoffice/import_detail.html"
    )
    return render(request, template, {"job": job})


@require_POST
@staff_required
def import_start(request, pk: int):
    job = get_object_or_404(ImportJob, pk=pk)
    try:
        imports.import_job_start(job=job, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("backoffice:import_detail", pk=job.pk)


@require_GET
@staff_required
def import_template(request):
    example = [
        "Bakkerij De Korenaar",
        "12345678",
        "Utrecht",
        "NL-UT",
        "C",
        "klein",
        "https://www.example.nl",
        "info@example.nl",
        "030 123 4567",
        _("Short description"),
        "ja",
        "nee",
        "nee",
        "gezondheid;apk",
        "ontwikkeling",
        "Sanne de Korenaar",
        "sanne@example.nl",
    ]
    # The csv module quotes a cell that holds the delimiter ("gezondheid;apk"), so that
    # the example row has exactly as many cells as there are columns.
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(ALL_COLUMNS)
    writer.writerow(example)
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="olievlek-import-voorbeeld.csv"'
    return response
