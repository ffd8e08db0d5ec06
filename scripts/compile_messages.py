"""Compiles every Dutch catalogue with polib, so no gettext tools are needed to build."""

from pathlib import Path

import polib

for po_path in sorted(
    Path(__file__).resolve().parent.parent.glob("src/olievlek/**/locale/*/LC_MESSAGES/django.po")
):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path}")
