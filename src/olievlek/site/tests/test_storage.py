"""Uploads never leave a partial file: a full disk removes what was written, rolls the
change back and answers 507 with a Dutch page (problem+json under /api/)."""

from __future__ import annotations

import errno

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from olievlek.network.models import Organisation
from olievlek.site.storage import AtomicFileSystemStorage

from .urls_disk_full import DiskFillsUp


@pytest.fixture
def storage(tmp_path):
    return AtomicFileSystemStorage(location=tmp_path)


def _files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_saved_file_is_complete_under_its_name(storage, tmp_path):
    name = storage.save("verhalen/foto.jpg", ContentFile(b"\xff\xd8" + b"x" * 70000))

    assert name == "verhalen/foto.jpg"
    assert (tmp_path / name).read_bytes() == b"\xff\xd8" + b"x" * 70000
    assert _files(tmp_path) == [tmp_path / name]


def test_a_second_file_with_the_same_name_gets_its_own_name(storage, tmp_path):
    first = storage.save("a.txt", ContentFile(b"een"))
    second = storage.save("a.txt", ContentFile("twee"))

    assert first != second
    assert (tmp_path / first).read_bytes() == b"een"
    assert (tmp_path / second).read_bytes() == b"twee"


def test_a_full_disk_leaves_no_partial_file(storage, tmp_path):
    with pytest.raises(OSError) as raised:
        storage.save("verhalen/verslag.pdf", DiskFillsUp())

    assert raised.value.errno == errno.ENOSPC
    assert _files(tmp_path) == []


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
@pytest.mark.urls("olievlek.site.tests.urls_disk_full")
def test_an_upload_on_a_full_disk_answers_507_in_dutch_and_keeps_nothing(media):
    response = Client(raise_request_exception=False).get("/test-upload-disk-full")

    assert response.status_code == 507
    assert "De opslag voor bestanden is vol" in response.content.decode()
    assert "No space left" not in response.content.decode()
    assert _files(media) == []
    assert not Organisation.objects.filter(name="Upload in een transactie").exists()


@pytest.mark.django_db
@pytest.mark.urls("olievlek.site.tests.urls_disk_full")
def test_an_api_upload_on_a_full_disk_answers_a_507_problem(media):
    response = Client(raise_request_exception=False).get("/api/v1/test-upload-disk-full")

    assert response.status_code == 507
    assert response["Content-Type"].startswith("application/problem+json")
