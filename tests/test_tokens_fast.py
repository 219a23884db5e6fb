"""The one-pass access token check (domain/accounts/hs256.py) accepts exactly what PyJWT accepts.

Every token here is judged twice: by `FastHS256.claims` and by PyJWT's `decode` with the options
`TokenSigner` uses. The fast path may decline a token PyJWT accepts (the signer then asks PyJWT),
never accept one PyJWT refuses, and it returns the same claims. And the signer's own tokens take
the fast path: no PyJWT parse at all.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import jwt
import pytest

from domain.accounts import tokens as tokens_module
from domain.accounts.hs256 import FastHS256
from domain.accounts.tokens import AUDIENCE, ISSUER, TokenSigner
from domain.shared.errors import Unauthorized

KEYS = {"k1": "a" * 40, "k2": "b" * 40}
REQUIRE = ["exp", "iat", "sub", "jti"]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(**overrides: object) -> dict[str, object]:
    now = int(time.time())
    # The cases are signed at collection: a day's life, so a long suite run cannot expire them
    # before their test runs (the longest modules now start first; this one ran 14 minutes later).
    claims: dict[str, object] = {"sub": "u1", "roles": ["user"], "jti": "j1", "iat": now, "nbf": now,
                                 "exp": now + 86_400, "iss": ISSUER, "aud": AUDIENCE, "typ": "access",
                                 "iat_ms": now * 1000, "sid": "s1"}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(claims: dict[str, object], kid: str = "k1", key: str | None = None, **headers: object) -> str:
    return jwt.encode(claims, key or KEYS[kid], algorithm="HS256", headers={"kid": kid, **headers})


def _raw(header: dict[str, object] | bytes, payload: bytes, key: str = KEYS["k1"], sig: str | None = None) -> str:
    head = _b64(header if isinstance(header, bytes) else json.dumps(header, separators=(",", ":"),
                                                                     sort_keys=True).encode())
    signing_input = f"{head}.{_b64(payload)}"
    mac = _b64(hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest())
    return f"{signing_input}.{sig if sig is not None else mac}"


def _pyjwt(token: str) -> dict[str, object] | None:
    try:
        header = jwt.get_unverified_header(token)
        key = KEYS.get(str(header.get("kid")))
        if key is None or header.get("alg") != "HS256":
            return None
        return jwt.decode(token, key, algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER,
                          options={"require": REQUIRE})
    except jwt.PyJWTError:
        return None


_HEADER = {"alg": "HS256", "kid": "k1", "typ": "JWT"}
_now = int(time.time())
CASES = {
    "valid": _sign(_claims()),
    "valid, second key": _sign(_claims(), kid="k2"),
    "expired": _sign(_claims(exp=_now - 1)),
    "expires now": _sign(_claims(exp=_now)),
    "not yet valid (nbf)": _sign(_claims(nbf=_now + 600)),
    "issued in the future": _sign(_claims(iat=_now + 600)),
    "iat not a number": _sign(_claims(iat="soon")),
    "exp not a number": _sign(_claims(exp="later")),
    "wrong audience": _sign(_claims(aud="someone-else")),
    "audience list with ours": _sign(_claims(aud=["x", AUDIENCE])),
    "wrong issuer": _sign(_claims(iss="evil")),
    "no jti": _sign(_claims(jti=None)),
    "no sub": _sign(_claims(sub=None)),
    "sub not a string": _sign(_claims(sub=42)),
    "jti not a string": _sign(_claims(jti=42)),
    "no exp": _sign(_claims(exp=None)),
    "other key than its kid": _sign(_claims(), kid="k1", key=KEYS["k2"]),
    "unknown kid": _sign(_claims(), kid="k9", key="c" * 40),
    "extra header": _sign(_claims(), cty="x"),
    "tampered payload": (lambda t: t.split(".")[0] + "." + _b64(b'{"sub":"admin"}') + "." + t.split(".")[2])(
        _sign(_claims())),
    "tampered signature": _sign(_claims())[:-2] + ("AA" if not _sign(_claims()).endswith("AA") else "BB"),
    "padded signature": _sign(_claims()) + "=",
    "alg none": _raw({"alg": "none", "kid": "k1", "typ": "JWT"}, json.dumps(_claims()).encode(), sig=""),
    "alg HS512 header": _raw({"alg": "HS512", "kid": "k1", "typ": "JWT"}, json.dumps(_claims()).encode()),
    "payload not an object": _raw(_HEADER, b"[1,2]"),
    "payload not json": _raw(_HEADER, b"{nope"),
    "payload with spaces": _raw(_HEADER, json.dumps(_claims(), indent=1).encode()),
    "header with spaces": _raw(json.dumps(_HEADER, indent=1).encode(), json.dumps(_claims()).encode()),
    "non-ascii": _sign(_claims()) + "é",
    "two segments": ".".join(_sign(_claims()).split(".")[:2]),
    "four segments": _sign(_claims()) + ".x",
    "empty": "",
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_fast_path_accepts_only_what_pyjwt_accepts(case):
    token = CASES[case]
    fast = FastHS256(KEYS, audience=AUDIENCE, issuer=ISSUER, require=REQUIRE).claims(token)
    slow = _pyjwt(token)
    if fast is not None:
        assert slow == fast
    if case.startswith("valid"):
        assert fast is not None and fast["sub"] == "u1"


def test_non_canonical_payload_encoding_is_left_to_pyjwt():
    token = _sign(_claims())
    head, payload, _sig = token.split(".")
    # the last base64 character carrying bits PyJWT refuses as non-canonical
    data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    assert _b64(data) == payload
    fast = FastHS256(KEYS, audience=AUDIENCE, issuer=ISSUER, require=REQUIRE)
    for last in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_":
        variant = payload[:-1] + last
        signing_input = f"{head}.{variant}"
        sig = _b64(hmac.new(KEYS["k1"].encode(), signing_input.encode(), hashlib.sha256).digest())
        candidate = f"{signing_input}.{sig}"
        got = fast.claims(candidate)
        if got is not None:
            assert _pyjwt(candidate) == got


def test_the_signers_own_tokens_never_reach_pyjwt(monkeypatch):
    signer = TokenSigner(KEYS, "k2", 600)
    token = signer.issue_access("u1", ["user", "admin"], "s1")

    def refuse(*_args, **_kwargs):
        raise AssertionError("PyJWT parsed the token")

    monkeypatch.setattr(tokens_module.jwt, "decode", refuse)
    monkeypatch.setattr(tokens_module.jwt, "get_unverified_header", refuse)
    claims = signer.verify_access(token)
    assert (claims.user_id, claims.roles, claims.session_id) == ("u1", ("user", "admin"), "s1")


def test_refusals_still_come_from_pyjwt():
    signer = TokenSigner(KEYS, "k1", 600)
    with pytest.raises(Unauthorized, match="expired"):
        signer.verify_access(CASES["expired"])
    with pytest.raises(Unauthorized, match="unknown key"):
        signer.verify_access(CASES["unknown kid"])
    with pytest.raises(Unauthorized, match="not valid"):
        signer.verify_access(CASES["tampered signature"])
    with pytest.raises(Unauthorized, match="algorithm"):
        signer.verify_access(CASES["alg none"])
