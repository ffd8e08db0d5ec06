"""`olievlek task_worker --worker-id ID`: the database task worker (`db_worker`) that first
queues again whatever this worker id left running when it was stopped or killed.

Give each worker a stable id that is unique in the pool (the systemd unit uses
`%H-%i`: host name and instance), so that a restarted worker finds its own tasks.
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from olievlek.site.worker import task_worker_recover


class Command(DbWorkerCommand):
    help = "Run the task worker, after queueing again the tasks this worker id left running."

    def handle(self, *args, worker_id: str, **options):
        outcome = task_worker_recover(worker_id=worker_id)
        if outcome["requeued"] or outcome["failed"]:
            self.stdout.write(
                f"worker {worker_id}: {len(outcome['requeued'])} task(s) it left running "
                f"queued again, {len(outcome['failed'])} failed"
            )
        return super().handle(*args, worker_id=worker_id, **options)
