"""Deterministic, fictional demo data for meetings: past meetings with attendance and
follow-up actions, upcoming ones (one full, with a waiting list), and the division of
the 100 front-runners over four sessions with a proposal ready to adjust and publish.

Rows are written directly rather than through the services, so that loading the demo
sends no mail.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify

from olievlek.network.models import Organisation

from .choices import (
    Attendance,
    Audience,
    DivisionState,
    EventKind,
    RegistrationState,
    ReviewState,
)
from .models import Division, DivisionInvitee, Event, EventTheme, FollowUp, Registration
from .services.divisions import division_solve

LOCAL = ZoneInfo("Europe/Amsterdam")
FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Daan",
    "Eva",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jasper",
    "Kees",
    "Lotte",
    "Mohamed",
    "Noor",
    "Okke",
    "Priya",
    "Ruben",
    "Sanne",
    "Tim",
    "Umut",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
    "Joost",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Yilmaz",
    "El Amrani",
    "Kok",
]
FOLLOW_UPS = [
    ("gezondheid", "Een vitaliteitsbudget invoeren voor de ploegendienst"),
    ("apk", "Met elk team een loopbaan-APK plannen"),
    ("ontwikkeling", "Een leerbudget per medewerker afspreken met de OR"),
    ("betrokkenheid", "Leidinggevenden trainen in het goede gesprek"),
    ("organisatie", "Roosters samen met medewerkers maken"),
]


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    """A moment `days` from today at a fixed local time (Europe/Amsterdam)."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL)


def _event(created_by, *, themes, **fields) -> Event:
    fields.setdefault("ends_at", fields["starts_at"] + timedelta(hours=3))
    fields.setdefault("review_state", ReviewState.PUBLISHED)
    event = Event(created_by=created_by, **fields)
    event.slug = f"{slugify(event.title)}-{timezone.localtime(event.starts_at).date()}"
    event.save()
    EventTheme.objects.bulk_create(EventTheme(event=event, theme=t) for t in themes)
    return event


def _people(rng: random.Random, event: Event, organisations, count: int, *, state, start=0):
    rows = []
    for n in range(count):
        organisation = organisations[n % len(organisations)]
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        rows.append(
            Registration(
                event=event,
                organisation=organisation,
                name=f"{first} {last}",
                email=f"{slugify(first)}.{start + n + 1}@{organisation.slug[:40]}.example",
                organisation_name=organisation.name,
                state=state,
                sequence=start + n + 1,
                queued_at=event.created_at,
            )
        )
    return Registration.objects.bulk_create(rows)


def _past(rng, staff, bakery, organisations) -> None:
    kickoff = _event(
        staff,
        kind=EventKind.BIJEENKOMST,
        title="Startbijeenkomst: werkgevers in de hoofdrol",
        description="De aftrap van het netwerk: werkgevers vertellen hoe zij duurzame "
        "inzetbaarheid aanpakken en wat ze van elkaar willen leren.",
        venue="Congrescentrum Het Plein",
        address="Plein 1",
        city="Den Haag",
        province="NL-ZH",
        starts_at=_at(-60, 13),
        capacity=120,
        themes=["betrokkenheid", "organisatie", "gezondheid", "ontwikkeling", "apk"],
    )
    masterclass = _event(
        staff,
        kind=EventKind.MASTERCLASS,
        title="Masterclass: het goede gesprek over werk en loopbaan",
        description="Hoe voer je als leidinggevende een open gesprek over doorwerken tot "
        "het pensioen? Met oefeningen en voorbeelden uit de praktijk.",
        online_url="https://meet.olievlek.example/masterclass-gesprek",
        starts_at=_at(-21, 15),
        capacity=40,
        audience=Audience.MEMBERS,
        themes=["betrokkenheid", "apk"],
    )
    for event, count in ((kickoff, 96), (masterclass, 38)):
        registrations = _people(
            rng, event, [bakery, *organisations[1:60]], count, state=RegistrationState.CONFIRMED
        )
        for registration in registrations:
            registration.attendance = (
                Attendance.NO_SHOW if rng.random() < 0.12 else Attendance.PRESENT
            )
        registrations[0].attendance = Attendance.PRESENT  # the bakery's contact came
        Registration.objects.bulk_update(registrations, ["attendance"])
        follow_ups = []
        for registration in registrations[:: 4 if event is kickoff else 3]:
            if registration.attendance != Attendance.PRESENT:
                continue
            theme, text = rng.choice(FOLLOW_UPS)
            due = timezone.localtime(event.starts_at).date() + timedelta(days=rng.randint(30, 120))
            done = due < timezone.localdate() or rng.random() < 0.3
            follow_ups.append(
                FollowUp(
                    event=event,
                    registration=registration,
                    organisation=registration.organisation,
                    description=text,
                    theme=theme,
                    due_date=due,
                    done_at=timezone.now() - timedelta(days=rng.randint(1, 10)) if done else None,
                )
            )
        FollowUp.objects.bulk_create(follow_ups)


def _upcoming(rng, staff, bakery, organisations) -> list[Event]:
    visit = _event(
        staff,
        kind=EventKind.KIJKJE,
        title="Kijkje in de keuken bij Bakkerij De Korenaar",
        description="Zie hoe de bakkerij nachtdiensten, vitaliteit en loopbaangesprekken "
        "combineert. Met een rondleiding door de bakkerij en tijd voor vragen.",
        venue="Bakkerij De Korenaar",
        address="Korenmarkt 12",
        city="Utrecht",
        province="NL-UT",
        starts_at=_at(12, 9, 30),
        capacity=12,
        themes=["gezondheid", "organisatie"],
    )
    visit.hosts.add(bakery)
    _people(rng, visit, organisations[1:40], 12, state=RegistrationState.CONFIRMED)
    _people(rng, visit, organisations[40:60], 5, state=RegistrationState.WAITING, start=12)
    north = _event(
        staff,
        kind=EventKind.BIJEENKOMST,
        title="Regiobijeenkomst Noord: gezond doorwerken in de zorg",
        description="Zorgorganisaties en andere werkgevers uit het noorden delen wat werkt.",
        venue="Zalencentrum De Hunze",
        address="Oosterstraat 5",
        city="Groningen",
        province="NL-GR",
        starts_at=_at(25, 14),
        capacity=40,
        themes=["gezondheid"],
    )
    _people(rng, north, organisations[60:120], 17, state=RegistrationState.CONFIRMED)
    _event(
        staff,
        kind=EventKind.MASTERCLASS,
        title="Masterclass loopbaan-APK: van formulier naar gesprek",
        description="Voor leden: hoe maak je van de periodieke loopbaancheck een goed gesprek?",
        online_url="https://meet.olievlek.example/masterclass-apk",
        starts_at=_at(33, 10),
        capacity=30,
        audience=Audience.MEMBERS,
        themes=["apk", "ontwikkeling"],
    )
    _event(
        staff,
        kind=EventKind.BIJEENKOMST,
        title="Regiobijeenkomst Zuid met mkb-werkgevers",
        description="Samen met de brancheorganisaties in Brabant en Limburg.",
        venue="Designhuis",
        address="Stratumseind 20",
        city="Eindhoven",
        province="NL-NB",
        starts_at=_at(70, 15),
        capacity=60,
        registration_opens_at=_at(20, 9),
        themes=["organisatie", "ontwikkeling"],
    )
    # A draft: the project team prepares it, nobody else sees it until it is published.
    _event(
        staff,
        kind=EventKind.WORKSHOP,
        title="Workshop het goede gesprek (concept)",
        description="Voor leidinggevenden: het gesprek over werk, gezondheid en ontwikkeling.",
        venue="Het Werkhuis",
        address="Westplein 12",
        city="Den Haag",
        province="NL-ZH",
        starts_at=_at(80, 13),
        capacity=20,
        review_state=ReviewState.DRAFT,
        themes=["betrokkenheid", "apk"],
    )
    cities = [
        ("Utrecht", "NL-UT"),
        ("Zwolle", "NL-OV"),
        ("Rotterdam", "NL-ZH"),
        ("Tilburg", "NL-NB"),
    ]
    sessions = []
    for n, (city, province) in enumerate(cities, start=1):
        sessions.append(
            _event(
                staff,
                kind=EventKind.SESSIE,
                title=f"Sessie {n}: succesfactoren voor het manifest",
                description="Een werksessie met 25 werkgevers uit verschillende sectoren.",
                venue="Ministerie, vergaderzaal",
                address="Parnassusplein 5" if city == "Utrecht" else "Stadhuisplein 1",
                city=city,
                province=province,
                starts_at=_at(40 + 7 * n, 13),
                capacity=25,
                audience=Audience.INVITED,
                themes=["betrokkenheid", "organisatie", "gezondheid", "ontwikkeling", "apk"],
            )
        )
    return sessions


def _division(rng, staff, sessions) -> None:
    koplopers = list(
        Organisation.objects.filter(is_koploper=True, status="approved").order_by("pk")
    )
    # Front-runners without a contact person get a general address, so that the
    # invitation and the confirmations have somewhere to go.
    for organisation in koplopers:
        if not organisation.email and not organisation.contacts.exists():
            organisation.email = f"info@{organisation.slug[:50]}.example"
    Organisation.objects.bulk_update(koplopers, ["email"])
    division = Division.objects.create(
        title="De 100 koplopers over vier sessies",
        created_by=staff,
        state=DivisionState.COLLECTING,
        invitations_sent_at=timezone.now() - timedelta(days=10),
    )
    division.sessions.set(sessions)
    invitees = DivisionInvitee.objects.bulk_create(
        DivisionInvitee(division=division, organisation=o) for o in koplopers
    )
    through = DivisionInvitee.available_sessions.through
    links = []
    for invitee in invitees:
        if rng.random() < 0.06:
            continue  # has not answered yet
        invitee.responded_at = timezone.now() - timedelta(days=rng.randint(1, 9))
        # Most can come to two or three sessions; the first is the most popular.
        weights = [4, 2, 2, 1]
        chosen = set()
        while len(chosen) < rng.choice([1, 2, 2, 3, 4]):
            chosen.add(rng.choices(range(4), weights=weights)[0])
        links += [through(divisioninvitee=invitee, event=sessions[i]) for i in sorted(chosen)]
    DivisionInvitee.objects.bulk_update(invitees, ["responded_at"])
    through.objects.bulk_create(links)
    division_solve(division=division)


def build(context: dict, *, seed: int = 2027) -> None:
    rng = random.Random(seed)
    staff, bakery = context["staff"], context["bakery"]
    organisations = context["organisations"]
    _past(rng, staff, bakery, organisations)
    sessions = _upcoming(rng, staff, bakery, organisations)
    _division(rng, staff, sessions)
    # The demo employer (the bakery's contact) registered for the upcoming regional
    # meeting; its past registrations are the first rows written above.
    north = Event.objects.get(title__startswith="Regiobijeenkomst Noord")
    contact = bakery.contacts.select_related("user").first()
    if contact:
        Registration.objects.filter(
            event__starts_at__lt=timezone.now(), organisation=bakery, sequence=1
        ).update(name=contact.user.get_full_name(), email=contact.user.email)
        Registration.objects.create(
            event=north,
            organisation=bakery,
            registered_by=contact.user,
            name=contact.user.get_full_name(),
            email=contact.user.email,
            organisation_name=bakery.name,
            state=RegistrationState.CONFIRMED,
            sequence=north.registrations.count() + 1,
            queued_at=timezone.now(),
        )
    context["events"] = {"sessions": sessions, "north": north}
