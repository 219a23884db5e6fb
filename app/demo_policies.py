"""Version 1 of the policy documents, for the demo dataset (and any fresh installation to start
from: an admin publishes the real texts with POST /v1/admin/policies). English, and German for the
privacy policy (a German reader of the others gets the English text). Never legal advice."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from domain.accounts.models import User
from domain.consent import policies
from domain.consent import services as consent
from domain.consent.models import ConsentChannel, PolicyKind, Purpose
from domain.shared.context import Actor

EFFECTIVE = datetime(2026, 1, 1, tzinfo=UTC)

V1: list[dict[str, Any]] = [
    {"kind": PolicyKind.TERMS, "version": 1, "locale": "en", "title": "Terms of service",
     "body": "# Terms of service\n\nFieldsync connects customers with service providers. Providers are responsible "
             "for their work; we hold payments until a booking completes and settle disputes by the published "
             "rules. You keep your account safe and tell the truth in listings, bids and reviews."},
    {"kind": PolicyKind.PRIVACY, "version": 1, "locale": "en", "title": "Privacy policy",
     "body": "# Privacy policy\n\nWe keep what running a booking needs (your account, bookings, messages and "
             "payments) for as long as the law and the service need it. Marketing, analytics and AI processing "
             "happen only with your consent, which you can withdraw at any time in the app. You can export or "
             "erase your data from your account settings."},
    {"kind": PolicyKind.PRIVACY, "version": 1, "locale": "de", "title": "Datenschutzerklärung",
     "body": "# Datenschutzerklärung\n\nWir speichern, was eine Buchung braucht (Konto, Buchungen, Nachrichten, "
             "Zahlungen), so lange Gesetz und Dienst es verlangen. Werbung, Analyse und KI-Verarbeitung nur mit "
             "Ihrer Einwilligung, die Sie jederzeit in der App widerrufen können."},
    {"kind": PolicyKind.COOKIES, "version": 1, "locale": "en", "title": "Cookie policy",
     "body": "# Cookie policy\n\nThe web app uses cookies to keep you signed in and to protect forms. Analytics "
             "cookies are set only with your `analytics` consent."},
    {"kind": PolicyKind.REFUNDS, "version": 1, "locale": "en", "title": "Refund policy",
     "body": "# Refund policy\n\nA booking cancelled before it is accepted costs nothing. After that, the "
             "provider's cancellation terms apply; a dispute opened within the release window holds the money "
             "until it is settled."},
]


async def ensure_policies(users: dict[str, User]) -> str:
    """The v1 texts, and the demo customer's acceptance of them and consent to marketing pushes
    (so the demo shows a ledger); idempotent."""
    created = await policies.seed(V1, EFFECTIVE)
    customer = users.get("customer")
    if customer is not None:
        actor = Actor(str(customer.id), frozenset(customer.roles))
        for kind in (PolicyKind.TERMS, PolicyKind.PRIVACY):
            await policies.accept(actor, kind.value, 1, "en", ConsentChannel.APP)
        await consent.change(actor, consent.ConsentChange({Purpose.MARKETING_PUSH.value: True}))
    return f"{created} policy documents"
