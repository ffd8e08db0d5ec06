"""The deployment files agree with the code: every environment variable compose.yaml and the
Containerfile set is documented in dotenv.example and read by the code, every variable the
code reads is documented, and the containers run with the settings the two-server test
(tests/multiserver) runs with. Nothing is built or started."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[4]
APP_SERVICES = ("migrate", "app", "worker", "scheduler")
# Read by the postgres container only (compose builds DATABASE_URL from it).
COMPOSE_ONLY = {"POSTGRES_PASSWORD"}
_READ = re.compile(
    r"(?:environ(?:\.get|\.setdefault)?|getenv|_env_bool|_env_list|env\.get|env\[)\(?\s*"
    r"\"([A-Z][A-Z0-9_]+)\""
)


def _read_by_code() -> set[str]:
    names = set()
    for path in (ROOT / "src" / "olievlek").rglob("*.py"):
        if "tests" in path.parts or path.name == "settings_test.py":
            continue
        names |= set(_READ.findall(path.read_text()))
    return names


def _documented() -> set[str]:
    text = (ROOT / "dotenv.example").read_text()
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def _app_environment(compose: dict, service: str) -> dict:
    return compose["services"][service]["environment"]


def test_every_app_container_gets_the_same_production_settings(compose):
    environments = [_app_environment(compose, name) for name in APP_SERVICES]
    base = environments[0]
    for environment in environments:
        assert {k: v for k, v in environment.items() if k != "PROMETHEUS_MULTIPROC_DIR"} == base
    assert base["DJANGO_SETTINGS_MODULE"] == "olievlek.site.settings"
    assert base["OLIEVLEK_ENVIRONMENT"] == "production"
    assert base["OLIEVLEK_DEBUG"] == "0"


def test_every_variable_compose_sets_is_documented_and_read_by_the_code(compose):
    read, documented = _read_by_code(), _documented()
    names = {name for service in APP_SERVICES for name in _app_environment(compose, service)}

    assert names - documented == set()
    assert names - read == set()


def test_every_variable_compose_interpolates_is_documented():
    used = set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", (ROOT / "compose.yaml").read_text()))

    assert used - _documented() == set()


def test_every_variable_the_containerfile_sets_is_read_by_the_code():
    text = (ROOT / "Containerfile").read_text()
    block = text[text.index("ENV PATH") : text.index("\n\n", text.index("ENV PATH"))]
    names = set(re.findall(r"([A-Z][A-Z0-9_]+)=", block)) - {"PATH", "PYTHONUNBUFFERED", "TZ"}

    assert names - _read_by_code() == set()


def test_every_variable_the_code_reads_is_documented_and_nothing_else_is():
    read, documented = _read_by_code(), _documented()

    assert read - documented == set()
    assert documented - read - COMPOSE_ONLY == set()


def test_the_containers_run_with_the_settings_of_the_two_server_test(compose):
    """The two-server test starts gunicorn and workers with these variables; the image
    must get each of them too (values differ: hosts, addresses, secrets)."""
    source = (ROOT / "tests" / "multiserver" / "conftest.py").read_text()
    body = source[source.index("def _environment") : source.index("class Cluster")]
    two_server = set(re.findall(r"\"([A-Z][A-Z0-9_]+)\":", body)) - {"PYTHONPATH"}
    # The test lowers the anonymous API limit to prove it is shared; production keeps its default.
    two_server -= {"OLIEVLEK_API_RATE_ANON"}

    assert two_server - set(_app_environment(compose, "app")) == set()


def test_every_gunicorn_runs_with_the_projects_config_and_no_access_log_of_its_own(compose):
    """gunicorn_conf writes gunicorn's lines as the app's (JSON) and no second access line
    with the client's address; the two-server test runs gunicorn the same way."""
    commands = {
        "systemd": (ROOT / "deploy" / "systemd" / "olievlek-web.service").read_text(),
        "Containerfile": (ROOT / "Containerfile").read_text(),
        "compose": " ".join(compose["services"]["app"]["command"]),
        "two-server test": (ROOT / "tests" / "multiserver" / "conftest.py").read_text(),
    }
    for where, text in commands.items():
        assert "python:olievlek.site.gunicorn_conf" in text, where
        assert "access-log" not in text and "access_log" not in text, where
