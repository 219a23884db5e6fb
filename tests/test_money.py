"""Money primitives and the price breakdown (pure: no database): exponents, major-unit strings
at the edges, largest-remainder allocation, and breakdowns that add up to the minor unit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from domain.finance.pricing.breakdown import (
    Breakdown,
    CancellationTerms,
    PayeeWeight,
    Rates,
    TaxParty,
    cancellation_fee,
    compute,
)
from domain.finance.pricing.rules import DEFAULT_CANCELLATION
from domain.shared.errors import Conflict
from domain.shared.money import (
    CURRENCY_EXPONENT,
    THREE_DECIMAL,
    ZERO_DECIMAL,
    CurrencyMismatch,
    Money,
    allocate,
    format_major,
    parse_major,
)
from rest.schemas.common import Currency

CURRENCIES = ["JPY", "GBP", "KWD"]  # exponents 0, 2, 3


def test_the_exponent_table_follows_stripe() -> None:
    assert {c: CURRENCY_EXPONENT[c] for c in ("JPY", "KRW", "VND", "CLP", "UGX", "GBP", "USD", "KWD", "BHD")} == {
        "JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "UGX": 0, "GBP": 2, "USD": 2, "KWD": 3, "BHD": 3}
    assert set("BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split()) == ZERO_DECIMAL
    assert set("BHD JOD KWD OMR TND".split()) == THREE_DECIMAL
    for unclear in ("ISK", "HUF", "TWD", "XXX"):  # Stripe's special cases: refused until checked
        assert unclear not in CURRENCY_EXPONENT
        with pytest.raises(ValueError):
            Money(1, unclear)
    # The REST edge accepts exactly the currencies the domain can price.
    assert set(get_args(Currency)) == set(CURRENCY_EXPONENT)


def test_money_stays_integer_and_same_currency() -> None:
    with pytest.raises(TypeError):
        Money(1.5, "GBP")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True, "GBP")
    with pytest.raises(CurrencyMismatch):
        Money(1, "GBP") + Money(1, "USD")
    assert Money(1000, "GBP").share(1500) == Money(150, "GBP")
    assert Money(5, "GBP").share(5000) == Money(3, "GBP")  # half away from zero
    assert Money(-5, "GBP").share(5000) == Money(-3, "GBP")


@pytest.mark.parametrize(("text", "currency", "amount"), [
    ("500", "JPY", 500), ("500.0", "JPY", 500), ("12.5", "GBP", 1250), ("12.50", "GBP", 1250), ("0.01", "GBP", 1),
    ("1.250", "KWD", 1250), ("1.25", "KWD", 1250), ("-3.125", "KWD", -3125), (" 7 ", "USD", 700),
    ("12.500", "GBP", 1250),
])
def test_major_unit_strings_parse_exactly(text: str, currency: str, amount: int) -> None:
    assert parse_major(text, currency) == Money(amount, currency)


@pytest.mark.parametrize(("text", "currency"), [
    ("1.5", "JPY"), ("1.234", "GBP"), ("1.2345", "KWD"), ("1e3", "GBP"), ("", "GBP"), ("12,50", "EUR"),
    ("nan", "GBP"), ("0x10", "GBP"), ("1.", "GBP"), (".5", "GBP"), ("5", "ISK"), ("1" * 19, "GBP"),
])
def test_bad_major_unit_strings_are_refused(text: str, currency: str) -> None:
    with pytest.raises(ValueError):
        parse_major(text, currency)


def test_formatting_shows_the_currency_decimals() -> None:
    assert format_major(Money(500, "JPY")) == "500"
    assert format_major(Money(1250, "GBP")) == "12.50"
    assert format_major(Money(5, "GBP")) == "0.05"
    assert format_major(Money(-5, "GBP")) == "-0.05"
    assert format_major(Money(1250, "KWD")) == "1.250"


@given(st.integers(-10**15, 10**15), st.sampled_from(sorted(CURRENCY_EXPONENT)))
def test_format_and_parse_round_trip(amount: int, currency: str) -> None:
    money = Money(amount, currency)
    assert parse_major(format_major(money), currency) == money


def test_allocation_gives_leftover_units_to_the_largest_remainders_then_the_earlier_payee() -> None:
    assert allocate(Money(100, "GBP"), [1, 1, 1]) == [Money(34, "GBP"), Money(33, "GBP"), Money(33, "GBP")]
    assert allocate(Money(101, "GBP"), [1, 1, 1]) == [Money(34, "GBP"), Money(34, "GBP"), Money(33, "GBP")]
    # 5 x 3/10 = 1.5, 5 x 7/10 = 3.5: equal remainders, the earlier payee wins the unit.
    assert allocate(Money(5, "JPY"), [3, 7]) == [Money(2, "JPY"), Money(3, "JPY")]
    # Largest remainder beats position: 10 x 1/6 = 1.67, 10 x 5/6 = 8.33.
    assert allocate(Money(10, "JPY"), [1, 5]) == [Money(2, "JPY"), Money(8, "JPY")]
    assert allocate(Money(7, "GBP"), [0, 1]) == [Money(0, "GBP"), Money(7, "GBP")]
    assert allocate(Money(-100, "GBP"), [1, 1, 1]) == [Money(-34, "GBP"), Money(-33, "GBP"), Money(-33, "GBP")]
    for bad in ([], [0, 0], [-1, 2], [1.5]):
        with pytest.raises(ValueError):
            allocate(Money(1, "GBP"), bad)  # type: ignore[arg-type]


@settings(max_examples=400)
@given(st.integers(-10**13, 10**13), st.lists(st.integers(0, 10_000), min_size=1, max_size=8),
       st.sampled_from(CURRENCIES))
def test_allocation_adds_up_and_stays_within_one_unit(amount: int, weights: list[int], currency: str) -> None:
    assume(sum(weights) > 0)
    parts = allocate(Money(amount, currency), weights)
    assert sum(p.amount for p in parts) == amount
    whole = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        exact_times_whole = amount * weight  # the exact share is this / whole
        assert abs(part.amount * whole - exact_times_whole) < whole  # less than one unit away
        assert weight > 0 or part.amount == 0


def _rates(commission: int, tax: int, fee_vat: int, owed: TaxParty = TaxParty.PLATFORM) -> Rates:
    return Rates(commission_bps=commission, service_tax_bps=tax, service_tax_owed_by=owed, fee_vat_bps=fee_vat,
                 jurisdiction="*")


def _payees(weights: list[int]) -> list[PayeeWeight]:
    return [PayeeWeight(f"user:{i}", w) for i, w in enumerate(weights)]


@settings(max_examples=500)
@given(st.integers(0, 10**12), st.integers(0, 10_000), st.integers(0, 10_000), st.integers(0, 10_000),
       st.lists(st.integers(0, 100), min_size=1, max_size=5), st.sampled_from(CURRENCIES))
def test_every_breakdown_adds_up_to_the_minor_unit(price: int, commission: int, tax: int, fee_vat: int,
                                                   weights: list[int], currency: str) -> None:
    assume(sum(weights) > 0)
    money = Money(price, currency)
    try:
        b = compute(money, _rates(commission, tax, fee_vat), _payees(weights), DEFAULT_CANCELLATION)
    except Conflict:
        # Only when fee + VAT on it exceed the price (commission and fee VAT both near 100 %).
        fee = money.share(commission)
        assert fee.amount + fee.share(fee_vat).amount > price
        return
    assert b.customer_total == b.platform_fee + b.fee_vat + b.service_tax + b.payees_total
    assert b.customer_total == money + b.service_tax
    assert len(b.payees) == len(weights) and all(s.amount.amount >= 0 for s in b.payees)
    assert all(m.currency == currency and isinstance(m.amount, int)
               for m in (b.price, b.service_tax, b.platform_fee, b.fee_vat, b.customer_total))
    assert abs(b.platform_fee.amount * 10_000 - price * commission) <= 5_000  # half a unit at most
    assert Breakdown.from_dict(b.as_dict()) == b


def test_jpy_500_stays_500() -> None:
    b = compute(Money(500, "JPY"), _rates(1500, 500, 0), _payees([1]), DEFAULT_CANCELLATION)
    body = b.as_dict()
    assert body["price"] == {"amount": 500, "currency": "JPY"}
    assert (b.platform_fee.amount, b.service_tax.amount, b.customer_total.amount, b.payees[0].amount.amount) == (
        75, 25, 525, 425)


def test_default_rates_reproduce_the_old_fixed_pricing() -> None:
    b = compute(Money(10_000, "GBP"), _rates(1500, 500, 0), _payees([1]), DEFAULT_CANCELLATION)
    assert (b.platform_fee.amount, b.service_tax.amount, b.customer_total.amount, b.payees_total.amount) == (
        1500, 500, 10_500, 8500)


def test_vat_on_the_fee_comes_out_of_the_providers_share() -> None:
    b = compute(Money(10_000, "GBP"), _rates(1500, 2000, 2000, TaxParty.SELLER), _payees([2, 1]),
                DEFAULT_CANCELLATION)
    assert (b.platform_fee.amount, b.fee_vat.amount, b.service_tax.amount, b.customer_total.amount) == (
        1500, 300, 2000, 12_000)
    assert [s.amount.amount for s in b.payees] == [5467, 2733]  # 8200 x 2/3 = 5466.67: the leftover unit
    assert b.as_dict()["tax_owed"] == {"service_tax": "seller", "fee_vat": "platform"}


START = datetime(2030, 6, 1, 12, tzinfo=UTC)


def test_cancellation_is_free_until_the_cutoff_then_costs_the_share() -> None:
    terms = CancellationTerms(free_until_hours=24, fee_bps=5000, provider_share_bps=8000)
    b = compute(Money(10_001, "GBP"), _rates(1500, 500, 0), _payees([1, 1]), terms)
    assert b.customer_total.amount == 10_501
    free = cancellation_fee(b, START, START - timedelta(hours=24))
    assert free.free and free.fee.amount == 0 and free.refund == b.customer_total
    late = cancellation_fee(b, START, START - timedelta(hours=23, minutes=59))
    assert not late.free
    assert late.fee.amount == 5251  # 10,501 x 50 % = 5250.5, half up
    assert late.refund.amount == 10_501 - 5251
    assert late.to_platform.amount == 1050 and [s.amount.amount for s in late.to_payees] == [2101, 2100]
    assert cancellation_fee(b, None, START).free  # on demand: no start, no cutoff


@settings(max_examples=300)
@given(st.integers(0, 10**10), st.integers(0, 72), st.integers(0, 10_000), st.integers(0, 10_000),
       st.lists(st.integers(1, 10), min_size=1, max_size=5), st.integers(-100, 100), st.sampled_from(CURRENCIES))
def test_cancellation_fee_always_adds_up(price: int, hours: int, fee_bps: int, provider_bps: int,
                                         weights: list[int], offset_hours: int, currency: str) -> None:
    terms = CancellationTerms(hours, fee_bps, provider_bps)
    b = compute(Money(price, currency), _rates(1500, 500, 0), _payees(weights), terms)
    result = cancellation_fee(b, START, START + timedelta(hours=offset_hours))
    assert result.fee + result.refund == b.customer_total
    assert result.to_payees_total + result.to_platform == result.fee
    assert result.free == (offset_hours <= -hours)
