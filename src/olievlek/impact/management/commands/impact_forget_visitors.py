"""`olievlek impact_forget_visitors`: delete the salts and visitor hashes of past days.

The first page view of a day does this already; run this command daily (cron, just
after midnight) so that a quiet day does not keep yesterday's hashes any longer.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from olievlek.impact.services import visits_forget_before


class Command(BaseCommand):
    help = "Forget the visitor hashes and salts of every day before today."

    def handle(self, *args, **options):
        visits_forget_before(timezone.localdate())
        self.stdout.write("Visitor hashes of past days are deleted.")
