"""`olievlek signups_expire`: remove sign-ups whose email address was never confirmed.

Run it regularly (cron or a scheduler, e.g. daily); after 7 days an unconfirmed
registration is deleted and its KvK number can be registered again.
"""

from django.core.management.base import BaseCommand

from olievlek.network.services import signups_expire


class Command(BaseCommand):
    help = "Delete registrations whose email address was not confirmed within 7 days."

    def handle(self, *args, **options):
        count = signups_expire()
        self.stdout.write(f"{count} unconfirmed sign-up(s) expired.")
