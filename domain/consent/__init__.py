"""Consent (purposes a user grants and withdraws, an append-only ledger) and the versioned policy
documents (terms, privacy, cookies, refunds) with their acceptances (issue 18)."""
