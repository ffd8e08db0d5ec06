from django.urls import path

from olievlek.site.cache import public_page

from . import api

urlpatterns = [
    path(
        "organisaties",
        public_page("network")(api.OrganisationListView.as_view()),
        name="api-organisations",
    ),
    path(
        "organisaties/<int:pk>",
        public_page("network")(api.OrganisationDetailView.as_view()),
        name="api-organisation-detail",
    ),
]
