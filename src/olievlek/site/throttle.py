"""Limits on how often one client may post the forms anyone can reach, and on the API.

Who the client is: the address of the connection (`REMOTE_ADDR`), or, behind
`OLIEVLEK_TRUSTED_PROXY_COUNT` proxies that each append to `X-Forwarded-For`, the address
the outermost trusted proxy saw. Trusting the header without a proxy would let anyone
pick a fresh address for each request. IPv6 addresses count per /64, the block one
subscriber usually gets.

Forms: `@throttle_posts(scope)` counts the POSTs of a view per client address (and, with
`field=`, per value of that field too, e.g. the recipient of a confirmation mail) in
fixed windows in the cache. Over the limit the view does not run at all, so nothing is
saved and no mail is sent; the answer is 429 with a page in the visitor's language.
Rates are settings (`OLIEVLEK_FORM_THROTTLE_RATES`, "count/period"); a rate of None
switches that limit off (the test settings do, tests of a limit switch it on).
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from rest_framework.throttling import SimpleRateThrottle

from olievlek.accounts.access import is_team

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_address(request) -> str:
    count = getattr(settings, "OLIEVLEK_TRUSTED_PROXY_COUNT", 0)
    address = request.META.get("REMOTE_ADDR", "")
    if count > 0:
        forwarded = [
            a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
        ]
        if len(forwarded) >= count:
            address = forwarded[-count]
    return _network_of(address)


def _network_of(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def parse_rate(rate: str) -> tuple[int, int]:
    """'10/h' (or '10/hour', '3/m', '100/d'): (count, seconds)."""
    count, period = rate.split("/")
    return int(count), PERIODS[period.strip()[0]]


def consume(*, scope: str, ident: str, rate: str | None) -> int | None:
    """Count one hit; None when allowed, else the seconds until the window ends."""
    if not rate:
        return None
    limit, seconds = parse_rate(rate)
    now = time.time()
    window = int(now // seconds)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:32]
    key = f"olievlek:throttle:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 1)
        hits = 1
    if hits <= limit:
        return None
    return max(1, math.ceil((window + 1) * seconds - now))


def too_many_requests(request, *, retry_after: int | None = None):
    response = render(
        request,
        "429.html",
        {"retry_minutes": math.ceil(retry_after / 60) if retry_after else None},
        status=429,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def throttle_posts(scope: str, *, field: str | None = None):
    """Limit the POSTs of a view per client address, and per value of `field` when given
    (rate `"<scope>.<field>"`)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                retry_after = _consume_post(request, scope=scope, field=field)
                if retry_after:
                    return too_many_requests(request, retry_after=retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _consume_post(request, *, scope: str, field: str | None) -> int | None:
    rates = settings.OLIEVLEK_FORM_THROTTLE_RATES
    waits = [consume(scope=scope, ident=client_address(request), rate=rates[scope])]
    value = (request.POST.get(field) or "").strip().lower() if field else ""
    if value:
        waits.append(consume(scope=f"{scope}.{field}", ident=value, rate=rates[f"{scope}.{field}"]))
    return max((w for w in waits if w), default=None)


class ApiRateThrottle(SimpleRateThrottle):
    """DRF throttle with three scopes: `anon` per client address, `member` per account
    (anyone logged in who does not act as the project team, staff without a second factor
    included) and `staff` per account, for the project team, with the highest rate. Rates
    are read per request from `OLIEVLEK_API_THROTTLE_RATES`."""

    def __init__(self):
        pass  # the rate depends on who asks; see allow_request

    def allow_request(self, request, view):
        user = request.user
        if not user.is_authenticated:
            self.scope = "anon"
        else:
            self.scope = "staff" if is_team(user) else "member"
        self.rate = settings.OLIEVLEK_API_THROTTLE_RATES[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        ident = client_address(request) if self.scope == "anon" else str(request.user.pk)
        return self.cache_format % {"scope": self.scope, "ident": ident}
