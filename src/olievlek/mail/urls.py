"""Outgoing mail in the back office, at /beheer/mail/."""

from django.urls import path

from . import views

app_name = "mail"

urlpatterns = [
    path("", views.mail_list, name="list"),
    path("<int:pk>/", views.mail_detail, name="detail"),
    path("<int:pk>/opnieuw-versturen", views.mail_resend, name="resend"),
]
