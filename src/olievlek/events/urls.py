from django.urls import path

from .views import divisions, manage, member, public, review

app_name = "events"

urlpatterns = [
    # The public calendar and the links from the mails.
    path("bijeenkomsten/", public.calendar, name="calendar"),
    path("bijeenkomsten/agenda.ics", public.feed_ics, name="feed"),
    path("bijeenkomsten/aanmelding/<str:token>", public.registration, name="registration"),
    path(
        "bijeenkomsten/aanmelding/<str:token>/agenda.ics",
        public.registration_ics,
        name="registration_ics",
    ),
    path("bijeenkomsten/beschikbaarheid/<str:token>", public.availability, name="availability"),
    path("bijeenkomsten/<slug:slug>/", public.detail, name="detail"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", public.event_ics, name="event_ics"),
    path("bijeenkomsten/<slug:slug>/aanmelden", public.register, name="register"),
    path(
        "bijeenkomsten/<slug:slug>/aanmelden/verstuurd", public.register_done, name="register_done"
    ),
    path(
        "bijeenkomsten/<slug:slug>/aanmelden/opnieuw-mailen",
        public.register_resend,
        name="register_resend",
    ),
    # The member area.
    path("mijn/bijeenkomsten/", member.my_events, name="my_events"),
    path("mijn/bijeenkomsten/aanmeldingen/<int:pk>/annuleren", member.my_cancel, name="my_cancel"),
    path("mijn/vervolgactiviteiten/nieuw", member.follow_up_add, name="follow_up_add"),
    path(
        "mijn/vervolgactiviteiten/<int:pk>/afgerond", member.follow_up_done, name="follow_up_done"
    ),
    # Management: the project team, and partners for their own meetings.
    path("beheer/bijeenkomsten/", manage.event_list, name="manage_list"),
    path("beheer/bijeenkomsten/nieuw", manage.event_create, name="manage_create"),
    path("beheer/bijeenkomsten/<int:pk>/", manage.event_edit, name="manage_edit"),
    path("beheer/bijeenkomsten/<int:pk>/publiceren", review.event_publish, name="publish"),
    path("beheer/bijeenkomsten/<int:pk>/afwijzen", review.event_reject, name="reject"),
    path(
        "beheer/bijeenkomsten/<int:pk>/aanmeldingen",
        manage.event_registrations,
        name="manage_registrations",
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/aanmeldingen/<int:registration_pk>/annuleren",
        manage.registration_cancel,
        name="manage_cancel",
    ),
    path("beheer/bijeenkomsten/<int:pk>/presentielijst", manage.checkin, name="checkin"),
    path(
        "beheer/bijeenkomsten/<int:pk>/presentielijst/<int:registration_pk>",
        manage.checkin_mark,
        name="checkin_mark",
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/vervolgactiviteiten",
        manage.event_follow_ups,
        name="manage_follow_ups",
    ),
    # Dividing a group over sessions: the project team.
    path("beheer/bijeenkomsten/indelingen/", divisions.division_list, name="division_list"),
    path(
        "beheer/bijeenkomsten/indelingen/nieuw", divisions.division_create, name="division_create"
    ),
    path(
        "beheer/bijeenkomsten/indelingen/<int:pk>/",
        divisions.division_detail,
        name="division_detail",
    ),
    path(
        "beheer/bijeenkomsten/indelingen/<int:pk>/uitnodigen",
        divisions.division_invite,
        name="division_invite",
    ),
    path(
        "beheer/bijeenkomsten/indelingen/<int:pk>/berekenen",
        divisions.division_solve,
        name="division_solve",
    ),
    path(
        "beheer/bijeenkomsten/indelingen/<int:pk>/verplaatsen/<int:invitee_pk>",
        divisions.division_move,
        name="division_move",
    ),
    path(
        "beheer/bijeenkomsten/indelingen/<int:pk>/publiceren",
        divisions.division_publish,
        name="division_publish",
    ),
]
