"""A visitor with one cookie jar whose requests the load balancer may send to either
server: it talks to a server's own port, with the public host and HTTPS as the load
balancer passes them on."""

from __future__ import annotations

import time
from http.cookies import SimpleCookie

import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from olievlek.accounts.tests.support import totp_now

HOST = "olievlek.test"  # the public name both servers answer to
PASSWORD = "twee-servers-2026"
POLL_TIMEOUT = 90


def give_password(user) -> None:
    """A password the production settings can check (the test settings hash with MD5,
    which production does not accept); few iterations, upgraded at the first login."""
    hasher = PBKDF2PasswordHasher()
    encoded = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    type(user).objects.filter(pk=user.pk).update(password=encoded)


class Visitor:
    def __init__(self, cluster):
        self.cluster = cluster
        self.cookies: dict[str, str] = {}

    def request(self, server: str, method: str, path: str, **kwargs) -> requests.Response:
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}{path}",
            **kwargs.pop("headers", {}),
        }
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        response = requests.request(
            method,
            self.cluster.urls[server] + path,
            headers=headers,
            cookies=dict(self.cookies),
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, server: str, path: str, **kwargs) -> requests.Response:
        return self.request(server, "GET", path, **kwargs)

    def post(self, server: str, path: str, data=None, **kwargs) -> requests.Response:
        if "csrftoken" not in self.cookies:
            self.get(server, "/accounts/login/")  # every form page sets the CSRF cookie
        return self.request(server, "POST", path, data=data or {}, **kwargs)

    def log_in(self, server: str, email: str) -> requests.Response:
        self.get(server, "/accounts/login/")
        return self.post(server, "/accounts/login/", {"login": email, "password": PASSWORD})

    def log_in_as_team(self, password_server: str, code_server: str, email: str) -> None:
        """Password on one server, the two-factor code on the other."""
        response = self.log_in(password_server, email)
        assert response.status_code == 302, response.text[:500]
        assert response.headers["Location"].endswith("/accounts/2fa/authenticate/")
        response = self.post(code_server, "/accounts/2fa/authenticate/", {"code": totp_now()})
        assert response.status_code == 302, response.text[:500]
        assert "/2fa/" not in response.headers["Location"]


def wait_for(condition, *, timeout: float = POLL_TIMEOUT, cluster=None, what: str = ""):
    """Poll `condition()` until it returns something truthy; fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if cluster is not None:
            cluster.check_running()
        if time.monotonic() > deadline:
            logs = cluster.logs() if cluster is not None else ""
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.2)
