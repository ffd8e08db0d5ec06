"""Prints where the demo runs and how to log in."""

from olievlek.site.demo_logins import (
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    EMPLOYER_EMAIL,
    PARTNER_EMAIL,
    STAFF_EMAIL,
)

print(f"""
Olievlek demo: http://127.0.0.1:8000

  Project team (back office /beheer/): {STAFF_EMAIL} / {DEMO_PASSWORD}
      two-factor code: run `.venv/bin/olievlek demo_totp` in another terminal
      (or add TOTP secret {DEMO_TOTP_SECRET} to an authenticator app)
  Employer (Bakkerij De Korenaar, /mijn/): {EMPLOYER_EMAIL} / {DEMO_PASSWORD}
  Partner (Mkb-federatie Midden, /beheer/bijeenkomsten/): {PARTNER_EMAIL} / {DEMO_PASSWORD}

Mail is printed on this console. Stop with Ctrl+C.
""")
