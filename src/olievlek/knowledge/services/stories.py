"""Stories: written by a member organisation, reviewed and published by the project team."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from olievlek.accounts.access import is_team
from olievlek.accounts.languages import send_in_language
from olievlek.audit.services import audit_record
from olievlek.network.choices import Theme
from olievlek.site.cache import bump
from olievlek.site.reasons import MailPreview, mail_preview, reason_clean

from ..choices import EDITABLE_STATUSES, StoryStatus
from ..markdown import render_markdown
from ..models import Story, StoryEvent, StoryImage, StoryTheme
from ..search import search_index_story
from ..uploads import check_image
from ._common import acts_for, contact_emails, require_staff

MAX_IMAGES = 6
# How long after publishing the review page offers to undo it.
UNDO_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True, kw_only=True)
class StoryData:
    title: str
    lead: str
    body: str
    themes: frozenset[str] = field(default_factory=frozenset)
    absence_before: Decimal | None = None
    absence_after: Decimal | None = None
    investment: int | None = None
    event_ids: frozenset[int] = field(default_factory=frozenset)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:150] or "verhaal"
    taken = set(Story.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


def _check(data: StoryData) -> None:
    errors = {}
    if not data.themes:
        errors["themes"] = _("Choose at least one theme.")
    elif not set(data.themes) <= set(Theme.values):
        errors["themes"] = _("Choose themes from the list.")
    if (data.absence_before is None) != (data.absence_after is None):
        errors["absence_after"] = _("Give the absence both before and after, or leave both empty.")
    if errors:
        raise ValidationError(errors)


def _apply(story: Story, data: StoryData) -> None:
    story.title = data.title.strip()
    story.lead = data.lead.strip()
    story.body = data.body.strip()
    story.body_html = render_markdown(story.body)
    story.absence_before = data.absence_before
    story.absence_after = data.absence_after
    story.investment = data.investment


def _save_links(story: Story, data: StoryData) -> None:
    current = set(story.theme_links.values_list("theme", flat=True))
    story.theme_links.exclude(theme__in=data.themes).delete()
    StoryTheme.objects.bulk_create(
        StoryTheme(story=story, theme=t) for t in sorted(set(data.themes) - current)
    )
    events = set(story.event_links.values_list("event_id", flat=True))
    story.event_links.exclude(event_id__in=data.event_ids).delete()
    StoryEvent.objects.bulk_create(
        StoryEvent(story=story, event_id=e) for e in sorted(set(data.event_ids) - events)
    )


def _may_edit(story: Story, actor) -> bool:
    if actor is not None and actor.is_authenticated and is_team(actor):
        return True
    return acts_for(actor, story.organisation) and story.status in EDITABLE_STATUSES


def story_create(*, organisation, author, data: StoryData) -> Story:
    """A new draft of `organisation`, written by one of its contacts."""
    if not acts_for(author, organisation):
        raise PermissionDenied
    _check(data)
    story = Story(organisation=organisation, author=author, slug=_unique_slug(data.title))
    _apply(story, data)
    story.full_clean()
    with transaction.atomic():
        story.save()
        _save_links(story, data)
    return story


def story_update(*, story: Story, actor, data: StoryData) -> Story:
    """Change a story. Its organisation may while it is a draft or sent back; the project
    team may at any time (audited), and a published story's index entry follows."""
    if not _may_edit(story, actor):
        raise ValidationError(_("This story cannot be changed while it is being reviewed."))
    _check(data)
    _apply(story, data)
    story.full_clean()
    with transaction.atomic():
        story.save()
        _save_links(story, data)
        if is_team(actor):
            audit_record(actor=actor, action="story.update", target=story)
        search_index_story(story=story)
    return story


def story_submit(*, story: Story, actor) -> Story:
    if not acts_for(actor, story.organisation):
        raise PermissionDenied
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if story.status not in EDITABLE_STATUSES:
            raise ValidationError(_("This story has already been submitted."))
        if not story.body.strip():
            # A draft from a completed match starts empty.
            raise ValidationError(_("Write your story before you submit it."))
        story.status = StoryStatus.SUBMITTED
        story.submitted_at = timezone.now()
        story.save(update_fields=["status", "submitted_at", "updated_at"])
    return story


def story_publish(*, story: Story, actor) -> Story:
    """Publish a submitted story: it appears in the list, the feed and the search."""
    require_staff(actor)
    with transaction.atomic():
        story = Story.objects.select_for_update().select_related("organisation").get(pk=story.pk)
        if story.status == StoryStatus.PUBLISHED:
            raise ValidationError(_("This story has already been published."))
        story.status = StoryStatus.PUBLISHED
        story.published_at = story.published_at or timezone.now()
        story.reviewed_by = actor
        story.review_note = ""
        story.save()
        audit_record(actor=actor, action="story.publish", target=story)
        search_index_story(story=story)
        transaction.on_commit(lambda: bump("stories"))
        recipients = contact_emails(story.organisation)
        context = {"story": story}
        transaction.on_commit(
            lambda: send_in_language(
                template="knowledge/emails/story_published", recipients=recipients, context=context
            )
        )
    return story


def _changes_note(note: str) -> str:
    return reason_clean(
        note, field="note", empty_message=_("Say what should change; the employer will read it.")
    )


def story_request_changes_preview(*, story: Story, note: str) -> MailPreview:
    """The mail sending the story back with this note would send, without sending it."""
    note = _changes_note(note)
    return mail_preview(
        template="knowledge/emails/story_changes",
        recipients=contact_emails(story.organisation),
        context={"story": story, "note": note},
    )


def story_unpublish(*, story: Story, actor) -> Story:
    """Undo a publication just made: the story goes offline and back into the queue as
    submitted. Within ``UNDO_WINDOW`` its first publication date is forgotten too, so a
    later publication counts as the first. The mail about the publication has gone."""
    require_staff(actor)
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if story.status != StoryStatus.PUBLISHED:
            raise ValidationError(_("This story is not published."))
        if story_publish_undoable(story=story):
            story.published_at = None
        story.status = StoryStatus.SUBMITTED
        story.save()
        audit_record(actor=actor, action="story.unpublish", target=story)
        search_index_story(story=story)
    return story


def story_publish_undoable(*, story: Story) -> bool:
    """Whether the publication of ``story`` is recent enough to offer an undo."""
    return (
        story.status == StoryStatus.PUBLISHED
        and story.published_at is not None
        and timezone.now() - story.published_at <= UNDO_WINDOW
    )


def story_request_changes(*, story: Story, actor, note: str) -> Story:
    """Send a submitted (or published) story back with a note; a published story is
    taken offline until it is published again."""
    require_staff(actor)
    note = _changes_note(note)
    with transaction.atomic():
        story = Story.objects.select_for_update().select_related("organisation").get(pk=story.pk)
        if story.status not in {StoryStatus.SUBMITTED, StoryStatus.PUBLISHED}:
            raise ValidationError(_("Only a submitted or published story can be sent back."))
        story.status = StoryStatus.CHANGES_REQUESTED
        story.review_note = note
        story.reviewed_by = actor
        story.save()
        audit_record(actor=actor, action="story.changes", target=story, note=note)
        search_index_story(story=story)
        recipients = contact_emails(story.organisation)
        context = {"story": story, "note": note}
        transaction.on_commit(
            lambda: send_in_language(
                template="knowledge/emails/story_changes", recipients=recipients, context=context
            )
        )
    return story


def story_delete(*, story: Story, actor) -> None:
    """Delete a story with its images. An organisation may delete its own unpublished
    stories; the project team any story."""
    if not (is_team(actor) or (acts_for(actor, story.organisation) and not story.is_published)):
        raise PermissionDenied
    files = [image.file for image in story.images.all()]
    with transaction.atomic():
        story.status = StoryStatus.DRAFT
        search_index_story(story=story)
        if is_team(actor):
            audit_record(actor=actor, action="story.delete", target=story)
        story.delete()
        transaction.on_commit(lambda: [f.delete(save=False) for f in files])


def story_image_add(*, story: Story, actor, upload, alt_text: str, caption: str = "") -> StoryImage:
    if not _may_edit(story, actor):
        raise ValidationError(_("This story cannot be changed while it is being reviewed."))
    if not alt_text.strip():
        raise ValidationError({"alt_text": _("Describe the image for people who cannot see it.")})
    if story.images.count() >= MAX_IMAGES:
        raise ValidationError(_("A story has at most %(count)d images.") % {"count": MAX_IMAGES})
    try:
        checked = check_image(upload)
    except ValidationError as error:
        raise ValidationError({"image": error.messages}) from error
    image = StoryImage(
        story=story,
        alt_text=alt_text.strip(),
        caption=caption.strip(),
        content_type=checked.content_type,
        width=checked.width,
        height=checked.height,
    )
    with transaction.atomic():
        image.file.save(checked.content.name, checked.content, save=False)
        try:
            image.full_clean()
            image.save()
        except Exception:
            image.file.delete(save=False)
            raise
    return image


def story_image_remove(*, image: StoryImage, actor) -> None:
    if not _may_edit(image.story, actor):
        raise ValidationError(_("This story cannot be changed while it is being reviewed."))
    file = image.file
    with transaction.atomic():
        image.delete()
        transaction.on_commit(lambda: file.delete(save=False))
