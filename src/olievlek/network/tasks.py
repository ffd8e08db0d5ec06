"""Background tasks of the network (run by `olievlek db_worker`)."""

from django.utils.translation import gettext as _
from django_tasks import task

from olievlek.site.worker import on_abandon

from .imports import service
from .models import ImportJob


def _fail(job_id: int) -> None:
    # The reason is for staff: the type of error, never a stack trace.
    service.import_job_fail(
        job_id=job_id,
        reason=_(
            "The import stopped because of an internal error. Nothing has been imported. "
            "Try again, or contact the administrator."
        ),
    )


@task()
def validate_import(job_id: int) -> None:
    job = ImportJob.objects.get(pk=job_id)
    if job.state != ImportJob.State.VALIDATING:
        return  # failed as stale while it waited in the queue: the user was told so
    try:
        service.import_job_validate(job=job)
    except Exception:
        _fail(job_id)
        raise


@task()
def execute_import(job_id: int) -> None:
    job = ImportJob.objects.get(pk=job_id)
    if job.state != ImportJob.State.IMPORTING:
        return
    try:
        service.import_job_execute(job=job)
    except Exception:
        _fail(job_id)
        raise


@on_abandon(validate_import)
@on_abandon(execute_import)
def _import_abandoned(job_id: int) -> None:
    _fail(job_id)
