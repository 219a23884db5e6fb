"""Webhook signatures in the scheme Stripe uses (and the sandbox copies): header
`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, any matching v1 passes, a
timestamp older than the tolerance is refused. Verified on the raw bytes, before parsing."""

from __future__ import annotations

import hashlib
import hmac
import time

DEFAULT_TOLERANCE_SECONDS = 300


class SignatureInvalid(ValueError):
    pass


def sign(raw_body: bytes, secret: str, timestamp: int | None = None) -> str:
    moment = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{moment}.".encode() + raw_body, hashlib.sha256).hexdigest()
    return f"t={moment},v1={digest}"


def verify(raw_body: bytes, header: str | None, secret: str, *,
           tolerance: int = DEFAULT_TOLERANCE_SECONDS, now: float | None = None) -> None:
    if not secret:
        raise SignatureInvalid("no webhook secret is configured")
    if not header:
        raise SignatureInvalid("no signature header")
    timestamp: int | None = None
    signatures: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            continue
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise SignatureInvalid("the timestamp is not a number") from None
        elif key == "v1":
            signatures.append(value)
    if timestamp is None or not signatures:
        raise SignatureInvalid("the header has no timestamp or no v1 signature")
    expected = sign(raw_body, secret, timestamp).rpartition("v1=")[2]
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise SignatureInvalid("no signature matches the body")
    if timestamp < (time.time() if now is None else now) - tolerance:
        raise SignatureInvalid("the timestamp is outside the tolerance")
