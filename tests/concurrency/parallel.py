"""Running work in real parallel threads, each with its own database connection."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def run_in_parallel(worker: Callable[[int], object], count: int) -> list[object]:
    """Run `worker(i)` for i in range(count) in threads released at the same moment; each
    thread has its own database connection. Returns results (or raised exceptions)."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = worker(i)
        except Exception as error:  # noqa: BLE001 - the caller inspects every outcome
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
