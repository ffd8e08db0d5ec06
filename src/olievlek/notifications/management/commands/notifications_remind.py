"""`olievlek notifications_remind`: send the reminders that are due (cron, e.g. hourly).
Each reminder is sent once."""

from django.core.management.base import BaseCommand

from olievlek.notifications.reminders import reminders_send


class Command(BaseCommand):
    help = "Send due reminders (proposals, meetings, follow-ups, stories, invitations)."

    def handle(self, *args, **options):
        count = reminders_send()
        self.stdout.write(f"{count} reminder(s) sent.")
