"""The knowledge loop: a completed Pay it Forward match becomes a story. Both sides get a
draft prefilled with the match's themes and the two organisations, complete it and
submit it for review like any story."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from olievlek.notifications.services import notify

from ..models import Story, StoryTheme
from .stories import _unique_slug


def _draft_texts(organisation, other, side: str) -> tuple[str, str]:
    title = _("Our Pay it Forward match with %(other)s") % {"other": other.name}
    if side == "mentor":
        lead = _("%(org)s helped %(other)s through Pay it Forward.")
    else:
        lead = _("%(other)s helped %(org)s through Pay it Forward.")
    return title, lead % {"org": organisation.name, "other": other.name}


def story_drafts_from_match(*, match) -> list[Story]:
    """Give each side of a completed match one draft (never a second one) and invite its
    contact people to complete it. Call inside the transaction that completes the match."""
    themes = sorted(set(match.offer.themes) & set(match.request.themes)) or sorted(
        match.request.themes
    )
    drafts = []
    with transaction.atomic():
        for side, organisation, other in (
            ("mentor", match.mentor, match.learner),
            ("learner", match.learner, match.mentor),
        ):
            if Story.objects.filter(from_match=match, organisation=organisation).exists():
                continue
            with translation.override(settings.LANGUAGE_CODE):
                title, lead = _draft_texts(organisation, other, side)
            story = Story.objects.create(
                organisation=organisation,
                title=title,
                slug=_unique_slug(title),
                lead=lead,
                body="",
                from_match=match,
            )
            StoryTheme.objects.bulk_create(StoryTheme(story=story, theme=t) for t in themes)
            drafts.append(story)
            link = reverse("knowledge:my_story_edit", kwargs={"pk": story.pk})
            for contact in organisation.contacts.select_related("user"):
                with translation.override(contact.user.language):
                    text = _(
                        "Your match with %(other)s is completed. Share what you learned: "
                        "a story draft is waiting for you."
                    ) % {"other": other.name}
                notify(user=contact.user, kind="story", text=text, link=link)
    return drafts
