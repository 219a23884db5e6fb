"""Statement lines publish their ledger entry's kind as the named enum `LedgerEntryKind`: every
kind a writer posts must be in it, or a statement holding that entry could not be answered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from domain.finance.ledger.journal import HOLD_POSTED, HOLD_VOIDED, REVERSAL
from domain.finance.ledger.types import LedgerEntryKind

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
# `kind="..."` in a draft, the chargeback postings' `_post(..., "<kind>", who, ...)`, and the
# refund drafts' two kinds.
LITERAL_KIND = re.compile(r'kind="([a-z_]+)"')
CHARGEBACK_POST = re.compile(r'_post\(uow, case, [^,]+, "([a-z_]+)",')


def written_kinds() -> set[str]:
    found: set[str] = {
        HOLD_POSTED,
        HOLD_VOIDED,
        REVERSAL,
        "refund",
        "chargeback_lost",
        "chargeback_hold_released",
        "chargeback_hold_applied",
    }
    for path in (ROOT / "domain" / "finance").rglob("*.py"):
        text = path.read_text()
        found |= set(LITERAL_KIND.findall(text)) | set(CHARGEBACK_POST.findall(text))
    return found


def test_every_kind_a_writer_posts_is_a_ledger_entry_kind():
    kinds = written_kinds()
    assert len(kinds) > 15  # the scan found the writers
    assert kinds <= {k.value for k in LedgerEntryKind}, kinds - {k.value for k in LedgerEntryKind}
