"""RBAC (issue 3, acceptance 4): every permission of the policy is exercised over HTTP by a
holder (succeeds) and a non-holder (403, or 404 where existence is private); and no /v1
route that takes an id lets user A read or change user B's resources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.access.policy import POLICY, Permission
from rest.routing import ROUTES
from tests.conftest import app_of
from tests.support.identity import Account, make_admin, register


@dataclass
class World:
    admin: Account
    customer: Account
    provider: Account
    serviceman: Account
    stranger: Account
    target: Account  # the subject of admin actions (they end its sessions)
    org_id: str


async def build_world(client) -> World:
    admin = await make_admin(client)
    customer = await register(client, "customer")
    provider = await register(client, "provider")
    serviceman = await register(client, "serviceman")
    stranger = await register(client, "provider")
    target = await register(client, "customer")
    org = await client.post("/v1/orgs", headers=provider.headers, json={"name": "Pipes Ltd"})
    assert org.status == 201
    org_id = (await org.json())["id"]
    added = await client.post(f"/v1/orgs/{org_id}/members", headers=provider.headers,
                              json={"user_id": serviceman.id, "role": "serviceman"})
    assert added.status == 201
    return World(admin, customer, provider, serviceman, stranger, target, org_id)


def call(method: str, path: str, body: dict | None = None) -> Callable:
    """A request whose path and string body values may name world members: "{w.customer.id}"."""

    async def run(client, world: World, who: Account | None) -> int:
        url = path.format(w=world)
        data = {k: (v.format(w=world) if isinstance(v, str) else v) for k, v in body.items()} if body else None
        response = await client.request(method, url, json=data, headers=who.headers if who else {})
        return response.status

    return run


@dataclass
class Case:
    request: Callable
    holder: str  # attribute of World, or "anonymous"
    ok: int
    non_holder: str
    refused: int


MATRIX: dict[Permission, Case] = {
    Permission.PROFILE_READ: Case(call("GET", "/v1/me"), "customer", 200, "anonymous", 401),
    Permission.PROFILE_UPDATE: Case(call("PATCH", "/v1/me", {"name": "Z"}), "serviceman", 200, "anonymous", 401),
    Permission.SESSION_MANAGE: Case(call("POST", "/v1/auth/logout-all"), "target", 204, "anonymous", 401),
    Permission.USER_READ: Case(call("GET", "/v1/users/{w.customer.id}"), "admin", 200, "provider", 404),
    Permission.ROLE_GRANT: Case(call("POST", "/v1/admin/users/{w.target.id}/roles", {"role": "enterprise"}),
                                "admin", 200, "provider", 403),
    Permission.ROLE_REVOKE: Case(call("DELETE", "/v1/admin/users/{w.target.id}/roles/enterprise"),
                                 "admin", 200, "serviceman", 403),
    Permission.USER_SUSPEND: Case(call("PUT", "/v1/admin/users/{w.target.id}/suspension", {"suspended": False}),
                                  "admin", 200, "customer", 403),
    Permission.AUDIT_READ: Case(call("GET", "/v1/admin/audit"), "admin", 200, "provider", 403),
    Permission.ORG_CREATE: Case(call("POST", "/v1/orgs", {"name": "New Co"}), "provider", 201, "customer", 403),
    Permission.ORG_READ: Case(call("GET", "/v1/orgs/{w.org_id}"), "serviceman", 200, "stranger", 404),
    Permission.ORG_MANAGE_MEMBERS: Case(
        call("POST", "/v1/orgs/{w.org_id}/members", {"user_id": "{w.customer.id}", "role": "manager"}),
        "provider", 201, "serviceman", 403),
}


def test_the_matrix_covers_every_permission():
    assert set(MATRIX) == set(Permission) == set(POLICY)


async def test_policy_matrix(client):
    world = await build_world(client)
    for permission, case in MATRIX.items():
        refused = await case.request(client, world, _who(world, case.non_holder))
        assert refused == case.refused, f"{permission}: non-holder {case.non_holder} got {refused}"
        allowed = await case.request(client, world, _who(world, case.holder))
        assert allowed == case.ok, f"{permission}: holder {case.holder} got {allowed}"


def _who(world: World, name: str) -> Account | None:
    return None if name == "anonymous" else getattr(world, name)


# Every route that takes an id, with a valid body, so only authorization can refuse it.
IDOR_BODIES: dict[tuple[str, str], dict | None] = {
    ("GET", "/v1/users/{user_id}"): None,
    ("POST", "/v1/admin/users/{user_id}/roles"): {"role": "admin"},
    ("DELETE", "/v1/admin/users/{user_id}/roles/{role}"): None,
    ("PUT", "/v1/admin/users/{user_id}/suspension"): {"suspended": True},
    ("GET", "/v1/orgs/{org_id}"): None,
    ("POST", "/v1/orgs/{org_id}/members"): {"user_id": "{attacker}", "role": "manager"},
    ("DELETE", "/v1/orgs/{org_id}/members/{user_id}"): None,
}


async def test_no_route_with_an_id_lets_one_user_touch_another_users_resources(client):
    world = await build_world(client)
    attacker = world.stranger
    victim_ids = {"user_id": world.serviceman.id, "org_id": world.org_id, "role": "serviceman"}
    routes = [r for r in app_of(client)[ROUTES] if r.path_params]
    assert {(r.method, r.path) for r in routes} == set(IDOR_BODIES), "add new id routes to IDOR_BODIES"
    before = await _victim_state(client, world)
    for route in routes:
        url = route.openapi_path.format(**victim_ids)
        body = IDOR_BODIES[(route.method, route.path)]
        if body:
            body = {k: (v.format(attacker=attacker.id) if isinstance(v, str) else v) for k, v in body.items()}
        response = await client.request(route.method, url, json=body, headers=attacker.headers)
        assert response.status in (403, 404), f"{route.method} {url} answered {response.status}"
    assert await _victim_state(client, world) == before


async def _victim_state(client, world: World) -> tuple:
    me = await (await client.get("/v1/me", headers=world.serviceman.headers)).json()
    org = await (await client.get(f"/v1/orgs/{world.org_id}", headers=world.provider.headers)).json()
    return me["roles"], me["status"], me["version"], sorted(m["user_id"] for m in org["members"])
