"""Fails when a translatable text lacks a Dutch translation or the compiled catalogue is stale.

1. `makemessages` is run into a temporary copy of the catalogue; every msgid it finds
   must be in the committed .po with a translation (and not fuzzy).
2. The committed .mo must equal the .po compiled now.
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
LOCALE = PACKAGE / "locale"


def compile_mo(po_path: Path) -> bytes:
    with tempfile.NamedTemporaryFile(suffix=".mo") as handle:
        polib.pofile(str(po_path)).save_as_mofile(handle.name)
        return Path(handle.name).read_bytes()


def main() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(LOCALE, Path(tmp) / "locale")
        env = {**os.environ, "OLIEVLEK_LOCALE_DIR": str(Path(tmp) / "locale")}
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
            cwd=PACKAGE,
            env={**env, "DJANGO_SETTINGS_MODULE": "olievlek.site.settings"},
            check=True,
        )
        fresh = polib.pofile(str(Path(tmp) / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    committed_path = LOCALE / "nl" / "LC_MESSAGES" / "django.po"
    committed = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(committed_path))}
    for entry in fresh:
        known = committed.get((entry.msgctxt, entry.msgid))
        if known is None:
            problems.append(f"not in django.po (run `make messages`): {entry.msgid!r}")
        elif "fuzzy" in known.flags or not known.translated():
            problems.append(f"no Dutch translation: {entry.msgid!r}")
    mo_path = committed_path.with_suffix(".mo")
    if not mo_path.exists() or mo_path.read_bytes() != compile_mo(committed_path):
        problems.append("django.mo is out of date (run `make messages`)")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s).", file=sys.stderr)
        return 1
    print(f"Translations complete: {len(fresh)} messages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
