"""`olievlek payitforward_expire`: close proposals whose time to answer has passed.

Run it regularly (cron or a scheduler, e.g. every hour); a learner whose proposal
expires goes back into the pool, and both sides are mailed.
"""

from django.core.management.base import BaseCommand

from olievlek.payitforward.services import matches_expire


class Command(BaseCommand):
    help = "Expire Pay it Forward proposals that were not answered before their deadline."

    def handle(self, *args, **options):
        count = matches_expire()
        self.stdout.write(f"{count} proposal(s) expired.")
