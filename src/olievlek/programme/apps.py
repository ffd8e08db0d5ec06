from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """*Programmalijnen*: the programme's lines of work and the partners that lead them."""

    name = "olievlek.programme"
    label = "programme"
    verbose_name = _("Programme lines")
    nav_items = [(_("Programme lines"), "programme:list")]
    member_items = [
        (_("Our own activities"), "programme:my_initiatives"),
        (_("Sounding board"), "programme:board_member_list"),
    ]
    backoffice_items = [
        (_("Programme lines"), "programme:bo_list"),
        (_("Sounding board"), "programme:board_staff_list"),
    ]

    def inbox_items(self):
        """Rows for the project team's work inbox (``olievlek.site.inbox``)."""
        from .inbox import inbox_items

        return inbox_items()

    def ready(self) -> None:
        from olievlek.audit.labels import register_action_labels

        register_action_labels(
            {
                "programme.line_create": _("Programme line created"),
                "programme.line_update": _("Programme line changed"),
                "programme.line_delete": _("Programme line deleted"),
                "programme.board_seat": _("Sounding-board group changed"),
                "programme.board_proposal": _("Proposal put to the sounding board"),
                "programme.board_decision": _("Sounding-board decision published"),
            }
        )
