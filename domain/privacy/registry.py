"""The vocabulary of the personal-data registry (docs/privacy.md is generated from it).

Every table that holds personal data is declared once (declarations.py) with: whose data a row
is (the subject column), which bounded context owns it, and per column its category, whether it
goes into an export and what erasure does to it. A table may carry a retention rule and a legal
hold. Tables and columns are named as in the database (not by model import) so the registry can
cover infrastructure tables (sync op log, outbox, push devices) without crossing the layers;
tests/test_privacy_registry.py checks every declared name against the Tortoise models and fails
on an undeclared column that looks personal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    IDENTITY = "identity"  # name, e-mail, photo, date of birth
    CONTACT = "contact"  # phone, postal address
    LOCATION = "location"  # coordinates, service address
    CONTENT = "content"  # free text the person wrote: messages, reviews, descriptions
    FINANCIAL = "financial"  # payment and payout details, amounts tied to a person
    GOVERNMENT_ID = "government_id"  # tax ids, document numbers
    NETWORK = "network"  # ip addresses, user agents
    DEVICE = "device"  # push tokens, device ids, platform
    BEHAVIOUR = "behaviour"  # presence, activity, consents given
    SPECIAL = "special"  # verification documents, selfies (Art. 9 risk)
    COPY = "copy"  # JSON copies of rows or events (row images, event bodies): whatever the copied row holds


class Erasure(StrEnum):
    DELETE = "delete"  # the whole row goes
    NULLIFY = "nullify"  # the column becomes NULL
    PSEUDONYMISE = "pseudonymise"  # replaced by a stable placeholder ("deleted user", a keyed hash)
    REDACT = "redact"  # free text replaced by a fixed "[removed]" marker (JSON: emptied)
    HOLD = "hold"  # kept under a legal hold (the table's hold gives the reason); pseudonymised where possible


class Basis(StrEnum):
    """Art. 6 lawful basis, for the record of processing."""

    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"


@dataclass(frozen=True)
class Column:
    name: str
    category: Category
    erasure: Erasure
    export: bool = True  # goes into the data-subject export (Art. 15/20)
    doc: str = ""


@dataclass(frozen=True)
class Retention:
    """Rows older than `days` (by `anchor`, a timestamp column) are purged; `where` narrows it
    to rows that are finished (SQL over the table's own columns, both dialects).

    `by` names another job that already enforces this schedule with rules of its own (the sync
    compaction, the push sweep): the record of processing lists it, the daily purge
    (domain/privacy/retention.py) leaves the table to that job."""

    days: float
    anchor: str
    where: str = ""
    by: str = ""


@dataclass(frozen=True)
class LegalHold:
    reason: str  # why the row outlives an erasure request, e.g. "tax law: 10 years (HGB §257)"
    years: int


UNKEYED = ""  # Table.subject of a table no column of which names the person (see Table.reach)


@dataclass(frozen=True)
class Table:
    name: str  # the database table
    context: str  # the bounded context that owns it ("accounts", "messaging", "sync", ...)
    # The column naming the person the row is about (None: the row IS the person, via "id";
    # UNKEYED: no column names them, `reach` says how their rows are found).
    subject: str | None
    columns: tuple[Column, ...]
    basis: Basis = Basis.CONTRACT
    purpose: str = ""
    retention: Retention | None = None
    hold: LegalHold | None = None
    also_subjects: tuple[str, ...] = field(default=())  # other columns naming people the row is also about
    # How `subject` (and `also_subjects`) hold a person's id: "{id}" the bare id (uuid or text),
    # "user:{id}" an owner string such as the finance tables' payee keys.
    subject_format: str = "{id}"
    reach: str = ""  # UNKEYED tables: how the rows about a person are found (copies of other rows, ...)
    key: str = "id"  # the primary key column: the retention purge names rows by it

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def keyed(self) -> bool:
        """A column (or the row's id) names the person: erasure and export filter on it."""
        return self.subject != UNKEYED

    def subject_value(self, user_id: object) -> str:
        """The value the subject columns hold for this person (for subject_format "user:{id}" and text ids)."""
        return self.subject_format.format(id=user_id)


class Registry:
    def __init__(self, tables: tuple[Table, ...]) -> None:
        names = [t.name for t in tables]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ValueError(f"declared twice in the personal-data registry: {sorted(duplicates)}")
        for t in tables:
            if t.subject == UNKEYED and not t.reach:
                raise ValueError(f"{t.name}: an unkeyed table says how its rows are found (reach)")
            held = [c.name for c in t.columns if c.erasure is Erasure.HOLD]
            if held and t.hold is None:
                raise ValueError(f"{t.name}: columns {held} are held, but the table gives no legal hold")
            names_ = [c.name for c in t.columns]
            if len(set(names_)) != len(names_):
                raise ValueError(f"{t.name}: a column declared twice")
        self.tables = tables
        self._by_name = {t.name: t for t in tables}

    def table(self, name: str) -> Table | None:
        return self._by_name.get(name)

    def declared(self, table: str, column: str) -> bool:
        found = self._by_name.get(table)
        return found is not None and found.column(column) is not None

    def contexts(self) -> list[str]:
        return sorted({t.context for t in self.tables})

    def exported(self) -> list[Table]:
        return [t for t in self.tables if any(c.export for c in t.columns)]

    def with_retention(self) -> list[Table]:
        return [t for t in self.tables if t.retention is not None]

    def purged(self) -> list[Table]:
        """The tables the daily purge deletes from (retention not left to another job)."""
        return [t for t in self.tables if t.retention is not None and not t.retention.by]

    def in_context(self, context: str) -> list[Table]:
        return [t for t in self.tables if t.context == context]
