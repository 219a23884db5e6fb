"""The floor every client payload stands on before a model sees it (REST bodies and queries,
socket events, sync pushes): at most MAX_DEPTH levels deep, at most MAX_CONTAINERS objects and
arrays and MAX_MEMBERS object members (JSON bodies), and nothing no PostgreSQL column can hold
(a NUL character, an integer beyond BIGINT).
A model's own bounds are usually tighter; this is the floor.

Why it is built this way (issue 11): the walk used to recurse once per level and build the
path of every value, so a body nested 1,000 deep answered 500 (RecursionError) and a 1 MB body
held the event loop for half a minute. Now
- a raw JSON body is measured before it is parsed (`raw_json_problems`), with C-speed byte
  operations only: parsing 300,000 empty arrays alone costs more than the whole budget;
- the walk is iterative, builds a path only for a value it reports, and stops after
  MAX_REPORTED problems (an 18 KB body once got a 1.4 MB answer);
- 64 levels: far beyond any model (a GeoJSON multipolygon sits 7 deep in a body), and well
  under orjson's own limits (1,024 to parse, 255 to serialize, so a value stored deeper than
  that could never be served back).

Every problem is a field error `{field, message, type, location}` of a `validation_failed`
(422) answer; the `type`s: `too_deep`, `too_many_values`, `string_nul`, `int_range`, and
`too_many_errors` last when the list was cut.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from pydantic import BaseModel

MAX_DEPTH = 64
# A zone's polygon may hold 20,000 positions, each an array (domain/zones/geojson.py).
MAX_CONTAINERS = 50_000
# Object members (`"key": value` pairs) in all: what a strict model answers one error each for
# when they are unknown keys, and pydantic's errors cost about a microsecond apiece.
MAX_MEMBERS = 20_000
MAX_REPORTED = 20
# A validation error with more problems than this is summed up, not converted (converting
# pydantic's 90,000 errors for an object of unknown keys took 120 ms).
MAX_LISTED = 200
# Values the walk of a parsed body looks at before it lets the bytes speak (about 2 ms).
WALK_BUDGET = 20_000
BIGINT = 2**63 - 1  # no column holds a larger integer

Problem = dict[str, Any]

_STRUCTURE = b'[]{}":'
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in _STRUCTURE)
_BRACKETS_ONLY = bytes.maketrans(b"{}", b"[]")
_SKIPPED = (float, bool, type(None))


def too_deep(location: str, field: str | None = None) -> Problem:
    return {"field": field or location, "message": f"nested deeper than {MAX_DEPTH} levels", "type": "too_deep",
            "location": location}


def too_many_values(location: str) -> Problem:
    return {"field": location, "message": f"more than {MAX_CONTAINERS} objects and arrays", "type": "too_many_values",
            "location": location}


def too_many_members(location: str) -> Problem:
    return {"field": location, "message": f"more than {MAX_MEMBERS} object members", "type": "too_many_values",
            "location": location}


def too_many_errors(location: str, count: int) -> Problem:
    return {"field": location, "message": f"{count} problems, too many to list", "type": "too_many_errors",
            "location": location}


def capped(problems: list[Problem], location: str, limit: int = MAX_REPORTED) -> list[Problem]:
    """At most `limit` problems, then one saying the rest were left out."""
    if len(problems) <= limit:
        return problems
    return [*problems[:limit], {"field": location, "message": f"only the first {limit} problems are reported",
                                "type": "too_many_errors", "location": location}]


# -- a raw JSON body, before parsing -------------------------------------------------------------


def _skeleton(raw: bytes) -> tuple[bytes, int]:
    """The brackets of a JSON text outside its strings, `{}` folded into `[]`, and the number
    of object members (colons outside strings).

    Escapes go first (`\\\\` pairs, then `\\"`), so every remaining quote opens or closes a
    string; adjacent quotes are then dropped in pairs (an empty string, or two strings merged
    into one, which keeps every bracket inside a string inside one); what is left alternates
    outside, inside, outside. Malformed JSON gives a meaningless skeleton, which only matters
    for the counts below: the parser refuses it anyway."""
    text = raw.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in text:
        text = b"".join(text.split(b'"')[::2])
    return text.translate(_BRACKETS_ONLY, b":"), text.count(b":")


def _deeper_than(skeleton: bytes, limit: int) -> bool:
    """Peel the innermost pairs one level per pass: still something left after `limit` passes
    means deeper than `limit`. A pass that peels nothing is malformed JSON: the parser says so."""
    for _ in range(limit):
        if not skeleton:
            return False
        peeled = skeleton.replace(b"[]", b"")
        if len(peeled) == len(skeleton):
            return False
        skeleton = peeled
    return bool(skeleton)


def raw_json_problems(raw: bytes, location: str = "body") -> list[Problem]:
    """Too deep, too many containers or members, judged on the bytes before they are parsed."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH and raw.count(b":") <= MAX_MEMBERS:
        return []  # the common case: nothing to count exactly
    skeleton, members = _skeleton(raw)
    if skeleton.count(b"[") > MAX_CONTAINERS:
        return [too_many_values(location)]
    if members > MAX_MEMBERS:
        return [too_many_members(location)]
    if _deeper_than(skeleton, MAX_DEPTH):
        return [too_deep(location)]
    return []


def is_depth_error(exc: ValueError) -> bool:
    """orjson's own depth limit (1,024), should a text get past `raw_json_problems`."""
    return "depth" in str(exc) or "recursion" in str(exc).lower()


def schema_allows_big_ints(schema: dict[str, Any]) -> bool:
    """Whether a JSON schema has an integer without bounds inside BIGINT: a model that lax
    parsing could give such an integer (from a string) must be walked again once parsed."""
    pending: list[Any] = [schema]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            if node.get("type") == "integer" and not {"enum", "const"} & node.keys():
                high = node.get("maximum", node.get("exclusiveMaximum"))
                low = node.get("minimum", node.get("exclusiveMinimum"))
                if high is None or low is None or high > BIGINT or low < -BIGINT - 1:
                    return True
            pending.extend(node.values())
    return False


# -- a parsed value --------------------------------------------------------------------------------

_Path = tuple[Any, str | int] | None  # (parent path, key): built per container, joined only to report


def _field(path: _Path, location: str) -> str:
    parts: list[str] = []
    while path is not None:
        path, key = path
        parts.append(str(key))
    return ".".join(reversed(parts)) or location


def _scalar_problem(value: Any) -> tuple[str, str] | None:
    if isinstance(value, str):
        return ("string_nul", "must not contain NUL characters") if "\x00" in value else None
    if isinstance(value, int) and not isinstance(value, bool) and not -BIGINT - 1 <= value <= BIGINT:
        return "int_range", "out of the 64-bit integer range"
    return None


def _children(value: Any) -> Any:
    """(key, child) pairs of a container, or None for a scalar."""
    if isinstance(value, BaseModel):
        return iter(dict(value).items())
    if isinstance(value, dict):
        return iter(value.items())
    if isinstance(value, (list, tuple)):
        return enumerate(value)
    return None


def unstorable(value: Any, location: str, *, max_depth: int = MAX_DEPTH, limit: int = MAX_REPORTED) -> list[Problem]:
    """Every value no PostgreSQL column can hold and every container deeper than `max_depth`,
    at most `limit` of them (and a note that more were left out), so the whole API refuses them
    at the edge (422) instead of failing in the driver (500) or in a recursion."""
    return _walk(value, location, max_depth, limit, budget=None)[0]


def json_problems(data: Any, raw: bytes, location: str = "body") -> list[Problem]:
    """`unstorable` for a value parsed from `raw` (already through `raw_json_problems`), at a
    bounded cost: the bytes tell at C speed whether a NUL or a long number is there at all, and
    the walk that finds where looks at most WALK_BUDGET values; past that, a problem the bytes
    prove is reported at `location` instead of at its field."""
    nul = _has_nul_escape(raw)
    long_digits = _LONG_DIGITS in raw.translate(_DIGITS_AS_ZERO)
    if not nul and not long_digits:
        return []  # and the depth was judged on the bytes
    found, complete = _walk(data, location, MAX_DEPTH, MAX_REPORTED, budget=WALK_BUDGET)
    if found or complete:
        return found
    problems = []
    if nul:
        problems.append({"field": location, "message": "must not contain NUL characters", "type": "string_nul",
                         "location": location})
    if long_digits and _has_big_int_literal(raw):
        problems.append({"field": location, "message": "holds an integer out of the 64-bit range", "type": "int_range",
                         "location": location})
    return problems


def _has_nul_escape(raw: bytes) -> bool:
    # JSON can only carry a NUL as the escape \u0000 (a raw control character is refused by the
    # parser); escaped backslashes go first so that "\\u0000" (a backslash, then text) is no NUL.
    return b"\\u0000" in raw and b"\\u0000" in raw.replace(b"\\\\", b"")


# 19 digits is the shortest number that can pass BIGINT (9223372036854775808). Every digit
# made a zero, then substring searches: a regex took 10 ms over a megabyte of "0,0,0".
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0" * 10)
_LONG_DIGITS = b"0" * 19
_DIGIT_RUN = re.compile(rb"[0-9]+")
_NOT_AN_INTEGER = frozenset(b".eE+")  # next to a fraction or an exponent


def _has_big_int_literal(raw: bytes) -> bool:
    """An integer literal beyond BIGINT outside every string of a valid JSON text: each run of
    19 digits or more is looked at, knowing whether it is in a string by the parity of the
    quotes before it (escapes blanked out first, keeping every offset)."""
    text = raw.replace(b"\\\\", b"xx").replace(b'\\"', b"xx")
    digits = text.translate(_DIGITS_AS_ZERO)
    quotes = counted = pos = 0
    while (pos := digits.find(_LONG_DIGITS, pos)) != -1:
        run = _DIGIT_RUN.match(text, pos)
        end = run.end() if run is not None else pos + len(_LONG_DIGITS)
        quotes += text.count(b'"', counted, pos)
        counted = pos
        before = text[pos - 1] if pos else 0
        signed = before == ord("-")
        if signed:
            before = text[pos - 2] if pos > 1 else 0
        after = text[end] if end < len(text) else 0
        if quotes % 2 == 0 and before not in _NOT_AN_INTEGER and after not in _NOT_AN_INTEGER:
            value = int(text[pos:end])
            if not -BIGINT - 1 <= (-value if signed else value) <= BIGINT:
                return True
        pos = end
    return False


def _walk(value: Any, location: str, max_depth: int, limit: int, budget: int | None) -> tuple[list[Problem], bool]:
    """(problems, whether every value was looked at)."""
    found: list[Problem] = []

    def report(path: _Path, kind: str, message: str) -> bool:
        found.append({"field": _field(path, location), "message": message, "type": kind, "location": location})
        return len(found) > limit

    problem = _scalar_problem(value)
    if problem is not None:
        report(None, *problem)
        return found, True
    left = budget if budget is not None else -1
    stack: list[tuple[Any, int, _Path]] = [(value, 1, None)]
    while stack:
        container, depth, path = stack.pop()
        pairs = _children(container)
        if pairs is None:
            continue
        if depth > max_depth:
            if report(path, "too_deep", f"nested deeper than {max_depth} levels"):
                return capped(found, location, limit), False
            continue
        if budget is not None:  # look at no more values than are left, then stop
            if left <= 0:
                return capped(found, location, limit), False
            size = len(container) if isinstance(container, (dict, list, tuple)) else 1
            if size > left:
                pairs = itertools.islice(pairs, left)
            left -= size
        is_dict = type(container) is dict
        nested: list[tuple[Any, int, _Path]] = []
        for key, child in pairs:
            if is_dict and type(key) is str and "\x00" in key:
                if report((path, key), "string_nul", "must not contain NUL characters"):
                    return capped(found, location, limit), False
            kind = type(child)
            if kind is str:  # the exact types of parsed JSON first: this loop is the hot path
                if "\x00" not in child:
                    continue
                problem = ("string_nul", "must not contain NUL characters")
            elif kind is int:
                if -BIGINT - 1 <= child <= BIGINT:
                    continue
                problem = ("int_range", "out of the 64-bit integer range")
            elif kind is dict or kind is list:
                nested.append((child, depth + 1, (path, key)))
                continue
            elif kind in _SKIPPED:
                continue
            else:  # subclasses (enums), models, tuples
                problem = _scalar_problem(child)
                if problem is None:
                    if _children(child) is not None:
                        nested.append((child, depth + 1, (path, key)))
                    continue
            if report((path, key), *problem):
                return capped(found, location, limit), False
        stack.extend(reversed(nested))  # the first child is looked at first, as it was written
    return capped(found, location, limit), budget is None or left >= 0
