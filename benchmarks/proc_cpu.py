"""CPU time of server processes, read from /proc (Linux): how the load benchmark says
what gunicorn and PostgreSQL spent per request."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU so far of the processes `pids` and their children, the exited
    children included (their parent's cutime/cstime once reaped: PostgreSQL backends come
    and go with the workers' connections). Linux."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            text = stat.read_text()
            fields = text[text.rindex(")") + 2 :].split()  # from field 3, state, on
            if int(stat.parent.name) in pids:
                ticks += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
            elif int(fields[1]) in pids:
                ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_pids() -> list[int]:
    """The postmaster of DATABASE_URL's port (its backends are its children)."""
    port = os.environ["DATABASE_URL"].rsplit(":", 1)[1].split("/")[0]
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            parts = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if parts and parts[0].endswith(b"postgres") and f"-p {port}".encode() in b" ".join(parts):
            pids.append(int(cmdline.parent.name))
    return pids
