"""What each kind of visitor gets on every URL pattern: the table of the permission sweep
(`test_permission_sweep.py` explains the visitors and the outcomes)."""

from __future__ import annotations

from olievlek.site.tests.permission_matrix import LOGIN

from .sweep_outcomes import (
    ADMIN,
    ALL,
    API_ALL,
    API_MEMBER,
    API_TEAM,
    HOME,
    MEMBER,
    OWN_A,
    OWN_A_POST,
    REAUTH,
    SETUP_2FA,
    TEAM,
    TEAM_POST,
)
from .sweep_table_bolists import ROWS as BOLISTS_ROWS
from .sweep_table_forms import ROWS as FORMS_ROWS
from .sweep_table_more import MORE_ROWS
from .sweep_table_ops import ROWS as OPS_ROWS
from .sweep_table_search import ROWS as SEARCH_ROWS

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
    **MORE_ROWS,
    **SEARCH_ROWS,
    **FORMS_ROWS,
    **BOLISTS_ROWS,
    **OPS_ROWS,
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
