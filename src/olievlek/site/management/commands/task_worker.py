"""`olievlek task_worker --worker-id ID`: the database task worker (`db_worker`) that first
queues again whatever this worker id left running when it was stopped or killed, and
rides out a database outage (a restart, a failover) instead of exiting.

Give each worker a stable id that is unique in the pool (the systemd unit uses
`%H-%i`: host name and instance), so that a restarted worker finds its own tasks.
"""

import logging
import time

from django.db import connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from olievlek.site.worker import task_worker_recover

logger = logging.getLogger("olievlek.worker")
RETRY_SECONDS = (1, 2, 4, 8, 15, 30)  # then every 30 s, for as long as it takes


class Command(DbWorkerCommand):
    help = "Run the task worker, after queueing again the tasks this worker id left running."

    def handle(self, *args, worker_id: str, **options):
        failures = 0
        while True:
            try:
                self._recover(worker_id)
                return super().handle(*args, worker_id=worker_id, **options)
            except OperationalError as error:
                # db_worker exits on a database error; a worker that waits and starts
                # again needs nobody. What it held when the database went is queued
                # again by _recover (every task of ours is safe to run again).
                wait = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                logger.warning(
                    "worker %s: database unavailable (%s); trying again in %s s",
                    worker_id,
                    type(error).__name__,
                    wait,
                )
                connections.close_all()
                time.sleep(wait)

    def _recover(self, worker_id: str) -> None:
        outcome = task_worker_recover(worker_id=worker_id)
        if outcome["requeued"] or outcome["failed"]:
            self.stdout.write(
                f"worker {worker_id}: {len(outcome['requeued'])} task(s) it left running "
                f"queued again, {len(outcome['failed'])} failed"
            )
