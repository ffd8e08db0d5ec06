"""Uploaded images are refused above a pixel cap from their header alone, before any
decoding; decompression bombs and damaged images give a form error, never a 500."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ..services import story_image_add
from ..uploads import check_campaign_file, check_image
from .factories import StoryFactory, image_bytes

pytestmark = pytest.mark.django_db


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _with_chunk(png: bytes, chunk: bytes) -> bytes:
    """`png` with `chunk` inserted right after its header chunk (IHDR)."""
    return png[:33] + chunk + png[33:]


def _declared_png(width: int, height: int) -> bytes:
    """A PNG whose header declares width × height; its pixel data is a stub."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


def _refusal(data: bytes, name: str = "foto.png") -> ValidationError:
    with pytest.raises(ValidationError) as error:
        check_image(_upload(name, data))
    return error.value


def test_an_image_above_the_pixel_cap_is_refused_from_its_header(settings):
    settings.OLIEVLEK_IMAGE_MAX_PIXELS = 25_000_000
    out = io.BytesIO()
    Image.new("1", (6000, 6000)).save(out, "PNG")  # a small file of 36 megapixels
    tracemalloc.start()
    try:
        error = _refusal(out.getvalue())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.code == "too_many_pixels"
    assert "6000 × 6000" in error.messages[0] and "25" in error.messages[0]
    assert peak < 10 * 2**20, f"peak {peak / 2**20:.1f} MB: the image was decoded"


def test_the_pixel_cap_is_a_setting(settings):
    settings.OLIEVLEK_IMAGE_MAX_PIXELS = 40 * 30
    assert check_image(_upload("klein.png", image_bytes("PNG", size=(40, 30)))).width == 40
    assert _refusal(image_bytes("PNG", size=(41, 30))).code == "too_many_pixels"


def test_a_header_that_declares_billions_of_pixels_is_refused_as_a_bomb():
    error = _refusal(_declared_png(100_000, 100_000))
    assert error.code == "decompression_bomb"


def test_pillows_decompression_bomb_check_gives_a_message(settings):
    # With the cap raised beyond Pillow's own limit, Pillow's bomb check answers.
    settings.OLIEVLEK_IMAGE_MAX_PIXELS = 10**12
    error = _refusal(_declared_png(20_000, 20_000))
    assert error.code == "decompression_bomb" and error.messages[0]


def test_a_png_with_a_text_chunk_that_unpacks_too_far_is_refused():
    bomb = _chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"a" * 2_000_000))
    error = _refusal(_with_chunk(image_bytes("PNG"), bomb))
    assert error.code == "decompression_bomb"


@pytest.mark.parametrize(
    "chunk",
    [
        _chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"a" * 2_000_000)),
        struct.pack(">I", 0x7FFFFFFF) + b"tEXt" + b"kapot",
        _chunk(b"tEXt", b"Comment\x00hi")[:-4] + b"\x00\x00\x00\x01",
    ],
    ids=["text that unpacks too far", "text longer than the file", "text with a bad checksum"],
)
def test_a_png_with_a_broken_text_chunk_is_a_form_error(chunk, client_for, user_a, org_a):
    story = StoryFactory(organisation=org_a)
    client = client_for(user_a)
    client.raise_request_exception = False
    response = client.post(
        f"/mijn/verhalen/{story.pk}/afbeeldingen",
        {"image": _upload("foto.png", _with_chunk(image_bytes("PNG"), chunk)), "alt_text": "Team"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["image"]
    assert not story.images.exists()


def test_a_story_image_goes_through_the_pixel_cap(org_a, user_a, settings):
    settings.OLIEVLEK_IMAGE_MAX_PIXELS = 100
    story = StoryFactory(organisation=org_a)
    with pytest.raises(ValidationError) as error:
        story_image_add(
            story=story, actor=user_a, upload=_upload("foto.png", image_bytes()), alt_text="x"
        )
    assert "image" in error.value.message_dict
    assert not story.images.exists()


def test_a_campaign_image_file_goes_through_the_pixel_cap(settings):
    settings.OLIEVLEK_IMAGE_MAX_PIXELS = 25_000_000
    out = io.BytesIO()
    Image.new("1", (6000, 6000)).save(out, "PNG")
    with pytest.raises(ValidationError) as error:
        check_campaign_file(_upload("poster.png", out.getvalue()))
    assert error.value.code == "too_many_pixels"
    assert check_campaign_file(_upload("poster.png", image_bytes("PNG"))) == "image/png"
