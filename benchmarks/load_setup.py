"""The data of `benchmarks/load.py`, made after `demo_load` in a fresh database: member
accounts (one contact person each for as many approved organisations), a logged-in
session and a personal API key for each, and the paths the simulated visitors ask for.

Run by `load.py` as a subprocess with the benchmark's environment, so that the sessions
land in the session store the servers read (the database, or Redis with REDIS_URL).
Prints one JSON document. Sessions are made directly rather than by logging in: a login
costs a deliberately slow password hash, which is not what a page view costs.
"""

from __future__ import annotations

import json
import sys
from importlib import import_module

import django


def _session_for(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def _members(count: int) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from olievlek.accounts.tokens import api_token_create
    from olievlek.network.choices import Status
    from olievlek.network.models import ContactPerson, Organisation

    User = get_user_model()
    organisations = list(
        Organisation.objects.filter(status=Status.APPROVED, contacts__isnull=True).order_by("id")[
            :count
        ]
    )
    members = []
    with transaction.atomic():
        for n, organisation in enumerate(organisations, start=1):
            email = f"lid{n}@load.olievlek.test"
            user = User.objects.create_user(
                email=email, password=None, first_name="Lid", last_name=f"Belasting {n}"
            )
            ContactPerson.objects.create(user=user, organisation=organisation, is_primary=True)
            key = api_token_create(user=user, name="load", days=1, mfa_completed=False)
            members.append(
                {
                    "email": email,
                    "session": _session_for(user),
                    "api_key": key.secret,
                    "organisation": organisation.slug,
                }
            )
    return members


def _paths() -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    from olievlek.events.choices import Audience
    from olievlek.events.selectors import events_visible_to
    from olievlek.knowledge.selectors import stories_published
    from olievlek.network.choices import Status
    from olievlek.network.models import Organisation

    now = timezone.now()
    events = list(events_visible_to(AnonymousUser()).filter(starts_at__gt=now)[:40])
    open_for_members = [
        e.slug
        for e in events
        if e.audience == Audience.PUBLIC and e.registration_status(now) == "open"
    ]
    stories = stories_published()[:20]
    return {
        "organisations": list(
            Organisation.objects.filter(status=Status.APPROVED)
            .order_by("id")
            .values_list("slug", flat=True)[:200]
        ),
        "events": [e.get_absolute_url() for e in events][:20],
        "events_open": open_for_members[:10],
        "stories": [s.get_absolute_url() for s in stories[:20]],
        "api_events": [e.pk for e in events][:20],
    }


def main() -> int:
    django.setup()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    json.dump({"members": _members(count), **_paths()}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
