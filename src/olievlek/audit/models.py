"""An append-only trail of what changed in the network, who changed it, and when.

A ministry must be able to account for every approval, rejection and edit made on
behalf of the programme, and for what members changed in their own profiles; the
entries are never edited or deleted through the product.

The actor's name and email address are copied into the entry: accounts get deleted
(a contact leaving, an organisation asking to be removed), and the trail must still
say who did it.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(_("by (name)"), max_length=255, blank=True)
    actor_email = models.CharField(_("by (email address)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("object type"), max_length=64)
    target_id = models.CharField(_("object id"), max_length=64)
    target_label = models.CharField(_("object"), max_length=255)
    data = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_label}"

    @property
    def actor_label(self) -> str:
        """Who did it, as it was when it happened; empty for the system itself."""
        if self.actor_name and self.actor_email:
            return f"{self.actor_name} ({self.actor_email})"
        return self.actor_name or self.actor_email

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        """(field label, before, after) for the entries that record changed values.

        Two shapes are stored: `changes` as {field: [before, after]}, and `before` and
        `after` as two dicts."""
        data = self.data or {}
        if isinstance(data.get("changes"), dict):
            pairs = {
                field: (pair[0], pair[1])
                for field, pair in data["changes"].items()
                if isinstance(pair, list | tuple) and len(pair) == 2
            }
        elif isinstance(data.get("before"), dict) or isinstance(data.get("after"), dict):
            before, after = data.get("before") or {}, data.get("after") or {}
            pairs = {field: (before.get(field), after.get(field)) for field in {**before, **after}}
        else:
            return []
        return [(self._field_label(field), old, new) for field, (old, new) in pairs.items()]

    def _field_label(self, field: str) -> str:
        try:
            model = apps.get_model(self.target_type)
            return str(model._meta.get_field(field).verbose_name)
        except (LookupError, ValueError, FieldDoesNotExist):
            return field

    @property
    def action_label(self):
        from .labels import action_label

        return action_label(self.action)
