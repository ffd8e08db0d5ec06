"""The permission sweep: every URL pattern of the site and the API, requested by every kind
of visitor, with the ids of objects that belong to somebody else.

The visitors: anonymous, the contact of organisation A, the contact of organisation B, a
staff account whose session has no completed second factor, and the project team. The
objects in the URLs belong to A (see `sweep_world`), so B asks for someone else's things.
`TABLE` says what each visitor gets; a URL pattern without a row fails
`test_every_url_pattern_has_a_row`, so nothing new escapes the sweep.

Outcomes: a status code; `LOGIN` (a redirect to the login page that returns to the URL);
or a string, a redirect to a URL starting with it.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from olievlek.site.tests.permission_matrix import LOGIN, assert_outcome

from .sweep_world import build_world

pytestmark = pytest.mark.django_db

VISITORS = ("anon", "a", "b", "nomfa", "staff")
SETUP_2FA = "/accounts/2fa/totp/activate/"  # where staff without a second factor are sent
HOME = "/mijn/"
REAUTH = "/accounts/reauthenticate/"

ALL = (200,) * 5
MEMBER = (LOGIN, 200, 200, 403, 403)  # member pages: the team has no organisation
OWN_A = (LOGIN, 200, 404, 403, 403)  # an object of A
OWN_A_POST = (LOGIN, 302, 404, 403, 403)
TEAM = (LOGIN, 403, 403, SETUP_2FA, 200)
TEAM_POST = (LOGIN, 403, 403, SETUP_2FA, 302)
API_ALL = (200,) * 5
API_MEMBER = (401, 200, 200, 403, 200)
API_TEAM = (401, 403, 403, 403, 200)
ADMIN = ("/admin/login/", "/admin/login/", "/admin/login/", SETUP_2FA, 200)

# URL name -> probes: (method, path with {world} fields, outcomes per visitor[, data]).
TABLE: dict[str, list[tuple]] = {
    # --- The API -------------------------------------------------------------------------
    "api-organisations": [("get", "/api/v1/organisaties", API_ALL)],
    "api-organisation-detail": [
        ("get", "/api/v1/organisaties/{a.pk}", API_ALL),
        ("patch", "/api/v1/organisaties/{a.pk}", (401, 200, 403, 403, 403), {"city": "Gouda"}),
    ],
    "api-pif-offers": [("get", "/api/v1/aanbod", API_MEMBER)],
    "api-pif-offer-detail": [("get", "/api/v1/aanbod/{offer_a.pk}", (401, 200, 404, 403, 200))],
    "api-pif-requests": [("get", "/api/v1/hulpvragen", API_MEMBER)],
    "api-pif-request-detail": [
        ("get", "/api/v1/hulpvragen/{request_a.pk}", (401, 200, 404, 403, 200))
    ],
    "api-pif-matches": [("get", "/api/v1/matches", API_MEMBER)],
    "api-pif-match-detail": [("get", "/api/v1/matches/{match_a.pk}", (401, 200, 404, 403, 200))],
    "api-pif-match-accept": [
        ("post", "/api/v1/matches/{match_a.pk}/accepteren", (401, 400, 404, 403, 403))
    ],
    "api-pif-match-decline": [
        ("post", "/api/v1/matches/{match_a.pk}/afwijzen", (401, 400, 404, 403, 403))
    ],
    "api-pif-rounds": [
        ("get", "/api/v1/matchrondes", API_TEAM),
        ("post", "/api/v1/matchrondes", (401, 403, 403, 403, 400), {"responseDays": 0}),
    ],
    "api-pif-round-detail": [("get", "/api/v1/matchrondes/{round.pk}", API_TEAM)],
    "api-pif-round-publish": [
        ("post", "/api/v1/matchrondes/{round.pk}/publiceren", (401, 403, 403, 403, 200))
    ],
    "api-events": [("get", "/api/v1/bijeenkomsten", API_ALL)],
    "api-event-detail": [("get", "/api/v1/bijeenkomsten/{event.pk}", API_ALL)],
    "api-event-registrations": [
        ("get", "/api/v1/bijeenkomsten/{event.pk}/aanmeldingen", (401, 200, 200, 403, 200))
    ],
    "api-event-registration-detail": [
        (
            "get",
            "/api/v1/bijeenkomsten/{event.pk}/aanmeldingen/{registration_a.pk}",
            (401, 200, 404, 403, 200),
        ),
        (
            "delete",
            "/api/v1/bijeenkomsten/{event.pk}/aanmeldingen/{registration_a.pk}",
            (401, 204, 404, 403, 204),
        ),
    ],
    "api-schema": [("get", "/api/v1/schema", API_ALL)],
    "api-docs": [("get", "/api/v1/docs", ALL)],
    # --- Site ------------------------------------------------------------------------------
    "home": [("get", "/", ALL)],
    "accessibility": [("get", "/toegankelijkheid", ALL)],
    "privacy": [("get", "/privacy", ALL)],
    "choose_language": [("get", "/taal/en", ("/",) * 5)],
    # --- Accounts (allauth) ---------------------------------------------------------------
    "account_login": [("get", "/accounts/login/", (200, HOME, HOME, HOME, HOME))],
    "account_logout": [("post", "/accounts/logout/", ("/",) * 5)],
    "account_inactive": [("get", "/accounts/inactive/", ALL)],
    "account_signup": [("get", "/accounts/signup/", (200, HOME, HOME, HOME, HOME))],
    "account_reauthenticate": [("get", "/accounts/reauthenticate/", (LOGIN, 200, 200, 200, 200))],
    "account_request_reauthentication_code": [
        ("get", "/accounts/reauthenticate/code/", (LOGIN, 200, 200, 200, 200))
    ],
    "account_confirm_reauthentication_code": [
        ("get", "/accounts/reauthenticate/code/confirm/", (LOGIN,) + (REAUTH + "code/",) * 4)
    ],
    "account_email": [("get", "/accounts/email/", (LOGIN, 200, 200, 200, 200))],
    "account_email_verification_sent": [("get", "/accounts/confirm-email/", ALL)],
    "account_change_password": [("get", "/accounts/password/change/", (LOGIN, 200, 200, 200, 200))],
    "account_set_password": [
        ("get", "/accounts/password/set/", (LOGIN,) + ("/accounts/password/change/",) * 4)
    ],
    "account_reset_password": [("get", "/accounts/password/reset/", ALL)],
    "account_confirm_login_code": [
        ("get", "/accounts/login/code/confirm/", ("/accounts/login/", HOME, HOME, HOME, HOME))
    ],
    "account_confirm_email": [("get", "/accounts/confirm-email/onzin/", ALL)],
    "account_reset_password_from_key_done": [("get", "/accounts/password/reset/key/done/", ALL)],
    "account_reset_password_from_key": [("get", "/accounts/password/reset/key/1-onzin/", ALL)],
    "account_reset_password_done": [("get", "/accounts/password/reset/done/", ALL)],
    "mfa_index": [("get", "/accounts/2fa/", (LOGIN, 200, 200, 200, 200))],
    "mfa_authenticate": [
        ("get", "/accounts/2fa/authenticate/", ("/accounts/login/", HOME, HOME, HOME, HOME))
    ],
    # Changing the second factor asks for the password again first (allauth).
    "mfa_reauthenticate": [
        ("get", "/accounts/2fa/reauthenticate/", (LOGIN, REAUTH, REAUTH, REAUTH, 200))
    ],
    "mfa_activate_totp": [
        ("get", "/accounts/2fa/totp/activate/", ("/accounts/login/",) + (REAUTH,) * 4)
    ],
    "mfa_deactivate_totp": [
        ("get", "/accounts/2fa/totp/deactivate/", (LOGIN, 404, 404, 404, REAUTH))
    ],
    "mfa_view_recovery_codes": [
        ("get", "/accounts/2fa/recovery-codes/", (LOGIN, 404, 404, 404, 404))
    ],
    "mfa_generate_recovery_codes": [
        ("get", "/accounts/2fa/recovery-codes/generate/", ("/accounts/login/",) + (REAUTH,) * 4)
    ],
    "mfa_download_recovery_codes": [
        ("get", "/accounts/2fa/recovery-codes/download/", (LOGIN, 404, 404, 404, 404))
    ],
    # --- Network ---------------------------------------------------------------------------
    "network:directory": [("get", "/netwerk/", ALL)],
    "network:organisation_detail": [("get", "/netwerk/{a.slug}/", ALL)],
    "network:register": [("get", "/aanmelden", (200, HOME, HOME, HOME, HOME))],
    "network:register_done": [("get", "/aanmelden/verstuurd", ALL)],
    "network:invitation_accept": [("get", "/uitnodiging/{invitation_a.token}", ALL)],
    "network:member_home": [("get", "/mijn/", (LOGIN, 200, 200, "/beheer/", "/beheer/"))],
    "network:member_profile": [("get", "/mijn/profiel", MEMBER)],
    "network:member_themes": [("get", "/mijn/themas", MEMBER)],
    "network:member_contacts": [("get", "/mijn/contactpersonen", MEMBER)],
    "network:member_contact_remove": [
        ("post", "/mijn/contactpersonen/{contact_a2.pk}/verwijderen", OWN_A_POST)
    ],
    "accounts:api_tokens": [
        ("get", "/mijn/api-sleutels/", (LOGIN, 200, 200, 200, 200)),
        ("post", "/mijn/api-sleutels/", (LOGIN, 200, 200, 200, 200), {"name": "x", "days": "7"}),
    ],
    "accounts:api_token_revoke": [
        ("post", "/mijn/api-sleutels/{token_a.pk}/intrekken", (LOGIN, 302, 404, 404, 404))
    ],
    "network:member_data": [("get", "/mijn/gegevens", MEMBER)],
    "network:member_data_download": [("get", "/mijn/gegevens/download", MEMBER)],
    "network:member_account_delete": [
        ("get", "/mijn/account-verwijderen", MEMBER),
        ("post", "/mijn/account-verwijderen", MEMBER, {"password": "fout"}),
    ],
    "backoffice:dashboard": [("get", "/beheer/", TEAM)],
    "backoffice:profile_changes": [("get", "/beheer/profielwijzigingen/", TEAM)],
    "backoffice:profile_change_review": [
        ("get", "/beheer/profielwijzigingen/{change_a.pk}/", TEAM),
        ("post", "/beheer/profielwijzigingen/{change_a.pk}/", TEAM_POST, {"decision": "approve"}),
    ],
    "backoffice:organisation_delete": [
        ("get", "/beheer/organisaties/{a.pk}/verwijderen", TEAM),
        ("post", "/beheer/organisaties/{a.pk}/verwijderen", TEAM_POST, {"confirm": "on"}),
    ],
    "backoffice:queue": [("get", "/beheer/aanmeldingen/", TEAM)],
    "backoffice:review": [("get", "/beheer/aanmeldingen/{a.pk}/", TEAM)],
    "backoffice:organisations": [("get", "/beheer/organisaties/", TEAM)],
    "backoffice:organisation_edit": [("get", "/beheer/organisaties/{a.pk}/", TEAM)],
    "backoffice:contact_remove": [
        (
            "post",
            "/beheer/organisaties/{a.pk}/contactpersonen/{contact_a2.pk}/verwijderen",
            TEAM_POST,
        )
    ],
    "backoffice:export": [("get", "/beheer/export.csv", TEAM)],
    "backoffice:import_upload": [("get", "/beheer/import/", TEAM)],
    "backoffice:import_template": [("get", "/beheer/import/voorbeeld.csv", TEAM)],
    "backoffice:import_detail": [("get", "/beheer/import/{job.pk}/", TEAM)],
    "backoffice:import_start": [("post", "/beheer/import/{job.pk}/start", TEAM_POST)],
    "backoffice:audit": [("get", "/beheer/logboek/", TEAM)],
    # --- Pay it Forward ----------------------------------------------------------------------
    "payitforward:index": [("get", "/payitforward/", ALL)],
    "payitforward:chain": [("get", "/payitforward/keten", ALL)],
    "payitforward:offers": [("get", "/payitforward/aanbod", ALL)],
    "payitforward:member_home": [("get", "/mijn/payitforward/", MEMBER)],
    "payitforward:member_offer_new": [("get", "/mijn/payitforward/aanbod/nieuw", MEMBER)],
    "payitforward:member_offer_edit": [("get", "/mijn/payitforward/aanbod/{offer_a.pk}", OWN_A)],
    "payitforward:member_offer_withdraw": [
        ("get", "/mijn/payitforward/aanbod/{offer_a.pk}/intrekken", OWN_A)
    ],
    "payitforward:member_request_new": [("get", "/mijn/payitforward/hulpvraag/nieuw", MEMBER)],
    "payitforward:member_request_edit": [
        ("get", "/mijn/payitforward/hulpvraag/{request_a.pk}", OWN_A)
    ],
    "payitforward:member_request_withdraw": [
        ("get", "/mijn/payitforward/hulpvraag/{request_a.pk}/intrekken", OWN_A)
    ],
    "payitforward:member_exclusions": [("get", "/mijn/payitforward/uitsluitingen", MEMBER)],
    "payitforward:member_exclusion_remove": [
        ("post", "/mijn/payitforward/uitsluitingen/{exclusion_a.pk}/verwijderen", OWN_A_POST)
    ],
    "payitforward:member_ask": [("get", "/mijn/payitforward/vragen/{offer_a.pk}", MEMBER)],
    "payitforward:member_match": [("get", "/mijn/payitforward/matches/{match_a.pk}", OWN_A)],
    "payitforward:member_match_accept": [
        (
            "post",
            "/mijn/payitforward/matches/{draft_match.pk}/accepteren",
            (LOGIN, 404, 404, 403, 403),
        )
    ],
    "payitforward:member_match_decline": [
        ("get", "/mijn/payitforward/matches/{draft_match.pk}/afwijzen", (LOGIN, 404, 404, 403, 403))
    ],
    "payitforward:member_match_plan": [
        ("get", "/mijn/payitforward/matches/{match_a.pk}/plannen", OWN_A)
    ],
    "payitforward:member_match_meeting": [
        ("get", "/mijn/payitforward/matches/{match_a.pk}/verslag", OWN_A)
    ],
    "payitforward:member_match_rate": [
        ("post", "/mijn/payitforward/matches/{match_a.pk}/beoordelen", (LOGIN, 302, 404, 403, 403))
    ],
    "payitforward:member_match_complete": [
        ("post", "/mijn/payitforward/matches/{match_a.pk}/afronden", (LOGIN, 302, 404, 403, 403))
    ],
    "payitforward:member_match_pledge": [
        ("get", "/mijn/payitforward/matches/{match_a.pk}/doorgeven", OWN_A)
    ],
    "payitforward:bo_home": [("get", "/beheer/payitforward/", TEAM)],
    "payitforward:bo_rounds": [("get", "/beheer/payitforward/rondes/", TEAM)],
    "payitforward:bo_round": [("get", "/beheer/payitforward/rondes/{round.pk}/", TEAM)],
    "payitforward:bo_round_publish": [
        ("post", "/beheer/payitforward/rondes/{round.pk}/publiceren", TEAM_POST)
    ],
    "payitforward:bo_round_discard": [
        ("get", "/beheer/payitforward/rondes/{round.pk}/verwerpen", TEAM)
    ],
    "payitforward:bo_proposal_remove": [
        (
            "post",
            "/beheer/payitforward/rondes/{round.pk}/voorstellen/{draft_match.pk}/verwijderen",
            TEAM_POST,
        )
    ],
    "payitforward:bo_proposal_change": [
        (
            "get",
            "/beheer/payitforward/rondes/{round.pk}/voorstellen/{draft_match.pk}/wijzigen",
            TEAM,
        )
    ],
    "payitforward:bo_matches": [("get", "/beheer/payitforward/matches/", TEAM)],
    "payitforward:bo_match_new": [("get", "/beheer/payitforward/matches/nieuw", TEAM)],
    "payitforward:bo_match": [("get", "/beheer/payitforward/matches/{match_a.pk}", TEAM)],
    # --- Meetings ------------------------------------------------------------------------------
    "events:calendar": [("get", "/bijeenkomsten/", ALL)],
    "events:feed": [("get", "/bijeenkomsten/agenda.ics", ALL)],
    "events:registration": [("get", "/bijeenkomsten/aanmelding/{registration_a.token}", ALL)],
    "events:registration_ics": [
        ("get", "/bijeenkomsten/aanmelding/{registration_a.token}/agenda.ics", ALL)
    ],
    "events:availability": [("get", "/bijeenkomsten/beschikbaarheid/{invitee_a.token}", ALL)],
    "events:detail": [("get", "/bijeenkomsten/{event.slug}/", ALL)],
    "events:event_ics": [("get", "/bijeenkomsten/{event.slug}/agenda.ics", ALL)],
    "events:register": [("get", "/bijeenkomsten/{event.slug}/aanmelden", ALL)],
    "events:register_done": [("get", "/bijeenkomsten/{event.slug}/aanmelden/verstuurd", ALL)],
    "events:my_events": [("get", "/mijn/bijeenkomsten/", MEMBER)],
    "events:my_cancel": [
        ("post", "/mijn/bijeenkomsten/aanmeldingen/{registration_a.pk}/annuleren", OWN_A_POST)
    ],
    "events:follow_up_add": [("get", "/mijn/vervolgactiviteiten/nieuw", MEMBER)],
    "events:follow_up_done": [
        ("post", "/mijn/vervolgactiviteiten/{follow_up_a.pk}/afgerond", OWN_A_POST)
    ],
    "events:manage_list": [("get", "/beheer/bijeenkomsten/", TEAM)],
    "events:manage_create": [("get", "/beheer/bijeenkomsten/nieuw", TEAM)],
    "events:manage_edit": [("get", "/beheer/bijeenkomsten/{event.pk}/", TEAM)],
    # A published meeting is not waiting for review: the team is sent back with a message.
    "events:publish": [("post", "/beheer/bijeenkomsten/{event.pk}/publiceren", TEAM_POST)],
    "events:reject": [
        ("post", "/beheer/bijeenkomsten/{event.pk}/afwijzen", TEAM_POST, {"reason": "Nee"})
    ],
    # --- Programme lines, partners, the sounding board, members' own activities ----------
    "programme:list": [("get", "/programmalijnen/", ALL)],
    "programme:detail": [("get", "/programmalijnen/onbekend/", (404,) * 5)],
    "programme:partners": [("get", "/partners/", ALL)],
    "programme:my_initiatives": [("get", "/mijn/activiteiten/", MEMBER)],
    "programme:initiative_new": [("get", "/mijn/activiteiten/nieuw", MEMBER)],
    "programme:bo_list": [("get", "/beheer/programmalijnen/", TEAM)],
    "programme:bo_create": [("get", "/beheer/programmalijnen/nieuw", TEAM)],
    "programme:bo_edit": [
        ("get", "/beheer/programmalijnen/999999/", (LOGIN, 403, 403, SETUP_2FA, 404))
    ],
    # None of these visitors sits in the sounding-board group.
    "programme:board_member_list": [("get", "/mijn/klankbord/", (LOGIN, 403, 403, 403, 403))],
    "programme:board_member_detail": [
        ("get", "/mijn/klankbord/999999/", (LOGIN, 403, 403, 403, 403))
    ],
    "programme:board_staff_list": [("get", "/beheer/klankbord/", TEAM)],
    "programme:board_staff_create": [("get", "/beheer/klankbord/nieuw", TEAM)],
    "programme:board_staff_detail": [
        ("get", "/beheer/klankbord/999999/", (LOGIN, 403, 403, SETUP_2FA, 404))
    ],
    "programme:board_staff_seat": [
        ("post", "/beheer/klankbord/leden", (LOGIN, 403, 403, SETUP_2FA, 404))
    ],
    "events:manage_registrations": [("get", "/beheer/bijeenkomsten/{event.pk}/aanmeldingen", TEAM)],
    "events:manage_cancel": [
        (
            "post",
            "/beheer/bijeenkomsten/{event.pk}/aanmeldingen/{registration_a.pk}/annuleren",
            TEAM_POST,
        )
    ],
    "events:checkin": [("get", "/beheer/bijeenkomsten/{event.pk}/presentielijst", TEAM)],
    "events:checkin_mark": [
        (
            "post",
            "/beheer/bijeenkomsten/{event.pk}/presentielijst/{registration_a.pk}",
            TEAM_POST,
            {"attendance": "present"},
        )
    ],
    "events:manage_follow_ups": [
        ("get", "/beheer/bijeenkomsten/{event.pk}/vervolgactiviteiten", TEAM)
    ],
    "events:division_list": [("get", "/beheer/bijeenkomsten/indelingen/", TEAM)],
    "events:division_create": [("get", "/beheer/bijeenkomsten/indelingen/nieuw", TEAM)],
    "events:division_detail": [("get", "/beheer/bijeenkomsten/indelingen/{division.pk}/", TEAM)],
    "events:division_invite": [
        ("post", "/beheer/bijeenkomsten/indelingen/{division.pk}/uitnodigen", TEAM_POST)
    ],
    "events:division_solve": [
        ("post", "/beheer/bijeenkomsten/indelingen/{division.pk}/berekenen", TEAM_POST)
    ],
    "events:division_move": [
        (
            "post",
            "/beheer/bijeenkomsten/indelingen/{division.pk}/verplaatsen/{invitee_a.pk}",
            TEAM_POST,
            {"session": ""},
        )
    ],
    "events:division_publish": [
        ("post", "/beheer/bijeenkomsten/indelingen/{division.pk}/publiceren", TEAM_POST)
    ],
    "events:register_resend": [
        # Only a visitor's own pending registration (kept in its session) may be mailed again.
        ("post", "/bijeenkomsten/{event.slug}/aanmelden/opnieuw-mailen", (404,) * 5)
    ],
    # --- Outgoing mail ------------------------------------------------------------------------
    "mail:list": [("get", "/beheer/mail/", TEAM)],
    "mail:detail": [("get", "/beheer/mail/{mail_a.pk}/", TEAM)],
    "mail:resend": [("post", "/beheer/mail/{mail_a.pk}/opnieuw-versturen", TEAM_POST)],
    "notifications:list": [("get", "/mijn/meldingen/", (LOGIN, 200, 200, 200, 200))],
    "notifications:preferences": [
        ("get", "/mijn/meldingen/instellingen", (LOGIN, 200, 200, 200, 200))
    ],
    "notifications:mark_all_read": [
        ("post", "/mijn/meldingen/alles-gelezen", (LOGIN, 302, 302, 302, 302))
    ],
    "notifications:mark_read": [
        ("post", "/mijn/meldingen/999999/gelezen", (LOGIN, 302, 302, 302, 302))
    ],
    "backoffice:invitations": [("get", "/beheer/uitnodigingen/", TEAM)],
    "backoffice:invitation_resend": [
        (
            "post",
            "/beheer/uitnodigingen/999999/opnieuw-versturen",
            (LOGIN, 403, 403, SETUP_2FA, 404),
        )
    ],
    # --- Werkvloer: the employer's rounds and the employee's anonymous scan -------------------
    "werkvloer:employer_home": [("get", "/mijn/werkvloer/", MEMBER)],
    "werkvloer:round_new": [("get", "/mijn/werkvloer/rondes/nieuw", MEMBER)],
    "werkvloer:round_detail": [
        ("get", "/mijn/werkvloer/rondes/{open_round_a.pk}", OWN_A),
        ("get", "/mijn/werkvloer/rondes/{closed_round_a.pk}", OWN_A),
    ],
    "werkvloer:round_close": [
        ("get", "/mijn/werkvloer/rondes/{open_round_a.pk}/sluiten", OWN_A),
        ("post", "/mijn/werkvloer/rondes/{open_round_a.pk}/sluiten", OWN_A_POST),
    ],
    "werkvloer:codes": [
        (
            "post",
            "/mijn/werkvloer/rondes/{open_round_a.pk}/teams/{open_team_a.pk}/codes",
            OWN_A,
            {"count": 2},
        )
    ],
    "werkvloer:team_kit": [
        ("get", "/mijn/werkvloer/rondes/{closed_round_a.pk}/teams/{closed_team_a.pk}", OWN_A)
    ],
    "werkvloer:team_kit_pdf": [
        (
            "get",
            "/mijn/werkvloer/rondes/{closed_round_a.pk}/teams/{closed_team_a.pk}/sessie.pdf",
            OWN_A,
        )
    ],
    "werkvloer:start": [("get", "/scan/", ALL)],
    "werkvloer:invitation": [("get", "/scan/c/onbekend", ALL)],
    "werkvloer:resume": [("get", "/scan/terug", ALL)],
    # Without a started scan in this browser, every answer page sends to the return code.
    "werkvloer:page": [("get", "/scan/vragen/was", ("/scan/terug",) * 5)],
    "werkvloer:result": [("get", "/scan/resultaat", ("/scan/terug",) * 5)],
    "werkvloer:result_pdf": [("get", "/scan/resultaat.pdf", ("/scan/terug",) * 5)],
    "werkvloer:delete": [("get", "/scan/verwijderen", ("/scan/terug",) * 5)],
    "werkvloer:leave": [("post", "/scan/afsluiten", ("/scan/",) * 5)],
    # --- Stories, manifesto, search, campaign -------------------------------------------------
    # --- Impact and the business case ----------------------------------------------------
    "api-businesscase-calculate": [("post", "/api/v1/businesscase/berekening", API_ALL)],
    "impact:dashboard": [("get", "/impact/", ALL)],
    # Outside /beheer/ staff without a second factor are refused, not sent to set one up.
    "impact:csv": [("get", "/impact/csv/reach", (LOGIN, 403, 403, 403, 200))],
    "impact:report_pdf": [("get", "/impact/rapport.pdf", (LOGIN, 403, 403, 403, 200))],
    "impact:survey_answer": [("post", "/impact/enquete", ("/",) * 5, {"knows_better": "4"})],
    "impact:survey_dismiss": [("post", "/impact/enquete/sluiten", ("/",) * 5)],
    "impact:businesscase": [("get", "/businesscase/", ALL)],
    "impact:businesscase_pdf": [("get", "/businesscase/pdf", ALL)],
    "impact:case_save": [
        ("post", "/businesscase/opslaan", (LOGIN, 302, 302, 403, 403), {"name": "Plan"})
    ],
    "impact:my_cases": [("get", "/mijn/businesscases/", MEMBER)],
    "impact:case_pdf": [("get", "/mijn/businesscases/{case_a.pk}/pdf", OWN_A)],
    "impact:case_delete": [("post", "/mijn/businesscases/{case_a.pk}/verwijderen", OWN_A_POST)],
    "impact:activities": [("get", "/beheer/impact/activiteiten/", TEAM)],
    "impact:activity_edit": [("get", "/beheer/impact/activiteiten/{activity.pk}/", TEAM)],
    "impact:activity_delete": [
        ("post", "/beheer/impact/activiteiten/{activity.pk}/verwijderen", TEAM_POST)
    ],
    "knowledge:story_list": [("get", "/verhalen/", ALL)],
    "knowledge:story_feed_atom": [("get", "/verhalen/feed/atom", ALL)],
    "knowledge:story_feed_rss": [("get", "/verhalen/feed/rss", ALL)],
    "knowledge:story_detail": [("get", "/verhalen/{story_a.slug}/", (404, 200, 404, 404, 200))],
    "knowledge:story_image": [
        (
            "get",
            "/verhalen/{story_a.slug}/afbeeldingen/{image_a.pk}",
            (404, 200, 404, 404, 200),
        )
    ],
    "knowledge:manifesto": [("get", "/manifest/", ALL)],
    "knowledge:manifesto_endorse": [
        ("post", "/manifest/ondertekenen", (LOGIN, 302, 302, 403, 403))
    ],
    "knowledge:manifesto_withdraw": [("post", "/manifest/intrekken", (LOGIN, 302, 302, 403, 403))],
    "knowledge:search": [("get", "/zoeken/?q=bakkerij", ALL)],
    "knowledge:campaign": [("get", "/campagne/", ALL)],
    "knowledge:campaign_download": [
        ("get", "/campagne/download/{download_token}", (LOGIN, 200, 403, 403, 200))
    ],
    "knowledge:campaign_detail": [("get", "/campagne/{item.slug}/", ALL)],
    # The world's item has no preview image: nobody gets one.
    "knowledge:campaign_preview": [("get", "/campagne/{item.slug}/voorbeeld", (404,) * 5)],
    "knowledge:campaign_request": [("get", "/campagne/{item.slug}/aanvragen", MEMBER)],
    "knowledge:my_stories": [("get", "/mijn/verhalen/", MEMBER)],
    "knowledge:my_story_new": [("get", "/mijn/verhalen/nieuw", MEMBER)],
    "knowledge:my_story_edit": [("get", "/mijn/verhalen/{story_a.pk}/bewerken", OWN_A)],
    "knowledge:my_story_images": [("get", "/mijn/verhalen/{story_a.pk}/afbeeldingen", OWN_A)],
    "knowledge:my_story_image_remove": [
        (
            "post",
            "/mijn/verhalen/{story_a.pk}/afbeeldingen/{image_a.pk}/verwijderen",
            OWN_A_POST,
        )
    ],
    "knowledge:my_story_submit": [("post", "/mijn/verhalen/{story_a.pk}/indienen", OWN_A_POST)],
    "knowledge:my_story_delete": [("get", "/mijn/verhalen/{story_a.pk}/verwijderen", OWN_A)],
    "knowledge:my_campaign": [("get", "/mijn/campagne/", MEMBER)],
    "knowledge:backoffice_stories": [("get", "/beheer/verhalen/", TEAM)],
    "knowledge:backoffice_story": [("get", "/beheer/verhalen/{story_a.pk}/", TEAM)],
    "knowledge:backoffice_story_edit": [("get", "/beheer/verhalen/{story_a.pk}/bewerken", TEAM)],
    "knowledge:backoffice_story_delete": [
        ("get", "/beheer/verhalen/{story_a.pk}/verwijderen", TEAM)
    ],
    "knowledge:backoffice_manifesto": [("get", "/beheer/manifest/", TEAM)],
    "knowledge:backoffice_factor_new": [("get", "/beheer/manifest/factoren/nieuw", TEAM)],
    "knowledge:backoffice_factor": [("get", "/beheer/manifest/factoren/{factor.pk}/", TEAM)],
    "knowledge:backoffice_factor_delete": [
        ("get", "/beheer/manifest/factoren/{factor.pk}/verwijderen", TEAM)
    ],
    "knowledge:backoffice_signature_remove": [
        ("post", "/beheer/manifest/ondertekeningen/{endorsement.pk}/verwijderen", TEAM)
    ],
    "knowledge:backoffice_campaign": [("get", "/beheer/campagne/", TEAM)],
    "knowledge:backoffice_item_new": [("get", "/beheer/campagne/nieuw", TEAM)],
    "knowledge:backoffice_item": [("get", "/beheer/campagne/{item.pk}/", TEAM)],
    "knowledge:backoffice_item_file": [("get", "/beheer/campagne/{item.pk}/bestand", TEAM)],
    "knowledge:backoffice_requests": [("get", "/beheer/campagne/aanvragen/", TEAM)],
    "knowledge:backoffice_request": [("get", "/beheer/campagne/aanvragen/{usage_a.pk}/", TEAM)],
}

# The Django admin: one family, every page of it behind the same wall (`ADMIN_PROBES`).
ADMIN_PREFIX = "admin/"
# Admin pages that are not object pages, with what the team gets.
ADMIN_SPECIAL = {
    "admin:login": (
        "get",
        "/admin/login/",
        ("/accounts/login/?next=/admin/", 403, 403, SETUP_2FA, "/admin/"),
    ),
    "admin:logout": ("post", "/admin/logout/", ("/admin/",) * 3 + (SETUP_2FA, 200)),
    "admin:password_change": ("get", "/admin/password_change/", ADMIN),
    "admin:password_change_done": ("get", "/admin/password_change/done/", ADMIN),
    "admin:autocomplete": ("get", "/admin/autocomplete/", ADMIN[:4] + (403,)),
    "admin:jsi18n": ("get", "/admin/jsi18n/", ADMIN),
    "admin:view_on_site": ("get", "/admin/r/1/1/", ADMIN[:4] + (404,)),
}


def _url_patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _url_patterns(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name


def _site_patterns():
    return [
        (route, name)
        for route, name in _url_patterns()
        if not route.startswith(ADMIN_PREFIX) and not route.startswith("^media/")
    ]


def _admin_patterns():
    return [(route, name) for route, name in _url_patterns() if route.startswith(ADMIN_PREFIX)]


def test_every_url_pattern_has_a_row():
    missing = sorted(
        f"{name or '(unnamed)'}: {route}" for route, name in _site_patterns() if name not in TABLE
    )
    assert not missing, "URL patterns without a row in the permission sweep:\n" + "\n".join(missing)
    stale = sorted(set(TABLE) - {name for _route, name in _site_patterns()})
    assert not stale, f"rows for URL names that no longer exist: {stale}"


PROBES = [
    pytest.param(name, *probe, id=f"{name} {probe[0]} {probe[1]}")
    for name, probes in TABLE.items()
    for probe in probes
]


def _request(client, method: str, url: str, data):
    if method in {"patch", "put"} or (url.startswith("/api/") and method == "post"):
        return getattr(client, method)(url, data or {}, content_type="application/json")
    return getattr(client, method)(url, data or {})


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(
    ("name", "method", "url", "outcomes", "data"),
    [
        pytest.param(*p.values[:4], p.values[4] if len(p.values) > 4 else None, id=p.id)
        for p in PROBES
    ],
)
def test_sweep(name, method, url, outcomes, data, visitor, world, client_for):
    url = url.format(**vars(world))
    client = client_for(world.users[visitor])
    response = _request(client, method, url, data)
    want = outcomes[VISITORS.index(visitor)]
    try:
        assert_outcome(response, url=url, want=want)
    except AssertionError:
        got = f"{response.status_code} {getattr(response, 'url', '')}".strip()
        raise AssertionError(f"{visitor} {method} {url}: got {got}, want {want}") from None


# --- The admin family ---------------------------------------------------------------------


def _admin_refuses(model, route: str, user) -> bool:
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    model_admin = admin.site._registry[model]
    if route.endswith("/add/"):
        return not model_admin.has_add_permission(request)
    if route.endswith("/delete/"):
        return not model_admin.has_delete_permission(request)
    return False


def _admin_urls(world) -> list[tuple[str, str, str, tuple]]:
    """Every admin URL pattern, filled in with a real object of its model where it takes
    one, and what each visitor gets."""
    from django.apps import apps

    urls = []
    for route, name in _admin_patterns():
        if name in ADMIN_SPECIAL:
            method, url, outcomes = ADMIN_SPECIAL[name]
            urls.append((name, method, url, outcomes))
            continue
        match = re.match(r"admin/(\w+)/(\w+)/", route)
        if route == "admin/":
            urls.append((name, "get", "/admin/", ADMIN))
            continue
        if route.endswith("(?P<url>.*)$"):  # the admin's catch-all
            urls.append(("admin catch-all", "get", "/admin/onbekend/", ADMIN[:4] + (404,)))
            continue
        if route.startswith("admin/^(?P<app_label>"):
            urls.append((name, "get", "/admin/network/", ADMIN))
            continue
        assert match, f"an admin URL the sweep does not know: {name} {route}"
        app_label, model_name = match.groups()
        model = apps.get_model(app_label, model_name)
        obj = model._default_manager.order_by("pk").first()
        object_id = obj.pk if obj is not None else 1
        # Every id in an admin URL is the model's object (ids differ per database).
        path = "/" + re.sub(r"<[^>]+>", str(object_id), route)
        expected = ADMIN
        refused = _admin_refuses(model, route, world.users["staff"])
        if refused:  # the model's admin allows nobody to add or delete (audit trail, tasks)
            expected = ADMIN[:4] + (403,)
        elif name is None:  # the old object URL, which redirects to the change page
            expected = ADMIN[:4] + ("/admin/",)
        elif obj is None and "<path:object_id>" in route:
            # The admin answers a missing object with a redirect to its list.
            expected = ADMIN[:4] + (302,)
        urls.append((name, "get", path, expected))
    # Logging out last, or every later page would be asked of a logged-out visitor.
    return sorted(urls, key=lambda url: url[0] == "admin:logout")


@pytest.mark.parametrize("visitor", VISITORS)
def test_admin_sweep(visitor, world, client_for):
    client = client_for(world.users[visitor])
    failures = []
    for name, method, url, outcomes in _admin_urls(world):
        response = getattr(client, method)(url)
        want = outcomes[VISITORS.index(visitor)]
        try:
            assert_outcome(response, url=url, want=want)
        except AssertionError:
            got = f"{response.status_code} {getattr(response, 'url', '')}".strip()
            failures.append(f"{name} {url}: got {got}, want {want}")
    assert not failures, "\n".join(failures)
