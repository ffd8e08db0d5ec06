"""Tasks whose worker died (killed, out of memory, a machine restart) run again.

The database task backend marks a task RUNNING when a worker claims it and finished when
the task returns; a worker that dies in between leaves the row RUNNING for ever, so the
task never completes and nothing tells the project team. `task_worker_recover` puts such
tasks back in the queue: those claimed last by a worker id that is starting again (a
worker runs one task at a time, so whatever it still holds was cut off), and, from cron,
those running longer than a limit. Every task of ours is safe to run again: its writes are
one transaction that checks the state it starts from.

A task that was cut off `MAX_ATTEMPTS` times (one that brings its worker down) is not
queued again but failed, and the failure handler its module registered with
`on_abandon` marks its work failed (the round, the import) for the people waiting on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
_ABANDON_HANDLERS: dict[str, Callable[..., None]] = {}


def on_abandon(task):
    """Registers what marks a task's work failed once it is given up (called with the
    task's own arguments)."""

    def register(handler: Callable[..., None]) -> Callable[..., None]:
        _ABANDON_HANDLERS[task.module_path] = handler
        return handler

    return register


def _give_up(result: DBTaskResult) -> None:
    result.status = TaskResultStatus.FAILED
    result.finished_at = timezone.now()
    result.exception_class_path = "olievlek.site.worker.WorkerLost"
    result.traceback = f"The worker stopped while running this task {len(result.worker_ids)} times."
    result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
    try:
        result.task  # noqa: B018 (imports the task's module, which registers its handler)
    except Exception:
        logger.warning("task %s points to no task (%s)", result.pk, result.task_path)
        return
    handler = _ABANDON_HANDLERS.get(result.task_path)
    if handler is not None:
        handler(*result.args_kwargs.get("args", []), **result.args_kwargs.get("kwargs", {}))


def task_worker_recover(*, worker_id: str | None = None, stale_minutes: int | None = None) -> dict:
    """Re-queue (or, after MAX_ATTEMPTS, fail) the RUNNING tasks of a dead worker: the ones
    claimed last by `worker_id`, and/or the ones started more than `stale_minutes` ago.
    Returns the ids per outcome."""
    condition = Q()
    if worker_id:
        # A worker id is a JSON list entry; few tasks run at once, so this is read in Python.
        held = [r.pk for r in DBTaskResult.objects.running() if r.worker_ids[-1:] == [worker_id]]
        condition |= Q(pk__in=held)
    if stale_minutes is not None:
        condition |= Q(started_at__lt=timezone.now() - timedelta(minutes=stale_minutes))
    outcome: dict[str, list[str]] = {"requeued": [], "failed": []}
    if not condition:
        return outcome
    with transaction.atomic():
        for result in DBTaskResult.objects.running().filter(condition).select_for_update():
            if len(result.worker_ids) >= MAX_ATTEMPTS:
                _give_up(result)
                outcome["failed"].append(str(result.pk))
                continue
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
            outcome["requeued"].append(str(result.pk))
    for kind, ids in outcome.items():
        for pk in ids:
            logger.warning("task %s of a worker that stopped: %s", pk, kind)
    return outcome
