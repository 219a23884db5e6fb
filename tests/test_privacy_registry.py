"""The personal-data registry (domain/privacy) against the Tortoise models: every column whose name
or type suggests personal data is declared (or allowed here with a reason), every declared table
and column exists, and docs/privacy.md (the record of processing) is current.

The detector is `undeclared()`: the models' columns in, the suspicious undeclared ones out. A
fixture model with an undeclared email column, run through the same function, must be caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from tortoise import Tortoise, fields
from tortoise.fields.relational import RelationalField
from tortoise.models import Model

from app.db import MODEL_MODULES
from domain.privacy.declarations import REGISTRY
from domain.privacy.record import main as record_main
from domain.privacy.record import record_markdown
from domain.privacy.registry import UNKEYED, Category, Column, Erasure, Registry, Table

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent

# Column names that suggest personal data, as regular expressions over the whole column name.
NAME_PATTERNS: dict[str, str] = {
    "e-mail": r"e?mail",
    "a name": r"(^|_)(first_|last_|full_|legal_|display_|user_|file)?name$",
    "a phone number": r"phone|mobile|(^|_)tel($|_)|msisdn",
    "an address": r"address|street|(^|_)city$|post_?code|postal|(^|_)zip($|_)",
    "coordinates": r"(^|_)(lat|lng|lon|latitude|longitude)$|coordinates|location|geometry|(^|_)geo($|_)",
    "a network address": r"(^|_)ip($|_)|ip_address|user_agent",
    "free text": r"(^|_)(body|message|description|notes?|comment|statement|bio|text|excerpt|headline)$",
    "a document or tax field": r"(^|_)documents?$|document_(number|no)|(^|_)tax_id|(^|_)vat_(number|id)|iban|"
                               r"(^|_)bic$|passport|licen[cs]e|(^|_)dob$|birth|national_id|ssn|(^|_)number_",
    "a device token": r"(^|_)tokens?$|push_token|fcm",
    "bank or payout details": r"(^|_)bank|account_number|sort_code|routing|card_|destination",
    "a row image": r"^(data|before|after|payload|snapshot|image|summary|params|row)$",
}

# Field types that hold free text whatever the name.
TEXT_TYPES = (fields.TextField,)

# Columns that match a pattern above but hold no personal data: (table, column) -> why.
ALLOWED: dict[tuple[str, str], str] = {
    ("zone", "name"): "a service area's name (a district), not a person's",
    ("zone", "city"): "the city a service area lies in",
    ("zone", "geometry"): "a service area's polygon, not a person's position",
    ("category", "name"): "a catalogue category's label",
    ("policy_document", "body"): "the text of a published policy (terms, privacy): by the platform, about no one",
    ("policy_document", "title"): "the title of a published policy",
    ("flag", "description"): "an admin's description of a feature flag",
    ("pricing_commission_rule", "note"): "an admin's note on a pricing rule",
    ("pricing_cancellation_rule", "note"): "an admin's note on a pricing rule",
    ("pricing_tax_rule", "note"): "an admin's note on a tax rule",
    ("sync_state", "name"): "the name of a sync counter ('floor', 'tick')",
    ("outbox", "last_error"): "the relay's publish error (broker text, no event body)",
    ("gateway_event", "last_error"): "the apply error of a webhook (our exception text)",
    ("finance_operation", "last_error"): "the gateway call's error (our exception text)",
    ("push_jobs", "last_error"): "FCM's error for a send",
    ("finance_operation", "params"): "amounts and gateway ids for a stored call",
    ("finance_operation", "result"): "the gateway's answer: ids and statuses",
    ("sync_mutation", "result"): "an offline write's result entry: status and error code",
    ("verification_review", "reason"): "an admin's reason for a decision on a document",
    ("verification_check", "detail"): "an external registry's verdict text",
    ("idempotency_key", "token"): "the fencing token of an attempt (a UUID), not a device's",
    ("refresh_token", "token_hash"): "a SHA-256 of a refresh token, useless without the token",
    ("zone", "min_lat"): "a service area's bounding box",
    ("zone", "min_lng"): "a service area's bounding box",
    ("zone", "max_lat"): "a service area's bounding box",
    ("zone", "max_lng"): "a service area's bounding box",
    ("job", "required_documents"): "the kinds of documents a job asks bidders for, not documents",
}


def model_columns(models: Iterable[type[Model]]) -> dict[str, dict[str, fields.Field[object]]]:
    """table -> database column -> its field, for the columns the table really has."""
    tables: dict[str, dict[str, fields.Field[object]]] = {}
    for model in models:
        meta = model._meta
        columns: dict[str, fields.Field[object]] = {}
        for name, column in meta.fields_db_projection.items():
            field = meta.fields_map[name]
            if not isinstance(field, RelationalField):
                columns[column] = field
        tables.setdefault(meta.db_table, {}).update(columns)
    return tables


def suspicion(column: str, field: fields.Field[object]) -> str | None:
    """Why a column looks personal, or None."""
    for what, pattern in NAME_PATTERNS.items():
        if re.search(pattern, column):
            return what
    if isinstance(field, TEXT_TYPES):
        return "free text (a text column)"
    return None


def undeclared(models: Iterable[type[Model]], registry: Registry = REGISTRY,
               allowed: dict[tuple[str, str], str] = ALLOWED) -> list[str]:
    """The columns that look personal and are neither declared nor allowed, as `table.column: why`."""
    found = []
    for table, columns in model_columns(models).items():
        for column, field in columns.items():
            why = suspicion(column, field)
            if why and not registry.declared(table, column) and (table, column) not in allowed:
                found.append(f"{table}.{column}: looks like {why}")
    return sorted(found)


def app_models() -> list[type[Model]]:
    Tortoise.init_models(MODEL_MODULES, "models")
    return list(Tortoise.apps["models"].values())


def test_every_personal_looking_column_is_declared() -> None:
    missing = undeclared(app_models())
    assert not missing, ("declare these in domain/privacy/declarations.py (or allow them in "
                         "tests/test_privacy_registry.py with a reason):\n" + "\n".join(missing))


class LeakyFixture(Model):
    """A throw-away model (never migrated) with a personal column nobody declared."""

    id = fields.IntField(primary_key=True)
    contact_email = fields.CharField(max_length=254)
    created_at = fields.DatetimeField()

    class Meta:
        table = "privacy_leaky_fixture"
        app = "privacy_fixture"


def test_the_detector_catches_an_undeclared_email_column() -> None:
    assert undeclared([LeakyFixture]) == ["privacy_leaky_fixture.contact_email: looks like e-mail"]
    declared = Registry((Table("privacy_leaky_fixture", "fixture", "id",
                               (Column("contact_email", Category.IDENTITY, Erasure.DELETE),)),))
    assert undeclared([LeakyFixture], declared) == []


@pytest.mark.parametrize(("column", "field"), [
    ("phone", fields.CharField(max_length=20)), ("street", fields.CharField(max_length=20)),
    ("home_lat", fields.FloatField()), ("ip", fields.CharField(max_length=20)),
    ("user_agent", fields.CharField(max_length=20)), ("statement", fields.CharField(max_length=20)),
    ("date_of_birth", fields.DateField()), ("iban", fields.CharField(max_length=20)),
    ("token", fields.CharField(max_length=20)), ("data", fields.JSONField()),
    ("anything", fields.TextField()), ("legal_name", fields.CharField(max_length=20)),
])
def test_the_detector_knows_the_kinds_of_personal_data(column: str, field: fields.Field[object]) -> None:
    assert suspicion(column, field) is not None


@pytest.mark.parametrize("column", ["version", "created_at", "state", "currency", "amount", "kind", "rank"])
def test_the_detector_lets_plain_columns_pass(column: str) -> None:
    assert suspicion(column, fields.CharField(max_length=20)) is None


def test_every_declared_table_and_column_exists() -> None:
    tables = model_columns(app_models())
    wrong = []
    for t in REGISTRY.tables:
        columns = tables.get(t.name)
        if columns is None:
            wrong.append(f"{t.name}: no such table")
            continue
        named = [c.name for c in t.columns] + list(t.also_subjects)
        named += ["id"] if t.subject is None else ([] if t.subject == UNKEYED else [t.subject])
        if t.retention is not None:
            named += [t.retention.anchor, t.key]
        wrong += [f"{t.name}.{n}: no such column" for n in named if n not in columns]
    assert not wrong, "\n".join(wrong)


def test_allowed_columns_exist_and_are_not_also_declared() -> None:
    tables = model_columns(app_models())
    for table, column in ALLOWED:
        assert column in tables.get(table, {}), f"{table}.{column} is allowed but does not exist"
        assert not REGISTRY.declared(table, column), f"{table}.{column} is both allowed and declared"


def test_the_registry_refuses_inconsistent_declarations() -> None:
    held = Table("t", "c", "user_id", (Column("x", Category.FINANCIAL, Erasure.HOLD),))
    with pytest.raises(ValueError, match="legal hold"):
        Registry((held,))
    with pytest.raises(ValueError, match="reach"):
        Registry((Table("t", "c", UNKEYED, ()),))
    with pytest.raises(ValueError, match="declared twice"):
        Registry((Table("t", "c", None, ()), Table("t", "c", None, ())))


def test_the_record_of_processing_is_current() -> None:
    path = ROOT / "docs" / "privacy.md"
    assert path.read_text() == record_markdown(), "run `python -m domain.privacy.record --write docs/privacy.md`"
    assert record_main(["--check", str(path)]) == 0


def test_the_record_names_every_table_and_hold() -> None:
    text = record_markdown()
    for t in REGISTRY.tables:
        assert f"### `{t.name}`" in text
        if t.hold is not None:
            assert t.hold.reason in text
