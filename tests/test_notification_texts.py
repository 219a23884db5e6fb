"""Notification text per language (issue 16, "Push and notification text people can read"): the
catalogues hold every template's text with the same placeholders, the template file of the
extraction is fresh, plural rules are CLDR's, values are formatted per locale and zone, and no
module that builds notifications writes English of its own."""

from __future__ import annotations

import ast
import gettext
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from babel.plural import to_gettext

from domain.notifications.i18n import LOCALE_DIR, Amount, Audience, Day, Moment, Phrase, Phrases, languages, render

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "domain/notifications/texts.py"
# The markers scripts/notification-catalogues passes to pybabel (-k N_:1c,2 -k NP_:1c,2,3).
KEYWORDS = {"N_": ((1, "c"), 2), "NP_": ((1, "c"), 2, 3)}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
NNBSP, NBSP = "\u202f", "\xa0"


def source_messages() -> dict[tuple[str, str], str | tuple[str, str]]:
    """(context, msgid) -> the English message(s), as the extraction sees texts.py."""
    found: dict[tuple[str, str], str | tuple[str, str]] = {}
    for _line, message, _comments, context in extract_from_file("python", str(TEXTS), keywords=KEYWORDS):
        assert context, f"{message!r} has no context"
        found[(context, message[0] if isinstance(message, tuple) else message)] = message
    return found


def catalogue(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def gaps(catalog: Catalog) -> list[str]:
    """What a language's catalogue lacks or gets wrong, one line each."""
    problems = []
    for (context, msgid), english in source_messages().items():
        entry = catalog.get(msgid, context=context)
        strings = (
            entry.string
            if entry is not None and isinstance(entry.string, tuple)
            else ((entry.string,) if entry is not None else ())
        )
        if entry is None or entry.fuzzy or not all(strings):
            problems.append(f"{context}: {msgid!r} is not translated")
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(english if isinstance(english, tuple) else (english,))))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {text!r} does not use exactly {sorted(wanted)}")
    return problems


def test_german_ships_and_every_catalogue_translates_every_template_with_its_placeholders() -> None:
    assert "de" in languages()
    for language in languages():
        assert gaps(catalogue(LOCALE_DIR / language / "LC_MESSAGES" / "notifications.po")) == [], language


def test_a_template_missing_from_the_german_catalogue_is_reported() -> None:
    german = catalogue(LOCALE_DIR / "de" / "LC_MESSAGES" / "notifications.po")
    german.delete("Booking scheduled", context="booking.scheduled")
    german.get("Your bid was accepted", context="bid.accepted").flags.add("fuzzy")  # type: ignore[union-attr]
    german.get("{bidder} offered {amount}", context="bid.received").string = "{bidder} bietet"  # type: ignore[union-attr]
    assert sorted(gaps(german)) == [
        "bid.accepted: 'Your bid was accepted' is not translated",
        "bid.received: '{bidder} bietet' does not use exactly ['amount', 'bidder']",
        "booking.scheduled: 'Booking scheduled' is not translated",
    ]


def test_the_extracted_template_file_is_fresh() -> None:
    """scripts/notification-catalogues was run after the last change of texts.py."""
    pot = catalogue(LOCALE_DIR / "notifications.pot")
    assert {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in pot if m.id} == set(source_messages())


def test_catalogue_plural_rules_are_the_cldr_rules_of_their_language() -> None:
    for language in languages():
        ours = gettext.c2py(catalogue(LOCALE_DIR / language / "LC_MESSAGES" / "notifications.po").plural_expr)
        cldr = gettext.c2py(to_gettext(Locale.parse(language).plural_form).split("plural=", 1)[1].rstrip(";"))
        assert [ours(n) for n in range(300)] == [cldr(n) for n in range(300)], language


AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
GERMAN = Audience("de-DE", "Europe/Berlin")


def test_a_german_user_sees_local_time_money_and_plurals_in_german() -> None:
    assert render("booking.scheduled", {"what": "Rohr", "when": Moment(AT)}, GERMAN) == (
        "Termin vereinbart",
        "Termin für Rohr: Do., 3. Dez. 2026, 10:00",
    )  # 09:00 UTC is 10:00 in Berlin
    assert render("payment.captured", {"what": Phrase("a_service"), "amount": Amount(123450, "EUR")}, GERMAN)[1] == (
        f"1.234,50{NBSP}€ für eine Leistung ist bezahlt und wird bis zum Abschluss der Arbeit verwahrt"
    )
    one = render("message.new.many", {"sender": "Ana", "preview": "hi", "count": 1}, GERMAN)
    two = render("message.new.many", {"sender": "Ana", "preview": "hi", "count": 2}, GERMAN, private=True)
    assert (one[1], two[1]) == ("1 neue Nachricht: hi", "2 neue Nachrichten von Ana")
    reminder = {"label": Phrase("credential.gas_safe"), "expires": Day(AT)}
    assert "in 1 Tag ab (03.12.2026)" in render("verification.reminder", {**reminder, "days_left": 1}, GERMAN)[1]
    assert "in 2 Tagen ab" in render("verification.reminder", {**reminder, "days_left": 2}, GERMAN)[1]
    assert render("account.roles_changed", {"roles": Phrases((Phrase("role.customer"), "x"))}, GERMAN)[1] == (
        "Ihre Rollen sind jetzt: Kunde und x"
    )


def test_english_keeps_its_meaning_with_locale_formats() -> None:
    assert render("booking.scheduled", {"what": "Pipe", "when": Moment(AT)}, Audience("en-US", "America/New_York")) == (
        "Booking scheduled",
        f"Pipe is scheduled for Thu, Dec 3, 2026, 4:00{NNBSP}AM",
    )
    assert render("bid.received", {"bidder": "Sam", "amount": Amount(9000, "USD"), "job_title": "Sink"}) == (
        "New bid on Sink",
        "Sam offered $90.00",
    )
    assert render("payout.paid", {"amount": Amount(150000, "JPY")}, Audience("en-GB"))[1] == (
        "JP¥150,000 is on its way to your bank account"
    )  # JPY has no minor digits
    assert render(
        "verification.reminder", {"label": Phrase("credential.photo_id"), "days_left": 1, "expires": Day(AT)}
    )[1].startswith("Your photo ID expires in 1 day (")
    assert render("message.new", {"sender": "Ana", "preview": "secret"}, private=True) == (
        "Ana",
        "New message from Ana",
    )


def test_unknown_languages_fall_back_to_english_words_with_their_own_numbers() -> None:
    # Brazilian Portuguese has no catalogue: English words, Brazilian money format.
    assert render("bid.received", {"bidder": "Sam", "amount": Amount(123450, "BRL")}, Audience("pt-BR")) == (
        "New bid on",
        f"Sam offered R${NBSP}1.234,50",
    )
    assert render("bid.accepted", {"customer": "Cora"}, Audience("xx-nonsense", "Not/AZone"))[0] == (
        "Your bid was accepted"
    )
    assert render("bid.received", {"bidder": "Sam"})[1] == "Sam offered"  # a value not carried leaves no "{...}"



def test_remembered_counts_and_locales_stay_per_language() -> None:
    # Counts, locales and catalogues are remembered between renders: each language keeps its own.
    values = {"sender": "Ana", "preview": "hi", "count": 12345}
    for _ in range(2):  # the second round is served from what the first remembered
        assert render("message.new.many", values, GERMAN)[1] == "12.345 neue Nachrichten: hi"
        assert render("message.new.many", values, Audience("en-GB"))[1] == "12,345 new messages: hi"
        assert render("message.new.many", values, Audience("fr-FR"))[1] == f"12{NNBSP}345 new messages: hi"
        assert render("message.new.many", {**values, "count": 2}, GERMAN)[1] == "2 neue Nachrichten: hi"

# --- No English outside texts.py in the modules that build notifications -----------------------------------

# The worker and the queue only carry the rendered title and body (their strings are job outcomes for operators).
BUILDERS = [
    "push/recipients.py",
    "push/notifier.py",
    "domain/safety/notices.py",
    "domain/notifications/i18n.py",
    "domain/notifications/audience.py",
    "domain/notifications/centre.py",
]
# Strings for operators, not for people using the app: metric help texts, log events, exceptions.
OPERATOR_CALLS = {
    "Counter",
    "Gauge",
    "Histogram",
    "debug",
    "info",
    "warning",
    "error",
    "exception",
    "KeyError",
    "ValueError",
    "TypeError",
    "RuntimeError",
}
PROSE = re.compile(r"[A-Za-z]+[,;:]?\s+[A-Za-z]{2,}|^[A-Z][a-z]+[.:!?]?$")


def english_strings(source: str) -> list[str]:
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        ):
            skipped.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            skipped.update(id(inner) for inner in ast.walk(node))
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in OPERATOR_CALLS:
                skipped.update(id(inner) for inner in ast.walk(node))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and PROSE.search(node.value.strip())
    ]


def test_the_check_finds_english_written_outside_the_templates() -> None:
    old = (
        'def f(names, x):\n    """Docs are fine."""\n    log.info("some event", note="an operator note")\n'
        '    return names.get(x, "Someone"), f"Reason: {x}", "the deadline", "message.new", "booking"\n'
    )
    assert sorted(english_strings(old)) == ["Reason: ", "Someone", "the deadline"]


@pytest.mark.parametrize("module", BUILDERS)
def test_no_english_notification_text_outside_the_templates_module(module: str) -> None:
    assert english_strings((ROOT / module).read_text()) == []
