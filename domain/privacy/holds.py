"""The legal holds of the personal-data registry (declarations.py and its parts), named once."""

from __future__ import annotations

from domain.privacy.registry import LegalHold

# The legal holds, named once: a table under one keeps its held columns (pseudonymised where
# possible) past an erasure request, for the reason and the years given.
TAX_RECORDS = LegalHold("commercial and tax law: bookkeeping records and invoices (HGB §257, AO §147)", 10)
DISPUTE_EVIDENCE = LegalHold("an open or decided dispute: evidence for legal claims (limitation period)", 4)
ACCOUNTABILITY = LegalHold("accountability of privileged actions: the append-only audit trail (Art. 5(2))", 6)
ANCHOR = LegalHold("the pseudonymised account row anchors records kept under the other holds", 10)
