"""Evaluating a flag for one caller: pure functions, the same on every process.

A flag has a default `value` and ordered `rules`; the first rule whose conditions all hold
gives its `value`. Conditions (all optional): `roles` (any of), `regions`, `platforms`, an app
version range (`min_version` inclusive, `max_version` exclusive) and `percentage` (0-100, two
decimals). Percentages are sticky: a user's bucket for a flag is
`int(sha256("<flag key>:<user id>").hexdigest()[:15], 16) % 10000`, the same on every process
and every run (never Python's `hash()`, which is salted per process); the rule holds when the
bucket is below `percentage * 100`. Raising a percentage keeps everyone who was in, in.

Reasons are OpenFeature's: STATIC (no rules), TARGETING_MATCH (a rule matched), SPLIT (a
rule with a percentage matched), DEFAULT (no rule matched), ERROR."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from domain.flags.models import FlagKind
from domain.shared.errors import ValidationFailed

BUCKETS = 10_000
PLATFORMS = ("android", "ios", "web")
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")
MAX_KEY = 64
MAX_RULES = 50
_VERSION = re.compile(r"(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?")
# `X-App-Version` as the apps send it: `customer/2.14.0 (android)`; a bare `2.14.0` too.
_APP_VERSION = re.compile(r"^\s*(?:(?P<app>[A-Za-z][\w.-]{0,40})/)?(?P<version>\d{1,6}(?:\.\d{1,6}){0,2})"
                          r"[^\s(]*\s*(?:\((?P<platform>[A-Za-z]+)[^)]*\))?")

Version = tuple[int, int, int]


def parse_version(text: str | None) -> Version | None:
    """`2.14.0` -> (2, 14, 0); `2.14` -> (2, 14, 0); None when it is no version."""
    if not text:
        return None
    match = _VERSION.fullmatch(text.strip())
    if match is None:
        return None
    return (int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0))


@dataclass(frozen=True)
class ClientApp:
    """What the client says it is (`X-App-Version: customer/2.14.0 (android)`)."""

    app: str | None = None
    version: str | None = None
    platform: str | None = None

    @classmethod
    def parse(cls, header: str | None, platform: str | None = None) -> ClientApp:
        app = version = None
        found = platform.lower() if platform else None
        if header:
            match = _APP_VERSION.match(header[:120])
            if match is not None:
                app, version = match.group("app"), match.group("version")
                found = found or (match.group("platform") or "").lower() or None
        return cls(app, version, found if found in PLATFORMS else None)


def bucket(flag_key: str, user_id: str) -> int:
    """The user's sticky bucket for this flag, 0..9999."""
    digest = hashlib.sha256(f"{flag_key}:{user_id}".encode()).hexdigest()
    return int(digest[:15], 16) % BUCKETS


@dataclass(frozen=True)
class EvalContext:
    """Who asks: built on the server from the token (user id, roles) and the account (region),
    plus what the client says of itself (platform, app version)."""

    targeting_key: str | None = None  # the user id
    roles: frozenset[str] = frozenset()
    region: str | None = None
    platform: str | None = None
    app_version: str | None = None


@dataclass(frozen=True)
class Rule:
    value: Any
    roles: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    min_version: str | None = None
    max_version: str | None = None
    percentage: float | None = None
    variant: str | None = None

    def matches(self, flag_key: str, ctx: EvalContext) -> bool:
        if self.roles and not ctx.roles & set(self.roles):
            return False
        if self.regions and ctx.region not in self.regions:
            return False
        if self.platforms and ctx.platform not in self.platforms:
            return False
        if self.min_version or self.max_version:
            version = parse_version(ctx.app_version)
            if version is None:
                return False
            low, high = parse_version(self.min_version), parse_version(self.max_version)
            if (low is not None and version < low) or (high is not None and version >= high):
                return False
        if self.percentage is not None:
            if ctx.targeting_key is None:
                return False
            return bucket(flag_key, ctx.targeting_key) < round(self.percentage * 100)
        return True

    def wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value}
        for name in ("roles", "regions", "platforms"):
            if getattr(self, name):
                out[name] = list(getattr(self, name))
        for name in ("min_version", "max_version", "percentage", "variant"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out


@dataclass(frozen=True)
class Definition:
    key: str
    kind: FlagKind
    value: Any
    rules: tuple[Rule, ...] = ()
    client_visible: bool = True
    description: str = ""
    version: int = 0  # 0: the built-in default, never stored


@dataclass(frozen=True)
class Evaluation:
    key: str
    value: Any
    reason: str
    variant: str
    kind: FlagKind
    metadata: dict[str, Any] = field(default_factory=dict)


def evaluate(definition: Definition, ctx: EvalContext) -> Evaluation:
    meta = {"version": definition.version}
    if not definition.rules:
        return Evaluation(definition.key, definition.value, "STATIC", "default", definition.kind, meta)
    for number, rule in enumerate(definition.rules):
        if rule.matches(definition.key, ctx):
            reason = "SPLIT" if rule.percentage is not None else "TARGETING_MATCH"
            return Evaluation(definition.key, rule.value, reason, rule.variant or f"rule-{number}", definition.kind,
                              meta)
    return Evaluation(definition.key, definition.value, "DEFAULT", "default", definition.kind, meta)


# -- validation of what admins send -------------------------------------------------------------

def _invalid(field_name: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field_name, "message": message, "type": "value_error",
                                     "location": "body"}])


def check_key(key: str) -> str:
    if len(key) > MAX_KEY or not KEY.fullmatch(key):
        raise _invalid("key", "lower-case dotted words (a-z, 0-9, _), at most 64 characters")
    return key


def check_value(kind: FlagKind, value: Any, where: str = "value") -> Any:
    ok = {
        FlagKind.BOOL: isinstance(value, bool),
        FlagKind.INT: isinstance(value, int) and not isinstance(value, bool) and -(2**53) < value < 2**53,
        FlagKind.STRING: isinstance(value, str) and len(value) <= 2000,
        FlagKind.JSON: value is not None,
    }[kind]
    if not ok:
        raise _invalid(where, f"a {kind.value} value")
    return value


def _strings(raw: Any, where: str, allowed: Sequence[str] | None = None) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(item, str) and 0 < len(item) <= 64 for item in raw):
        raise _invalid(where, "a list of short strings")
    if allowed is not None and (unknown := set(raw) - set(allowed)):
        raise _invalid(where, f"unknown: {', '.join(sorted(unknown))}")
    return tuple(raw)


def parse_rules(kind: FlagKind, raw: Any) -> tuple[Rule, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > MAX_RULES:
        raise _invalid("rules", f"a list of at most {MAX_RULES} rules")
    rules = []
    known = {"value", "roles", "regions", "platforms", "min_version", "max_version", "percentage", "variant"}
    for number, item in enumerate(raw):
        where = f"rules.{number}"
        if not isinstance(item, Mapping) or "value" not in item or set(item) - known:
            raise _invalid(where, f"an object with `value` and conditions among {', '.join(sorted(known - {'value'}))}")
        for name in ("min_version", "max_version"):
            if item.get(name) is not None and parse_version(str(item[name])) is None:
                raise _invalid(f"{where}.{name}", "a version like 2.14.0")
        percentage = item.get("percentage")
        if percentage is not None and (isinstance(percentage, bool) or not isinstance(percentage, int | float)
                                       or not 0 <= percentage <= 100):
            raise _invalid(f"{where}.percentage", "a number from 0 to 100")
        variant = item.get("variant")
        if variant is not None and (not isinstance(variant, str) or not 0 < len(variant) <= 64):
            raise _invalid(f"{where}.variant", "a short name")
        rules.append(Rule(
            value=check_value(kind, item["value"], f"{where}.value"),
            roles=_strings(item.get("roles"), f"{where}.roles"),
            regions=_strings(item.get("regions"), f"{where}.regions"),
            platforms=_strings(item.get("platforms"), f"{where}.platforms", PLATFORMS),
            min_version=item.get("min_version"), max_version=item.get("max_version"),
            percentage=float(percentage) if percentage is not None else None, variant=variant))
    return tuple(rules)
