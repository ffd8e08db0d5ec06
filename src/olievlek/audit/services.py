from __future__ import annotations

from django.db import models

from .models import AuditEntry


def audit_record(*, actor, action: str, target: models.Model, **data) -> AuditEntry:
    """Write one audit entry; call it inside the transaction of the change it records.

    `actor` None means the system (a scheduled task). The actor's name and email address
    are copied into the entry, so that it still says who it was after the account is
    gone."""
    known = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        actor=actor if known else None,
        actor_name=(actor.get_full_name() or "")[:255] if known else "",
        actor_email=(actor.email or "")[:254] if known else "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        data=data,
    )
