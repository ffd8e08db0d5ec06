"""`olievlek tasks_recover`: run again the tasks whose worker died (see site/worker.py)."""

from django.core.management.base import BaseCommand

from olievlek.site.worker import task_worker_recover


class Command(BaseCommand):
    help = (
        "Queue again the tasks left running by a worker that stopped: those of --worker-id "
        "(a worker that is starting again), and/or those running longer than --stale-minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id")
        parser.add_argument("--stale-minutes", type=int)

    def handle(self, *args, worker_id, stale_minutes, **options):
        outcome = task_worker_recover(worker_id=worker_id, stale_minutes=stale_minutes)
        self.stdout.write(
            f"{len(outcome['requeued'])} task(s) queued again, "
            f"{len(outcome['failed'])} failed after too many attempts."
        )
