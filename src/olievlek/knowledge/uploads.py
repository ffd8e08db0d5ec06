"""Checks on uploaded files: the content must be what the name says, of an allowed
type, and not too large. Images are opened with Pillow, verified, turned upright,
resized and re-encoded, so that what is stored is an image we made ourselves."""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_WIDTH = 1600
IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", (".jpg", ".jpeg")),
    "PNG": ("image/png", (".png",)),
    "WEBP": ("image/webp", (".webp",)),
}

# Extension -> (content type, signature check). A .docx file is a zip archive.
CAMPAIGN_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".txt": "text/plain",
    ".zip": "application/zip",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def campaign_max_bytes() -> int:
    return getattr(settings, "OLIEVLEK_CAMPAIGN_MAX_BYTES", 50 * 1024 * 1024)


@dataclass(frozen=True)
class CheckedImage:
    content: ContentFile
    content_type: str
    width: int
    height: int


def _extension(name: str) -> str:
    return PurePosixPath(name or "").suffix.lower()


def max_image_pixels() -> int:
    return settings.OLIEVLEK_IMAGE_MAX_PIXELS


# What a broken or hostile image makes Pillow raise while reading its header, its text
# chunks or its pixels (a zTXt chunk that unpacks too far raises ValueError, a bad
# zlib stream zlib.error, a short chunk struct.error or EOFError).
_UNREADABLE = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    struct.error,
    zlib.error,
)


def _too_many_pixels(width: int, height: int) -> ValidationError:
    limit = max_image_pixels()
    return ValidationError(
        _(
            "The image is %(width)d × %(height)d pixels (%(mp)s megapixels); the maximum is "
            "%(max)s megapixels. Make the image smaller and upload it again."
        )
        % {
            "width": width,
            "height": height,
            "mp": f"{width * height / 1e6:.1f}".replace(".", ","),
            "max": f"{limit / 1e6:g}".replace(".", ","),
        },
        code="too_many_pixels",
    )


def _bomb() -> ValidationError:
    return ValidationError(
        _(
            "The image unpacks to far more data than it shows (a decompression bomb); "
            "it is not accepted."
        ),
        code="decompression_bomb",
    )


def _not_readable() -> ValidationError:
    return ValidationError(
        _("This file is not a readable image: it is damaged or not an image."),
        code="not_an_image",
    )


@contextmanager
def _guarded():
    """Pillow's own bomb warning as an error, and every reading error as a form error."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _bomb() from error
    except _UNREADABLE as error:
        if isinstance(error, ValueError) and "too large" in str(error).lower():
            raise _bomb() from error
        raise _not_readable() from error


def check_image_dimensions(upload) -> tuple[str, int, int]:
    """The format and size an image's header declares, refused above the pixel cap;
    nothing is decoded, so a 50,000 × 50,000 image costs nothing to refuse."""
    upload.seek(0)
    with _guarded(), Image.open(upload) as probe:
        width, height = probe.size
        frames = getattr(probe, "n_frames", 1)
        image_format = probe.format
    upload.seek(0)
    if width * height * frames > max_image_pixels():
        raise _too_many_pixels(width, height)
    return image_format, width, height


def check_image(upload) -> CheckedImage:
    """Validate and normalise an uploaded image; raises ValidationError in Dutch."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)s); the maximum is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_IMAGE_BYTES)},
            code="too_large",
        )
    extension = _extension(upload.name)
    allowed = {ext for _ct, exts in IMAGE_FORMATS.values() for ext in exts}
    if extension not in allowed:
        raise ValidationError(
            _("Upload a JPEG, PNG or WebP image."),
            code="wrong_type",
        )
    upload.seek(0)
    data = upload.read()
    image_format, _width, _height = check_image_dimensions(io.BytesIO(data))
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="wrong_type")
    content_type, extensions = IMAGE_FORMATS[image_format]
    if extension not in extensions:
        raise ValidationError(
            _("The file is called %(name)s, but it is a %(format)s image.")
            % {"name": upload.name, "format": image_format},
            code="type_mismatch",
        )
    with _guarded():
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        # verify() leaves the image unusable: open it again to convert it.
        image = Image.open(io.BytesIO(data))
        image.load()
        image = ImageOps.exif_transpose(image)
    if image.width > MAX_IMAGE_WIDTH:
        height = round(image.height * MAX_IMAGE_WIDTH / image.width)
        image = image.resize((MAX_IMAGE_WIDTH, max(1, height)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    elif image_format == "PNG":
        if image.mode not in {"RGB", "RGBA", "L", "LA", "P"}:
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=85)
    return CheckedImage(
        content=ContentFile(out.getvalue(), name=f"image{extensions[0]}"),
        content_type=content_type,
        width=image.width,
        height=image.height,
    )


def _sniff(head: bytes) -> str | None:
    """The content type the first bytes prove, or None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"PK\x03\x04"):
        return "application/zip"
    return None


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # The sample may end inside a multi-byte character.
        try:
            data[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def check_campaign_file(upload) -> str:
    """The content type of an acceptable campaign file; raises ValidationError."""
    limit = campaign_max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the maximum is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    extension = _extension(upload.name)
    if extension not in CAMPAIGN_TYPES:
        raise ValidationError(
            _("This type of file is not accepted. Allowed: %(types)s.")
            % {"types": ", ".join(sorted(CAMPAIGN_TYPES))},
            code="wrong_type",
        )
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    expected = CAMPAIGN_TYPES[extension]
    found = _sniff(head)
    if expected.startswith("image/") and found == expected:
        # Served to visitors as it is: no image a browser would choke on.
        check_image_dimensions(upload)
    if expected == "text/plain":
        ok = found is None and _is_text(head)
    elif expected.startswith("application/vnd.openxmlformats"):
        ok = found == "application/zip"
    else:
        ok = found == expected
    if not ok:
        raise ValidationError(
            _("The content of %(name)s does not match its name: it is not a %(ext)s file.")
            % {"name": upload.name, "ext": extension},
            code="type_mismatch",
        )
    return expected
