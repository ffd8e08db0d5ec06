from django.db.models import Q, QuerySet

from .models import AuditEntry


def audit_entries_for(*, target) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")


def audit_entries_recent() -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor")


def audit_entries_search(*, q: str = "") -> QuerySet[AuditEntry]:
    """The log, newest first, narrowed to entries whose object, person or action
    contains ``q``."""
    qs = audit_entries_recent()
    if q:
        qs = qs.filter(
            Q(target_label__icontains=q)
            | Q(actor_name__icontains=q)
            | Q(actor_email__icontains=q)
            | Q(action__icontains=q)
        )
    return qs.order_by("-created_at", "-pk")
