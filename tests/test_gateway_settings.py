"""Which payment gateway a deployment may use: the sandbox never in production, Stripe only
with its keys, and production talks to Stripe over https only."""

from __future__ import annotations

import pytest

from app.finance_wiring import make_gateway
from app.settings import SettingsError, load_settings
from domain.finance.gateway.sandbox import SandboxGateway
from infra.stripe_gateway import StripeGateway
from tests.test_settings import PRODUCTION


def production(**changes: str) -> dict[str, str]:
    return {name.lower(): value for name, value in {**PRODUCTION, **changes}.items()}


def test_production_refuses_the_sandbox_gateway() -> None:
    with pytest.raises(SettingsError, match="PAYMENT_GATEWAY must be stripe in production"):
        load_settings(**production(PAYMENT_GATEWAY="sandbox"))


def test_stripe_needs_its_secret_key_and_webhook_secret() -> None:
    with pytest.raises(SettingsError, match="STRIPE_SECRET_KEY"):
        load_settings(**production(STRIPE_SECRET_KEY=""))
    with pytest.raises(SettingsError, match="STRIPE_WEBHOOK_SECRET"):
        load_settings(**production(STRIPE_WEBHOOK_SECRET="not-a-whsec"))
    with pytest.raises(SettingsError, match="STRIPE_SECRET_KEY"):  # in development too: it could not work
        load_settings(payment_gateway="stripe")


def test_production_talks_to_stripe_over_https_only() -> None:
    with pytest.raises(SettingsError, match="https"):
        load_settings(**production(STRIPE_CONNECT_API_BASE="http://127.0.0.1:12111"))
    with pytest.raises(SettingsError, match="base address"):
        load_settings(**production(STRIPE_API_BASE="https://api.stripe.com/v1"))


def test_the_settings_choose_the_gateway() -> None:
    assert isinstance(make_gateway(load_settings()), SandboxGateway)  # the demo default
    settings = load_settings(**production())
    assert settings.stripe_api_base == "https://api.stripe.com" and settings.stripe_connect_api_base is None
    assert isinstance(make_gateway(settings), StripeGateway)
