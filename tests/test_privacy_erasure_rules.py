"""The erasure executor's reading of the registry (domain/privacy/erasure.py), checked against the
models without a database: what it would do to each declared column is possible."""

from __future__ import annotations

import pytest

from domain.privacy.declarations import REGISTRY
from domain.privacy.erasure import DELETED_USER, Needle, _pairs, deletes_rows, pseudonym, scrub_text
from domain.privacy.registry import Category, Column, Erasure
from tests.test_privacy_registry import app_models, model_columns

pytestmark = pytest.mark.unit


def test_a_table_either_loses_its_rows_or_keeps_them() -> None:
    """DELETE means the row goes: a table mixing it with rules that keep the row is ambiguous."""
    mixed = [t.name for t in REGISTRY.tables
             if any(c.erasure is Erasure.DELETE for c in t.columns) and not deletes_rows(t)]
    assert not mixed, f"mixes DELETE with rules that keep the row: {mixed}"


def test_nullified_columns_are_nullable_and_held_tables_keep_their_rows() -> None:
    columns = model_columns(app_models())
    not_null = [f"{t.name}.{c.name}" for t in REGISTRY.tables for c in t.columns
                if c.erasure is Erasure.NULLIFY and t.name in columns and c.name in columns[t.name]
                and not columns[t.name][c.name].null]
    assert not not_null, f"NULLIFY on NOT NULL columns: {not_null}"
    held_deleted = [t.name for t in REGISTRY.tables if t.hold is not None and deletes_rows(t)]
    assert not held_deleted, f"a legal hold on a table whose rows are deleted: {held_deleted}"


def test_keyed_tables_name_a_real_subject_column() -> None:
    columns = model_columns(app_models())
    missing = [f"{t.name}.{t.subject}" for t in REGISTRY.tables
               if t.keyed and t.name in columns and (t.subject or "id") not in columns[t.name]]
    assert not missing, missing


def test_placeholders() -> None:
    assert pseudonym(Column("email", Category.IDENTITY, Erasure.PSEUDONYMISE)).endswith("@invalid")
    assert pseudonym(Column("name", Category.IDENTITY, Erasure.PSEUDONYMISE)) == DELETED_USER
    assert pseudonym(Column("password_hash", Category.IDENTITY, Erasure.PSEUDONYMISE)) == "!erased"


def test_short_needles_change_whole_values_only() -> None:
    pairs = _pairs([Needle("Ann", DELETED_USER), Needle("12 Baker Street", "[removed]"),
                    Needle('Zoë "Z" Ortiz', DELETED_USER)])
    assert scrub_text("Annual report for Ann", pairs) == "Annual report for Ann"
    assert scrub_text("Ann", pairs) == DELETED_USER
    assert scrub_text('{"customer_name": "Ann", "title": "Annex"}', pairs) == \
        '{"customer_name": "Deleted user", "title": "Annex"}'
    assert scrub_text("meet at 12 Baker Street, flat 2", pairs) == "meet at [removed], flat 2"
    # Inside JSON a quote is escaped, and a non-ASCII letter may be too.
    assert scrub_text('{"n": "Zo\\u00eb \\"Z\\" Ortiz"}', pairs) == '{"n": "Deleted user"}'
    assert scrub_text('{"n": "Zoë \\"Z\\" Ortiz"}', pairs) == '{"n": "Deleted user"}'
