"""Chargebacks (the gateway's disputes), transfer reversals after a refund, and the holds a
chargeback puts on a provider's next releases (docs/finance.md, "Chargebacks")."""
