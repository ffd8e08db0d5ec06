"""`olievlek signups_purge`: delete pending and rejected sign-ups after the retention
period (`OLIEVLEK_SIGNUP_RETENTION_DAYS`, 90 by default). Run it daily from cron."""

from django.core.management.base import BaseCommand

from olievlek.network.services import signups_purge


class Command(BaseCommand):
    help = "Delete pending and rejected sign-ups older than the retention period."

    def handle(self, *args, **options):
        count = signups_purge()
        self.stdout.write(f"{count} old sign-up(s) purged.")
