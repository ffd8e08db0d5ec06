"""Traffic during a drill: threads that ask a set of pages over and over, the member's
pages with its logged-in session, until the drill stops them. Bounded: they stop with the
`with` block, and each request has a 10-second timeout."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import requests

# An answer: (time.monotonic(), kind of page, status code or the error's name, problem).
Answer = tuple[float, str, int | str, str]


class Visitors:
    def __init__(
        self,
        url: str,
        pages: dict[str, str],
        member: requests.Session,
        *,
        threads: int,
        judge: Callable[[str, requests.Response], str] | None = None,
    ):
        """`judge(kind, response)` names what is wrong with an answer ("" for nothing)."""
        self.url, self.pages, self.member, self.judge = url, pages, member, judge
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._visit) for _ in range(threads)]

    def __enter__(self) -> Visitors:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=20)

    def since(self, start: float, end: float = float("inf")) -> list[Answer]:
        return [a for a in self.answers if start <= a[0] < end]

    def _visit(self) -> None:
        anonymous = requests.Session()
        while not self._stop.is_set():
            for kind, path in self.pages.items():
                client = self.member if kind == "member" else anonymous
                try:
                    response = client.get(f"{self.url}{path}", timeout=10, allow_redirects=False)
                except requests.RequestException as error:
                    self.answers.append((time.monotonic(), kind, type(error).__name__, ""))
                    continue
                problem = self.judge(kind, response) if self.judge else ""
                self.answers.append((time.monotonic(), kind, response.status_code, problem))
