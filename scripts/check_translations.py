"""Fails when a translatable text lacks a Dutch translation or a compiled catalogue is stale.

Each app keeps its own catalogue (`<app>/locale/nl/LC_MESSAGES/django.po`); texts of the
site, accounts and audit live in `olievlek/locale`.

1. `makemessages` runs on a temporary copy of the source; every msgid it finds must be
   in the committed catalogue of the same app, translated and not fuzzy.
2. Every committed .mo must equal its .po compiled now.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "olievlek"
CATALOGUE = Path("locale") / "nl" / "LC_MESSAGES" / "django.po"


def catalogues(base: Path) -> list[Path]:
    return sorted(base.glob(f"**/{CATALOGUE}"))


def compiled(po_path: Path) -> bytes:
    with tempfile.NamedTemporaryFile(suffix=".mo") as handle:
        polib.pofile(str(po_path)).save_as_mofile(handle.name)
        return Path(handle.name).read_bytes()


def main() -> int:
    problems: list[str] = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "olievlek"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
        env = {
            **os.environ,
            "OLIEVLEK_LOCALE_DIR": str(copy / "locale"),
            "DJANGO_SETTINGS_MODULE": "olievlek.site.settings",
        }
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "makemessages",
                "-l",
                "nl",
                "--no-obsolete",
                "--no-location",
                "-v",
                "0",
            ],
            cwd=copy,
            env=env,
            check=True,
        )
        for fresh_path in catalogues(copy):
            relative = fresh_path.relative_to(copy)
            committed_path = PACKAGE / relative
            if not committed_path.exists():
                problems.append(f"{relative}: missing (run `make messages`)")
                continue
            committed = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(committed_path))}
            for entry in polib.pofile(str(fresh_path)):
                checked += 1
                known = committed.get((entry.msgctxt, entry.msgid))
                if known is None:
                    problems.append(
                        f"{relative}: not in catalogue (run `make messages`): {entry.msgid!r}"
                    )
                elif "fuzzy" in known.flags or not known.translated():
                    problems.append(f"{relative}: no Dutch translation: {entry.msgid!r}")
    for po_path in catalogues(PACKAGE):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.read_bytes() != compiled(po_path):
            problems.append(f"{mo_path.relative_to(PACKAGE)} is out of date (run `make messages`)")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s).", file=sys.stderr)
        return 1
    print(f"Translations complete: {checked} messages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
