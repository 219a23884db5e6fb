"""The scam screen's cheap gates (domain/messaging/screening.py): `screen` runs a rule only where
its gate says the rule may match, so every gate must be a necessary condition of its rule. These
tests check the case folding the gates read against `re.IGNORECASE` over every code point, and
the gated `screen` against every rule run on random texts (rule pieces, digits, punctuation,
Unicode, case changes)."""

from __future__ import annotations

import random
import re
import sys

import pytest

from domain.messaging import screening
from domain.messaging.screening import RULES, ScreenContext, screen
from tests.test_messaging_screening import ORDINARY, POSITIVES

CONTEXTS = (ScreenContext(has_booking=False), ScreenContext(has_booking=True))
KEYWORDS = (screening._PAY_KEYS + screening._CHANNEL_KEYS + screening._OFF_PLATFORM_KEYS + screening._BANK_KEYS
            + screening._CONTACT_KEYS + screening._URGENCY_KEYS + screening._MONEY_KEYS + ("http", "www.", "xn--"))


def reference(text: str, ctx: ScreenContext, extra: tuple[str, ...] = ()) -> list[str]:
    """`screen` as it was before the gates: every rule over the whole text."""
    whole = "\n".join((text, *extra))
    return [reason for reason, rule in RULES.items() if rule(whole, ctx)]


def test_the_gates_and_the_rules_are_the_same_reasons_in_the_same_order():
    assert list(screening._GATES) == list(RULES)
    assert [reason for reason, _, _ in screening._GATED] == list(RULES)


def test_every_character_ignorecase_matches_to_a_keyword_character_folds_to_it():
    # A keyword found by an IGNORECASE regex in the text is then found by `in` in the folded text.
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    alphabet = set("".join(KEYWORDS))
    assert all(keyword == keyword.lower() for keyword in KEYWORDS)
    checked = 0
    for char in sorted(alphabet):
        for match in re.finditer(re.escape(char), every, re.IGNORECASE):
            folded = screening._fold(match.group())[0]
            assert folded == char, (char, hex(ord(match.group())), folded)
            checked += 1
    assert checked > 2 * len(alphabet)  # both cases of each letter, U+0130, U+0131, U+017F, U+212A


PIECES = [
    # off_platform_payment
    "pay", "paying", "payment", "paid", "send", "transfer", "deposit", "wire", "money", "cash", "settle",
    "wire transfer", "bank transfers", "western union", "moneygram", "gift card", "giftcards", "steam cards",
    "google play gift card", "crypto", "bitcoin", "btc", "usdt", "tether", "ethereum", "zelle", "venmo", "cashapp",
    "cash app", "paypal", "pay me directly", "pay us in cash", "outside the app", "off of this platform",
    "off fieldsync", "cash only", "only accepts cash", "skip the app fees", "save on the booking's fee",
    "don't pay through the app", "do not book via the site", "no need to pay on platform",
    # payment_details
    "account number", "bank account #", "routing no.", "aba routing", "sort code", "swift bic", "bic code", "iban",
    "bank details", "banking details", "card number", "card details", "cvv", "cvc", "security code on your card",
    "4111 1111 1111 1111", "5555-5555-5555-4444", "4242424242424242", "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432", "de89370400440532013000", "4222222222222",
    "GB94WEST12345678ABC",  # the fewest digits an IBAN can have: 10
    # contact_before_booking
    "a@b.co", "joe.plumber@gmail.com", "@", "joe at gmail dot com", "x(at)y[dot]io", " at ", " dot ", "whatsapp",
    "whats app", "telegram", "viber", "wechat", "snapchat", "kik", "facebook messenger", "on signal", "via signal",
    "insta dm", "instagram handle", "07911 123456", "+44 20 7946 0958", "(555) 123-4567", "0044 7700 900123",
    "2025-03-14", "14.03.2025", "555-1234",  # a phone number with the fewest digits: 7
    # suspicious_link
    "bit.ly/3xY", "tinyurl.com", "https://", "http://", "www.", "xn--pypal-4ve.com", "192.168.4.20/pay",
    "203.0.113.7:8080/x", "paypa1.com", "fieldsync-secure.com/login", "google.com/maps", ".com", ".ly", ".co.uk",
    "1.2.3.4/x", "amaz0n-billing.net", "https://p\u0430ypal.com", "https://www.paypal.com@evil.example/",
    # urgency_pressure
    "act now", "act fast", "within the hour, or", "within the next 2 hours or", "last chance", "immediately, or",
    "now or never", "today only", "before its too late", "before it's too late", "final notice", "final warning",
    "asap or", "or you'll lose", "or lose", "urgently send", "urgent pay", "pay it urgently", "send the cash urgently",
    "or the offer is gone", "or the price goes up", "limited time", "expires today", "expire in 5 minutes",
    "$50", "€ 5", "£1", "100 usd", "20 bucks", "5euros", "fee", "refund", "invoice", "fine", "penalty",
    # near misses, filler, digits, punctuation and Unicode
    "payday", "booking", "book", "offer", "off", "cards", "swiftly", "insta", "installed", "lose", "close", "dotted",
    "running ten minutes late", "the gate code", "is on the", "ok", "x", "a", "é", "_", "-", ".", "..", "/", ":",
    "'", "\u2019", "#", "!", "?", ",", "(", ")", "\n", " ", " ", " ", "1", "12", "123", "4567", "0", "9",
    "\u0663\u0664", "\uff14\uff12", "\u00b2", "\u0130", "\u0131", "\u017f", "\u212a", "\u00df", "\U0001f600",
    "\u0441", "stra\u00dfe", "\u00a0", "\u2028",
]
# Characters IGNORECASE matches to ASCII letters though `str.lower()` does not give them.
LOOKALIKES = {"s": ["\u017f"], "i": ["\u0131", "\u0130"], "k": ["\u212a"], "S": ["\u017f"], "I": ["\u0131", "\u0130"],
              "K": ["\u212a"]}


def mutate(piece: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return piece
    if roll < 0.5:
        return piece.upper()
    if roll < 0.6:
        return piece.title()
    if roll < 0.7:
        return piece.swapcase()
    if roll < 0.85:
        return "".join(char.upper() if rng.random() < 0.5 else char for char in piece)
    return "".join(rng.choice(LOOKALIKES[char]) if char in LOOKALIKES and rng.random() < 0.5 else char
                   for char in piece)


def random_text(rng: random.Random) -> str:
    return "".join(mutate(rng.choice(PIECES), rng) + rng.choice(("", " ", " ", " ", ", ", "\n"))
                   for _ in range(rng.randint(1, 12)))


def mutated(text: str, rng: random.Random) -> str:
    return " ".join(mutate(word, rng) for word in text.split(" "))


def test_the_fold_counts_the_digits_regex_finds():
    rng = random.Random(5)
    for _ in range(3_000):
        text = random_text(rng)
        _, digits = screening._fold(text)
        assert digits == len(re.findall(r"\d", text)), repr(text)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_gate_holds_wherever_its_rule_matches(seed: int):
    rng = random.Random(seed)
    texts = [random_text(rng) for _ in range(4_000)]
    texts += [mutated(text, rng) for texts_ in POSITIVES.values() for text in texts_ for _ in range(5)]
    texts += [mutated(text, rng) for text, _ in ORDINARY for _ in range(3)]
    hits = dict.fromkeys(RULES, 0)
    skipped = dict.fromkeys(RULES, 0)
    for text in texts:
        low, digits = screening._fold(text)
        for ctx in CONTEXTS:
            for reason, rule in RULES.items():
                gate = screening._GATES[reason](text, low, digits, ctx)
                matched = rule(text, ctx)
                assert gate or not matched, (reason, text, ctx)
                hits[reason] += matched
                skipped[reason] += not gate
            assert screen(text, ctx) == reference(text, ctx), (text, ctx)
    # Not vacuous: every rule matched often, and every gate also turned texts away.
    assert all(count >= 100 for count in hits.values()), hits
    assert all(count >= 100 for count in skipped.values()), skipped


def test_attachment_names_go_through_the_same_gates():
    rng = random.Random(7)
    for _ in range(2_000):
        text, extra = random_text(rng), tuple(random_text(rng) for _ in range(rng.randint(0, 3)))
        for ctx in CONTEXTS:
            assert screen(text, ctx, extra=extra) == reference(text, ctx, extra), (text, extra)
