"""The payment gateway port (port.py), the in-process sandbox gateway (sandbox.py), webhook
signatures (signing.py) and the webhook inbox (inbox.py). The Stripe adapter is an outbound
adapter over an HTTP client, so it lives in infra/stripe_gateway.py."""
