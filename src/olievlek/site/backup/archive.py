"""`olievlek backup` and `olievlek restore`: one tar file with the database and the uploads.

The archive holds `manifest.json` (format, application version, database vendor, creation
time, every table's row count and checksum, every file's SHA-256), the database
(`database.dump` from pg_dump, or `database.sqlite3`) and the uploaded files under
`media/` (MEDIA_ROOT) and `private/` (the storage never served from a URL). Restore checks
everything before it changes anything, restores the database in one step, puts files in
place by renaming complete temporary files, and then verifies the tables against the
manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.utils import timezone
from django.utils.translation import gettext as _

from . import database

FORMAT = "olievlek-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be made or restored; the message is for the operator."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    seconds: float
    tables: int
    rows: int
    files: int


def _app_version() -> str:
    try:
        return version("olievlek")
    except PackageNotFoundError:
        return "unknown"


def _file_roots() -> dict[str, Path]:
    """The storages whose files belong in a backup, by their name in the archive."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private": Path(storages["private"].location),
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _walk(root: Path):
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def backup_create(*, path: Path) -> BackupResult:
    started = time.monotonic()
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="olievlek-backup-") as work:
        work_dir = Path(work)
        kind = database.vendor()
        if kind == database.POSTGRESQL:
            db_name = "database.dump"
            try:
                sums = database.pg_dump(work_dir / db_name)
            except database.ToolMissing as missing:
                raise BackupError(_("%(tool)s was not found.") % {"tool": missing}) from missing
        elif kind == database.SQLITE:
            db_name = "database.sqlite3"
            sums = database.sqlite_copy(work_dir / db_name)
        else:
            raise BackupError(_("This database (%(vendor)s) is not supported.") % {"vendor": kind})
        files = {
            f"{prefix}/{file.relative_to(root).as_posix()}": file
            for prefix, root in _file_roots().items()
            for file in _walk(root)
        }
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": _app_version(),
            "database_vendor": kind,
            "created": timezone.now().isoformat(),
            "database_file": db_name,
            "database_sha256": _sha256(work_dir / db_name),
            "tables": {
                table: {"rows": s.rows, "checksum": s.checksum} for table, s in sums.items()
            },
            "files": {name: _sha256(file) for name, file in files.items()},
        }
        # Written next to the target and renamed: a failed backup never leaves a file
        # that looks complete.
        partial = path.with_name(f".{path.name}.partial")
        try:
            with tarfile.open(partial, "w") as archive:
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(data)
                info.mtime = int(time.time())
                archive.addfile(info, io.BytesIO(data))
                archive.add(work_dir / db_name, arcname=db_name)
                for name, file in files.items():
                    archive.add(file, arcname=name)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return BackupResult(
        path=path,
        size=path.stat().st_size,
        seconds=time.monotonic() - started,
        tables=len(sums),
        rows=sum(s.rows for s in sums.values()),
        files=len(files),
    )


def manifest_read(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember(MANIFEST)
        manifest = json.load(archive.extractfile(member))
    except (KeyError, ValueError, AttributeError) as error:
        raise BackupError(_("This file is not an Olievlek backup (no manifest).")) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("This file is not an Olievlek backup (no manifest)."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _("This backup has format version %(found)s; this release reads version %(known)s.")
            % {"found": manifest.get("format_version"), "known": FORMAT_VERSION}
        )
    return manifest


def _extract_verified(archive: tarfile.TarFile, name: str, expected: str, target: Path) -> None:
    member = archive.getmember(name)
    if not member.isfile():
        raise BackupError(_("The backup is damaged: %(name)s is not a file.") % {"name": name})
    digest = hashlib.sha256()
    with archive.extractfile(member) as source, target.open("wb") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != expected:
        raise BackupError(
            _("The backup is damaged: %(name)s does not match its checksum.") % {"name": name}
        )


def _file_target(name: str) -> Path:
    prefix, _sep, relative = name.partition("/")
    roots = _file_roots()
    if prefix not in roots or not relative:
        raise BackupError(_("The backup is damaged: %(name)s is not a file.") % {"name": name})
    root = roots[prefix].resolve()
    target = (root / relative).resolve()
    if root not in target.parents:  # a crafted archive must not write outside the storage
        raise BackupError(_("The backup is damaged: %(name)s is not a file.") % {"name": name})
    return target


def backup_restore(*, path: Path, force: bool = False) -> dict:
    """Restores a backup; refuses a database that holds data unless `force`."""
    try:
        archive = tarfile.open(path, "r")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(_("This file is not an Olievlek backup (no manifest).")) from error
    with archive, tempfile.TemporaryDirectory(prefix="olievlek-restore-") as work:
        manifest = manifest_read(archive)
        kind = database.vendor()
        if manifest["database_vendor"] != kind:
            raise BackupError(
                _("This backup is of a %(found)s database; this site runs on %(current)s.")
                % {"found": manifest["database_vendor"], "current": kind}
            )
        if not force and database.holds_data():
            raise BackupError(
                _(
                    "The database is not empty. A restore replaces everything in it; "
                    "run the command again with --force if that is what you want."
                )
            )
        db_file = Path(work) / manifest["database_file"]
        _extract_verified(archive, manifest["database_file"], manifest["database_sha256"], db_file)
        staged = _stage_files(archive, manifest["files"])
        try:
            if kind == database.POSTGRESQL:
                database.pg_restore(db_file, keep_tables=set(manifest["tables"]))
            else:
                database.sqlite_restore(db_file)
            for temporary, target in staged:
                os.replace(temporary, target)
        finally:
            for temporary, _target in staged:
                temporary.unlink(missing_ok=True)
    _verify_tables(manifest)
    return manifest


def _stage_files(archive: tarfile.TarFile, files: dict[str, str]) -> list[tuple[Path, Path]]:
    """Every file written in full, under a temporary name beside its place, and checked,
    before anything is put in place: a failure leaves no partial files behind."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, checksum in sorted(files.items()):
            target = _file_target(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".restoring", dir=target.parent
            )
            os.close(handle)
            staged.append((Path(temporary), target))
            _extract_verified(archive, name, checksum, Path(temporary))
    except BaseException:
        for temporary, _target in staged:
            temporary.unlink(missing_ok=True)
        raise
    return staged


def _verify_tables(manifest: dict) -> None:
    current = database.current_table_sums()
    differing = sorted(
        table
        for table, expected in manifest["tables"].items()
        if table not in current
        or (current[table].rows, current[table].checksum)
        != (expected["rows"], expected["checksum"])
    )
    if differing:
        raise BackupError(
            _("After the restore these tables differ from the backup: %(tables)s")
            % {"tables": ", ".join(differing)}
        )
