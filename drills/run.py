"""`make drills`: run every fault drill and print the summary table.

Each drill starts its own servers on 127.0.0.1 (PostgreSQL, Redis, gunicorn, the task
worker, an SMTP server), breaks one thing, checks what happened and what was lost, and
cleans up, also when it fails. Usage: python drills/run.py [NAME ...]
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Row  # noqa: E402

DRILLS = [
    "drill_worker_kill",
    "drill_postgres_restart",
    "drill_redis_stop",
    "drill_mail_refused",
    "drill_disk_full",
]


def main(names: list[str]) -> int:
    rows: list[Row] = []
    for name in names or DRILLS:
        print(f"\n== {name}", flush=True)
        started = time.monotonic()
        try:
            rows += importlib.import_module(name).run()
        except Exception as error:  # noqa: BLE001 (a broken drill is a failed row)
            traceback.print_exc()
            rows.append(Row(name, f"the drill broke: {type(error).__name__}: {error}", "?", False))
        print(f"   ({time.monotonic() - started:.0f} s)", flush=True)
    print("\n| drill | what happened | what was lost | ok |\n|---|---|---|---|")
    for row in rows:
        print(f"| {row.drill} | {row.happened} | {row.lost} | {'yes' if row.ok else 'NO'} |")
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
