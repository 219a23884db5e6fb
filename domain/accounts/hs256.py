"""One pass over an access token of our own making, instead of PyJWT's three.

PyJWT verifies a token by parsing it twice (`get_unverified_header`, then `decode`), checking
the base64url alphabet of every segment a character at a time in Python, and decoding and
re-encoding each segment: about 0.2 ms a token, the largest single cost of a socket handshake
(every handshake brings a token the verified-token cache has not seen when a fleet of apps
reconnects at once).

`FastHS256.claims` accepts only the exact form `TokenSigner` writes: three unpadded base64url
segments, a header segment byte for byte the one PyJWT's `encode` writes for a configured `kid`
(`{"alg":"HS256","kid":...,"typ":"JWT"}`, sorted, compact: so the algorithm and key are known
without parsing it), a 43-character signature. The signature is checked first (HMAC-SHA256 of
the signing input with that key, compared in constant time with the canonical encoding), then
the payload is decoded with the same checks PyJWT makes (canonical base64url, the stdlib's
`json.loads`, a JSON object) and its claims go through PyJWT's own `_validate_claims` with the
options `decode` would use: expiry, not-before, issued-at, audience, issuer, subject, `jti`,
required claims, all as PyJWT judges them.

Anything else, or any check failing, returns None: the caller then verifies with PyJWT as
before, which accepts or refuses it with its own error. So a token is accepted here only if
PyJWT would accept it too (tests/test_tokens_fast.py compares them), and every refusal still
comes from PyJWT.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
from collections.abc import Iterable
from typing import Any

import jwt
from jwt.algorithms import HMACAlgorithm

ALGORITHM = "HS256"
# header.payload.signature, unpadded base64url; an HMAC-SHA256 signature is 32 bytes: 43 characters.
_COMPACT = re.compile(rb"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}")


def _b64(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def header_segment(kid: str) -> bytes:
    """The header segment PyJWT's `encode` writes for HS256 with `headers={"kid": kid}`."""
    header = {"alg": ALGORITHM, "kid": kid, "typ": "JWT"}
    return _b64(json.dumps(header, separators=(",", ":"), sort_keys=True).encode())


class FastHS256:
    def __init__(self, keys: dict[str, str], *, audience: str, issuer: str, require: Iterable[str]) -> None:
        self._keys: dict[bytes, bytes] = {}
        hmac_alg = HMACAlgorithm(HMACAlgorithm.SHA256)
        for kid, key in keys.items():
            try:
                prepared = hmac_alg.prepare_key(key)  # PyJWT refuses some keys (PEM, SSH): so do we
            except jwt.PyJWTError:
                continue
            self._keys[header_segment(kid)] = prepared
        self._audience = audience
        self._issuer = issuer
        self._jwt = jwt.PyJWT()
        self._options = self._jwt._merge_options({"require": list(require)})

    def claims(self, token: str) -> dict[str, Any] | None:
        """The claims of a valid token in our own form; None for anything else (see above)."""
        try:
            raw = token.encode("ascii")
        except UnicodeEncodeError:
            return None
        if _COMPACT.fullmatch(raw) is None:
            return None
        signing_input, _, signature = raw.rpartition(b".")
        header, _, segment = signing_input.partition(b".")
        key = self._keys.get(header)
        if key is None:
            return None
        expected = _b64(hmac.digest(key, signing_input, "sha256"))  # one-shot: no HMAC object
        if not hmac.compare_digest(expected, signature) or len(segment) % 4 == 1:
            return None
        try:
            data = base64.urlsafe_b64decode(segment + b"=" * (-len(segment) % 4))
        except binascii.Error:
            return None
        if _b64(data) != segment:  # PyJWT refuses a non-canonical encoding
            return None
        try:
            payload = json.loads(data)
        except (ValueError, RecursionError):
            return None
        if not isinstance(payload, dict):
            return None
        try:
            self._jwt._validate_claims(payload, self._options, audience=self._audience, issuer=self._issuer)
        except (jwt.PyJWTError, TypeError, ValueError):
            return None
        return payload
