from django.urls import path

from .views import backoffice, member, member_matches, public

app_name = "payitforward"

M = "mijn/payitforward/"
B = "beheer/payitforward/"

urlpatterns = [
    path("payitforward/", public.index, name="index"),
    path("payitforward/keten", public.chain_page, name="chain"),
    path("payitforward/aanbod", public.offers, name="offers"),
    # The member area.
    path(M, member.home, name="member_home"),
    path(f"{M}aanbod/nieuw", member.offer_form, name="member_offer_new"),
    path(f"{M}aanbod/<int:pk>", member.offer_form, name="member_offer_edit"),
    path(f"{M}aanbod/<int:pk>/intrekken", member.offer_withdraw, name="member_offer_withdraw"),
    path(f"{M}hulpvraag/nieuw", member.request_form, name="member_request_new"),
    path(f"{M}hulpvraag/<int:pk>", member.request_form, name="member_request_edit"),
    path(
        f"{M}hulpvraag/<int:pk>/intrekken", member.request_withdraw, name="member_request_withdraw"
    ),
    path(f"{M}uitsluitingen", member.exclusions, name="member_exclusions"),
    path(
        f"{M}uitsluitingen/<int:pk>/verwijderen",
        member.exclusion_remove,
        name="member_exclusion_remove",
    ),
    path(f"{M}vragen/<int:offer_pk>", member.ask, name="member_ask"),
    path(f"{M}matches/<int:pk>", member_matches.detail, name="member_match"),
    path(f"{M}matches/<int:pk>/accepteren", member_matches.accept, name="member_match_accept"),
    path(f"{M}matches/<int:pk>/afwijzen", member_matches.decline, name="member_match_decline"),
    path(f"{M}matches/<int:pk>/plannen", member_matches.plan, name="member_match_plan"),
    path(f"{M}matches/<int:pk>/verslag", member_matches.meeting, name="member_match_meeting"),
    path(f"{M}matches/<int:pk>/beoordelen", member_matches.rate, name="member_match_rate"),
    path(f"{M}matches/<int:pk>/afronden", member_matches.complete, name="member_match_complete"),
    path(f"{M}matches/<int:pk>/doorgeven", member_matches.pledge, name="member_match_pledge"),
    # The project team's back office (two-factor login is enforced under /beheer/).
    path(B, backoffice.home, name="bo_home"),
    path(f"{B}rondes/", backoffice.rounds, name="bo_rounds"),
    path(f"{B}rondes/<int:pk>/", backoffice.round_detail, name="bo_round"),
    path(f"{B}rondes/<int:pk>/publiceren", backoffice.round_publish, name="bo_round_publish"),
    path(f"{B}rondes/<int:pk>/verwerpen", backoffice.round_discard, name="bo_round_discard"),
    path(
        f"{B}rondes/<int:pk>/voorstellen/<int:match_pk>/verwijderen",
        backoffice.proposal_remove,
        name="bo_proposal_remove",
    ),
    path(
        f"{B}rondes/<int:pk>/voorstellen/<int:match_pk>/wijzigen",
        backoffice.proposal_change,
        name="bo_proposal_change",
    ),
    path(f"{B}matches/", backoffice.matches, name="bo_matches"),
    path(f"{B}matches/nieuw", backoffice.match_new, name="bo_match_new"),
    path(f"{B}matches/<int:pk>", backoffice.match_detail, name="bo_match"),
]
