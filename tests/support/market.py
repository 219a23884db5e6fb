"""Building a test world through the domain services instead of HTTP: the same service calls
the route handlers make (so the same rows, events, audit records and sync ops), without the
~30 requests a market costs over HTTP (a quarter of its time). For set-up only; what the routes themselves do is
tested through HTTP in the tests of each route (test_zones_api, test_catalog_*, test_org_*...).

Accounts get real tokens (the accounts service logs them in), so tests go on over HTTP."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from app.container import Container
from domain.accounts import orgs
from domain.accounts.models import User
from domain.catalog import lifecycle, services
from domain.catalog.models import ListingKind
from domain.profiles.services import ProfileInput, put_profile
from domain.scheduling import manage
from domain.shared.context import Actor, RequestContext
from domain.zones import assignments
from domain.zones.services import create_zone
from rest.schemas.accounts import TokenPairOut
from rest.schemas.availability import ScheduleIn
from rest.schemas.catalog import ServiceCreateIn, ServiceOut
from tests.conftest import app_of
from tests.support.identity import PASSWORD, TOTP_SECRETS, Account, _account, totp_code, unique_email

CONTEXT = RequestContext(request_id="test-setup", ip="127.0.0.1", user_agent="tests")


def container_of(client: TestClient) -> Container:
    return app_of(client)[CONTAINER]


def actor(account: Account) -> Actor:
    return Actor(account.id, frozenset(account.roles))


async def sign_up(client: TestClient, role: str = "customer", name: str = "Test User") -> Account:
    """What POST /v1/auth/register does."""
    pair = await container_of(client).accounts.register(unique_email(role), PASSWORD, name, role, CONTEXT)
    return _account(TokenPairOut.of(pair).model_dump(mode="json"))


async def sign_up_admin(client: TestClient) -> Account:
    """tests/support/identity.make_admin without HTTP: a customer promoted, logged in again and
    enrolled in TOTP (its access token carries the second factor)."""
    account = await sign_up(client, "customer")
    await User.filter(id=account.id).update(roles=["admin"])
    accounts = container_of(client).accounts
    pair = await accounts.login(account.email, PASSWORD, CONTEXT)
    admin = _account(TokenPairOut.of(pair).model_dump(mode="json"))
    actor = await accounts.authenticate(admin.access_token)
    secret = (await accounts.mfa_begin(actor)).secret
    _codes, grant = await accounts.mfa_confirm(actor, await totp_code(admin.id, secret), CONTEXT)
    admin.access_token = grant.access_token
    TOTP_SECRETS[admin.email] = secret
    return admin


async def zone(admin: Account, name: str, geometry: dict[str, Any]) -> str:
    return str((await create_zone(actor(admin), name, "Testville", geometry)).id)


async def serviceman(client: TestClient, zone_ids: list[str], categories: list[str], weekly: list[dict[str, Any]],
                     name: str) -> Account:
    """tests/support/bookings.make_serviceman without HTTP: zones, trades, working hours."""
    account = await sign_up(client, "serviceman", name)
    who = actor(account)
    await assignments.set_serviceman_zones(who, account.id, zone_ids)
    await put_profile(who, account.id, ProfileInput(bio="Fixes things", category_ids=categories, home_lat=None,
                                                     home_lng=None))
    schedule = ScheduleIn.model_validate({"timezone": "UTC", "weekly": weekly})  # as the route reads it
    await manage.set_weekly(who, account.id, schedule.timezone, [window.model_dump() for window in schedule.weekly])
    return account


async def organisation(owner: Account, name: str) -> str:
    return str((await orgs.create(actor(owner), name)).id)


async def join(client: TestClient, manager: Account, org_id: str, member: Account, role: str = "serviceman") -> None:
    """tests/support/identity.join_org without HTTP: invited, then accepted."""
    invitations = container_of(client).invitations
    membership = await invitations.invite(actor(manager), org_id, member.id, role, CONTEXT)
    await invitations.accept(actor(member), str(membership.id), CONTEXT)


async def published(owner: Account, admin: Account, body: dict[str, Any]) -> dict[str, Any]:
    """tests/support/catalog.published_service without HTTP: draft, in review, published; the
    service as GET /v1/services/{id} shows it."""
    fields = ServiceCreateIn.model_validate(body)
    owner_org = str(fields.owner_org_id) if fields.owner_org_id else None
    draft = await services.create(actor(owner), ListingKind(fields.kind), owner_org, fields.draft())
    await lifecycle.submit(actor(owner), str(draft.id))
    service = await lifecycle.publish(actor(admin), str(draft.id))
    return dict(ServiceOut.of(service).model_dump(mode="json", by_alias=True))  # as rest/routing.py writes it
