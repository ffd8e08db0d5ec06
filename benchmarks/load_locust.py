"""The load generator of `benchmarks/load.py`: Locust, headless and driven from code.

    python benchmarks/load_locust.py PLAN.json RESULT.json

`load.py` writes the plan (server port, gunicorn's and PostgreSQL's process ids, the
member accounts and paths from `load_setup.py`, the stages) and reads the result. It runs
in its own process because Locust patches the standard library for gevent on import.

Two parts:
- mixed traffic: visitors, logged-in members and API clients (`Visitor`, `Member`,
  `ApiClient`) with think time, ramped to each stage's number of users; the statistics
  are reset once the stage has all its users, so they cover only its steady state;
- capacity: one kind of page at a time, asked back to back by a few users without think
  time (`Hammer`), the pages taking turns; its requests/s against the bare view's is the
  throughput ratio, and the CPU that gunicorn and PostgreSQL spent per request is
  measured from /proc over the same window.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import sys
import time
import uuid
from pathlib import Path

import gevent
from locust import FastHttpUser, between, events, task
from locust.env import Environment
from requests.cookies import create_cookie

sys.path.insert(0, str(Path(__file__).resolve().parent))

from proc_cpu import cpu_seconds  # noqa: E402

THEMES = ["betrokkenheid", "organisatie", "gezondheid", "ontwikkeling", "apk"]
PROVINCES = ["NL-ZH", "NL-NH", "NL-UT", "NL-GE", "NL-NB", "NL-GR", "NL-LI", "NL-OV"]
SEARCHES = ["gezond", "ontwikkeling", "bakkerij", "vitaliteit", "mentor", "werk"]
CSRF = re.compile(r'"X-CSRFToken": "([^"]+)"')
CANCEL = re.compile(r'action="(/mijn/bijeenkomsten/aanmeldingen/\d+/annuleren)".*?</form>', re.S)
HOST = "127.0.0.1"

PLAN: dict = {}
_accounts = itertools.count()


def _check(response, expected: int = 200) -> None:
    """Anything but the expected status is an error of that kind of page (redirects are
    not followed: a member page that sends to the login is an error, not a success)."""
    if response.status_code != expected:
        response.failure(f"HTTP {response.status_code}")
    else:
        response.success()


class Page:
    """GET helper shared by the user classes."""

    def get(self, path: str, name: str, headers: dict | None = None):
        with self.client.get(
            path, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            _check(response)
            return response


class Visitor(Page, FastHttpUser):
    """An anonymous visitor of the public site, with a browser's cookie jar (so the
    survey counter cookie comes along, as it would)."""

    weight = 5
    wait_time = between(0.5, 2.5)

    @task(3)
    def home(self):
        self.get("/", "home")

    @task(4)
    def directory(self):
        query = f"?theme={random.choice(THEMES)}&province={random.choice(PROVINCES)}"
        if random.random() < 0.3:
            query += f"&page={random.randint(2, 3)}"
        self.get(f"/netwerk/{query}", "directory, filters")

    @task(3)
    def organisation(self):
        self.get(f"/netwerk/{random.choice(PLAN['organisations'])}/", "organisation page")

    @task(2)
    def meetings(self):
        self.get("/bijeenkomsten/", "meetings")

    @task(2)
    def meeting(self):
        self.get(random.choice(PLAN["events"]), "meeting page")

    @task(2)
    def stories(self):
        self.get("/verhalen/", "stories")

    @task(2)
    def story(self):
        self.get(random.choice(PLAN["stories"]), "story page")

    @task(2)
    def search(self):
        self.get(f"/zoeken/?q={random.choice(SEARCHES)}", "search")

    @task(1)
    def bare(self):
        self.get("/bench/bare", "bare Django view (peer)")


class Member(Page, FastHttpUser):
    """A logged-in contact person of a member organisation (a session made beforehand:
    see `load_setup.py`), in the member area, on public pages, and registering a
    colleague for a meeting and cancelling again."""

    weight = 4
    wait_time = between(0.5, 2.5)

    def on_start(self):
        members = PLAN["members"]
        self.account = members[next(_accounts) % len(members)]
        self.client.cookiejar.set_cookie(
            create_cookie("sessionid", self.account["session"], domain=HOST)
        )

    @task(4)
    def start_page(self):
        self.get("/mijn/", "member: start page")

    @task(2)
    def pay_it_forward(self):
        self.get("/mijn/payitforward/", "member: Pay it Forward")

    @task(2)
    def my_meetings(self):
        self.get("/mijn/bijeenkomsten/", "member: meetings")

    @task(2)
    def notifications(self):
        self.get("/mijn/meldingen/", "member: notifications")

    @task(1)
    def my_stories(self):
        self.get("/mijn/verhalen/", "member: stories")

    @task(1)
    def werkvloer(self):
        self.get("/mijn/werkvloer/", "member: self-scan")

    @task(2)
    def directory(self):
        self.get(f"/netwerk/?theme={random.choice(THEMES)}", "directory, filters (member)")

    @task(1)
    def organisation(self):
        self.get(f"/netwerk/{random.choice(PLAN['organisations'])}/", "organisation page (member)")

    @task(1)
    def bare(self):
        self.get("/bench/bare", "bare Django view (peer)")

    @task(1)
    def register_and_cancel(self):
        if not PLAN["events_open"]:
            return
        meeting = random.choice(PLAN["events_open"])
        form = self.get(f"/bijeenkomsten/{meeting}/aanmelden", "member: registration form")
        token = CSRF.search(form.text or "")
        if not token:
            return
        colleague = f"Collega {uuid.uuid4().hex[:10]}"
        headers = {"X-CSRFToken": token.group(1), "Referer": f"http://{HOST}/"}
        with self.client.post(
            f"/bijeenkomsten/{meeting}/aanmelden",
            name="member: register (POST)",
            data={"name_1": colleague, "email_1": f"{colleague[8:]}@load.olievlek.test"},
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            _check(response, 302)
        page = self.get("/mijn/bijeenkomsten/", "member: meetings")
        forms = CANCEL.finditer(page.text or "")
        action = next((m.group(1) for m in forms if colleague in m[0]), None)
        if action is None:
            return
        with self.client.post(
            action,
            name="member: cancel (POST)",
            data={},
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            _check(response, 302)


class ApiClient(Page, FastHttpUser):
    """A member's script reading the API with a personal key, and an anonymous one."""

    weight = 1
    wait_time = between(0.5, 2.5)

    def on_start(self):
        members = PLAN["members"]
        key = members[next(_accounts) % len(members)]["api_key"]
        self.auth = {"Authorization": f"Bearer {key}"}

    @task(3)
    def organisations(self):
        self.get(f"/api/v1/organisaties?theme={random.choice(THEMES)}", "API: organisations")

    @task(2)
    def meetings(self):
        self.get("/api/v1/bijeenkomsten", "API: meetings (key)", headers=self.auth)

    @task(2)
    def meeting(self):
        pk = random.choice(PLAN["api_events"])
        self.get(f"/api/v1/bijeenkomsten/{pk}", "API: meeting (key)", headers=self.auth)

    @task(1)
    def offers(self):
        self.get("/api/v1/aanbod", "API: offers (key)", headers=self.auth)


class Hammer(Page, FastHttpUser):
    """Capacity: asks one path back to back (`path`, `name`, `session` set per turn).
    Without a session it keeps no cookies: every request is a new anonymous visitor,
    whom the page cache serves."""

    wait_time = between(0, 0)
    path = "/bench/bare"
    name = "bare"
    session = ""

    def on_start(self):
        if self.session:
            self.client.cookiejar.set_cookie(create_cookie("sessionid", self.session, domain=HOST))

    @task
    def hit(self):
        if not self.session:
            self.client.cookiejar.clear()
        self.get(self.path, self.name)


def _entries(stats) -> dict:
    out = {}
    for (name, _method), entry in stats.entries.items():
        row = out.setdefault(name, {"requests": 0, "failures": 0, "times": {}})
        row["requests"] += entry.num_requests
        row["failures"] += entry.num_failures
        for ms, count in entry.response_times.items():
            row["times"][ms] = row["times"].get(ms, 0) + count
    errors = {}
    for error in stats.errors.values():
        key = f"{error.name}: {error.error}"
        errors[key] = errors.get(key, 0) + error.occurrences
    return {"pages": out, "errors": errors}


def _environment(user_classes) -> Environment:
    host = f"http://{HOST}:{PLAN['port']}"
    env = Environment(user_classes=user_classes, host=host, events=events)
    env.create_local_runner()
    return env


def _load_average() -> float:
    return os.getloadavg()[0]


def mixed(stage: dict, env: Environment) -> dict:
    """Ramp to the stage's users, reset the statistics, measure for its seconds."""
    users, seconds = stage["users"], stage["seconds"]
    print(f"mixed traffic: ramping to {users} users", file=sys.stderr)
    env.runner.start(users, spawn_rate=stage["spawn_rate"])
    deadline = time.monotonic() + 120
    while env.runner.user_count < users and time.monotonic() < deadline:
        gevent.sleep(0.2)
    gevent.sleep(stage.get("settle", 2))
    env.runner.stats.reset_all()
    cpu, load = cpu_seconds(PLAN["server_pids"]), _load_average()
    start = time.monotonic()
    print(f"mixed traffic: measuring {seconds:g} s at {users} users", file=sys.stderr)
    gevent.sleep(seconds)
    elapsed = time.monotonic() - start
    result = _entries(env.runner.stats)
    result.update(
        users=users,
        elapsed=elapsed,
        server_cpu=cpu_seconds(PLAN["server_pids"]) - cpu,
        load=[load, _load_average()],
    )
    return result


def capacity(plan: dict) -> dict:
    """Each page back to back by `users` users for `seconds`, in `rounds` turns."""
    pages = plan["capacity"]["pages"]
    users = plan["capacity"]["users"]
    per_turn = plan["capacity"]["seconds"] / plan["capacity"]["rounds"]
    totals = {
        p["name"]: {"requests": 0, "failures": 0, "times": {}, "elapsed": 0.0, "cpu": 0.0}
        for p in pages
    }
    for round_ in range(plan["capacity"]["rounds"]):
        # Every other round backwards: what a turn leaves behind (PostgreSQL writing out
        # the pages of the one before) does not always land on the same neighbour.
        for page in pages if round_ % 2 == 0 else pages[::-1]:
            print(
                f"capacity {round_ + 1}/{plan['capacity']['rounds']}: {page['name']}",
                file=sys.stderr,
            )
            Hammer.path, Hammer.name = page["path"], page["name"]
            Hammer.session = page.get("session", "")
            env = _environment([Hammer])
            env.runner.start(users, spawn_rate=users * 10)
            gevent.sleep(0.5)  # everyone connected, a request or two done
            env.runner.stats.reset_all()
            cpu, start = cpu_seconds(PLAN["server_pids"]), time.monotonic()
            gevent.sleep(per_turn)
            row = _entries(env.runner.stats)["pages"].get(page["name"])
            elapsed = time.monotonic() - start
            spent = cpu_seconds(PLAN["server_pids"]) - cpu
            env.runner.quit()
            if row is None:
                continue
            total = totals[page["name"]]
            total["requests"] += row["requests"]
            total["failures"] += row["failures"]
            total["elapsed"] += elapsed
            total["cpu"] += spent
            for ms, count in row["times"].items():
                total["times"][ms] = total["times"].get(ms, 0) + count
    return totals


def main() -> int:
    plan_file, result_file = sys.argv[1:3]
    PLAN.update(json.loads(Path(plan_file).read_text()))
    for cls in (Visitor, Member, ApiClient):
        cls.wait_time = between(*PLAN["wait"])
    result: dict = {"stages": [], "capacity": {}}
    env = _environment([Visitor, Member, ApiClient])
    try:
        for stage in PLAN["stages"]:
            result["stages"].append(mixed(stage, env))
    finally:
        env.runner.quit()
    result["capacity"] = capacity(PLAN)
    Path(result_file).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
