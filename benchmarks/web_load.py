"""The load generator of `benchmarks/web.py`: client processes that GET one page back to
back, and the summary of what they measured.

It runs in spawned processes (so that the GIL does not limit the client): no Django here,
only the standard library, so that the clients start fast and stay small.
"""

from __future__ import annotations

import contextlib
import http.client
import math
import multiprocessing as mp
import signal
import time
from dataclasses import dataclass

from web_common import HOST


@dataclass
class Sample:
    latencies: list[float]
    errors: int
    first_error: str
    elapsed: float
    cpu: float
    hits: int  # responses with `X-Cache: hit`, served from the page cache


def _hammer(port: int, path: str, start_at: float, seconds: float) -> Sample:
    """GET `path` back to back until `seconds` have passed, on one connection that is
    reopened whenever the server closes it (gunicorn's sync workers close every one).
    No cookies are sent: the client is an anonymous visitor, whom the page cache serves."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    latencies: list[float] = []
    errors = hits = 0
    first_error = ""
    while time.time() < start_at:
        time.sleep(0.001)
    cpu_start = time.process_time()
    start = time.perf_counter()
    end = start + seconds
    now = start
    while now < end:
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
                first_error = first_error or f"HTTP {response.status}"
            hits += response.getheader("X-Cache") == "hit"
        except (OSError, http.client.HTTPException) as error:
            conn.close()
            errors += 1
            first_error = first_error or repr(error)
        after = time.perf_counter()
        latencies.append(after - now)
        now = after
    conn.close()
    cpu = time.process_time() - cpu_start
    return Sample(latencies, errors, first_error, now - start, cpu, hits)


def _client_process(port: int, tasks, results) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    while (task := tasks.get()) is not None:
        results.put(_hammer(port, *task))


class LoadGenerator:
    """`concurrency` processes, each with one connection, started once for all pages."""

    def __init__(self, port: int, concurrency: int):
        ctx = mp.get_context("spawn")
        self.results = ctx.Queue()
        self.queues = [ctx.Queue() for _ in range(concurrency)]
        self.processes = [
            ctx.Process(target=_client_process, args=(port, q, self.results), daemon=True)
            for q in self.queues
        ]
        for process in self.processes:
            process.start()

    def run(self, path: str, seconds: float) -> list[Sample]:
        start_at = time.time() + 0.2
        for q in self.queues:
            q.put((path, start_at, seconds))
        return [self.results.get(timeout=seconds + 120) for _ in self.queues]

    def close(self) -> None:
        for q in self.queues:
            with contextlib.suppress(Exception):
                q.put(None)
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)


@dataclass
class Result:
    name: str
    path: str
    requests: int
    errors: int
    first_error: str
    rps: float
    mean_ms: float
    p95_ms: float
    client_cpu: float  # cores used by the client processes
    server_cpu_ms: float  # CPU of the gunicorn processes per request
    hit_share: float  # share of the responses served from the page cache


def summarise(name: str, path: str, rounds: list[list[Sample]], server_cpu: float) -> Result:
    """One page's rounds, each a list of one Sample per client process."""
    samples = [s for round_ in rounds for s in round_]
    latencies = sorted(x for s in samples for x in s.latencies)
    n = len(latencies)
    elapsed = sum(sum(s.elapsed for s in round_) / len(round_) for round_ in rounds)
    return Result(
        name=name,
        path=path,
        requests=n,
        errors=sum(s.errors for s in samples),
        first_error=next((s.first_error for s in samples if s.first_error), ""),
        rps=n / elapsed if elapsed else math.nan,
        mean_ms=1000 * sum(latencies) / n if n else math.nan,
        p95_ms=1000 * latencies[max(0, math.ceil(0.95 * n) - 1)] if n else math.nan,
        client_cpu=sum(s.cpu for s in samples) / elapsed if elapsed else math.nan,
        server_cpu_ms=1000 * server_cpu / n if n else math.nan,
        hit_share=sum(s.hits for s in samples) / n if n else math.nan,
    )
