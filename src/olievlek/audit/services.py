from __future__ import annotations

from django.db import models

from .models import AuditEntry


def audit_record(*, actor, action: str, target: models.Model, **data) -> AuditEntry:
    """Write one audit entry; call it inside the transaction of the change it records."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        data=data,
    )
