"""Security headers (security review, finding 13): a Content Security Policy without
'unsafe-inline', Permissions-Policy, HSTS in production, and pages that need nothing
inline and nothing from other hosts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

import olievlek

pytestmark = pytest.mark.django_db
PACKAGE = Path(olievlek.__file__).parent
PAGES = ["/", "/netwerk/", "/bijeenkomsten/", "/accounts/login/", "/api/v1/organisaties"]


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize("url", PAGES)
def test_every_response_has_a_strict_content_security_policy(client, url):
    directives = policy(client.get(url))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in client.get(url)["Content-Security-Policy"]


def test_the_staff_pages_have_the_strict_policy_too(client_for, staff_user):
    response = client_for(staff_user).get("/beheer/")
    assert response.status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_only_the_api_docs_allow_inline_styles_and_a_blob_worker(client):
    directives = policy(client.get("/api/v1/docs"))
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["worker-src"] == ["'self'", "blob:"]
    assert directives["script-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize("url", ["/", "/api/v1/organisaties"])
def test_every_response_switches_off_unused_browser_features(client, url):
    features = dict(
        part.strip().split("=", 1) for part in client.get(url)["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "payment"):
        assert features[feature] == "()"


def test_production_settings_send_hsts_with_subdomains_and_preload():
    environment = {
        **os.environ,
        "OLIEVLEK_ENVIRONMENT": "production",
        "OLIEVLEK_SECRET_KEY": "x" * 50,
        "OLIEVLEK_ALLOWED_HOSTS": "olievlek.example",
    }
    code = (
        "import json; from olievlek.site import settings as s; print(json.dumps("
        "[s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD,"
        " s.SECURE_SSL_REDIRECT]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [31536000, True, True, True]


class _Urls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_the_api_docs_page_references_only_files_of_our_own(client):
    parser = _Urls()
    parser.feed(client.get("/api/v1/docs").content.decode())
    assert len(parser.urls) == 3  # Redoc, its starter script and the page's stylesheet
    for url in parser.urls:
        assert url.startswith("/static/") and not url.startswith("//"), url
        assert finders.find(url.removeprefix("/static/")), url


def test_the_api_docs_load_no_fonts_from_elsewhere():
    for name in ("css/api-docs.css", "js/api-docs.js"):
        text = Path(finders.find(name)).read_text()
        assert "fonts.googleapis" not in text and "@import" not in text
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text)


# Mails and PDFs are not web pages: no policy applies there, and mail programs and the
# PDF renderer (WeasyPrint) need their styles in the document.
NOT_WEB_PAGES = {"emails", "pdf"}
MAIL_LAYOUTS = {"mail/templates/mail/layout.html"}
TEMPLATES = sorted(
    path
    for path in PACKAGE.glob("**/templates/**/*.html")
    if not NOT_WEB_PAGES & set(path.relative_to(PACKAGE).parts)
    and not path.stem.endswith("_pdf")
    and str(path.relative_to(PACKAGE)) not in MAIL_LAYOUTS
)
INLINE = {
    "inline <script> with code": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I),
    "<style> block": re.compile(r"<style[\s>]", re.I),
    "style= attribute": re.compile(r"\sstyle\s*=", re.I),
    "on*= event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def test_the_template_scan_covers_every_app():
    apps = {path.relative_to(PACKAGE).parts[0] for path in TEMPLATES}
    assert {"site", "network", "events", "payitforward", "knowledge"} <= apps


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_template_has_inline_script_style_or_event_handlers(path):
    text = path.read_text()
    found = [what for what, pattern in INLINE.items() if pattern.search(text)]
    assert found == [], f"{path.relative_to(PACKAGE)}: {', '.join(found)}"
