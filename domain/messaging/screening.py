"""Scam and abuse screening: the one place with every rule a message passes.

Each rule is a small function `(text, context) -> bool`, named by the reason it stores with
the message. A hit does not block the message: it is delivered with `flagged: true` and its
reasons, the recipients are warned, and it waits in the admin review queue. Rules favour
precision (tests/test_messaging_screening.py holds an ordinary-message corpus that must pass):
a number must pass Luhn or IBAN's mod-97 before it counts as a card or an account, urgency
counts only when money is on the table, contact details only before a booking exists.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from domain.messaging.screening_links import DOT_TLD, suspicious_link

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
# A payment word and a channel within 60 characters of one line, either way round. As one
# regex each (`\bPAY\b.{0,60}\bCHANNEL\b`) every payment word tried the channels at each of
# the 60 positions after it; `_near` finds each kind of word once and pairs them up.
_PAY_WORD = re.compile(rf"\b(?:{_PAY})\b", Flags)
_CHANNEL_WORD = re.compile(rf"\b(?:{_CHANNEL})\b", Flags)
_NEAR = 60
_OFF_PLATFORM = [
    re.compile(r"\bpay(?:ing)? (?:me|us|him|her) (?:directly|direct|in person|in cash|cash|privately|on the side)\b",
               Flags),
    re.compile(r"\b(?:outside|off) (?:of )?(?:the |this )?(?:app|platform|fieldsync)\b", Flags),
    re.compile(r"\b(?:cash only|only (?:take|takes|accept|accepts) cash)\b", Flags),
    re.compile(r"\b(?:skip|avoid|bypass|save on) (?:the )?(?:app|platform|site|service|booking)(?:'s)? fees?\b", Flags),
    re.compile(r"\b(?:don'?t|do not|no need to) (?:pay|book) (?:through|via|on|in) (?:the )?(?:app|platform|site)\b",
               Flags),
]
# The same patterns as one search: a text is read once, not once per pattern.
_OFF_PLATFORM_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _OFF_PLATFORM), Flags)
# Cheap gates: a rule whose patterns all need a digit (a card, an IBAN, a phone) skips a text without one.
_DIGIT = re.compile(r"\d")


def _occurrences(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of every match, overlapping ones included ("amazon gift cards", "gift cards")."""
    found = []
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        found.append(match.span())
        pos = match.start() + 1
    return found


def _near(first: list[tuple[int, int]], then: list[tuple[int, int]], text: str) -> bool:
    """Whether a match of `then` starts at most _NEAR characters after a match of `first` ends,
    on the same line: `first.{0,60}then` without retrying `then` at every position."""
    starts = sorted(start for start, _ in then)
    for _, end in first:
        index = bisect.bisect_left(starts, end)
        if index < len(starts) and starts[index] - end <= _NEAR and "\n" not in text[end:starts[index]]:
            return True
    return False


def off_platform_payment(text: str, ctx: ScreenContext) -> bool:
    channels = _occurrences(_CHANNEL_WORD, text)
    if channels:  # each kind of word is found once, for both orders
        pays = _occurrences(_PAY_WORD, text)
        if pays and (_near(pays, channels, text) or _near(channels, pays, text)):
            return True
    return _OFF_PLATFORM_ANY.search(text) is not None


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
    if not _DIGIT.search(text):  # an IBAN and a card number both have digits
        return False
    if any(is_iban(match.group()) for match in _IBAN.finditer(text)):
        return True
    return any(is_card_number(match.group()) for match in _CARD.finditer(text))


# -- contact details before a booking ----------------------------------------------------------

# Both only ever answer "is there one", so the local part is its last character: `[\w.+-]+@`
# matches somewhere exactly when `[\w.+-]@` does, and the longer form retried every start of a
# long run of such characters to its end (quadratic: "a." * 2000 took a second). The spelled
# form's `\b[\w.+-]+` likewise becomes its last word character and the `.+-` after it.
_EMAIL = re.compile(r"[\w.+-]@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", Flags)
_EMAIL_SPELLED = re.compile(
    r"\w[.+-]*\s*(?:\(at\)|\[at\]|\{at\}| at )\s*[\w-]+\s*(?:\(dot\)|\[dot\]|\{dot\}| dot )\s*"
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
    if ("@" in text and _EMAIL.search(text)) or _EMAIL_SPELLED.search(text) or _MESSENGER.search(text):
        return True
    return _DIGIT.search(text) is not None and any(_looks_like_phone(match.group()) for match in _PHONE.finditer(text))


# -- known-bad links: domain/messaging/screening_links.py (`suspicious_link`) ------------------


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

# -- cheap gates: "this rule cannot match" before its regexes run -------------------------------
#
# An ordinary message matches no rule, and the rules' IGNORECASE alternations cost a few µs each
# on it. Each gate below is a NECESSARY condition of its rule (rule true => gate true), so
# `screen` runs a rule only where its gate holds and returns exactly what the rules return.
# A gate reads the message, `low` (the message case-folded once) and `digits` (how many `\d`
# characters it has: a card number has 13 or more, an IBAN 10, a phone number 7, an IP 4).
#
# Why `keyword in low` is necessary for an IGNORECASE match of a literal lower-case keyword: the
# characters of a match are consecutive in the text, and `_fold` maps each character that
# IGNORECASE lets match a keyword character (a letter, " ", "." or "-") to exactly that
# one character, so the keyword is consecutive in `low`. `str.lower()` does so for all of them
# but three: U+0130 (capital I with a dot, which lowers to two characters) and U+0131 (dotless i)
# match "i", and U+017F (long s) matches "s" (re's own extra case pairs); `_FOLD` maps those
# first. tests/test_messaging_screening_gates.py checks this over every code point, and the
# gates against the rules on random texts.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _has_any(low: str, keywords: tuple[str, ...]) -> bool:
    for keyword in keywords:
        if keyword in low:
            return True
    return False


# `_PAY`: pay(ing|ment|s)? and paid, send(ing), transfer, deposit, wire, money, cash, settle.
_PAY_KEYS = ("pay", "paid", "send", "transfer", "deposit", "wire", "money", "cash", "settle")
# `_CHANNEL`: "(wire|bank) transfers?" hold "transfer"; "gift ?cards?" and "(itunes|...) (gift )?cards?"
# hold "card"; "crypto(currency)?" "crypto", "bitcoins?" "bitcoin", "cash ?app" "cash".
_CHANNEL_KEYS = ("transfer", "western union", "moneygram", "card", "crypto", "bitcoin", "btc", "usdt", "tether",
                 "ethereum", "zelle", "venmo", "cash", "paypal")
# `_OFF_PLATFORM`, one by one: "pay(ing)? (me|us|...)" holds "pay"; "(outside|off) (of )?..." holds
# "outside " or "off "; "cash only|only (take|...) cash" holds "cash"; "(skip|...) ... fees?" holds
# "fee"; "(don'?t|...) (pay|book) (through|...)" holds "pay" or "book ".
_OFF_PLATFORM_KEYS = ("pay", "cash", "fee", "outside ", "off ", "book ")


def _may_be_off_platform(text: str, low: str, digits: int, ctx: ScreenContext) -> bool:
    # The rule is (a `_PAY` word near a `_CHANNEL` word) or an `_OFF_PLATFORM` pattern.
    return _has_any(low, _OFF_PLATFORM_KEYS) or (_has_any(low, _PAY_KEYS) and _has_any(low, _CHANNEL_KEYS))


# `_BANK_PHRASES`, one by one: "(bank )?account (number|...)" holds "account ", "routing (...)"
# "routing ", "aba (...)" "aba ", "sort code", "swift (...)" "swift ", "bic code", "iban",
# "bank(ing)? details" "bank", "card (number|details)" "card ", "cvv", "cvc",
# "security code on (the|your) card" "security code".
_BANK_KEYS = ("account ", "routing ", "aba ", "sort code", "swift ", "bic code", "iban", "bank", "card ", "cvv",
              "cvc", "security code")


def _may_be_payment_details(text: str, low: str, digits: int, ctx: ScreenContext) -> bool:
    # `_BANK_PHRASES`, or an IBAN or a card number. `is_iban` wants 8 digits after the 2 check
    # digits (`_IBAN`'s `\d{2}`), `is_card_number` 13 digits (counted as `\D` removed).
    return digits >= 10 or _has_any(low, _BANK_KEYS)


# `_MESSENGER`: "whats ?app" holds "whats", then telegram, viber, wechat, snapchat, kik,
# "facebook messenger" "messenger", "(on|via|over) signal" "signal", "insta(gram)?...(dm|...)" "insta".
# `_EMAIL_SPELLED` holds one of "(dot)", "[dot]", "{dot}", " dot ": "dot".
_CONTACT_KEYS = ("dot", "whats", "telegram", "viber", "wechat", "snapchat", "kik", "messenger", "signal", "insta")


def _may_be_contact(text: str, low: str, digits: int, ctx: ScreenContext) -> bool:
    # The rule: no booking, and `_EMAIL` (which holds a literal "@"), `_EMAIL_SPELLED`,
    # `_MESSENGER`, or a `_PHONE` match that `_looks_like_phone` takes (7 digits or more).
    return not ctx.has_booking and (digits >= 7 or "@" in text or _has_any(low, _CONTACT_KEYS))


def _may_be_link(text: str, low: str, digits: int, ctx: ScreenContext) -> bool:
    # `_links` yields nothing when `_OTHER_START` and `_DOT_TLD` both find nothing. `_OTHER_START`
    # holds "http" (https?://), "www." or "xn--", or is an IP (4 digits or more) and a "/".
    if "http" in low or "www." in low or "xn--" in low or (digits >= 4 and "/" in text):
        return True
    return "." in text and DOT_TLD.search(text) is not None


# `_URGENCY`, one by one: "act (now|...)" holds "act ", "within the (...) or" "within the ",
# "last chance", "immediately,? or" "immediately", "now or never", "today only",
# "before it'?s too late" "too late", "final (notice|warning)" "final ", "asap,? or" "asap",
# "or (you...)?lose" "lose", "urgent(ly)? (send|...)" and "(send|...) ... urgently" "urgent",
# "or the (offer|...) ..." "or the ", "limited time", "expires? (today|...)" "expire".
_URGENCY_KEYS = ("act ", "within the ", "last chance", "immediately", "now or never", "today only", "too late",
                 "final ", "asap", "lose", "urgent", "or the ", "limited time", "expire")
# `_MONEY`: "[$€£¥₹]\s?\d" and "\d\s?(usd|...)" need a digit; the words are deposit, payment and pay
# ("pay"), fee, money, refund, transfer, wire, invoice, fine, penalty.
_MONEY_KEYS = ("pay", "deposit", "fee", "money", "refund", "transfer", "wire", "invoice", "fine", "penalty")


def _may_be_urgency(text: str, low: str, digits: int, ctx: ScreenContext) -> bool:
    return _has_any(low, _URGENCY_KEYS) and (digits > 0 or _has_any(low, _MONEY_KEYS))


Gate = Callable[[str, str, int, ScreenContext], bool]

# Reason code -> the gate of its rule (tests/test_messaging_screening_gates.py keeps them in step).
_GATES: dict[str, Gate] = {
    "off_platform_payment": _may_be_off_platform,
    "payment_details": _may_be_payment_details,
    "contact_before_booking": _may_be_contact,
    "suspicious_link": _may_be_link,
    "urgency_pressure": _may_be_urgency,
}
_GATED = tuple((reason, _GATES[reason], rule) for reason, rule in RULES.items())


def _fold(text: str) -> tuple[str, int]:
    """(`low`, `digits`) for the gates: the text case-folded as above, and how many `\\d` it has."""
    if text.isascii():  # the only ASCII `\d` characters are 0-9: deleting them beats a regex
        return text.lower(), len(text) - len(text.encode("ascii").translate(None, b"0123456789"))
    return text.translate(_FOLD).lower(), len(_DIGIT.findall(text))


def screen(text: str, ctx: ScreenContext, *, extra: tuple[str, ...] = ()) -> list[str]:
    """The reasons a message is suspicious, in rule order; empty when it is not.

    `extra` holds further text of the message to screen with it (attachment names). The same
    as `[reason for reason, rule in RULES.items() if rule(whole, ctx)]`: a rule runs where its
    gate says it may match."""
    whole = "\n".join((text, *extra)) if extra else text
    low, digits = _fold(whole)
    return [reason for reason, gate, rule in _GATED if gate(whole, low, digits, ctx) and rule(whole, ctx)]
