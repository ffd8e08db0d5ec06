"""Background tasks of the network (run by `olievlek db_worker`)."""

from django_tasks import task

from .imports import service
from .models import ImportJob


def _fail(job_id: int) -> None:
    ImportJob.objects.filter(pk=job_id).update(state=ImportJob.State.FAILED)


@task()
def validate_import(job_id: int) -> None:
    job = ImportJob.objects.get(pk=job_id)
    try:
        service.import_job_validate(job=job)
    except Exception:
        _fail(job_id)
        raise


@task()
def execute_import(job_id: int) -> None:
    job = ImportJob.objects.get(pk=job_id)
    try:
        service.import_job_execute(job=job)
    except Exception:
        _fail(job_id)
        raise
