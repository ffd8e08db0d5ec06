"""The project team's back office, at /beheer/."""

from django.urls import path

from .views import (
    backoffice,
    backoffice_erasure,
    backoffice_imports,
    backoffice_invitations,
    backoffice_lists,
    backoffice_profile,
)

app_name = "backoffice"

urlpatterns = [
    path("", backoffice.dashboard, name="dashboard"),
    path("aanmeldingen/", backoffice_lists.queue, name="queue"),
    path("aanmeldingen/goedkeuren", backoffice_lists.queue_bulk, name="queue_bulk"),
    path("aanmeldingen/<int:pk>/", backoffice.review, name="review"),
    path("profielwijzigingen/", backoffice_profile.profile_change_queue, name="profile_changes"),
    path(
        "profielwijzigingen/<int:pk>/",
        backoffice_profile.profile_change_review,
        name="profile_change_review",
    ),
    path("organisaties/", backoffice_lists.organisation_list, name="organisations"),
    path("organisaties/<int:pk>/", backoffice.organisation_edit, name="organisation_edit"),
    path(
        "organisaties/<int:pk>/verwijderen",
        backoffice_erasure.organisation_delete,
        name="organisation_delete",
    ),
    path(
        "organisaties/<int:pk>/contactpersonen/<int:contact_pk>/verwijderen",
        backoffice.contact_remove,
        name="contact_remove",
    ),
    path("export.<str:fmt>", backoffice.export, name="export"),
    path("import/", backoffice_imports.import_upload, name="import_upload"),
    path("import/voorbeeld.csv", backoffice_imports.import_template, name="import_template"),
    path("import/<int:pk>/", backoffice_imports.import_detail, name="import_detail"),
    path("import/<int:pk>/start", backoffice_imports.import_start, name="import_start"),
    path("logboek/", backoffice.audit_log, name="audit"),
    path("uitnodigingen/", backoffice_invitations.invitation_list, name="invitations"),
    path(
        "uitnodigingen/<int:pk>/opnieuw-versturen",
        backoffice_invitations.invitation_resend,
        name="invitation_resend",
    ),
]
