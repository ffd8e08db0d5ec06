from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Notifications: what happened for a person, shown in the notification centre and
    mailed at once, in a daily or weekly digest, or never, as each person chooses per
    kind. Other apps call ``olievlek.notifications.services.notify``."""

    name = "olievlek.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    member_items = [(_("Notifications"), "notifications:list")]
