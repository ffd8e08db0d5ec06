"""Deterministic, fictional demo data for the network (no real organisation is named)."""

from __future__ import annotations

import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from .choices import Source, Status, Theme
from .models import ContactPerson, Organisation, ProfileChange, ThemeProfile

CITIES = {
    "NL-GR": ["Groningen", "Veendam", "Winsum", "Delfzijl"],
    "NL-FR": ["Leeuwarden", "Sneek", "Heerenveen", "Drachten"],
    "NL-DR": ["Assen", "Emmen", "Meppel", "Hoogeveen"],
    "NL-OV": ["Zwolle", "Enschede", "Deventer", "Hengelo", "Almelo"],
    "NL-FL": ["Almere", "Lelystad", "Dronten", "Emmeloord"],
    "NL-GE": ["Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem", "Tiel"],
    "NL-UT": ["Utrecht", "Amersfoort", "Veenendaal", "Nieuwegein", "Zeist"],
    "NL-NH": ["Amsterdam", "Haarlem", "Alkmaar", "Hoorn", "Zaandam", "Hilversum"],
    "NL-ZH": ["Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Delft", "Gouda"],
    "NL-ZE": ["Middelburg", "Vlissingen", "Goes", "Terneuzen"],
    "NL-NB": ["Eindhoven", "Tilburg", "Breda", "Den Bosch", "Helmond", "Oss"],
    "NL-LI": ["Maastricht", "Venlo", "Heerlen", "Roermond", "Sittard"],
}
# Rough weights by working population, so the demo looks like the country.
PROVINCE_WEIGHTS = {
    "NL-GR": 3,
    "NL-FR": 4,
    "NL-DR": 3,
    "NL-OV": 7,
    "NL-FL": 2,
    "NL-GE": 12,
    "NL-UT": 8,
    "NL-NH": 17,
    "NL-ZH": 21,
    "NL-ZE": 2,
    "NL-NB": 15,
    "NL-LI": 6,
}
KINDS = {
    "A": ["Kwekerij", "Melkveehouderij", "Loonbedrijf"],
    "B": ["Zandwinning"],
    "C": ["Metaalbewerking", "Drukkerij", "Bakkerij", "Machinefabriek", "Meubelmakerij"],
    "D": ["Energiecoöperatie"],
    "E": ["Afvalverwerking", "Waterschapsbedrijf"],
    "F": ["Bouwbedrijf", "Installatietechniek", "Schildersbedrijf", "Dakdekkers"],
    "G": ["Groothandel", "Tuincentrum", "Autobedrijf", "Boekhandel"],
    "H": ["Transportbedrijf", "Koeriersdienst", "Busvervoer"],
    "I": ["Hotel", "Restaurant", "Catering"],
    "J": ["Softwarehuis", "Uitgeverij"],
    "K": ["Verzekeringen", "Coöperatieve Bank"],
    "L": ["Woningcorporatie", "Vastgoedbeheer"],
    "M": ["Ingenieursbureau", "Accountants", "Advocatenkantoor"],
    "N": ["Schoonmaakbedrijf", "Uitzendbureau", "Beveiliging"],
    "O": ["Gemeente", "Omgevingsdienst"],
    "P": ["Scholengroep", "Hogeschool"],
    "Q": ["Zorggroep", "Thuiszorg", "Ziekenhuis", "Kinderopvang"],
    "R": ["Sportcentrum", "Schouwburg", "Museum"],
    "S": ["Kapsalon", "Stomerij"],
}
SECTOR_WEIGHTS = {
    "A": 3,
    "B": 1,
    "C": 12,
    "D": 1,
    "E": 2,
    "F": 9,
    "G": 13,
    "H": 6,
    "I": 5,
    "J": 5,
    "K": 3,
    "L": 2,
    "M": 8,
    "N": 6,
    "O": 4,
    "P": 6,
    "Q": 12,
    "R": 2,
    "S": 2,
}
NAMES = [
    "De Linde",
    "Het Anker",
    "De Eik",
    "Noorderlicht",
    "De Brug",
    "Zuiderzon",
    "De Horst",
    "Het Baken",
    "Vanderveen",
    "Bakker & Zn",
    "De Waard",
    "Jansen",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Van Leeuwen",
    "De Wit",
    "Dijkstra",
    "Kok",
    "Verhoeven",
    "Schouten",
    "Van Dam",
    "Het Kompas",
    "De Zwaluw",
    "Ooievaar",
    "De Molen",
    "Rivierland",
    "Kempenland",
    "Veluwezoom",
    "Waddenkust",
    "De Polder",
    "Heuvelland",
    "De Vaart",
    "Lindenhof",
]
SIZE_WEIGHTS = {"micro": 20, "klein": 35, "midden": 30, "groot": 15}
EXPERIENCE_TEXT = {
    "betrokkenheid": "Teamleiders voeren elk kwartaal een goed gesprek met hun mensen.",
    "organisatie": "Roosters worden samen met het team gemaakt, met ruimte voor zorgtaken.",
    "gezondheid": "Een vitaliteitsbudget en een bedrijfsfysiotherapeut op de werkvloer.",
    "ontwikkeling": "Iedereen heeft een leerbudget en kan een dag meelopen op een andere afdeling.",
    "apk": "Elke vijf jaar een loopbaangesprek over werk, gezondheid en toekomst.",
}
DEMO_BAKERY = "Bakkerij De Korenaar"


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _kvk(n: int) -> str:
    return f"{40000000 + n * 7919 % 59999999:08d}"


def _organisation(
    rng: random.Random, n: int, used: set[str], *, status: str, koploper: bool
) -> Organisation:
    """Organisation number `n`; the first twelve lie one in each province, so that every
    province has a front-runner."""
    sector = _pick(rng, SECTOR_WEIGHTS)
    province = list(CITIES)[n - 1] if n <= len(CITIES) else _pick(rng, PROVINCE_WEIGHTS)
    city = rng.choice(CITIES[province])
    while True:
        name = f"{rng.choice(KINDS[sector])} {rng.choice(NAMES)}"
        if name not in used:
            break
        name = f"{name} {city}"
        if name not in used:
            break
    used.add(name)
    return Organisation(
        name=name,
        slug=slugify(name),
        kvk_number=_kvk(n),
        city=city,
        province=province,
        sector=sector,
        size_class=_pick(rng, SIZE_WEIGHTS),
        website=f"https://www.{slugify(name)}.example",
        status=status,
        description=f"{name} is een fictieve organisatie in de demo van Olievlek.",
        is_koploper=koploper,
        is_ambassador=koploper and rng.random() < 0.1,
        is_partner=False,
        source=Source.IMPORT if koploper else Source.REGISTRATION,
        reviewed_at=timezone.now() if status == Status.APPROVED else None,
    )


def _profiles(rng: random.Random, org: Organisation) -> list[ThemeProfile]:
    themes = Theme.values
    experience = set(
        rng.sample(themes, rng.randint(2, 4) if org.is_koploper else rng.randint(0, 2))
    )
    rest = [t for t in themes if t not in experience]
    wants = set(rng.sample(rest, min(len(rest), rng.randint(0 if org.is_koploper else 1, 2))))
    return [
        ThemeProfile(
            organisation=org,
            theme=t,
            has_experience=t in experience,
            experience=EXPERIENCE_TEXT[t] if t in experience else "",
            wants_help=t in wants,
            help_question="Hoe begin je hiermee in een organisatie als de onze?"
            if t in wants
            else "",
        )
        for t in themes
        if t in experience or t in wants
    ]


def _contact(
    org: Organisation,
    email: str,
    first: str,
    last: str,
    password: str | None,
    primary: bool = True,
    verified: bool = True,
) -> None:
    user = get_user_model().objects.create_user(
        email=email, password=password, first_name=first, last_name=last
    )
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    ContactPerson.objects.create(
        user=user, organisation=org, is_primary=primary, job_title="HR-adviseur"
    )


def _profile_change(org: Organisation) -> None:
    """One member asked for a new name and website, so the review queue is not empty."""
    ProfileChange.objects.create(
        organisation=org,
        changes={"name": f"{org.name} Groep", "website": "https://www.nieuwe-naam.example"},
        previous={"name": org.name, "website": org.website},
    )


def build(
    context: dict, *, seed: int = 2026, approved: int = 500, koplopers: int = 100, pending: int = 6
) -> None:
    """Create the demo network. Adds `bakery` (the fictional front-runner the Pay it Forward
    chain grows from) and `organisations` (the approved ones) to `context`, for the demo
    data of other apps."""
    employer_email, employer_password = context["employer_email"], context["password"]
    rng = random.Random(seed)
    used = {DEMO_BAKERY}
    bakery = Organisation(
        name=DEMO_BAKERY,
        slug=slugify(DEMO_BAKERY),
        kvk_number="30111222",
        city="Utrecht",
        province="NL-UT",
        sector="C",
        size_class="midden",
        website="https://www.korenaar.example",
        description="Een fictieve ambachtelijke bakkerij met 120 medewerkers die al jaren "
        "investeert in gezond en met plezier doorwerken.",
        status=Status.APPROVED,
        is_koploper=True,
        is_ambassador=True,
        source=Source.IMPORT,
        reviewed_at=timezone.now(),
        email="info@korenaar.example",
        phone="030 000 0000",
    )
    organisations = (
        [bakery]
        + [
            _organisation(rng, n, used, status=Status.APPROVED, koploper=n < koplopers)
            for n in range(1, approved)
        ]
        + [
            _organisation(rng, approved + n, used, status=Status.PENDING, koploper=False)
            for n in range(pending)
        ]
    )
    if pending:
        # The first sign-up looks like the bakery: the review page flags it as a possible
        # duplicate (similar name, same website domain).
        twin = organisations[approved]
        twin.name, twin.slug = f"{DEMO_BAKERY} B.V.", slugify(f"{DEMO_BAKERY} bv")
        twin.website = "https://korenaar.example/vestiging-zeist"
    Organisation.objects.bulk_create(organisations, batch_size=500)
    profiles = [p for org in organisations[1:] for p in _profiles(rng, org)] + [
        ThemeProfile(
            organisation=bakery, theme=t, has_experience=True, experience=EXPERIENCE_TEXT[t]
        )
        for t in ("gezondheid", "ontwikkeling", "apk")
    ]
    ThemeProfile.objects.bulk_create(profiles, batch_size=1000)
    _contact(bakery, employer_email, "Sanne", "de Korenaar", employer_password)
    waiting = organisations[approved:]
    for n, org in enumerate(waiting):
        # The last sign-up has not confirmed its address: the queue shows it cannot be
        # approved yet.
        _contact(
            org,
            f"aanmelding{n + 1}@olievlek.test",
            "Kim",
            f"Aanmelder {n + 1}",
            None,
            verified=n < len(waiting) - 1,
        )
    _profile_change(organisations[1])
    context["bakery"] = bakery
    context["organisations"] = organisations[:approved]
