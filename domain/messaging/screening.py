"""Scam and abuse screening: the one place with every rule a message passes.

Each rule is a small function `(text, context) -> bool`, named by the reason it stores with
the message. A hit does not block the message: it is delivered with `flagged: true` and its
reasons, the recipients are warned, and it waits in the admin review queue. Rules favour
precision (tests/test_messaging_screening.py holds an ordinary-message corpus that must pass):
a number must pass Luhn or IBAN's mod-97 before it counts as a card or an account, urgency
counts only when money is on the table, contact details only before a booking exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

Flags = re.IGNORECASE


@dataclass(frozen=True)
class ScreenContext:
    # Contact details are fine once the parties have a booking (the serviceman must find the door).
    has_booking: bool


# -- off-platform payment ----------------------------------------------------------------------

_CHANNEL = (
    r"wire transfers?|bank transfers?|western union|moneygram|gift ?cards?|(?:itunes|steam|apple|google play|amazon)"
    r" (?:gift )?cards?|crypto(?:currency)?|bitcoins?|btc|usdt|tether|ethereum|zelle|venmo|cash ?app|paypal"
)
_PAY = r"pay(?:ing|ment|s)?|paid|send|sending|transfer|deposit|wire|money|cash|settle"
_OFF_PLATFORM = [
    re.compile(rf"\b(?:{_PAY})\b.{{0,60}}\b(?:{_CHANNEL})\b", Flags),
    re.compile(rf"\b(?:{_CHANNEL})\b.{{0,60}}\b(?:{_PAY})\b", Flags),
    re.compile(r"\bpay(?:ing)? (?:me|us|him|her) (?:directly|direct|in person|in cash|cash|privately|on the side)\b",
               Flags),
    re.compile(r"\b(?:outside|off) (?:of )?(?:the |this )?(?:app|platform|fieldsync)\b", Flags),
    re.compile(r"\b(?:cash only|only (?:take|takes|accept|accepts) cash)\b", Flags),
    re.compile(r"\b(?:skip|avoid|bypass|save on) (?:the )?(?:app|platform|site|service|booking)(?:'s)? fees?\b", Flags),
    re.compile(r"\b(?:don'?t|do not|no need to) (?:pay|book) (?:through|via|on|in) (?:the )?(?:app|platform|site)\b",
               Flags),
]


def off_platform_payment(text: str, ctx: ScreenContext) -> bool:
    return any(pattern.search(text) for pattern in _OFF_PLATFORM)


# -- bank and card details ---------------------------------------------------------------------

# Upper case only (as IBANs are printed): with IGNORECASE, ordinary words after "ab12" would
# become candidates and one in 97 would pass the checksum.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")
_CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
# Issuer prefixes of the big networks: a Luhn-valid order number that is no card stays quiet.
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|35|6011|64[4-9]|65|62)")
_BANK_PHRASES = re.compile(
    r"\b(?:(?:bank )?account (?:number|no\.?|#)|routing (?:number|no\.?|#)|aba (?:number|routing)|sort code"
    r"|swift (?:code|bic|number)|bic code|iban|bank details|banking details|card (?:number|details)|cvv|cvc"
    r"|security code on (?:the|your) card)\b",
    Flags,
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_card_number(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    return 13 <= len(digits) <= 19 and bool(_CARD_PREFIX.match(digits)) and _luhn_ok(digits)


def is_iban(candidate: str) -> bool:
    compact = re.sub(r"\s", "", candidate).upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    if sum(char.isdigit() for char in compact[4:]) < 8:  # every national account format is mostly digits
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(char, 36)) for char in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def payment_details(text: str, ctx: ScreenContext) -> bool:
    if _BANK_PHRASES.search(text):
        return True
    if any(is_iban(match.group()) for match in _IBAN.finditer(text)):
        return True
    return any(is_card_number(match.group()) for match in _CARD.finditer(text))


# -- contact details before a booking ----------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", Flags)
_EMAIL_SPELLED = re.compile(
    r"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\}| at )\s*[\w-]+\s*(?:\(dot\)|\[dot\]|\{dot\}| dot )\s*"
    r"(?:com|net|org|co|io)\b",
    Flags,
)
# Digits with the separators people type in phone numbers; the count is checked afterwards.
_PHONE = re.compile(r"(?<![\w#/:.,$€£-])(?:\+|00)?\(?\d[\d\s().-]{5,20}\d(?![\w/:%-])")
_DATE = re.compile(r"^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$")
# "Signal" and "Instagram" are ordinary words too ("no signal in the basement"): only their
# messaging-app phrasings count.
_MESSENGER = re.compile(
    r"\b(?:whats ?app|telegram|viber|wechat|snapchat|kik|facebook messenger)\b|\b(?:on|via|over) signal\b"
    r"|\binsta(?:gram)?\b.{0,20}\b(?:dm|handle|message)\b",
    Flags,
)


def _looks_like_phone(candidate: str) -> bool:
    stripped = candidate.strip()
    if _DATE.match(stripped):
        return False
    digits = re.sub(r"\D", "", stripped)
    return 7 <= len(digits) <= 15 and (len(digits) >= 9 or bool(re.search(r"[\s.()-]", stripped)))


def contact_before_booking(text: str, ctx: ScreenContext) -> bool:
    if ctx.has_booking:
        return False
    if _EMAIL.search(text) or _EMAIL_SPELLED.search(text) or _MESSENGER.search(text):
        return True
    return any(_looks_like_phone(match.group()) for match in _PHONE.finditer(text))


# -- known-bad links ---------------------------------------------------------------------------

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
_TLDS = r"com|net|org|io|co|me|ly|gd|at|cc|gy|info|biz|xyz|top|site|online|app|link|click|ru|cn|tk|ml|ga|cf|uk|de"
_URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"']+|\b(?:[\w-]+\.)+(?:{_TLDS})\b(?:/[^\s<>\"']*)?|\bxn--[a-z0-9-]+\S*"
    r"|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{2,5})?/[^\s<>\"']*",
    Flags,
)
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
        if registrable in official:
            continue
        disguised = {brand} | {brand + word for word in _SCAM_WORDS} | {word + brand for word in _SCAM_WORDS}
        if tokens & disguised:
            return True
    return False


def _bad_host(host: str, user_info: bool) -> bool:
    if not host:
        return False
    if user_info or _IP_HOST.match(host) or "xn--" in host or not host.isascii():
        return True
    return host in _SHORTENERS or _registrable(host) in _SHORTENERS or _imitates_brand(host)


def suspicious_link(text: str, ctx: ScreenContext) -> bool:
    for match in _URL.finditer(text):
        if _bad_host(*_host_of(match.group().rstrip(".,;:!?)"))):
            return True
    return False


# -- urgency pressure with money ---------------------------------------------------------------

# Threat-shaped phrases only: "urgent" or "within the hour" alone is an ordinary emergency call-out.
_URGENCY = re.compile(
    r"\bact (?:now|fast|quickly)\b|\bwithin the (?:next )?(?:hour|\d+ (?:minutes?|mins?|hours?))(?:,)? or\b"
    r"|\blast chance\b|\bimmediately,? or\b|\bnow or never\b|\btoday only\b|\bbefore it'?s too late\b"
    r"|\bfinal (?:notice|warning)\b|\basap,? or\b|\bor (?:you(?:'ll| will)? )?lose\b"
    r"|\burgent(?:ly)? (?:send|pay|transfer|wire)\b|\b(?:send|pay|transfer|wire) (?:it |the \w+ )?urgently\b"
    r"|\bor the (?:offer|price|deal|slot|discount) (?:is |will be )?(?:gone|goes up|expires)\b|\blimited time\b"
    r"|\bexpires? (?:today|tonight|in \d+ (?:minutes?|hours?))\b",
    Flags,
)
_MONEY = re.compile(
    r"[$€£¥₹]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?|pounds?|bucks)\b|\b(?:deposit|payment|pay|fee|money|refund"
    r"|transfer|wire|invoice|fine|penalty)\b",
    Flags,
)


def urgency_pressure(text: str, ctx: ScreenContext) -> bool:
    return bool(_URGENCY.search(text)) and bool(_MONEY.search(text))


# -- the screen --------------------------------------------------------------------------------

Rule = Callable[[str, ScreenContext], bool]

# Reason code -> rule. The codes are stored with flagged messages and sent to clients.
RULES: dict[str, Rule] = {
    "off_platform_payment": off_platform_payment,
    "payment_details": payment_details,
    "contact_before_booking": contact_before_booking,
    "suspicious_link": suspicious_link,
    "urgency_pressure": urgency_pressure,
}


def screen(text: str, ctx: ScreenContext, *, extra: tuple[str, ...] = ()) -> list[str]:
    """The reasons a message is suspicious, in rule order; empty when it is not.

    `extra` holds further text of the message to screen with it (attachment names)."""
    whole = "\n".join((text, *extra))
    return [reason for reason, rule in RULES.items() if rule(whole, ctx)]
