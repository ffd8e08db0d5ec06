"""The permission sweep's rows for meetings, outgoing mail, the self-scan, stories and
campaign, and the apps added after them (`sweep_table.py` holds the rest)."""

from __future__ import annotations

from .sweep_outcomes import (
    ALL,
    API_ALL,
    LOGIN,
    MEMBER,
    OWN_A,
    OWN_A_POST,
    SETUP_2FA,
    TEAM,
    TEAM_POST,
)

MORE_ROWS: dict[str, list[tuple]] = {
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
