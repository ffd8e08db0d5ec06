from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WerkvloerConfig(AppConfig):
    """Werkvloer: the anonymous employee self-scan, the team results an employer may see,
    and the conversations they start."""

    name = "olievlek.werkvloer"
    verbose_name = _("Work floor self-scan")
    member_items = [(_("Work floor: the employee self-scan"), "werkvloer:employer_home")]

    def ready(self):
        from . import checks  # noqa: F401  (registers the minimum-group check)
