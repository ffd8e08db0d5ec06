"""Stories: write, submit, review, publish; safe Markdown; checked images."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from olievlek.audit.models import AuditEntry

from ..choices import StoryStatus
from ..markdown import render_markdown
from ..search import search
from ..services import (
    StoryData,
    story_create,
    story_delete,
    story_image_add,
    story_image_remove,
    story_publish,
    story_request_changes,
    story_submit,
    story_update,
)
from ..uploads import MAX_IMAGE_WIDTH
from .factories import StoryFactory, image_bytes

pytestmark = pytest.mark.django_db


def _data(**changes) -> StoryData:
    values = {
        "title": "Samen gezond werken",
        "lead": "Hoe een bakkerij het verzuim halveerde.",
        "body": "## Begin\n\nOnze **werknemers** bedachten het zelf.",
        "themes": frozenset({"gezondheid"}),
    }
    return StoryData(**{**values, **changes})


def test_a_contact_writes_a_draft_with_rendered_markdown(org_a, user_a):
    story = story_create(organisation=org_a, author=user_a, data=_data())
    assert story.status == StoryStatus.DRAFT
    assert story.slug == "samen-gezond-werken"
    assert "<h3>Begin</h3>" in story.body_html  # the page's h1 is the title: # becomes h2
    assert "<strong>werknemers</strong>" in story.body_html
    assert story.themes == ["gezondheid"]


def test_a_second_story_with_the_same_title_gets_its_own_slug(org_a, user_a):
    first = story_create(organisation=org_a, author=user_a, data=_data())
    second = story_create(organisation=org_a, author=user_a, data=_data())
    assert {first.slug, second.slug} == {"samen-gezond-werken", "samen-gezond-werken-2"}


def test_a_contact_of_another_organisation_cannot_write_for_it(org_a, user_b):
    with pytest.raises(PermissionDenied):
        story_create(organisation=org_a, author=user_b, data=_data())


def test_a_story_needs_a_theme_and_both_absence_figures_or_none(org_a, user_a):
    with pytest.raises(ValidationError) as error:
        story_create(organisation=org_a, author=user_a, data=_data(themes=frozenset()))
    assert "themes" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        story_create(organisation=org_a, author=user_a, data=_data(absence_before=Decimal("6.0")))
    assert "absence_after" in error.value.message_dict


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        '<a href="javascript:alert(1)">klik</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
        "<svg><script>alert(1)</script></svg>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<<script>script>alert(1)<</script>/script>",
    ],
)
def test_markdown_xss_attempts_are_neutralised(attack):
    html = render_markdown(f"Tekst {attack} meer tekst")
    lowered = html.lower()
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "<img",
        "style=",
        "data:",
    ):
        assert bad not in lowered, (attack, html)


def test_markdown_links_keep_working_and_get_safe_rel():
    html = render_markdown("[Netwerk](https://olievlek.example/netwerk/)")
    assert 'href="https://olievlek.example/netwerk/"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_the_story_page_never_shows_a_script_from_the_text(client, org_a, user_a, staff_user):
    story = story_create(
        organisation=org_a, author=user_a, data=_data(body="<script>alert('x')</script>Hallo")
    )
    story_submit(story=story, actor=user_a)
    story_publish(story=story, actor=staff_user)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert" not in html


def test_submit_publish_and_the_emails(
    org_a, user_a, staff_user, django_capture_on_commit_callbacks
):
    story = story_create(organisation=org_a, author=user_a, data=_data())
    story = story_submit(story=story, actor=user_a)
    assert story.status == StoryStatus.SUBMITTED
    with pytest.raises(ValidationError):
        story_update(story=story, actor=user_a, data=_data(title="Tijdens review"))
    with pytest.raises(ValidationError):
        story_submit(story=story, actor=user_a)

    with django_capture_on_commit_callbacks(execute=True):
        story = story_publish(story=story, actor=staff_user)
    assert story.status == StoryStatus.PUBLISHED and story.published_at is not None
    assert AuditEntry.objects.filter(action="story.publish", target_id=str(story.pk)).exists()
    assert [m.to for m in mail.outbox] == [["a@example.nl"]]
    assert story.get_absolute_url() in mail.outbox[0].body
    results, _ = search(q="gezond")
    assert results.total == 1


def test_only_staff_publish(org_a, user_a):
    story = StoryFactory(organisation=org_a, submitted=True)
    with pytest.raises(PermissionDenied):
        story_publish(story=story, actor=user_a)


def test_changes_requested_need_a_note_and_take_a_published_story_offline(
    org_a, user_a, staff_user, django_capture_on_commit_callbacks
):
    story = story_create(organisation=org_a, author=user_a, data=_data())
    story_submit(story=story, actor=user_a)
    story = story_publish(story=story, actor=staff_user)
    with pytest.raises(ValidationError):
        story_request_changes(story=story, actor=staff_user, note="  ")
    with django_capture_on_commit_callbacks(execute=True):
        story = story_request_changes(story=story, actor=staff_user, note="Graag een foto erbij.")
    assert story.status == StoryStatus.CHANGES_REQUESTED
    assert search(q="gezond")[0].total == 0
    assert "Graag een foto erbij." in mail.outbox[-1].body
    # The organisation may edit again, then resubmit.
    story_update(story=story, actor=user_a, data=_data(title="Samen gezond, met foto"))
    assert story_submit(story=story, actor=user_a).status == StoryStatus.SUBMITTED


def test_a_staff_edit_of_a_published_story_updates_the_index_and_is_audited(org_a, staff_user):
    story = StoryFactory(organisation=org_a, submitted=True)
    story = story_publish(story=story, actor=staff_user)
    story_update(story=story, actor=staff_user, data=_data(body="Over mantelzorg."))
    assert search(q="mantelzorg")[0].total == 1
    assert AuditEntry.objects.filter(action="story.update").exists()


def test_a_member_deletes_its_draft_but_not_a_published_story(org_a, user_a):
    draft = StoryFactory(organisation=org_a)
    story_delete(story=draft, actor=user_a)
    published = StoryFactory(organisation=org_a, published=True)
    with pytest.raises(PermissionDenied):
        story_delete(story=published, actor=user_a)


# --- images ---------------------------------------------------------------------------------


def _upload(name, data, content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_an_image_is_checked_resized_and_stored_privately(org_a, user_a, settings):
    story = StoryFactory(organisation=org_a)
    big = _upload("foto.jpg", image_bytes("JPEG", size=(3000, 1500)), "image/jpeg")
    image = story_image_add(story=story, actor=user_a, upload=big, alt_text="Bakkers aan het werk")
    assert (image.width, image.height) == (MAX_IMAGE_WIDTH, 800)
    assert image.content_type == "image/jpeg"
    # Stored in the private storage, which no web server serves (not under MEDIA_ROOT).
    assert not image.file.path.startswith(str(settings.MEDIA_ROOT))
    assert image.file.name.startswith("knowledge/images/") and "foto" not in image.file.name
    with image.file.open("rb") as handle:
        assert Image.open(handle).size == (MAX_IMAGE_WIDTH, 800)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("tekst.txt", b"gewoon tekst", "wrong_type"),
        ("plaatje.gif", image_bytes("GIF"), "wrong_type"),
        ("nep.png", b"MZ\x90\x00 dit is een programma", "not_an_image"),
        ("liegt.png", image_bytes("JPEG"), "type_mismatch"),
        ("liegt.jpg", image_bytes("PNG"), "type_mismatch"),
        ("afgekapt.png", image_bytes("PNG")[:40], "not_an_image"),
    ],
)
def test_bad_images_are_refused_with_a_reason(org_a, user_a, name, data, code):
    story = StoryFactory(organisation=org_a)
    with pytest.raises(ValidationError) as error:
        story_image_add(story=story, actor=user_a, upload=_upload(name, data), alt_text="x")
    assert "image" in error.value.message_dict
    assert not story.images.exists()
    assert code  # the code names the case; the message is what the user reads


def test_a_too_large_image_is_refused_before_it_is_opened(org_a, user_a, settings):
    story = StoryFactory(organisation=org_a)
    data = image_bytes("PNG") + b"\x00" * (5 * 1024 * 1024)
    with pytest.raises(ValidationError) as error:
        story_image_add(story=story, actor=user_a, upload=_upload("groot.png", data), alt_text="x")
    assert "te groot" in " ".join(error.value.messages) or "too large" in " ".join(
        error.value.messages
    )


def test_a_decompression_bomb_is_refused(org_a, user_a):
    out = io.BytesIO()
    Image.new("1", (10000, 10000)).save(out, "PNG")  # tiny file, 100 million pixels
    story = StoryFactory(organisation=org_a)
    with pytest.raises(ValidationError):
        story_image_add(
            story=story, actor=user_a, upload=_upload("bom.png", out.getvalue()), alt_text="x"
        )


def test_an_image_needs_a_text_alternative(org_a, user_a):
    story = StoryFactory(organisation=org_a)
    with pytest.raises(ValidationError) as error:
        story_image_add(
            story=story, actor=user_a, upload=_upload("a.png", image_bytes()), alt_text=" "
        )
    assert "alt_text" in error.value.message_dict


def test_images_cannot_change_while_the_story_is_reviewed(org_a, user_a):
    story = StoryFactory(organisation=org_a)
    image = story_image_add(
        story=story, actor=user_a, upload=_upload("a.png", image_bytes()), alt_text="Team"
    )
    story_submit(story=story, actor=user_a)
    story.refresh_from_db()
    with pytest.raises(ValidationError):
        story_image_remove(image=image, actor=user_a)
    with pytest.raises(ValidationError):
        story_image_add(
            story=story, actor=user_a, upload=_upload("b.png", image_bytes()), alt_text="Team"
        )
