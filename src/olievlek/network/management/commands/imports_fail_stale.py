"""`olievlek imports_fail_stale`: mark import jobs whose worker died as failed.

Run it regularly (cron or a scheduler, e.g. every 10 minutes); the job page does the
same check for the job it shows, so this is for jobs nobody looks at.
"""

from django.core.management.base import BaseCommand

from olievlek.network.imports import import_jobs_fail_stale


class Command(BaseCommand):
    help = "Mark import jobs that stopped making progress as failed."

    def handle(self, *args, **options):
        count = import_jobs_fail_stale()
        self.stdout.write(f"{count} import job(s) marked as failed.")
