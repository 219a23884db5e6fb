"""Reconciliation of the ledger against the gateway's balance transactions (issue 13 item 8)."""
