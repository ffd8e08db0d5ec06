"""The demo's fictional logins, printed by `make demo` (kept free of Django imports)."""

STAFF_EMAIL = "projectteam@olievlek.test"
EMPLOYER_EMAIL = "werkgever@olievlek.test"
PARTNER_EMAIL = "partner@olievlek.test"
DEMO_PASSWORD = "olievlek-demo-2026"  # noqa: S105 - fictional demo login, printed on purpose
# A fixed TOTP secret, so that the demo's staff login works with `olievlek demo_totp`.
DEMO_TOTP_SECRET = "OLIEVLEKDEMOTOTPSECRETZZZZZZZZZZ"  # noqa: S105
