"""The suspicious-link rule of the scam screen (domain/messaging/screening.py): link shorteners,
hosts that imitate a brand, punycode, IP and user-info hosts. Its own module because the link
finder is the screen's largest piece: `_links` finds, in linear time, what one regex over the
text used to find (tests/test_hardening_input.py holds it to that regex on random texts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from domain.messaging.screening import ScreenContext

Flags = re.IGNORECASE

_SHORTENERS = frozenset({
    "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rebrand.ly", "shorturl.at",
    "tiny.cc", "rb.gy", "t.ly", "s.id", "bl.ink", "v.gd", "shorte.st", "adf.ly", "tiny.one", "lnkd.in", "qr.ae",
})
# Brands scammers imitate, with the registrable domains that really are theirs.
_BRANDS: dict[str, frozenset[str]] = {
    "fieldsync": frozenset({"fieldsync.com", "fieldsync.app"}),
    "paypal": frozenset({"paypal.com", "paypal.me"}),
    "stripe": frozenset({"stripe.com"}),
    "apple": frozenset({"apple.com", "icloud.com"}),
    "google": frozenset({"google.com", "goo.gle", "google.co.uk"}),
    "amazon": frozenset({"amazon.com", "amazon.co.uk", "amazon.de"}),
    "microsoft": frozenset({"microsoft.com", "live.com", "outlook.com"}),
    "westernunion": frozenset({"westernunion.com"}),
}
_HOMOGLYPHS = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"})
_SCAM_WORDS = ("secure", "login", "verify", "pay", "payment", "payments", "support", "account", "billing", "help",
               "service", "refund", "wallet")
_DISGUISES = {
    brand: frozenset({brand} | {brand + word for word in _SCAM_WORDS} | {word + brand for word in _SCAM_WORDS})
    for brand in _BRANDS
}
TLDS = r"com|net|org|io|co|me|ly|gd|at|cc|gy|info|biz|xyz|top|site|online|app|link|click|ru|cn|tk|ml|ga|cf|uk|de"
# A link is, leftmost first and in this order of preference at one position: a scheme or www.
# link, a host ending in a known TLD (`_DOMAIN`, with its path), a punycode label, an IP with
# a path. As one regex (as it was) the host alternative retried every label of a long dotted
# run to its end: "a." * 2000 took over a second. `_links` finds the same matches in linear
# time; tests/test_hardening_input.py checks it against that one regex on random texts.
_OTHER = re.compile(
    r"(?P<link>(?:https?://|www\.)[^\s<>\"']+)|\bxn--[a-z0-9-]+\S*|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{2,5})?/[^\s<>\"']*",
    Flags,
)
# Where an `_OTHER` match starts, without running its tail to the end of the text (a start found
# ahead may be passed over, and then its tail would have been read for nothing).
_OTHER_START = re.compile(
    r"(?P<link>(?:https?://|www\.)[^\s<>\"'])|\bxn--[a-z0-9-]|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{2,5})?/", Flags
)
_DOMAIN = re.compile(rf"(?:[\w-]+\.)+(?:{TLDS})\b(?:/[^\s<>\"']*)?", Flags)
# What every `_DOMAIN` match contains: a text without it has no host to try at each word start
# (and the link gate of screening.py reads it too).
DOT_TLD = re.compile(rf"\.(?:{TLDS})\b", Flags)
_WORD_START = re.compile(r"\b\w")
_LABELS = re.compile(r"[\w-]+(?:\.[\w-]+)*")
_IP_HOST = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$|^\[[0-9a-f:]+\]$", Flags)
_TWO_PART_SUFFIXES = frozenset({"co.uk", "com.au", "co.nz", "co.za", "com.br", "co.in", "co.jp"})


def _host_of(url: str) -> tuple[str, bool]:
    """(host, has user info) of a URL written with or without a scheme."""
    candidate = url if re.match(r"^[a-z][a-z0-9+.-]*://", url, Flags) else f"http://{url}"
    try:
        parts = urlsplit(candidate)
        return (parts.hostname or "").rstrip("."), "@" in parts.netloc
    except ValueError:
        return "", False


def _registrable(host: str) -> str:
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_PART_SUFFIXES else 2
    return ".".join(labels[-keep:])


def _brand_tokens(host: str) -> set[str]:
    """The host's words with look-alike characters undone ("paypa1-secure" -> paypal, secure)."""
    tokens = set()
    for token in re.split(r"[.-]", host.lower()):
        tokens.add(token.translate(_HOMOGLYPHS).replace("rn", "m").replace("vv", "w"))
    return tokens


def _imitates_brand(host: str) -> bool:
    registrable = _registrable(host)
    tokens = _brand_tokens(host)
    for brand, official in _BRANDS.items():
        if registrable not in official and not tokens.isdisjoint(_DISGUISES[brand]):
            return True
    return False


def _bad_host(host: str, user_info: bool) -> bool:
    if not host:
        return False
    if user_info or _IP_HOST.match(host) or "xn--" in host or not host.isascii():
        return True
    return host in _SHORTENERS or _registrable(host) in _SHORTENERS or _imitates_brand(host)


def _next_domain(text: str, pos: int) -> re.Match[str] | None:
    """The first `_DOMAIN` match starting at or after `pos` at a word start (where the `\b` of
    the single regex let it start). A host is tried once per dotted run: from a later start in
    the same run the labels ahead are a subset of those the first start saw, so if that one
    found no TLD, or stopped at the last one, no later start finds one either."""
    while (start := _WORD_START.search(text, pos)) is not None:
        found = _DOMAIN.match(text, start.start())
        if found is not None:
            return found
        labels = _LABELS.match(text, start.start())
        pos = labels.end() if labels is not None else start.end()
    return None


def _links(text: str) -> Iterator[str]:
    """What `(link|domain|punycode|ip).finditer(text)` yields, each candidate searched once:
    a match found ahead stays valid until the position moves past its start."""
    pos = 0
    other = _OTHER_START.search(text)
    domain = _next_domain(text, 0) if DOT_TLD.search(text) else None
    while other is not None or domain is not None:
        if other is not None and other.start() < pos:
            other = _OTHER_START.search(text, pos)
        if domain is not None and domain.start() < pos:
            domain = _next_domain(text, pos)
        if domain is not None and (
            other is None or domain.start() < other.start()
            or (domain.start() == other.start() and other.lastgroup != "link")
        ):
            found = domain
        elif other is not None:
            found = _OTHER.match(text, other.start())  # type: ignore[assignment]  # matches where its start did
        else:
            return
        yield found.group()
        pos = found.end()


def suspicious_link(text: str, ctx: ScreenContext) -> bool:
    return any(_bad_host(*_host_of(link.rstrip(".,;:!?)"))) for link in _links(text))
