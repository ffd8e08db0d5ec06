from django.urls import path

from . import api

urlpatterns = [
    path("aanbod", api.OfferListView.as_view(), name="api-pif-offers"),
    path("aanbod/<int:pk>", api.OfferDetailView.as_view(), name="api-pif-offer-detail"),
    path("hulpvragen", api.RequestListView.as_view(), name="api-pif-requests"),
    path("hulpvragen/<int:pk>", api.RequestDetailView.as_view(), name="api-pif-request-detail"),
    path("matches", api.MatchListView.as_view(), name="api-pif-matches"),
    path("matches/<int:pk>", api.MatchDetailView.as_view(), name="api-pif-match-detail"),
    path("matches/<int:pk>/accepteren", api.MatchAcceptView.as_view(), name="api-pif-match-accept"),
    path("matches/<int:pk>/afwijzen", api.MatchDeclineView.as_view(), name="api-pif-match-decline"),
    path("matchrondes", api.RoundListView.as_view(), name="api-pif-rounds"),
    path("matchrondes/<int:pk>", api.RoundDetailView.as_view(), name="api-pif-round-detail"),
    path(
        "matchrondes/<int:pk>/publiceren",
        api.RoundPublishView.as_view(),
        name="api-pif-round-publish",
    ),
]
