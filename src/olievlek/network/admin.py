"""The Django admin for the network. Changes made here are audited like those made in
the back office: the admin writes models directly, so each ModelAdmin records what it
changed (before and after) and deletes organisations through the service that keeps the
programme's totals whole."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction

from olievlek.audit.services import audit_record
from olievlek.site.cache import bump

from . import services
from .models import (
    ContactPerson,
    ImportJob,
    Invitation,
    Organisation,
    ProfileChange,
    ThemeProfile,
)
from .services.search import reindex_organisation


def _plain(value):
    """A value the audit log can store: model instances by their label, the rest as is."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "_meta"):
        return str(value)
    if isinstance(value, list | tuple | set) or hasattr(value, "__iter__"):
        return [_plain(v) for v in value]
    return str(value)


def _form_changes(form) -> dict[str, list]:
    return {
        name: [_plain(form.initial.get(name)), _plain(form.cleaned_data.get(name))]
        for name in form.changed_data
    }


class AuditedAdmin(admin.ModelAdmin):
    """Records every save and delete in the audit log, against `audit_target(obj)`."""

    audit_name = ""

    def audit_target(self, obj):
        return obj

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changes = _form_changes(form)
            if not change or changes:
                audit_record(
                    actor=request.user,
                    action=f"{self.audit_name}.{'admin_change' if change else 'admin_add'}",
                    target=self.audit_target(obj),
                    object=str(obj),
                    changes=changes,
                )
            transaction.on_commit(lambda: bump("network"))

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=f"{self.audit_name}.admin_delete",
                target=self.audit_target(obj),
                object=str(obj),
            )
            super().delete_model(request, obj)
            transaction.on_commit(lambda: bump("network"))

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class ThemeProfileInline(admin.TabularInline):
    model = ThemeProfile
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    audit_name = "organisation"
    list_display = ["name", "city", "province", "sector", "size_class", "status", "is_koploper"]
    list_filter = ["status", "is_koploper", "is_ambassador", "province", "sector", "size_class"]
    search_fields = ["name", "city", "kvk_number"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ThemeProfileInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        transaction.on_commit(lambda: reindex_organisation(obj))

    def save_formset(self, request, form, formset, change):
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            changed = [
                {"theme": str(f.instance), "changes": _form_changes(f)}
                for f in formset.forms
                if f.has_changed() and f not in formset.deleted_forms
            ]
            deleted = [str(obj) for obj in formset.deleted_objects]
            if changed or deleted:
                audit_record(
                    actor=request.user,
                    action="organisation.admin_themes",
                    target=form.instance,
                    changed=changed,
                    deleted=deleted,
                )

    def get_deleted_objects(self, objs, request):
        # Nothing is deleted but the organisation's personal data (see `delete_model`), so
        # the matches that protect it do not block the deletion.
        return [str(obj) for obj in objs], {}, set(), []

    def delete_model(self, request, obj):
        """Deleting anonymises, as in the back office: matches and registrations stay."""
        try:
            services.organisation_delete(organisation=obj, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))


@admin.register(ContactPerson)
class ContactPersonAdmin(AuditedAdmin):
    audit_name = "contact"
    list_display = ["user", "organisation", "is_primary"]
    search_fields = ["user__email", "organisation__name"]
    raw_id_fields = ["user", "organisation"]

    def audit_target(self, obj):
        return obj.organisation


@admin.register(Invitation)
class InvitationAdmin(AuditedAdmin):
    audit_name = "invitation"
    list_display = ["email", "organisation", "created_at", "accepted_at"]
    raw_id_fields = ["organisation", "invited_by"]

    def audit_target(self, obj):
        return obj.organisation


@admin.register(ProfileChange)
class ProfileChangeAdmin(admin.ModelAdmin):
    """Read only: decisions go through the back office, which mails the member."""

    list_display = ["organisation", "state", "requested_at", "decided_at"]
    list_filter = ["state"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["filename", "state", "total_rows", "created_count", "created_at"]
