"""`olievlek backup` and `olievlek restore` on the database the suite runs on (SQLite, and
PostgreSQL under scripts/with-postgres.sh): the demo data and uploaded files come back
exactly, and a database with data is never overwritten by accident."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from olievlek.network.models import Organisation
from olievlek.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)

UPLOADS = {
    "media": {
        "stories/2026/12/foto.jpg": bytes(range(256)) * 40,
        "logos/bakkerij.png": b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 900,
    },
    "private": {"imports/2026/12/leden.csv": b"naam;kvk\nBakkerij De Korenaar;12345678\n"},
}


@pytest.fixture
def storage_dirs(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return {"media": tmp_path / "media", "private": tmp_path / "private"}


def _upload(storage_dirs) -> None:
    for prefix, files in UPLOADS.items():
        for name, content in files.items():
            path = storage_dirs[prefix] / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


def _model_fingerprint() -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row (all columns, ordered by primary key) of every
    model's table, read through the ORM, independently of the backup's own checksums."""
    fingerprint = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed:
            continue
        fields = [field.attname for field in model._meta.concrete_fields]
        rows = list(model._base_manager.order_by("pk").values_list(*fields))
        fingerprint[model._meta.db_table] = (
            len(rows),
            hashlib.sha256(repr(rows).encode()).hexdigest(),
        )
    return fingerprint


def _empty_everything(storage_dirs) -> None:
    call_command("flush", interactive=False, verbosity=0)
    for root in storage_dirs.values():
        for path in sorted(root.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()


def test_round_trip_restores_every_table_and_every_uploaded_file(storage_dirs, tmp_path, capsys):
    call_command("demo_load", stdout=io.StringIO())
    _upload(storage_dirs)
    before = _model_fingerprint()
    backup = tmp_path / "olievlek.backup"

    started = time.monotonic()
    out = io.StringIO()
    call_command("backup", str(backup), stdout=out)
    made = out.getvalue().strip()
    _empty_everything(storage_dirs)
    assert not Organisation.objects.exists()
    call_command("restore", str(backup), stdout=io.StringIO())
    with capsys.disabled():  # the figures for the operations note
        print(
            f"\n{connection.vendor} backup: {made}; round trip {time.monotonic() - started:.2f} s"
        )

    assert _model_fingerprint() == before
    assert before["network_organisation"][0] >= 500
    for prefix, files in UPLOADS.items():
        for name, content in files.items():
            assert (storage_dirs[prefix] / name).read_bytes() == content


def test_manifest_names_format_version_vendor_counts_and_checksums(storage_dirs, tmp_path):
    OrganisationFactory.create_batch(3)
    _upload(storage_dirs)
    backup = tmp_path / "olievlek.backup"
    call_command("backup", str(backup), stdout=io.StringIO())

    with tarfile.open(backup) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        names = set(archive.getnames())
    assert manifest["format_version"] == 1
    assert manifest["database_vendor"] == connection.vendor
    assert manifest["app_version"]
    assert manifest["created"]
    assert manifest["tables"]["network_organisation"]["rows"] == 3
    assert len(manifest["tables"]["network_organisation"]["checksum"]) == 64
    assert (
        manifest["files"]["private/imports/2026/12/leden.csv"]
        == hashlib.sha256(UPLOADS["private"]["imports/2026/12/leden.csv"]).hexdigest()
    )
    assert {manifest["database_file"], "media/logos/bakkerij.png"} <= names


def test_restore_refuses_a_database_with_data_without_force(storage_dirs, tmp_path):
    OrganisationFactory(name="Oud")
    backup = tmp_path / "olievlek.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    Organisation.objects.update(name="Nieuw")

    with translation.override("nl"), pytest.raises(CommandError) as refused:
        call_command("restore", str(backup), stdout=io.StringIO())

    assert "niet leeg" in str(refused.value)
    assert "--force" in str(refused.value)
    assert Organisation.objects.get().name == "Nieuw"


def test_restore_with_force_replaces_the_data(storage_dirs, tmp_path):
    OrganisationFactory(name="Oud")
    backup = tmp_path / "olievlek.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    Organisation.objects.update(name="Nieuw")
    OrganisationFactory(name="Later toegevoegd")

    call_command("restore", str(backup), force=True, stdout=io.StringIO())

    assert list(Organisation.objects.values_list("name", flat=True)) == ["Oud"]


def _rewrite(backup: Path, target: Path, *, replace: dict[str, bytes]) -> None:
    with tarfile.open(backup) as source, tarfile.open(target, "w") as out:
        for member in source.getmembers():
            data = replace.get(member.name, source.extractfile(member).read())
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))


def test_restore_of_a_damaged_file_changes_nothing_and_leaves_no_partial_files(
    storage_dirs, tmp_path
):
    _upload(storage_dirs)
    backup = tmp_path / "olievlek.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    _empty_everything(storage_dirs)
    damaged = tmp_path / "damaged.backup"
    _rewrite(backup, damaged, replace={"media/stories/2026/12/foto.jpg": b"half a file"})

    with translation.override("nl"), pytest.raises(CommandError) as refused:
        call_command("restore", str(damaged), stdout=io.StringIO())

    assert "beschadigd" in str(refused.value)
    assert [p for p in storage_dirs["media"].rglob("*") if p.is_file()] == []
    assert [p for p in storage_dirs["private"].rglob("*") if p.is_file()] == []


def test_restore_refuses_a_file_that_is_not_a_backup(storage_dirs, tmp_path):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("geen backup")

    with translation.override("nl"), pytest.raises(CommandError) as refused:
        call_command("restore", str(not_a_backup), stdout=io.StringIO())

    assert "geen Olievlek-back-up" in str(refused.value)
