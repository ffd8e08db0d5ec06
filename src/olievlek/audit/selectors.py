from django.db.models import QuerySet

from .models import AuditEntry


def audit_entries_for(*, target) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")


def audit_entries_recent() -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor")
