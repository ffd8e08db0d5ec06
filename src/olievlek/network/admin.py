from django.contrib import admin

from .models import ContactPerson, ImportJob, Invitation, Organisation, ThemeProfile


class ThemeProfileInline(admin.TabularInline):
    model = ThemeProfile
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "province", "sector", "size_class", "status", "is_koploper"]
    list_filter = ["status", "is_koploper", "is_ambassador", "province", "sector", "size_class"]
    search_fields = ["name", "city", "kvk_number"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ThemeProfileInline]


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "is_primary"]
    search_fields = ["user__email", "organisation__name"]
    raw_id_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "created_at", "accepted_at"]
    raw_id_fields = ["organisation", "invited_by"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["filename", "state", "total_rows", "created_count", "created_at"]
