from django.core.management.base import BaseCommand

from olievlek.mail.services import mail_prune, mail_send_due


class Command(BaseCommand):
    help = (
        "Send every mail that is due: queued mails whose task was lost, and retries whose "
        "time has come (needed when the task backend cannot defer tasks; safe to run often). "
        "Also deletes finished mails older than the retention period (90 days)."
    )

    def handle(self, *args, **options):
        sent = mail_send_due()
        pruned = mail_prune()
        self.stdout.write(f"{sent} mail(s) sent, {pruned} old mail(s) deleted.")
