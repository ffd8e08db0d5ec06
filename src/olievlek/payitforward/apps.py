from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayItForwardConfig(AppConfig):
    """Pay it Forward: front-runners help employers for free, and each learner passes it
    on to two more."""

    name = "olievlek.payitforward"
    verbose_name = _("Pay it Forward")
    # Links in the main menu: (label, URL name).
    nav_items = [(_("Pay it Forward"), "payitforward:index")]
    # Links in the back office's menu and on the member home page.
    backoffice_items = [
        (_("Pay it Forward overview"), "payitforward:bo_home"),
        (_("Match rounds"), "payitforward:bo_rounds"),
        (_("All matches"), "payitforward:bo_matches"),
    ]
    member_items = [(_("Pay it Forward: offer or ask for help"), "payitforward:member_home")]

    def inbox_items(self):
        """Rows for the project team's work inbox (``olievlek.site.inbox``)."""
        from .inbox import inbox_items

        return inbox_items()
