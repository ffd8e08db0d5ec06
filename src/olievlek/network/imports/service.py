"""The import workflow: upload → check every row (preview) → write all rows or none.

Both checking and writing run as background tasks, because a list of thousands of
organisations takes a while; the job row carries the progress the page shows.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record
from olievlek.site.cache import bump

from ..choices import Source, Status, sector_name
from ..models import ImportJob, Organisation, ThemeProfile
from ..services.search import reindex_everything
from .parsing import (
    SNIFF_BYTES,
    ZIP_MAGIC,
    FileProblem,
    Sheet,
    check_text,
    check_workbook,
    read_sheet,
)
from .validation import OrganisationRow, Outcome, Problem, ProblemLog, validate_sheet

PREVIEW_ROWS = 10
ALLOWED_SUFFIXES = (".csv", ".xlsx")


def _refuse_content(uploaded_file, name: str) -> None:
    """Refuse, before anything is stored, a file whose content is no CSV or workbook:
    an image or a program renamed to .csv, a zip that is no workbook, binary junk."""
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    try:
        if not head.strip():
            raise FileProblem(_("The file is empty."))
        if head[:4] == ZIP_MAGIC:
            check_workbook(uploaded_file)
        elif name.lower().endswith(".xlsx"):
            raise FileProblem(_("The file is called .xlsx but is not an Excel workbook."))
        else:
            check_text(head)
            if not any(sep in head for sep in (b";", b",", b"\t")):
                raise FileProblem(
                    _(
                        "The file is not a CSV file: the first row must hold the column "
                        "names, separated by semicolons."
                    )
                )
    except FileProblem as problem:
        raise ValidationError({"file": str(problem)}) from problem
    finally:
        uploaded_file.seek(0)


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
    _refuse_content(uploaded_file, name)
    from ..tasks import validate_import

    with transaction.atomic():
        job = ImportJob(
            created_by=actor,
            filename=name,
            state=ImportJob.State.VALIDATING,
            heartbeat_at=timezone.now(),
        )
        job.file.save(name, uploaded_file, save=False)
        job.save()
        audit_record(actor=actor, action="import.upload", target=job, filename=name)
        transaction.on_commit(lambda: validate_import.enqueue(job.pk))
    return job


def _progress_writer(job: ImportJob, sheet: Sheet):
    """Rows checked so far, and an estimate of the total from the share of the file
    read (the file is streamed, so the exact total is known only at the end)."""

    def write(done: int) -> None:
        fraction = sheet.fraction_read() if sheet.fraction_read else 0
        estimate = max(done, round(done / fraction)) if fraction else 0
        ImportJob.objects.filter(pk=job.pk).update(
            processed_rows=done, total_rows=estimate, heartbeat_at=timezone.now()
        )

    return write


def _check(job: ImportJob, *, keep: int | None = None, on_row=None, report: bool = True) -> Outcome:
    """Read and check the stored file as a stream. FileProblem (unreadable, too large,
    too many rows) becomes the job's one problem."""
    if report:
        ImportJob.objects.filter(pk=job.pk).update(
            processed_rows=0, total_rows=0, heartbeat_at=timezone.now()
        )
    try:
        with job.file.open("rb") as handle:
            sheet = read_sheet(handle=handle, filename=job.filename)
            try:
                outcome = validate_sheet(
                    sheet,
                    progress=_progress_writer(job, sheet) if report else None,
                    keep=keep,
                    on_row=on_row,
                )
            finally:
                # A bad header stops before the last row: release the reader while
                # the file is still open.
                sheet.rows.close()
    except FileProblem as problem:
        return Outcome(rows=[], problems=ProblemLog([Problem(None, None, str(problem))]))
    job.total_rows = outcome.row_count
    return outcome


def _preview(rows: list[OrganisationRow]) -> list[dict]:
    return [
        {
            "line": r.line,
            "name": r.name,
            "kvk_number": r.kvk_number,
            "city": r.city,
            "province": r.province,
            "sector": r.sector,
            "sector_name": sector_name(r.sector),
            "size_class": r.size_class,
            "is_koploper": r.is_koploper,
        }
        for r in rows[:PREVIEW_ROWS]
    ]


def _finish_invalid(job: ImportJob, outcome: Outcome) -> ImportJob:
    job.state = ImportJob.State.INVALID
    job.errors = [p.as_dict() for p in outcome.problems]
    job.error_count = len(outcome.problems)
    job.preview = []
    job.finished_at = timezone.now()
    job.save(
        update_fields=["state", "errors", "error_count", "preview", "finished_at", "total_rows"]
    )
    return job


def import_job_validate(*, job: ImportJob) -> ImportJob:
    outcome = _check(job, keep=PREVIEW_ROWS)
    if outcome.problems:
        return _finish_invalid(job, outcome)
    job.state = ImportJob.State.VALID
    job.errors = []
    job.error_count = 0
    job.preview = _preview(outcome.rows)
    job.save(update_fields=["state", "errors", "error_count", "preview", "total_rows"])
    return job


def import_job_fail(*, job_id: int, reason: str) -> None:
    """Mark a job that could not finish; nothing was written (the write is one
    transaction). Only a job that is still running is touched."""
    ImportJob.objects.filter(
        pk=job_id, state__in=[ImportJob.State.VALIDATING, ImportJob.State.IMPORTING]
    ).update(state=ImportJob.State.FAILED, failure_reason=reason, finished_at=timezone.now())


def import_jobs_fail_stale(*, job_id: int | None = None) -> int:
    """Fail running jobs that showed no sign of life for OLIEVLEK_IMPORT_STALE_MINUTES:
    their worker was stopped or killed (out of memory, a restart) and will not come
    back to them. Returns how many were marked."""
    cutoff = timezone.now() - timedelta(minutes=settings.OLIEVLEK_IMPORT_STALE_MINUTES)
    stale = ImportJob.objects.filter(
        state__in=[ImportJob.State.VALIDATING, ImportJob.State.IMPORTING]
    ).filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff))
    if job_id is not None:
        stale = stale.filter(pk=job_id)
    return stale.update(
        state=ImportJob.State.FAILED,
        failure_reason=_(
            "The check or import stopped without finishing (no progress for %(minutes)d "
            "minutes). Nothing has been imported. Upload the file again."
        )
        % {"minutes": settings.OLIEVLEK_IMPORT_STALE_MINUTES},
        finished_at=timezone.now(),
    )


def import_job_start(*, job: ImportJob, actor) -> ImportJob:
    """Queue the write of a checked file; only a file without problems can be started."""
    from ..tasks import execute_import

    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.state != ImportJob.State.VALID:
            raise ValidationError(_("Only a checked file without errors can be imported."))
        job.state = ImportJob.State.IMPORTING
        job.processed_rows = 0
        job.heartbeat_at = timezone.now()
        job.save(update_fields=["state", "processed_rows", "heartbeat_at"])
        audit_record(actor=actor, action="import.start", target=job, rows=job.total_rows)
        transaction.on_commit(lambda: execute_import.enqueue(job.pk))
    return job


class _Writer:
    """Writes valid rows in batches as the file is read, inside the caller's
    transaction: a 50,000-row file is never held in memory as a whole."""

    BATCH = 500

    def __init__(self, actor):
        self.actor, self.now = actor, timezone.now()
        self.taken = set(Organisation.objects.values_list("slug", flat=True))
        self.pending: list[OrganisationRow] = []
        self.created = 0
        self.invited = 0

    def _slug(self, name: str) -> str:
        base = slugify(name)[:200] or "organisatie"
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        return slug

    def add(self, row: OrganisationRow) -> None:
        self.pending.append(row)
        if len(self.pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        rows, self.pending = self.pending, []
        organisations = [
            Organisation(
                name=r.name,
                slug=self._slug(r.name),
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
                reviewed_at=self.now,
                reviewed_by=self.actor,
            )
            for r in rows
        ]
        Organisation.objects.bulk_create(organisations)
        # bulk_create sets primary keys on PostgreSQL and SQLite alike (RETURNING).
        ThemeProfile.objects.bulk_create(
            ThemeProfile(
                organisation=org,
                theme=theme,
                has_experience=theme in r.experience_themes,
                wants_help=theme in r.help_themes,
            )
            for org, r in zip(organisations, rows, strict=True)
            for theme in sorted(r.experience_themes | r.help_themes)
        )
        self.created += len(organisations)
        self._invite(organisations, rows)

    def _invite(self, organisations, rows) -> None:
        """Invite the contact person a row names; one who already has an account or an
        open invitation is left alone (the row itself is imported)."""
        from ..services.contacts import invitation_create

        for org, r in zip(organisations, rows, strict=True):
            if not r.contact_email:
                continue
            try:
                invitation_create(organisation=org, email=r.contact_email, actor=self.actor)
            except ValidationError:
                continue
            self.invited += 1


class _Invalid(Exception):
    """Leaves the write transaction so that it rolls back."""

    def __init__(self, outcome: Outcome):
        self.outcome = outcome


def import_job_execute(*, job: ImportJob) -> ImportJob:
    """Check again (the network may have changed since the preview), then write every
    row in one transaction, reading the file a second time in batches; a problem found
    while writing (a concurrent change) rolls every row back. A run queued again after its
    worker died may find the job finished by an earlier run: it leaves the job alone."""
    if ImportJob.objects.get(pk=job.pk).state != ImportJob.State.IMPORTING:
        return job
    outcome = _check(job, keep=0)
    if outcome.problems:
        return _finish_invalid(job, outcome)
    try:
        with transaction.atomic():
            if ImportJob.objects.select_for_update().get(pk=job.pk).state != job.State.IMPORTING:
                return job
            writer = _Writer(job.created_by)
            outcome = _check(job, keep=0, on_row=writer.add, report=False)
            if outcome.problems:
                raise _Invalid(outcome)
            writer.flush()
            transaction.on_commit(lambda: bump("network"))
            transaction.on_commit(reindex_everything)
            job.state = ImportJob.State.DONE
            job.created_count = writer.created
            job.processed_rows = job.total_rows
            job.finished_at = timezone.now()
            job.save(
                update_fields=[
                    "state",
                    "created_count",
                    "processed_rows",
                    "finished_at",
                    "total_rows",
                ]
            )
            audit_record(
                actor=job.created_by, action="import.done", target=job, created=writer.created
            )
    except _Invalid as invalid:
        return _finish_invalid(job, invalid.outcome)
    return job
