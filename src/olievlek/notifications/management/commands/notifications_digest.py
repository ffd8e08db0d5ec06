"""`olievlek notifications_digest --period daily|weekly`: send each person one digest of
their notifications of that cadence (cron: daily in the morning, weekly on Monday).
Running it twice in a period sends nothing the second time."""

from django.core.management.base import BaseCommand

from olievlek.notifications.services import digests_send


class Command(BaseCommand):
    help = "Send the daily or weekly digest of notifications."

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=["daily", "weekly"], required=True)

    def handle(self, *args, **options):
        count = digests_send(period=options["period"])
        self.stdout.write(f"{count} digest(s) sent.")
