"""What each party sees of the money (issue 13 item 10): balances and statements computed from
the ledger, receipts and invoices with gap-free numbers per issuer, the admin finance report,
seller tax data and the annual export of reportable sellers."""
