from django.urls import path

from .api import BusinessCaseCalculationView

urlpatterns = [
    path(
        "businesscase/berekening",
        BusinessCaseCalculationView.as_view(),
        name="api-businesscase-calculate",
    ),
]
