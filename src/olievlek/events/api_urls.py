from django.urls import path

from . import api

urlpatterns = [
    path("bijeenkomsten", api.EventListView.as_view(), name="api-events"),
    path("bijeenkomsten/<int:pk>", api.EventDetailView.as_view(), name="api-event-detail"),
    path(
        "bijeenkomsten/<int:pk>/aanmeldingen",
        api.EventRegistrationListView.as_view(),
        name="api-event-registrations",
    ),
    path(
        "bijeenkomsten/<int:pk>/aanmeldingen/<int:registration_pk>",
        api.EventRegistrationDetailView.as_view(),
        name="api-event-registration-detail",
    ),
]
