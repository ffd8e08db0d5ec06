from django.contrib import admin

from .models import Division, DivisionInvitee, Event, EventTheme, FollowUp, Registration


class EventThemeInline(admin.TabularInline):
    model = EventTheme
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "capacity", "audience"]
    list_filter = ["kind", "audience"]
    search_fields = ["title", "city"]
    inlines = [EventThemeInline]
    autocomplete_fields = ["organisation", "hosts", "invited_organisations"]
    readonly_fields = ["sequence"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "state", "sequence", "attendance"]
    list_filter = ["state", "attendance"]
    search_fields = ["name", "email", "event__title"]
    raw_id_fields = ["event", "organisation", "registered_by"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["description", "event", "theme", "due_date", "done_at"]
    raw_id_fields = ["event", "registration", "organisation", "created_by"]


class DivisionInviteeInline(admin.TabularInline):
    model = DivisionInvitee
    extra = 0
    raw_id_fields = ["organisation", "assigned_session"]
    exclude = ["available_sessions"]


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["title", "state", "placed", "imbalance", "created_at"]
    inlines = [DivisionInviteeInline]
