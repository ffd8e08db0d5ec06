from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("mijn/meldingen/", views.notification_list, name="list"),
    path("mijn/meldingen/<int:pk>/gelezen", views.mark_read, name="mark_read"),
    path("mijn/meldingen/alles-gelezen", views.mark_all_read, name="mark_all_read"),
    path("mijn/meldingen/instellingen", views.preferences, name="preferences"),
]
