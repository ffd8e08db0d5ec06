"""Invitation and return codes: 128 bits of randomness, shown once, stored as SHA-256.

A failed attempt to use a code counts against the visitor's address in the shared cache;
after `OLIEVLEK_SCAN_ATTEMPTS` failures in a quarter of an hour every attempt is refused,
so guessing a 128-bit code is hopeless twice over.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 15 * 60


def new_code() -> str:
    # 16 random bytes = 128 bits; URL-safe base64 without padding: 22 characters.
    return secrets.token_urlsafe(16)


def code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def _key(address: str) -> str:
    return f"werkvloer:attempts:{hashlib.sha256(address.encode()).hexdigest()[:32]}"


def attempts_exceeded(address: str) -> bool:
    return cache.get(_key(address), 0) >= settings.OLIEVLEK_SCAN_ATTEMPTS


def attempt_failed(address: str) -> None:
    key = _key(address)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")
