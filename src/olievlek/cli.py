"""The `olievlek` command.

Engine commands (`olievlek match solve`, `olievlek group solve`) work on files and
need no database, so they never load Django. Everything else is passed to Django's
management commands (`olievlek migrate`, `olievlek demo_load`, ...).
"""

from __future__ import annotations

import importlib
import os
import sys

ENGINE_COMMANDS = {
    "match": "olievlek.engines.matching_io",
    "group": "olievlek.engines.grouping_io",
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ENGINE_COMMANDS:
        module = importlib.import_module(ENGINE_COMMANDS[args[0]])
        return module.main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "olievlek.site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["olievlek", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
