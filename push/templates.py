"""What notifications say, per locale: `{placeholders}` filled from the decision's values.

English first; another language is one more entry of TEMPLATES (missing keys fall back to
English, so a partial translation is safe). A device's locale ("pt-BR") is tried whole, then
its language ("pt"), then English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.shared.money import CURRENCY_EXPONENT

DEFAULT_LOCALE = "en"


@dataclass(frozen=True)
class Template:
    title: str
    body: str
    private_body: str | None = None  # used when the user asked for private previews


TEMPLATES: dict[str, dict[str, Template]] = {
    "en": {
        "message.new": Template("{sender}", "{preview}", private_body="New message from {sender}"),
        "message.new.many": Template("{sender}", "{count} new messages: {preview}",
                                     private_body="{count} new messages from {sender}"),
        "bid.received": Template("New bid on {job_title}", "{bidder} offered {amount}"),
        "bid.accepted": Template("Your bid was accepted", "{customer} accepted your bid on {job_title}"),
        "job.matched": Template("New job near you", "{job_title}"),
        "booking.requested": Template("New booking request", "{customer} asked for {what}"),
        "booking.accepted": Template("Booking accepted", "Your booking for {what} was accepted"),
        "booking.scheduled": Template("Booking scheduled", "{what} is scheduled for {when}"),
        "booking.started": Template("Work started", "Work on {what} has started"),
        "booking.completed": Template("Booking completed", "{what} is done. How did it go?"),
        "booking.cancelled": Template("Booking cancelled", "The booking for {what} was cancelled"),
        "booking.declined": Template("Booking declined", "The booking for {what} was declined"),
        "booking.expired": Template("Booking expired", "Nobody accepted the booking for {what} in time"),
        "payment.captured": Template("Payment secured", "{amount} for {what} is paid and held until the work is done"),
        "payment.released": Template("Payment released", "{amount} for {what} was released to the provider"),
        "payment.refunded": Template("Refund issued", "{amount} for {what} is on its way back to the card"),
        "payment.paid_out": Template("Paid out", "{amount} for {what} was sent to your account"),
        "payment.chargeback": Template("Chargeback", "The cardholder disputed {amount} for {what}; your next "
                                                     "releases are held up to that amount until the bank decides"),
        "payment.chargeback_closed": Template("Chargeback closed",
                                              "The bank decided the dispute of {amount} for {what}"),
        "dispute.opened": Template("Dispute opened", "A dispute about {what} needs your answer"),
        "dispute.entry_added": Template("Dispute updated", "The other side added to the dispute about {what}"),
        "dispute.escalated": Template("Dispute escalated", "The dispute about {what} went to our team"),
        "dispute.assigned": Template("Dispute assigned", "You were assigned the dispute about {what}"),
        "dispute.resolved": Template("Dispute resolved", "The dispute about {what} is decided"),
        "dispute.withdrawn": Template("Dispute withdrawn", "The dispute about {what} was withdrawn"),
        "dispute.reminder": Template("Dispute deadline soon", "The dispute about {what} needs you before {when}"),
        "verification.approved": Template("Document approved", "Your {label} is verified until {expires}"),
        "verification.rejected": Template("Document not accepted", "Your {label} was not accepted: {reason}"),
        "verification.reminder": Template("Document expiring", "Your {label} expires in {days_left} days "
                                          "({expires}): upload the renewal to keep getting this work"),
        "verification.lapsed": Template("Document expired", "Your {label} expired: work that needs it is paused "
                                        "until a renewal is approved"),
        "payout.paid": Template("Payout sent", "{amount} is on its way to your bank account"),
        "account.roles_changed": Template("Your account changed", "Your roles are now: {roles}"),
        "account.suspended": Template("Your account was suspended", "Contact support if you think this is wrong"),
        "account.reinstated": Template("Your account was reinstated", "Welcome back"),
        "org.invitation": Template("Invitation from {organisation}",
                                   "{inviter} invited you to join {organisation} as {role}. "
                                   "Accept or decline in the app."),
        "account.login_failures": Template("Failed sign-ins on your account",
                                           "Someone entered a wrong password for your account several times. "
                                           "If it was not you, change your password."),
    },
}


def locale_chain(locale: str | None) -> list[str]:
    chain: list[str] = []
    if locale:
        normal = locale.replace("_", "-")
        chain += [normal, normal.split("-", 1)[0].lower()]
    chain.append(DEFAULT_LOCALE)
    return [name for index, name in enumerate(chain) if name not in chain[:index]]


class _Values(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""  # a template never fails on a value the event did not carry


def render(key: str, values: dict[str, Any], *, locale: str | None = None,
           private: bool = False) -> tuple[str, str]:
    """(title, body) of template `key` in the best locale available."""
    for name in locale_chain(locale):
        template = TEMPLATES.get(name, {}).get(key)
        if template is not None:
            break
    else:
        raise KeyError(f"no template {key!r}")
    body = template.private_body if private and template.private_body else template.body
    filled = _Values(values)
    return template.title.format_map(filled).strip(), body.format_map(filled).strip()


def money_text(amount: int, currency: str) -> str:
    """12345 USD -> "123.45 USD" (minor units by the currency's exponent)."""
    exponent = CURRENCY_EXPONENT.get(currency, 2)
    if exponent == 0:
        return f"{amount} {currency}"
    sign = "-" if amount < 0 else ""
    whole, minor = divmod(abs(amount), 10**exponent)
    return f"{sign}{whole}.{minor:0{exponent}d} {currency}"


def preview(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
