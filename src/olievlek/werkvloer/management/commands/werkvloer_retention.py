"""`olievlek werkvloer_retention`: run daily from cron. Closes rounds past their closing
date (computing their team results) and deletes raw answers past the retention period."""

from django.core.management.base import BaseCommand

from olievlek.werkvloer.services import answers_purge, rounds_close_due


class Command(BaseCommand):
    help = "Close self-scan rounds past their date and delete raw answers past retention."

    def handle(self, *args, **options):
        closed = rounds_close_due()
        deleted = answers_purge()
        self.stdout.write(f"Rounds closed: {closed}. Responses deleted: {deleted}.")
