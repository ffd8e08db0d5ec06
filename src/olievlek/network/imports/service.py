"""The import workflow: upload → check every row (preview) → write all rows or none.

Both checking and writing run as background tasks, because a list of thousands of
organisations takes a while; the job row carries the progress the page shows.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record
from olievlek.site.cache import bump

from ..choices import Source, Status
from ..models import ImportJob, Organisation, ThemeProfile
from ..services.search import reindex_everything
from .parsing import FileProblem, read_sheet
from .validation import OrganisationRow, Outcome, Problem, validate_sheet

PREVIEW_ROWS = 10
ALLOWED_SUFFIXES = (".csv", ".xlsx", ".txt")


def import_job_create(*, uploaded_file, actor) -> ImportJob:
    """Store the upload and queue the check."""
    name = Path(uploaded_file.name).name
    if uploaded_file.size > settings.OLIEVLEK_IMPORT_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("The file is larger than %(mb)d MB.")
                % {"mb": settings.OLIEVLEK_IMPORT_MAX_BYTES // 2**20}
            }
        )
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        raise ValidationError({"file": _("Upload a CSV file (.csv) or an Excel workbook (.xlsx).")})
    from ..tasks import validate_import

    with transaction.atomic():
        job = ImportJob(created_by=actor, filename=name, state=ImportJob.State.VALIDATING)
        job.file.save(name, uploaded_file, save=False)
        job.save()
        audit_record(actor=actor, action="import.upload", target=job, filename=name)
        transaction.on_commit(lambda: validate_import.enqueue(job.pk))
    return job


def _progress_writer(job: ImportJob):
    def write(done: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=done)

    return write


def _check(job: ImportJob) -> Outcome:
    with job.file.open("rb") as handle:
        data = handle.read()
    try:
        sheet = read_sheet(data=data, filename=job.filename)
    except FileProblem as problem:
        return Outcome(rows=[], problems=[Problem(None, None, str(problem))])
    ImportJob.objects.filter(pk=job.pk).update(total_rows=len(sheet.rows), processed_rows=0)
    job.total_rows = len(sheet.rows)
    return validate_sheet(sheet, progress=_progress_writer(job))


def _preview(rows: list[OrganisationRow]) -> list[dict]:
    return [
        {
            "line": r.line,
            "name": r.name,
            "kvk_number": r.kvk_number,
            "city": r.city,
            "province": r.province,
            "sector": r.sector,
            "size_class": r.size_class,
            "is_koploper": r.is_koploper,
        }
        for r in rows[:PREVIEW_ROWS]
    ]


def _finish_invalid(job: ImportJob, outcome: Outcome) -> ImportJob:
    job.state = ImportJob.State.INVALID
    job.errors = [p.as_dict() for p in outcome.problems]
    job.preview = []
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "errors", "preview", "finished_at", "total_rows"])
    return job


def import_job_validate(*, job: ImportJob) -> ImportJob:
    outcome = _check(job)
    if outcome.problems:
        return _finish_invalid(job, outcome)
    job.state = ImportJob.State.VALID
    job.errors = []
    job.preview = _preview(outcome.rows)
    job.save(update_fields=["state", "errors", "preview", "total_rows"])
    return job


def import_job_start(*, job: ImportJob, actor) -> ImportJob:
    """Queue the write of a checked file; only a file without problems can be started."""
    from ..tasks import execute_import

    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.state != ImportJob.State.VALID:
            raise ValidationError(_("Only a checked file without errors can be imported."))
        job.state = ImportJob.State.IMPORTING
        job.processed_rows = 0
        job.save(update_fields=["state", "processed_rows"])
        audit_record(actor=actor, action="import.start", target=job, rows=job.total_rows)
        transaction.on_commit(lambda: execute_import.enqueue(job.pk))
    return job


def _slugs(rows: list[OrganisationRow]) -> list[str]:
    taken = set(Organisation.objects.values_list("slug", flat=True))
    slugs = []
    for row in rows:
        base = slugify(row.name)[:200] or "organisatie"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _write(rows: list[OrganisationRow], actor) -> int:
    now = timezone.now()
    organisations = [
        Organisation(
            name=r.name,
            slug=slug,
            kvk_number=r.kvk_number,
            city=r.city,
            province=r.province,
            sector=r.sector,
            size_class=r.size_class,
            website=r.website,
            email=r.email,
            phone=r.phone,
            description=r.description,
            is_koploper=r.is_koploper,
            is_ambassador=r.is_ambassador,
            is_partner=r.is_partner,
            status=Status.APPROVED,
            source=Source.IMPORT,
            reviewed_at=now,
            reviewed_by=actor,
        )
        for r, slug in zip(rows, _slugs(rows), strict=True)
    ]
    Organisation.objects.bulk_create(organisations, batch_size=500)
    # bulk_create sets primary keys on PostgreSQL and SQLite alike (RETURNING).
    ThemeProfile.objects.bulk_create(
        (
            ThemeProfile(
                organisation=org,
                theme=theme,
                has_experience=theme in r.experience_themes,
                wants_help=theme in r.help_themes,
            )
            for org, r in zip(organisations, rows, strict=True)
            for theme in sorted(r.experience_themes | r.help_themes)
        ),
        batch_size=1000,
    )
    return len(organisations)


def import_job_execute(*, job: ImportJob) -> ImportJob:
    """Check again (the network may have changed since the preview) and write every row
    in one transaction, or nothing."""
    outcome = _check(job)
    if outcome.problems:
        return _finish_invalid(job, outcome)
    with transaction.atomic():
        created = _write(outcome.rows, job.created_by)
        transaction.on_commit(lambda: bump("network"))
        transaction.on_commit(reindex_everything)
        job.state = ImportJob.State.DONE
        job.created_count = created
        job.processed_rows = job.total_rows
        job.finished_at = timezone.now()
        job.save(
            update_fields=["state", "created_count", "processed_rows", "finished_at", "total_rows"]
        )
        audit_record(actor=job.created_by, action="import.done", target=job, created=created)
    return job
