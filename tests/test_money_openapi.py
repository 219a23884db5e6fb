"""The money routes in the published OpenAPI (GET /v1/openapi.json), as docs/money-api.md lists
them for app developers: every one is there, with typed request and response schemas, money as
`{amount, currency}`, problem documents for its errors, and Idempotency-Key on its POSTs."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

# Method and path of every money route docs/money-api.md documents (the payee routes for `{payee}`).
MONEY_ROUTES = [
    ("post", "/v1/quotes"),
    ("post", "/v1/bookings/{booking_id}/checkout"),
    ("get", "/v1/bookings/{booking_id}/payment"),
    ("get", "/v1/payment-cases/{case_id}"),
    ("post", "/v1/payment-cases/{case_id}/refund"),
    ("post", "/v1/payment-cases/{case_id}/release"),
    ("get", "/v1/bookings/{booking_id}/documents"),
    ("post", "/v1/payees/{payee}/onboarding"),
    ("post", "/v1/payees/{payee}/onboarding/refresh"),
    ("get", "/v1/payees/{payee}/payout-account"),
    ("get", "/v1/payees/{payee}/payout-preferences"),
    ("put", "/v1/payees/{payee}/payout-preferences"),
    ("post", "/v1/payees/{payee}/payouts"),
    ("get", "/v1/payees/{payee}/payouts"),
    ("get", "/v1/payees/{payee}/balance"),
    ("get", "/v1/me/finance/balances"),
    ("get", "/v1/me/finance/statement"),
    ("get", "/v1/orgs/{org_id}/finance/balances"),
    ("get", "/v1/orgs/{org_id}/finance/statement"),
    ("get", "/v1/orgs/{org_id}/crew-split"),
    ("put", "/v1/orgs/{org_id}/crew-split"),
    ("post", "/v1/admin/promo-credits"),
]


def _schema(spec: dict[str, Any], ref_or_schema: dict[str, Any]) -> dict[str, Any]:
    ref = ref_or_schema.get("$ref")
    if ref is None:
        return ref_or_schema
    found: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        found = found[part]
    return dict(found)


async def test_every_money_route_is_published_with_schemas(client: TestClient) -> None:
    spec = await (await client.get("/v1/openapi.json")).json()
    paths = spec["paths"]
    missing = [(method, path) for method, path in MONEY_ROUTES if method not in paths.get(path, {})]
    assert not missing, f"money routes missing from the OpenAPI document: {missing}"
    for method, path in MONEY_ROUTES:
        op = paths[path][method]
        assert op.get("summary"), (method, path)
        success = next(v for k, v in op["responses"].items() if k.startswith("2"))
        body = _schema(spec, success["content"]["application/json"]["schema"])
        assert body.get("properties"), (method, path, "response without a schema")
        for code, answer in op["responses"].items():
            if code.startswith(("4", "5")):
                assert "application/problem+json" in _schema(spec, answer).get("content", {}), (method, path, code)
        if method in ("post", "put") and "requestBody" in op:
            request = _schema(spec, op["requestBody"]["content"]["application/json"]["schema"])
            assert request.get("properties") is not None, (method, path, "request without a schema")
        if method == "post":
            headers = {p["name"] for p in op.get("parameters", []) if p.get("in") == "header"}
            assert "Idempotency-Key" in headers, (method, path)


async def test_money_is_an_amount_in_minor_units_and_a_currency(client: TestClient) -> None:
    spec = await (await client.get("/v1/openapi.json")).json()
    checkout = spec["paths"]["/v1/bookings/{booking_id}/checkout"]["post"]
    case = _schema(spec, checkout["responses"]["201"]["content"]["application/json"]["schema"])
    for name in ("amount", "promo_credit", "charged", "captured", "refunded", "released", "held"):
        money = _schema(spec, case["properties"][name])
        assert set(money["required"]) == {"amount", "currency"} and money["properties"]["amount"]["type"] == "integer"
    request = _schema(spec, checkout["requestBody"]["content"]["application/json"]["schema"])
    assert request["properties"]["use_promo_credit"]["default"] is True
    quote = _schema(spec, spec["paths"]["/v1/quotes"]["post"]["responses"]["200"]["content"]["application/json"]
                    ["schema"])
    assert {"customer_total", "promo_credit", "to_pay"} <= set(quote["properties"])
