"""How drf-spectacular describes the API (`SPECTACULAR_SETTINGS` in settings.py): the
document's title, the words on authentication and limits, and stable enum names."""

API_VERSION = "1.0.0"
SPECTACULAR_SETTINGS = {
    "TITLE": "Olievlek API",
    "DESCRIPTION": (
        "The employer network on sustainable employability (duurzame inzetbaarheid).\n\n"
        "**Authentication.** Reading the public directory needs no login. Everything else "
        "needs a personal API key, made on the page *API-sleutels* (`/mijn/api-sleutels/`) "
        "and sent as `Authorization: Bearer <key>` (or `Authorization: Token <key>`). The "
        "key is shown once; it is valid for at most 90 days and can be revoked on the same "
        "page. An unknown, expired or revoked key answers 401. A key of the project team "
        "acts as the team only when it was made after a two-factor login.\n\n"
        "**Limits.** Requests are limited per client address (without a key) or per "
        "account; over the limit the API answers 429 with a `Retry-After` header."
    ),
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "CONTACT": {"name": "Projectteam Olievlek", "email": "projectteam@olievlek.test"},
    "LICENSE": {"name": "EUPL-1.2"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "olievlek.site.api_schema.document_problems",
    ],
    # One stable name per choice set, so clients generated from the document stay stable.
    "ENUM_NAME_OVERRIDES": {
        "ThemeEnum": "olievlek.network.choices.Theme",
        "SizeClassEnum": "olievlek.network.choices.SizeClass",
        "MatchStateEnum": "olievlek.payitforward.choices.MatchState",
        "RoundStateEnum": "olievlek.payitforward.choices.RoundState",
        "AnswerEnum": "olievlek.payitforward.choices.Answer",
        "RegistrationStateEnum": "olievlek.events.choices.RegistrationState",
        "DivisionStateEnum": "olievlek.events.choices.DivisionState",
        "ImportStateEnum": "olievlek.network.models.ImportJob.State",
    },
}
