"""Acceptance 5 of issue 4: schemathesis over the WHOLE /v1/openapi.json of the real app (built
by the same build_app, served on a real port, on PostgreSQL). No request may get a 5xx, and
every response must match the spec: a documented status code, the documented content type,
documented headers, a body valid against its schema.

The world is the demo seed (app/seed.py), so generated requests reach real resources: path
ids and a few body references are drawn from the seeded ids most of the time (schemathesis
dictionaries), generated otherwise. Two stateless passes with a fixed seed, derandomized
generation and a bounded number of examples per operation, so CI runs are reproducible:
- wide: every operation as the demo customer (who owns bookings and jobs), with the
  coverage phase (boundary and just-out-of-bounds values) and positive and negative data;
- deep: the authenticated operations as the demo admin (who may do almost anything), with
  valid data only, to get past validation into the domain code (tests/test_openapi_fuzz_deep.py).
Below them, plain tests pin what the fuzz found.
"""

from __future__ import annotations

import importlib
import inspect
import time
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from app.seed import DEMO_PASSWORD, demo_email, populate
from domain.accounts.models import MfaTotp, Organisation, User
from domain.accounts.passwords import Argon2Params, Passwords
from domain.bookings.models import Booking
from domain.catalog.models import Service
from domain.finance.cases.models import PaymentCase
from domain.jobs.models import Bid, Job
from domain.reviews.models import Review
from domain.zones.models import Zone
from tests.conftest import AppFactory
from tests.support.fuzz import fuzz_apart
from tests.support.identity import make_admin, register

pytestmark = pytest.mark.timeout(300)

SEED = 20261123
MAX_EXAMPLES = {"wide": 10, "deep": 20}  # per operation and phase
ID_PROBABILITY = 0.75  # how often an id is a seeded one rather than a generated one
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)


def fuzz_config(base_url: str, email: str, ids: dict[str, list[str]], *, edges: bool) -> dict[str, Any]:
    """`edges`: also the coverage phase (boundary and just-out-of-bounds values for every
    parameter and field, the costly part) and negative data; without, valid data only."""
    checks: dict[str, Any] = {"enabled": False, **{name: {"enabled": True} for name in CHECKS}}
    bindings = {f"path.{name}": name for name in ids if name.endswith("_id")}
    bindings |= {"body.service_id": "service_id", "body.zone_ids[*]": "zone_id", "body.serviceman_ids[*]": "user_id",
                 "body.user_id": "user_id", "body.bid_id": "bid_id", "body.category_id": "category_id"}
    return {
        "seed": SEED,
        "base-url": base_url,
        # Log in through the API, and again whenever a 401 says the session ended (the fuzzer
        # itself calls logout-all, and an admin changing their own roles ends their sessions).
        "auth": {"dynamic": {"openapi": {"bearerAuth": {
            "path": "/v1/auth/login", "payload": {"email": email, "password": DEMO_PASSWORD},
            "extract_selector": "/access_token", "retry_on": [401],
        }}}},
        "workers": 1,
        "request-timeout": 10,
        "generation": {
            "mode": "all" if edges else "positive",  # valid data only, when going deep
            "max-examples": MAX_EXAMPLES["wide" if edges else "deep"],
            "deterministic": True,
        },
        # Stateless only; and no probing of undeclared methods (no enabled check looks at those).
        "phases": {"stateful": {"enabled": False}, "coverage": {"enabled": edges, "unexpected-methods": []}},
        "checks": checks,
        "dictionaries": {name: {"values": values} for name, values in ids.items() if values},
        "parameters": {key: {"dictionary": name, "probability": ID_PROBABILITY}
                       for key, name in bindings.items() if ids.get(name)},
    }


async def seeded_ids() -> dict[str, list[str]]:
    """The demo world's ids, by the parameter name that carries them. The admin is left out
    of user ids: an admin revoking their own role would end the fuzzer's session."""

    async def ids(model: Any, **filters: Any) -> list[str]:
        return [str(value) for value in await model.filter(**filters).values_list("id", flat=True)]

    users = [str(u.id) for u in await User.all() if "admin" not in u.roles]
    return {
        "user_id": users,
        "org_id": await ids(Organisation),
        "zone_id": await ids(Zone),
        "service_id": await ids(Service),
        "booking_id": await ids(Booking),
        "job_id": await ids(Job),
        "bid_id": await ids(Bid),
        "review_id": await ids(Review),
        "case_id": await ids(PaymentCase),
        "category_id": ["plumbing", "plumbing.leak-repair", "cleaning.windows"],
    }


# Route areas that a test of their own fuzzes, as both logins and in both modes, on a world made
# for them (disputes, uploads, documents to reach): module -> the `parts` of routes_with(). With
# the same seed and settings an operation gets the same examples wherever it is fuzzed, so the
# whole-spec passes leave these out rather than send them all a second time (a third of the
# operations). test_every_area_left_out_is_fuzzed_by_its_module holds each module to its entry.
AREAS: dict[str, tuple[str, ...]] = {
    "test_pricing_fuzz": ("/v1/quotes", "/v1/pricing/", "/pricing-profile"),
    "test_finance_reports_fuzz": ("/finance/", "/tax-profile", "/bookings/{booking_id}/documents"),
    "test_disputes_fuzz": ("/disputes",),
    "test_media_fuzz": ("/v1/uploads", "/v1/files/"),
    "test_safety_fuzz": ("/reports", "/admin/moderation", "/admin/payment-holds"),
    "test_verification_fuzz": ("/verification", "/requirements"),
    "test_openapi_fuzz": ("/checkout", "/payment"),  # the money routes, below
}


def without_areas(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec without the paths of AREAS (their own tests fuzz them)."""
    parts = [part for area in AREAS.values() for part in area]
    return {**spec, "paths": {path: ops for path, ops in spec["paths"].items()
                              if not any(part in path for part in parts)}}


def secured_only(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec without its public operations (the customer pass covered those already)."""
    paths = {path: {method: op for method, op in ops.items() if op.get("security")}
             for path, ops in spec["paths"].items()}
    return {**spec, "paths": {path: ops for path, ops in paths.items() if ops}}


async def _fuzz(client: TestClient, login: str, ids: dict[str, list[str]], *, whole: bool) -> None:
    """`whole`: every operation, edges included; otherwise the secured operations only, and
    without the coverage phase (the second pass goes deep, the first one went wide). Both leave
    out the AREAS, which their own tests fuzz."""
    response = await client.get("/v1/openapi.json")
    assert response.status == 200
    spec = without_areas(await response.json())
    if not whole:
        spec = secured_only(spec)
    base_url = str(client.make_url("")).rstrip("/")
    started = time.monotonic()
    report = await fuzz_apart(spec, fuzz_config(base_url, demo_email(login), ids, edges=whole))
    elapsed = time.monotonic() - started
    print(f"\nschemathesis as the demo {login}: {report.requests} requests in {elapsed:.1f}s, "
          f"statuses {dict(sorted(report.statuses.items()))}, {len(report.failures)} failures")
    assert report.requests > 500  # the spec ran, not a stub of it
    assert not report.failures, "\n".join(sorted(set(report.failures))[:50])


Seeded = tuple[TestClient, dict[str, list[str]]]


async def seeded(make_client: AppFactory) -> Seeded:
    """The app on the demo world, and the seeded ids to draw from."""
    # The fuzzer sends wrong passwords for its own account from the address it logs in from: the
    # login slowdown (tests/test_login_throttle.py) would rightly make it wait between logins.
    client = await make_client(login_failures_per_source=1000)
    await populate(Passwords(Argon2Params(1, 8192, 1)))  # the demo world, in the app's database
    # The fuzzer logs in with a password only (schemathesis' dynamic auth has one step): the demo
    # admin's second factor goes, so its admin powers answer the documented 403
    # `mfa_enrolment_required` (tests/test_identity_mfa.py covers them with a factor).
    await MfaTotp.filter(user__email=demo_email("admin")).delete()
    return client, await seeded_ids()


async def test_whole_spec_as_the_demo_customer(make_client: AppFactory) -> None:
    client, ids = await seeded(make_client)
    await _fuzz(client, "customer", ids, whole=True)


def routes_with(spec: dict[str, Any], parts: tuple[str, ...]) -> dict[str, Any]:
    """The spec cut down to the paths holding one of `parts`."""
    return {**spec, "paths": {path: ops for path, ops in spec["paths"].items() if any(p in path for p in parts)}}


async def fuzz_routes(client: TestClient, login: str, ids: dict[str, list[str]], parts: tuple[str, ...], *,
                      edges: bool, paths: int, label: str) -> None:
    """schemathesis over one area's routes (tests/test_pricing_fuzz.py, test_finance_reports_fuzz.py)
    as a demo login: no 5xx and every response as documented."""
    spec = routes_with(await (await client.get("/v1/openapi.json")).json(), parts)
    assert len(spec["paths"]) == paths
    base_url = str(client.make_url("")).rstrip("/")
    started = time.monotonic()
    report = await fuzz_apart(spec, fuzz_config(base_url, demo_email(login), ids, edges=edges))
    print(f"\nschemathesis ({label}) as the demo {login}: {report.requests} requests in "
          f"{time.monotonic() - started:.1f}s, statuses {dict(sorted(report.statuses.items()))}")
    assert report.requests > 100
    assert not report.failures, "\n".join(sorted(set(report.failures))[:50])


# The deep pass as the demo admin: tests/test_openapi_fuzz_deep.py (a module of its own, so the
# two long passes can run on different pytest-xdist workers).


MONEY_PATHS = AREAS["test_openapi_fuzz"]  # /v1/bookings/{id}/checkout, .../payment, /v1/payment-cases/...


def money_only(spec: dict[str, Any]) -> dict[str, Any]:
    return routes_with(spec, MONEY_PATHS)


async def test_money_routes_fuzzed_as_the_customer_and_the_admin_give_no_5xx(make_client: AppFactory) -> None:
    """The money routes (issue 13) on a world where the demo customer has paid bookings, some
    captured: every status documented, never a 5xx, whatever the fuzzer sends or refunds."""
    client, _ = await seeded(make_client)
    login = await client.post("/v1/auth/login", json={"email": demo_email("customer"), "password": DEMO_PASSWORD})
    headers = {"Authorization": f"Bearer {(await login.json())['access_token']}"}
    customer = await User.get(email=demo_email("customer"))
    for booking in await Booking.filter(customer_id=customer.id).limit(6):
        await client.post(f"/v1/bookings/{booking.id}/checkout", headers=headers,
                          json={"payment_method": "pm_card_visa"})
    assert await PaymentCase.all().count() > 0
    ids = await seeded_ids()
    response = await client.get("/v1/openapi.json")
    spec = money_only(await response.json())
    assert len(spec["paths"]) >= 5
    base_url = str(client.make_url("")).rstrip("/")
    for login_as, edges in (("customer", True), ("admin", False)):
        report = await fuzz_apart(spec, fuzz_config(base_url, demo_email(login_as), ids, edges=edges))
        print(f"\nschemathesis on the money routes as the demo {login_as}: {report.requests} requests, "
              f"statuses {dict(sorted(report.statuses.items()))}")
        assert report.requests > 30
        assert not any(status >= 500 for status in report.statuses)
        assert not report.failures, "\n".join(sorted(set(report.failures))[:50])


def test_every_area_left_out_is_fuzzed_by_its_module() -> None:
    """The whole-spec passes skip the AREAS: each module named there must fuzz exactly those
    routes, as the customer with edges and as the admin in depth, or they would go unfuzzed."""
    for name, parts in AREAS.items():
        module = importlib.import_module(f"tests.{name}")
        if name == "test_openapi_fuzz":  # the money routes: one test, both logins
            assert module.MONEY_PATHS == parts
            source = inspect.getsource(module.test_money_routes_fuzzed_as_the_customer_and_the_admin_give_no_5xx)
            assert '(("customer", True), ("admin", False))' in source and "fuzz_apart(spec," in source
            continue
        assert module.PATHS == parts, name
        source = inspect.getsource(module)
        for login, edges in (("customer", True), ("admin", False)):
            assert f'fuzz_routes(client, "{login}", ids, PATHS, edges={edges},' in source, (name, login)


# --- What the fuzz found, pinned as plain tests (fast, and readable when they fail) ---

INT_MAX = 2**31 - 1


async def test_a_nul_anywhere_in_a_body_or_query_is_a_422(make_client: AppFactory) -> None:
    client = await make_client()
    customer = await register(client, "customer")
    nested = await client.post("/v1/jobs", headers=customer.headers,
                               json={"title": "Tap", "budget_min": {"amount": 1, "currency": "US\x00"}})
    body = await nested.json()
    assert nested.status == 422 and body["code"] == "validation_failed"
    assert {"field": "budget_min.currency", "location": "body"}.items() <= body["errors"][0].items()
    key = await client.patch("/v1/me", headers=customer.headers, json={"na\x00me": "x"})
    assert key.status == 422
    query = await client.get("/v1/services", params={"q": "pipe\x00"})
    assert query.status == 422 and (await query.json())["errors"][0]["location"] == "query"


async def test_a_path_id_that_is_no_uuid_is_a_404_problem(make_client: AppFactory) -> None:
    client = await make_client()
    customer = await register(client, "customer")
    for path in ("/v1/zones/123", "/v1/bookings/not-a-uuid", "/v1/jobs/%00", "/v1/users/1e9"):
        response = await client.get(path, headers=customer.headers)
        assert response.status == 404, path
        assert response.content_type == "application/problem+json"
        assert (await response.json())["code"] == "not_found"


async def test_a_huge_expected_version_is_a_conflict_not_an_overflow(make_client: AppFactory) -> None:
    client = await make_client()
    provider = await register(client, "provider")
    org = await (await client.post("/v1/orgs", headers=provider.headers, json={"name": "Huge Ltd"})).json()
    front = f"/v1/orgs/{org['id']}/storefront"
    assert (await client.put(front, headers=provider.headers, json={"headline": "Hi"})).status == 200
    stale = await client.put(front, headers=provider.headers, json={"headline": "Ho", "version": INT_MAX})
    assert stale.status == 409
    serviceman = await register(client, "serviceman")
    schedule = f"/v1/servicemen/{serviceman.id}/schedule"
    week = {"timezone": "UTC", "weekly": []}
    assert (await client.put(schedule, headers=serviceman.headers, json=week)).status == 200
    assert (await client.put(schedule, headers=serviceman.headers, json={**week, "version": INT_MAX})).status == 409


async def test_the_spec_types_path_ids_and_declares_the_generic_errors(client: TestClient) -> None:
    spec = await (await client.get("/v1/openapi.json")).json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert {"400", "429", "500"} <= set(operation["responses"]), where
            bad_request = operation["responses"]["400"]
            if "$ref" in bad_request:  # a shared response (components/responses)
                bad_request = spec["components"]["responses"][bad_request["$ref"].rsplit("/", 1)[1]]
            assert "text/plain" in bad_request["content"], where
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    assert "404" in operation["responses"], where
                    if parameter["name"].endswith("_id"):
                        assert parameter["schema"] == {"type": "string", "format": "uuid"}, where


async def test_an_integer_beyond_bigint_is_a_422(make_client: AppFactory) -> None:
    client = await make_client()
    admin = await make_admin(client)
    for before_id, status in ((2**63 - 1, 200), (2**63, 422), (10**30, 422)):
        response = await client.get("/v1/admin/audit", headers=admin.headers, params={"before_id": str(before_id)})
        assert response.status == status, before_id
