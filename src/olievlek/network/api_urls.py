from django.urls import path

from . import api

urlpatterns = [
    path("organisaties", api.OrganisationListView.as_view(), name="api-organisations"),
    path(
        "organisaties/<int:pk>",
        api.OrganisationDetailView.as_view(),
        name="api-organisation-detail",
    ),
]
