from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """*Bijeenkomsten*: meetings, masterclasses, sessions and visits."""

    name = "olievlek.events"
    verbose_name = _("Meetings")
    nav_items = [(_("Meetings"), "events:calendar")]
    backoffice_items = [
        (_("Meetings"), "events:manage_list"),
        (_("Dividing over sessions"), "events:division_list"),
    ]
    member_items = [(_("Our meetings"), "events:my_events")]
