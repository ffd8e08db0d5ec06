from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """Outgoing mail: every mail is stored, sent by the task worker after the change that
    caused it is committed, retried when the mail server is away, and visible to the
    project team."""

    name = "olievlek.mail"
    label = "mail"
    verbose_name = _("Mail")
    backoffice_items = [(_("Outgoing mail"), "mail:list")]
    backoffice_position = 90

    def inbox_items(self):
        """Rows for the project team's work inbox (``olievlek.site.inbox``)."""
        from .inbox import inbox_items

        return inbox_items()

    def ready(self) -> None:
        from olievlek.audit.labels import register_action_labels

        register_action_labels({"mail.resend": _("Mail sent again")})
