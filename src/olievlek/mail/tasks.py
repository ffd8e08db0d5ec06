"""Background tasks of outgoing mail (run by `olievlek db_worker`)."""

from django_tasks import task


@task()
def deliver_mail(mail_id: int) -> None:
    from .services import mail_deliver

    mail_deliver(mail_id=mail_id)
