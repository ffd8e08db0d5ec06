from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "olievlek.network"
    verbose_name = _("Network")
    # The back office's menu (``olievlek.site.backoffice_menu``): (label, URL name).
    backoffice_position = 10
    backoffice_items = [
        (_("Sign-ups"), "backoffice:queue"),
        (_("Profile changes"), "backoffice:profile_changes"),
        (_("Organisations"), "backoffice:organisations"),
        (_("Import"), "backoffice:import_upload"),
        (_("Invitations not accepted"), "backoffice:invitations"),
        (_("Audit log"), "backoffice:audit"),
    ]

    def inbox_items(self):
        """Rows for the project team's work inbox (``olievlek.site.inbox``)."""
        from .inbox import inbox_items

        return inbox_items()

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
                "contact.add": _("Contact person added"),
                "contact.delete_self": _("Contact person deleted own account"),
                "contact.admin_add": _("Contact person added in the admin"),
                "contact.admin_change": _("Contact person changed in the admin"),
                "contact.admin_delete": _("Contact person deleted in the admin"),
                "invitation.admin_add": _("Invitation added in the admin"),
                "invitation.admin_change": _("Invitation changed in the admin"),
                "invitation.admin_delete": _("Invitation deleted in the admin"),
                "organisation.admin_add": _("Organisation added in the admin"),
                "organisation.admin_change": _("Organisation changed in the admin"),
                "organisation.admin_themes": _("Themes changed in the admin"),
                "organisation.change_requested": _("Change of name or website requested"),
                "organisation.change_withdrawn": _("Change of name or website withdrawn"),
                "organisation.change_approved": _("Change of name or website approved"),
                "organisation.change_rejected": _("Change of name or website rejected"),
                "organisation.delete": _("Organisation deleted and anonymised"),
                "organisation.expired": _("Unconfirmed registration expired"),
                "organisation.purged": _("Old registration purged"),
                "import.upload": _("Import uploaded"),
                "import.start": _("Import started"),
                "import.done": _("Import completed"),
            }
        )
