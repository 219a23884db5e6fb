"""The scam screen (domain/messaging/screening.py, acceptance 4): every rule flags its positive
examples, and a corpus of ordinary marketplace messages passes without a single flag."""

from __future__ import annotations

import pytest

from domain.messaging.screening import RULES, ScreenContext, is_card_number, is_iban, screen

BEFORE = ScreenContext(has_booking=False)
AFTER = ScreenContext(has_booking=True)

POSITIVES: dict[str, list[str]] = {
    "off_platform_payment": [
        "Pay me directly and I'll knock 10% off.",
        "Cash only outside the app, it's cheaper for both of us.",
        "I can do it for less if we settle outside the platform.",
        "Please send the deposit by Western Union.",
        "I accept payment in gift cards, Steam or iTunes cards are fine.",
        "Can you pay with bitcoin? My wallet is ready.",
        "Send the money via wire transfer before I come.",
        "Let's skip the app fees, just pay me in cash on the day.",
        "Don't pay through the app, they take a cut.",
        "I only accept cash, no card.",
        "Payment by Zelle or Venmo please.",
        "You can transfer the fee with USDT.",
    ],
    "payment_details": [
        "My IBAN is DE89 3704 0044 0532 0130 00, send it there.",
        "Transfer to GB82WEST12345698765432 today.",
        "Just give me your card number and I'll book the parts.",
        "Card: 4111 1111 1111 1111 exp 12/27",
        "Use 5555-5555-5555-4444 for the payment.",
        "Routing number 021000021, account number 123456789.",
        "What's the CVV on the back?",
        "Send me your bank details so I can refund you.",
        "Our sort code is 20-00-00.",
        "Swift code BOFAUS3N please.",
    ],
    "contact_before_booking": [
        "Call me on 07911 123456 to discuss.",
        "My number is +44 20 7946 0958.",
        "Text me at (555) 123-4567.",
        "Reach me at 555-123-4567 anytime.",
        "Email me: joe.plumber@gmail.com",
        "write to joe at gmail dot com",
        "Add me on WhatsApp, it's quicker.",
        "Message me on Telegram.",
        "I'm on signal, same name.",
        "Ring 0044 7700 900123 tonight.",
    ],
    "suspicious_link": [
        "See my reviews here: bit.ly/3xYzAbc",
        "Photos at https://tinyurl.com/abc123",
        "Pay the deposit at http://192.168.4.20/pay",
        "Log in at https://fieldsync-secure.com/login to confirm.",
        "Confirm here: https://paypa1.com/verify",
        "Your refund: http://xn--pypal-4ve.com/refund",
        "Go to https://p\u0430ypal.com/account (check it)",  # a Cyrillic a
        "Open https://www.paypal.com@evil.example/login",
        "Quote details: https://amaz0n-billing.net/q/1",
        "Visit 203.0.113.7:8080/invoice for the invoice",
    ],
    "urgency_pressure": [
        "Act now: the $50 deposit secures your slot.",
        "Pay within the hour or I give the job to someone else.",
        "Last chance to get this price, send the payment today.",
        "Transfer the fee immediately or the booking is cancelled.",
        "Today only: 40% off if you pay the deposit.",
        "Send the money now or lose your slot.",
        "Limited time offer, pay €100 upfront.",
        "Final notice: your payment is overdue.",
    ],
}

# (message, booking exists) — ordinary marketplace talk that must never be flagged.
ORDINARY: list[tuple[str, bool]] = [
    ("Hi! The pipe under the kitchen sink leaks, can you take a look?", False),
    ("How much would you charge to fix a dripping tap?", False),
    ("My budget is around $120, is that realistic?", False),
    ("I can do it for 85 dollars including parts.", False),
    ("The price is €95, parts included.", False),
    ("Is Tuesday at 10:30 okay for you?", False),
    ("I'm free between 9 and 12 on Saturday.", False),
    ("Could you come on 2025-03-14 in the morning?", False),
    ("Would 14.03.2025 work? Any time after 2pm.", False),
    ("It's urgent, water is everywhere! Can someone come today?", False),
    ("I can be there within the hour.", False),
    ("The job usually takes 2-3 hours.", False),
    ("Do you bring your own tools or should I buy anything?", False),
    ("I'll need a 15mm compression fitting, about 12.50 at the shop.", False),
    ("The boiler is a Worcester 30i, about 8 years old.", False),
    ("The flat is on the 3rd floor, there's no lift, sorry!", False),
    ("Our address is 221B Baker Street, London NW1 6XE.", False),
    ("The gate code will be in the booking notes.", False),
    ("Thanks for the swift reply!", False),
    ("Sorry, no signal in the basement, I'll reply later.", False),
    ("Please park on the left side of the driveway.", False),
    ("We have a dog but he's friendly.", False),
    ("Can you also check the radiator in the bedroom?", False),
    ("The last plumber left a mess, I hope you're tidier :)", False),
    ("How many years of experience do you have with gas boilers?", False),
    ("Are you certified for electrical work?", False),
    ("I've attached photos of the damage.", False),
    ("The ceiling stain is about 40 x 60 cm.", False),
    ("I'd like a quote for painting two rooms, roughly 25 m2 each.", False),
    ("Do you offer a warranty on the repair?", False),
    ("Great, I've accepted your bid!", False),
    ("Could you lower the price to 150? That's my limit.", False),
    ("I'll pay through the app as usual once it's done.", False),
    ("I found your service on google.com/maps, great reviews.", False),
    ("The manual is on https://www.bosch-home.com/service if that helps.", False),
    ("My order reference for the parts is #48213.", False),
    ("The unit model number is WM14T790GB.", False),
    ("It's flat 4, 22 Elm Road, ring twice.", False),
    ("Can you do 8 am? I leave for work at 9.", False),
    ("We need two sockets installed, 1.5 m apart.", False),
    ("Last time it cost 200 and took a whole day.", False),
    ("The shower pressure dropped since 2019.", False),
    ("Hurry up and come please, the kitchen is flooding!", False),
    ("This is my last chance to ask before the weekend: do you work Sundays?", False),
    ("Thanks, see you tomorrow!", False),
    ("I'm running 10 minutes late, traffic on the A40.", True),
    ("Call me when you arrive, my number is 07911 123456.", True),
    ("Here's my email for the invoice copy: anna.k@example.com", True),
    ("Ring the bell at 555-123-4567 intercom if the gate is shut.", True),
    ("I'm outside, the blue van.", True),
    ("Job done, the leak is fixed. Please leave a review!", True),
    ("Payment went through in the app, thanks a lot.", True),
    ("Could you send an invoice for my records?", True),
    ("The tip is on the table, thank you!", True),
    ("Left the old tap in the garage.", True),
    ("My account on the app still shows the booking as scheduled.", True),
    ("Can I pay the remaining 40 after you finish?", True),
]


def test_the_corpus_is_big_enough():
    assert len(ORDINARY) >= 50


@pytest.mark.parametrize(("reason", "text"), [(r, t) for r, texts in POSITIVES.items() for t in texts])
def test_each_rule_flags_its_positive_examples(reason: str, text: str):
    assert RULES[reason](text, BEFORE), text
    assert reason in screen(text, BEFORE)


@pytest.mark.parametrize(("text", "has_booking"), ORDINARY)
def test_ordinary_messages_are_not_flagged(text: str, has_booking: bool):
    assert screen(text, ScreenContext(has_booking=has_booking)) == []


def test_contact_details_are_fine_once_a_booking_exists():
    for text in POSITIVES["contact_before_booking"]:
        assert "contact_before_booking" not in screen(text, AFTER), text


def test_the_other_rules_apply_after_a_booking_too():
    assert screen("Pay me directly via Western Union.", AFTER) == ["off_platform_payment"]
    assert "payment_details" in screen("IBAN: GB82WEST12345698765432", AFTER)


def test_checksums_decide_what_counts_as_a_card_or_an_iban():
    assert is_card_number("4111 1111 1111 1111")
    assert not is_card_number("4111 1111 1111 1112")  # Luhn fails
    assert not is_card_number("1234 5678 9012 3452")  # Luhn passes, no card network starts with 1
    assert is_iban("DE89 3704 0044 0532 0130 00")
    assert not is_iban("DE88 3704 0044 0532 0130 00")  # wrong check digits
    assert screen("Card 4111 1111 1111 1112 declined at the shop, used cash", AFTER) == []


def test_attachment_names_are_screened_with_the_body():
    assert screen("see attached", BEFORE, extra=("pay-here bit.ly/x",)) == ["suspicious_link"]
