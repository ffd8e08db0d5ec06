from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    """*Impact* and the business case: what the network achieves, and what sustainable
    employability saves one employer.

    Other apps may add direct contacts to the reach figures by naming a function on their
    own AppConfig as ``impact_reach`` (dotted path): it gets the dashboard's ``Filters``
    and returns ``(label, count)`` pairs. The self-scan app plugs its scan rounds in so.
    """

    name = "olievlek.impact"
    verbose_name = _("Impact")
    nav_items = [
        (_("Impact"), "impact:dashboard"),
        (_("Business case"), "impact:businesscase"),
    ]
    member_items = [(_("My business cases"), "impact:my_cases")]
    backoffice_items = [
        (_("Impact dashboard"), "impact:dashboard"),
        (_("Campaign activities"), "impact:activities"),
    ]
