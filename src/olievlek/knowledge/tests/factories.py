"""Factories for the knowledge and campaign part, with traits for the states tests need."""

from __future__ import annotations

import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from olievlek.network.tests.factories import OrganisationFactory, UserFactory

from ..choices import CampaignKind, RequestStatus, StoryStatus
from ..markdown import render_markdown
from ..models import CampaignItem, Endorsement, ManifestoFactor, Story, StoryTheme, UsageRequest

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def image_bytes(fmt: str = "PNG", size=(40, 30), color=(11, 79, 108)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Verhaal {n}")
    slug = factory.Sequence(lambda n: f"verhaal-{n}")
    lead = "Hoe wij samen gezond blijven werken."
    body = "Wij praten elk kwartaal met onze **medewerkers** over hun werk."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
    status = StoryStatus.DRAFT

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create:
            for theme in extracted if extracted is not None else ["gezondheid"]:
                StoryTheme.objects.create(story=obj, theme=theme)

    class Params:
        submitted = factory.Trait(
            status=StoryStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        published = factory.Trait(
            status=StoryStatus.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )
        changes = factory.Trait(status=StoryStatus.CHANGES_REQUESTED, review_note="Korter graag")


class ManifestoFactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManifestoFactor

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Succesfactor {n}")
    description = "Leidinggevenden voeren het goede gesprek."
    themes = factory.LazyFunction(lambda: ["betrokkenheid"])


class EndorsementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Endorsement

    organisation = factory.SubFactory(OrganisationFactory)


class CampaignItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignItem

    title = factory.Sequence(lambda n: f"Poster {n}")
    slug = factory.Sequence(lambda n: f"poster-{n}")
    kind = CampaignKind.POSTER
    description = "Een poster voor de kantine."
    format = "A2, PDF"
    terms = "Alleen gebruiken met het logo van het programma."
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="poster.pdf"))
    filename = "poster.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)


class UsageRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UsageRequest

    item = factory.SubFactory(CampaignItemFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    requested_by = factory.SubFactory(UserFactory)
    purpose = "In de kantine ophangen."
    channel = "Kantine"
    period_start = factory.LazyFunction(timezone.localdate)
    period_end = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))

    class Params:
        approved = factory.Trait(
            status=RequestStatus.APPROVED,
            link_nonce="0123456789abcdef0123456789abcdef",
            link_expires_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=14)),
        )
