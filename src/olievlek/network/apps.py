from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "olievlek.network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from olievlek.audit.labels import register_action_labels

        register_action_labels(
            {
                "organisation.approved": _("Registration approved"),
                "organisation.rejected": _("Registration rejected"),
                "organisation.roles": _("Roles changed"),
                "organisation.update": _("Profile changed"),
                "organisation.themes": _("Themes changed"),
                "contact.invite": _("Contact person invited"),
                "contact.remove": _("Contact person removed"),
                "import.upload": _("Import uploaded"),
                "import.start": _("Import started"),
                "import.done": _("Import completed"),
            }
        )
