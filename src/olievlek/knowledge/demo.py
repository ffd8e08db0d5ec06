"""Deterministic, fictional demo data: about 40 published stories in Dutch, the manifesto
with its success factors and signatories, and a campaign library with requests."""

from __future__ import annotations

import io
import math
import random
import struct
import wave
from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from . import links
from .choices import CampaignKind, RequestStatus, StoryStatus
from .demo_texts import FACTORS, LEADS, MEASURES, PARAGRAPHS, SESSIONS, TIPS, TITLES
from .markdown import render_markdown
from .models import (
    CampaignDownload,
    CampaignItem,
    Endorsement,
    ManifestoFactor,
    Story,
    StoryEvent,
    StoryImage,
    StoryTheme,
    UsageRequest,
)
from .search import search_reindex
from .uploads import check_image

PUBLISHED = 40
BRAND = (11, 79, 108)
ACCENT = (255, 233, 168)


def _picture(rng: random.Random, size=(1200, 800), label_colour=BRAND) -> ContentFile:
    """A simple abstract picture (no people, no real places) as a PNG."""
    image = Image.new("RGB", size, ACCENT)
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(60, 260)
        shade = tuple(min(255, c + rng.randrange(0, 90)) for c in label_colour)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shade)
    out = io.BytesIO()
    image.save(out, "PNG")
    return ContentFile(out.getvalue(), name="beeld.png")


def _body(rng: random.Random, organisation, themes: list[str]) -> str:
    main = themes[0]
    parts = [f"## Waarom we begonnen\n\n{PARAGRAPHS[main][0]}"]
    parts.append(f"## Wat we doen\n\n{PARAGRAPHS[main][1]}")
    measures = [m for t in themes for m in MEASURES[t]]
    parts.append("Onze belangrijkste maatregelen:\n\n" + "\n".join(f"- {m}" for m in measures))
    for theme in themes[1:]:
        parts.append(rng.choice(PARAGRAPHS[theme]))
    parts.append(f"## Wat het oplevert\n\n{PARAGRAPHS[main][2]}")
    parts.append(
        f"> {rng.choice(TIPS)}\n\nWilt u meer weten? Neem contact op met {organisation.name} "
        "via het netwerk."
    )
    return "\n\n".join(parts)


def _story(rng, organisation, title, themes, *, status, when, author=None) -> Story:
    body = _body(rng, organisation, themes)
    story = Story(
        organisation=organisation,
        author=author,
        title=title,
        slug=slugify(title)[:160],
        lead=LEADS[themes[0]].format(org=organisation.name),
        body=body,
        body_html=render_markdown(body),
        status=status,
        submitted_at=when,
        published_at=when if status == StoryStatus.PUBLISHED else None,
    )
    if rng.random() < 0.45:
        before = Decimal(rng.randint(50, 90)) / 10
        story.absence_before = before
        story.absence_after = (before - Decimal(rng.randint(5, 25)) / 10).max(Decimal("1.0"))
        story.investment = rng.choice([8000, 15000, 25000, 40000, 60000, 120000])
    story.save()
    StoryTheme.objects.bulk_create(StoryTheme(story=story, theme=t) for t in themes)
    return story


def _add_image(story: Story, rng: random.Random, alt: str) -> None:
    checked = check_image(_picture(rng))
    image = StoryImage(
        story=story,
        alt_text=alt,
        caption="Illustratie bij het verhaal",
        content_type=checked.content_type,
        width=checked.width,
        height=checked.height,
    )
    image.file.save(checked.content.name, checked.content, save=False)
    image.save()


def _stories(context: dict, rng: random.Random) -> list[Story]:
    bakery = context["bakery"]
    koplopers = [o for o in context["organisations"] if o.is_koploper and o.pk != bakery.pk]
    now = timezone.now()
    titles = [(theme, title) for theme, items in TITLES.items() for title in items]
    rng.shuffle(titles)
    stories = []
    bakery_story = _story(
        rng,
        bakery,
        "Gezond bakken tot je pensioen",
        ["gezondheid", "apk"],
        status=StoryStatus.PUBLISHED,
        when=now - timedelta(days=3),
    )
    bakery_story.absence_before, bakery_story.absence_after = Decimal("7.8"), Decimal("4.9")
    bakery_story.investment = 45000
    bakery_story.save()
    _add_image(bakery_story, rng, "Abstracte illustratie in de kleuren van de bakkerij")
    stories.append(bakery_story)
    for n, (theme, title) in enumerate(titles[: PUBLISHED - 1]):
        others = [t for t in TITLES if t != theme]
        themes = [theme] + rng.sample(others, rng.randint(0, 1))
        story = _story(
            rng,
            koplopers[n % len(koplopers)],
            title,
            themes,
            status=StoryStatus.PUBLISHED,
            when=now - timedelta(days=7 + 6 * n, hours=rng.randint(0, 10)),
        )
        if n % 4 == 0:
            _add_image(story, rng, "Abstracte illustratie bij het verhaal")
        stories.append(story)
    # The review queue: three submitted and one sent back.
    for n, (theme, title) in enumerate(titles[PUBLISHED - 1 : PUBLISHED + 3]):
        status = StoryStatus.CHANGES_REQUESTED if n == 3 else StoryStatus.SUBMITTED
        story = _story(
            rng,
            koplopers[-(n + 1)],
            title,
            [theme],
            status=status,
            when=now - timedelta(days=n + 1),
        )
        if status == StoryStatus.CHANGES_REQUESTED:
            story.review_note = "Mooi verhaal! Kunt u iets meer vertellen over de resultaten?"
            story.save(update_fields=["review_note"])
    return stories


def _link_events(stories: list[Story], rng: random.Random) -> None:
    events = links.public_events()
    if events is None:
        return
    by_theme: dict[str, list[int]] = {}
    for event in events:
        for theme in event.themes.all():
            by_theme.setdefault(theme.theme, []).append(event.pk)
    rows = []
    for story in stories:
        candidates = sorted({pk for t in story.themes for pk in by_theme.get(t, [])})
        for pk in rng.sample(candidates, min(2, len(candidates))):
            rows.append(StoryEvent(story=story, event_id=pk))
    StoryEvent.objects.bulk_create(rows)


def _manifesto(context: dict, rng: random.Random, stories: list[Story]) -> None:
    for number, (title, description, themes) in enumerate(FACTORS, start=1):
        factor = ManifestoFactor.objects.create(
            number=number,
            title=title,
            description=description,
            themes=themes,
            session=SESSIONS[(number - 1) % len(SESSIONS)],
        )
        showing = [s for s in stories if set(s.themes) & set(themes)]
        factor.stories.set(rng.sample(showing, min(3, len(showing))))
    signers = [context["bakery"]] + rng.sample(context["organisations"][1:], 63)
    Endorsement.objects.bulk_create(Endorsement(organisation=o, endorsed_by=None) for o in signers)


def _pdf(title: str) -> bytes:
    """A minimal, valid one-page PDF with the title as text."""
    text = title.replace("(", "").replace(")", "").encode("latin-1", "replace")
    content = b"BT /F1 36 Tf 60 700 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _wav(seconds: float = 2.0, rate: int = 8000) -> bytes:
    """A short, quiet tone standing in for a radio spot."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(
            b"".join(
                struct.pack("<h", int(3000 * math.sin(2 * math.pi * 440 * i / rate)))
                for i in range(int(seconds * rate))
            )
        )
    return out.getvalue()


CAMPAIGN = [
    (CampaignKind.POSTER, "Poster: Werk dat werkt, ook morgen", "A2 en A3, PDF, drukklaar", "pdf"),
    (CampaignKind.POSTER, "Poster: Praat over je werk", "A3, PDF, drukklaar", "pdf"),
    (CampaignKind.BANNER, "Webbanner: Werkgevers in de hoofdrol", "1200 × 628 pixels, PNG", "png"),
    (CampaignKind.RADIO, "Radiospot: Het goede gesprek", "30 seconden, WAV", "wav"),
    (CampaignKind.RADIO, "Radiospot: Fit tot je pensioen", "20 seconden, WAV", "wav"),
    (
        CampaignKind.TEXT,
        "Tekst voor nieuwsbrief of intranet",
        "Platte tekst, ca. 300 woorden",
        "txt",
    ),
    (CampaignKind.TEXT, "Korte teksten voor sociale media", "Platte tekst, vijf berichten", "txt"),
    (CampaignKind.LOGO, "Logo: Wij doen mee", "PNG met transparante achtergrond", "png"),
]
TERMS = (
    "Gebruik het materiaal alleen voor communicatie over duurzame inzetbaarheid binnen de "
    "periode waarvoor u toestemming heeft. Pas het ontwerp niet aan, behalve het toevoegen "
    "van uw eigen logo op de daarvoor bestemde plek. Commercieel gebruik is niet toegestaan."
)
SAMPLE_TEXT = (
    "Werkgevers in de hoofdrol\n\nGoed, gezond en met plezier doorwerken tot je pensioen: "
    "dat begint met een gesprek. Onze organisatie doet mee aan het netwerk van werkgevers "
    "die elkaar helpen om mensen duurzaam inzetbaar te houden.\n"
)


def _campaign(context: dict, rng: random.Random) -> None:
    staff, bakery = context["staff"], context["bakery"]
    items = []
    for kind, title, fmt, ext in CAMPAIGN:
        if ext == "pdf":
            data = _pdf(title)
        elif ext == "wav":
            data = _wav()
        elif ext == "txt":
            data = SAMPLE_TEXT.encode()
        else:
            data = _picture(rng, size=(1200, 628)).read()
        item = CampaignItem(
            title=title,
            slug=slugify(title)[:160],
            kind=kind,
            description=f"{title}. Vrij te gebruiken door organisaties in het netwerk, onder "
            "de vlag van het programma, na goedkeuring door het projectteam.",
            format=fmt,
            terms=TERMS,
            filename=f"{slugify(title)}.{ext}",
            content_type={
                "pdf": "application/pdf",
                "wav": "audio/wav",
                "txt": "text/plain",
                "png": "image/png",
            }[ext],
            size=len(data),
            created_by=staff,
        )
        item.file.save(item.filename, ContentFile(data), save=False)
        if kind in {CampaignKind.POSTER, CampaignKind.BANNER, CampaignKind.LOGO}:
            preview = check_image(_picture(rng, size=(800, 600)))
            item.preview.save(preview.content.name, preview.content, save=False)
            item.preview_alt = f"Voorbeeld van {title.lower()}"
        item.save()
        items.append(item)
    today = timezone.localdate()
    approved = UsageRequest.objects.create(
        item=items[0],
        organisation=bakery,
        requested_by=bakery.contacts.first().user,
        purpose="Ophangen in de kantine en bij de ingang van de bakkerij.",
        channel="Kantine en winkel",
        period_start=today - timedelta(days=10),
        period_end=today + timedelta(days=80),
        status=RequestStatus.APPROVED,
        decided_by=staff,
        decided_at=timezone.now() - timedelta(days=9),
        link_nonce=f"{rng.getrandbits(128):032x}",
        link_expires_at=timezone.now() + timedelta(days=5),
    )
    CampaignDownload.objects.bulk_create(
        CampaignDownload(
            request=approved,
            item=approved.item,
            organisation=bakery,
            downloaded_at=timezone.now() - timedelta(days=d),
        )
        for d in (8, 6, 2)
    )
    others = rng.sample(context["organisations"][1:], 6)
    for n, organisation in enumerate(others):
        status = RequestStatus.REJECTED if n == 5 else RequestStatus.PENDING
        UsageRequest.objects.create(
            item=items[n % len(items)],
            organisation=organisation,
            purpose="Voor onze interne campagne over vitaliteit.",
            channel=rng.choice(["Intranet", "Lokale radio", "Website", "Nieuwsbrief"]),
            period_start=today + timedelta(days=7),
            period_end=today + timedelta(days=60),
            status=status,
            decision_reason="Het materiaal is niet bedoeld voor wervingsadvertenties."
            if status == RequestStatus.REJECTED
            else "",
        )


def build(context: dict, *, seed: int = 2026) -> None:
    rng = random.Random(seed)
    stories = _stories(context, rng)
    _link_events(stories, rng)
    _manifesto(context, rng, [s for s in stories if s.status == StoryStatus.PUBLISHED])
    _campaign(context, rng)
    search_reindex()
