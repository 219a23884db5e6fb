"""RBAC (issue 3, acceptance 4): every permission of the policy is exercised over HTTP by a
holder (succeeds) and a non-holder (403, or 404 where existence is private); and no /v1
route that takes an id lets user A read or change user B's resources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import jwt

from domain.access.policy import POLICY, Permission
from rest.routing import ROUTES
from tests.conftest import app_of
from tests.support.bookings import CENTRE, add_marketplace_world, call_with, job_body, marketplace_state
from tests.support.catalog import complete_fields, make_zone
from tests.support.disputes import dispute_call, dispute_state, victim_dispute, victim_evidence
from tests.support.identity import Account, join_org, make_admin, register
from tests.support.idor_bodies import IDOR_BODIES, TAX_PROFILE
from tests.support.media import upload_call, victim_upload
from tests.support.messaging import conversation_call, victim_conversation
from tests.support.notifications import notification_call, notifications_state, victim_notifications
from tests.support.payments import case_call, checkout_call, payment_of
from tests.support.presence import presence_call
from tests.support.privacy_exports import export_call, settled_export, victim_export
from tests.support.safety import moderation_state, victim_moderation
from tests.support.verification import (
    VERIFICATION_PUBLIC_READS,
    verification_call,
    verification_state,
    victim_document,
)


@dataclass
class World:
    admin: Account
    customer: Account
    provider: Account
    serviceman: Account
    stranger: Account
    target: Account  # the subject of admin actions (they end its sessions)
    org_id: str
    service_id: str = ""  # a draft of the organisation's
    review_id: str = ""  # a listing of the organisation's waiting for review
    zone_id: str = ""
    # Bookings, jobs and reviews: see tests/support/bookings.add_marketplace_world.
    plumber: Account | None = None
    bookable_service_id: str = ""
    booking_id: str = ""
    crew_booking_id: str = ""
    done_booking_id: str = ""
    rating_review_id: str = ""
    job_id: str = ""
    bid_id: str = ""
    award_job_id: str = ""
    award_bid_id: str = ""
    cancel_job_id: str = ""


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
    await join_org(client, provider, org_id, serviceman)
    world = World(admin, customer, provider, serviceman, stranger, target, org_id)
    zone_id = await make_zone()
    world.zone_id = zone_id
    for attribute, fields in (("service_id", {"title": "Draft"}), ("review_id", complete_fields(zone_id))):
        created = await client.post("/v1/services", headers=provider.headers, json={"owner_org_id": org_id, **fields})
        assert created.status == 201
        setattr(world, attribute, (await created.json())["id"])
    assert (await client.post(f"/v1/services/{world.review_id}/submit", headers=provider.headers)).status == 200
    await add_marketplace_world(client, world)
    return world


def call(method: str, path: str, body: dict | None = None) -> Callable:
    """A request whose path and string body values may name world members: "{w.customer.id}"."""

    async def run(client, world: World, who: Account | None) -> int:
        url = path.format(w=world)
        data = {k: (v.format(w=world) if isinstance(v, str) else v) for k, v in body.items()} if body else None
        response = await client.request(method, url, json=data, headers=who.headers if who else {})
        return response.status

    return run


async def home_shown(client, world: World, who: Account | None) -> int:
    """Not a refusal: everyone reads the profile, only holders see the exact home (200 when
    shown, 404 for the null others get)."""
    url = f"/v1/servicemen/{world.serviceman.id}/profile"
    home = {"bio": "", "home_lat": 52.523456, "home_lng": 13.404567}
    assert (await client.put(url, json=home, headers=world.serviceman.headers)).status == 200
    response = await client.get(url, headers=who.headers if who else {})
    return 200 if (await response.json()).get("home_lat") is not None else 404


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
    Permission.SERVICE_CREATE: Case(call("POST", "/v1/services", {"title": "Mine"}),
                                    "serviceman", 201, "customer", 403),
    Permission.SERVICE_EDIT: Case(call("PATCH", "/v1/services/{w.service_id}", {"version": 1, "title": "Edited"}),
                                  "provider", 200, "stranger", 404),
    Permission.SERVICE_VIEW_DRAFT: Case(call("GET", "/v1/services/{w.service_id}/preview"),
                                        "serviceman", 200, "stranger", 404),
    Permission.SERVICE_REVIEW: Case(call("POST", "/v1/services/{w.review_id}/publish"), "admin", 200, "provider", 403),
    Permission.SERVICE_ARCHIVE: Case(call("POST", "/v1/services/{w.service_id}/archive"),
                                     "provider", 200, "stranger", 404),
    Permission.STOREFRONT_UPDATE: Case(call("PUT", "/v1/orgs/{w.org_id}/storefront", {"headline": "Hi"}),
                                       "provider", 200, "serviceman", 403),
    Permission.SCHEDULE_MANAGE: Case(
        call("PUT", "/v1/servicemen/{w.serviceman.id}/schedule", {"timezone": "UTC", "weekly": []}),
        "serviceman", 200, "stranger", 403),
    Permission.AVAILABILITY_READ: Case(
        call("GET", "/v1/servicemen/{w.serviceman.id}/slots?from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z"),
        "customer", 200, "anonymous", 401),
    Permission.ZONE_MANAGE: Case(call("POST", "/v1/zones", {"name": "Z", "city": "C", "geometry": {
        "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}), "admin", 201, "provider", 403),
    Permission.SERVICEMAN_ZONES_SET: Case(call("PUT", "/v1/servicemen/{w.serviceman.id}/zones", {"zone_ids": []}),
                                          "serviceman", 200, "stranger", 403),
    Permission.ORG_ZONES_SET: Case(call("PUT", "/v1/orgs/{w.org_id}/zones", {"zone_ids": []}),
                                   "provider", 200, "serviceman", 403),
    Permission.SERVICEMAN_PROFILE_READ: Case(call("GET", "/v1/servicemen/{w.serviceman.id}/profile"),
                                             "customer", 200, "anonymous", 401),
    Permission.SERVICEMAN_PROFILE_UPDATE: Case(call("PUT", "/v1/servicemen/{w.serviceman.id}/profile", {"bio": "Hi"}),
                                               "serviceman", 200, "provider", 403),
    Permission.SERVICEMAN_HOME_READ: Case(home_shown, "provider", 200, "stranger", 404),
    Permission.MATCHING_QUERY: Case(
        call("POST", "/v1/matching/candidates", {"category_id": "plumbing", "lat": 52.52, "lng": 13.4}),
        "customer", 200, "serviceman", 403),
    Permission.BOOKING_CREATE: Case(call("POST", "/v1/bookings", {
        "service_id": "{w.bookable_service_id}", "kind": "on_demand", "lat": CENTRE[0], "lng": CENTRE[1]}),
        "customer", 201, "serviceman", 403),
    Permission.BOOKING_READ: Case(call("GET", "/v1/bookings/{w.booking_id}"), "customer", 200, "stranger", 404),
    Permission.BOOKING_TRANSITION: Case(call("POST", "/v1/bookings/{w.booking_id}/accept", {"version": 1}),
                                        "plumber", 200, "stranger", 404),
    Permission.BOOKING_ASSIGN: Case(call_with("PUT", "/v1/bookings/{w.crew_booking_id}/assignments", lambda w: {
        "version": 1, "serviceman_ids": [w.plumber.id]}), "provider", 200, "stranger", 404),
    Permission.JOB_CREATE: Case(call_with("POST", "/v1/jobs", lambda w: job_body()), "customer", 201, "plumber", 403),
    Permission.JOB_LIST: Case(call("GET", "/v1/jobs"), "customer", 200, "anonymous", 401),
    Permission.JOB_READ: Case(call("GET", "/v1/jobs/{w.job_id}"), "plumber", 200, "stranger", 404),
    Permission.JOB_CANCEL: Case(call("POST", "/v1/jobs/{w.cancel_job_id}/cancel", {"reason": "x"}),
                                "customer", 200, "plumber", 403),
    Permission.JOB_COMMENT: Case(call("POST", "/v1/jobs/{w.job_id}/comments", {"body": "When?"}),
                                 "plumber", 201, "stranger", 404),
    Permission.BID_PLACE: Case(call_with("POST", "/v1/jobs/{w.job_id}/bids", lambda w: {
        "amount": {"amount": 6000, "currency": "USD"}}), "plumber", 201, "serviceman", 403),  # not in the zone
    Permission.BID_WITHDRAW: Case(call("POST", "/v1/bids/{w.bid_id}/withdraw"), "plumber", 200, "customer", 403),
    Permission.BID_ACCEPT: Case(call("POST", "/v1/jobs/{w.award_job_id}/bids/{w.award_bid_id}/accept",
                                     {"bid_version": 1}), "customer", 201, "plumber", 403),
    Permission.REVIEW_CREATE: Case(call("POST", "/v1/bookings/{w.done_booking_id}/reviews", {"rating": 5}),
                                   "customer", 201, "provider", 403),
    Permission.REVIEW_REPORT: Case(call("POST", "/v1/reviews/{w.rating_review_id}/report", {"reason": "unfair"}),
                                   "customer", 200, "stranger", 403),
    Permission.REVIEW_HIDE: Case(call("POST", "/v1/reviews/{w.rating_review_id}/hide"), "admin", 200, "customer", 403),
    # Over the socket: 200 = presence:subscribe answers the provider's state, 404 = left out.
    Permission.PRESENCE_VIEW: Case(presence_call("provider"), "serviceman", 200, "stranger", 404),
    # Messaging: the world customer's support conversation ({cid}).
    Permission.CONVERSATION_OPEN: Case(conversation_call("POST", "/v1/conversations", {
        "kind": "support", "user_id": "{w.customer.id}"}), "customer", 200, "stranger", 404),
    Permission.CONVERSATION_READ: Case(conversation_call("GET", "/v1/conversations/{cid}/messages"),
                                       "customer", 200, "stranger", 404),
    Permission.CONVERSATION_SEND: Case(conversation_call("POST", "/v1/conversations/{cid}/messages", {
        "client_msg_id": "?", "body": "Hello"}), "customer", 201, "stranger", 404),
    Permission.CONVERSATION_MANAGE: Case(conversation_call("PUT", "/v1/conversations/{cid}/participants/{w.admin.id}"),
                                         "admin", 200, "customer", 403),
    Permission.MESSAGE_REVIEW: Case(call("GET", "/v1/admin/flagged-messages"), "admin", 200, "customer", 403),
    Permission.FEED_READ: Case(call("GET", "/v1/feed"), "serviceman", 200, "anonymous", 401),
    # Notifications (issue 7): {token} and {nid} are the world customer's device and notification.
    Permission.DEVICE_REGISTER: Case(call("POST", "/v1/devices", {
        "token": "matrix-token", "platform": "android", "app": "customer"}), "customer", 200, "anonymous", 401),
    Permission.DEVICE_REMOVE: Case(notification_call("DELETE", "/v1/devices/{token}"),
                                   "customer", 204, "stranger", 404),
    Permission.NOTIFICATION_READ: Case(call("GET", "/v1/notifications"), "customer", 200, "anonymous", 401),
    Permission.NOTIFICATION_UPDATE: Case(notification_call("POST", "/v1/notifications/{nid}/read"),
                                         "customer", 200, "stranger", 404),
    Permission.NOTIFICATION_PREFERENCES: Case(call("PUT", "/v1/notification-preferences", {"private_previews": True}),
                                              "customer", 200, "anonymous", 401),
    # Pricing (issue 13).
    Permission.PRICING_QUOTE: Case(call("POST", "/v1/quotes", {"service_id": "{w.bookable_service_id}"}),
                                   "customer", 200, "anonymous", 401),
    Permission.BID_QUOTE: Case(call("POST", "/v1/quotes", {"bid_id": "{w.bid_id}"}), "customer", 200, "stranger", 404),
    Permission.PRICING_READ: Case(call("GET", "/v1/pricing/rules"), "admin", 200, "provider", 403),
    Permission.PRICING_MANAGE: Case(call("PUT", "/v1/orgs/{w.org_id}/pricing-profile", {"plan": "pro"}),
                                    "admin", 200, "provider", 403),
    # Payouts (issue 13 item 7): the payee (a serviceman, an organisation's owner/managers) and admins
    # read and manage; only the payee requests (409 here: not onboarded, yet past the policy).
    Permission.PAYOUT_READ: Case(call("GET", "/v1/payees/org:{w.org_id}/payouts"), "provider", 200, "serviceman", 404),
    Permission.PAYOUT_MANAGE: Case(call("PUT", "/v1/payees/org:{w.org_id}/payout-preferences", {"schedule": "manual"}),
                                   "provider", 200, "stranger", 404),
    Permission.PAYOUT_REQUEST: Case(call("POST", "/v1/payees/user:{w.serviceman.id}/payouts", {"currency": "USD"}),
                                    "serviceman", 409, "admin", 404),
    Permission.PROMO_GRANT: Case(call("POST", "/v1/admin/promo-credits", {
        "user_id": "{w.customer.id}", "amount": {"amount": 100, "currency": "USD"}}), "admin", 201, "provider", 403),
    # Payments (issue 13), in this order on the (accepted) world booking: the customer pays in two
    # milestones; the provider refunds a little; the customer releases the first milestone; an
    # admin releases the rest.
    Permission.PAYMENT_CHECKOUT: Case(checkout_call(), "customer", 201, "stranger", 404),
    Permission.PAYMENT_REFUND: Case(case_call("refund", {"amount": {"amount": 100, "currency": "USD"}}),
                                    "provider", 200, "customer", 403),
    Permission.PAYMENT_RELEASE_MILESTONE: Case(case_call("release", {"milestone": 1}), "customer", 200,
                                               "provider", 403),
    Permission.PAYMENT_RELEASE: Case(case_call("release", {}), "admin", 200, "provider", 403),
    # Disputes (issue 14), on the world booking once paid: its customer opens one; its parties read
    # and add to it; admins work the queue. Strangers learn nothing.
    Permission.DISPUTE_OPEN: Case(call("POST", "/v1/bookings/{w.booking_id}/disputes", {
        "reason": "poor_quality", "description": "leaks", "claimed": {"amount": 500, "currency": "USD"}}),
        "customer", 201, "stranger", 404),
    Permission.DISPUTE_READ: Case(dispute_call("GET", ""), "provider", 200, "stranger", 404),
    Permission.DISPUTE_PARTICIPATE: Case(dispute_call("POST", "/entries", {"body": "photo"}), "provider", 201,
                                         "stranger", 404),
    Permission.DISPUTE_MANAGE: Case(call("GET", "/v1/admin/disputes"), "admin", 200, "provider", 403),
    # Finance reporting and reconciliation (issue 13 items 8 and 10): the org's managers; crew are refused.
    Permission.FINANCE_BALANCE_READ: Case(call("GET", "/v1/orgs/{w.org_id}/finance/balances"),
                                          "provider", 200, "serviceman", 403),
    Permission.TAX_PROFILE_MANAGE: Case(call("PUT", "/v1/orgs/{w.org_id}/tax-profile", TAX_PROFILE),
                                        "provider", 200, "serviceman", 403),
    Permission.FINANCE_REPORT: Case(call("GET", "/v1/admin/finance/report?month=2026-01"), "admin", 200,
                                    "provider", 403),
    Permission.FINANCE_ADMIN: Case(call("POST", "/v1/admin/finance/reconciliations", {
        "start": "2026-01-01T00:00:00Z", "end": "2026-01-02T00:00:00Z"}), "admin", 201,
                                   "provider", 403),
    # Uploads (issue 14): the serviceman's file; a stranger to it learns nothing (404).
    Permission.UPLOAD_CREATE: Case(upload_call("create"), "customer", 201, "anonymous", 401),
    Permission.UPLOAD_CONFIRM: Case(upload_call("confirm"), "serviceman", 200, "provider", 404),
    Permission.UPLOAD_READ: Case(upload_call("read"), "admin", 200, "provider", 404),
    # Verification (issue 15): the serviceman and their provider's managers; strangers learn nothing.
    Permission.VERIFICATION_SUBMIT: Case(verification_call("submit"), "provider", 201, "stranger", 404),
    Permission.VERIFICATION_READ: Case(verification_call("read"), "provider", 200, "stranger", 404),
    Permission.VERIFICATION_LIST: Case(call("GET", "/v1/servicemen/{w.serviceman.id}/verification/documents"),
                                       "serviceman", 200, "stranger", 404),
    Permission.VERIFICATION_CREW_READ: Case(call("GET", "/v1/orgs/{w.org_id}/verification/crew"),
                                            "provider", 200, "serviceman", 404),
    Permission.VERIFICATION_REVIEW: Case(call("GET", "/v1/admin/verification/documents"), "admin", 200,
                                         "provider", 403),
    Permission.VERIFICATION_REQUIREMENTS_MANAGE: Case(
        call("PUT", "/v1/admin/categories/gardening.irrigation/requirements", {"credentials": []}),
        "admin", 200, "provider", 403),
    # Trust and safety (issue 15): anyone signed in reports; admins work the queue and payment holds.
    Permission.MODERATION_REPORT: Case(call("POST", "/v1/reports", {
        "kind": "user", "subject_id": "{w.target.id}", "reason": "spam"}), "customer", 201, "anonymous", 401),
    Permission.MODERATION_MANAGE: Case(call("GET", "/v1/admin/moderation"), "admin", 200, "provider", 403),
    # Data-subject exports (issue 18): everyone asks for their own; an export is its owner's alone.
    Permission.PRIVACY_EXPORT_REQUEST: Case(call("POST", "/v1/me/exports"), "customer", 202, "anonymous", 401),
    Permission.PRIVACY_EXPORT_READ: Case(export_call(), "serviceman", 200, "admin", 404),
    # Consent (issue 18): everyone signed in keeps their own; admins publish policies and announce.
    Permission.CONSENT_MANAGE: Case(call("PUT", "/v1/me/consents", {"purposes": {"analytics": {"granted": True}}}),
                                    "customer", 200, "anonymous", 401),
    Permission.POLICY_PUBLISH: Case(call("POST", "/v1/admin/policies", {
        "kind": "cookies", "version": 1, "locale": "en", "title": "Cookies", "body": "Only what we need."}),
        "admin", 201, "provider", 403),
    Permission.MARKETING_SEND: Case(call("POST", "/v1/admin/marketing/announcements", {
        "title": "Hello", "body": "New services"}), "admin", 202, "provider", 403),
    # Data-subject requests (issue 18): one's own (none yet: 404); admins work the queue.
    Permission.PRIVACY_REQUEST: Case(call("GET", "/v1/me/erasure"), "customer", 404, "anonymous", 401),
    Permission.PRIVACY_REQUESTS_MANAGE: Case(call("GET", "/v1/admin/privacy/requests"), "admin", 200,
                                             "provider", 403),
    Permission.FLAG_MANAGE: Case(call("GET", "/v1/admin/flags"), "admin", 200, "provider", 403),
    # Dashboards (issue 20): your own; a business's owner and managers (crew: 403); the platform's: admins.
    Permission.DASHBOARD_SERVICEMAN_READ: Case(call("GET", "/v1/dashboards/serviceman?serviceman_id={w.serviceman.id}"),
                                               "admin", 200, "provider", 404),
    Permission.DASHBOARD_PROVIDER_READ: Case(call("GET", "/v1/dashboards/provider/{w.org_id}"), "provider", 200,
                                             "serviceman", 403),
    Permission.DASHBOARD_ADMIN_READ: Case(call("GET", "/v1/dashboards/admin"), "admin", 200, "provider", 403),
    Permission.OPERATIONS_STATUS_READ: Case(call("GET", "/v1/admin/status"), "admin", 200, "provider", 403),
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


# The migration's default commission rule (an admin-only route refuses before looking it up).
SEEDED_RULE_ID = "0f1d6a52-5b1e-4c4e-9d0a-000000000001"

# Reads anyone may make (a storefront, a serviceman's free slots): they may answer, they
# must change nothing (checked with the rest by _victim_state).
PUBLIC_READS = {("GET", "/v1/storefronts/{org_id}"), ("GET", "/v1/servicemen/{user_id}/slots"),
                ("GET", "/v1/zones/{zone_id}"), ("GET", "/v1/servicemen/{user_id}/zones"),
                ("GET", "/v1/orgs/{org_id}/zones"), ("GET", "/v1/servicemen/{user_id}/profile"),
                ("GET", "/v1/servicemen/{user_id}/reviews"), ("GET", "/v1/policies/{kind}"),
                ("POST", "/ofrep/v1/evaluate/flags/{key}"),
                *VERIFICATION_PUBLIC_READS}
# Routes whose caller is the payment provider, proven by a signature over the body: without
# one they answer 400 and store nothing.
SIGNED_BY_PROVIDER = {("POST", "/v1/webhooks/{gateway}")}


async def test_no_route_with_an_id_lets_one_user_touch_another_users_resources(client):
    world = await build_world(client)
    attacker = world.stranger
    victim_ids = {"user_id": world.serviceman.id, "org_id": world.org_id, "role": "serviceman",
                  "service_id": world.service_id, "date": "2030-01-07", "zone_id": world.zone_id,
                  "booking_id": world.booking_id, "job_id": world.job_id, "bid_id": world.bid_id,
                  "review_id": world.rating_review_id, "rule_id": SEEDED_RULE_ID, "gateway": "sandbox",
                  "provider": "relay", "account": "acct_sbx_victim", "payee": f"org:{world.org_id}",
                  "run_id": "00000000-0000-0000-0000-000000000000", "kind": "privacy",
                  "session_id": jwt.decode(world.serviceman.access_token, options={"verify_signature": False})["sid"],
                  "request_id": "00000000-0000-0000-0000-000000000000",  # admin-only: refused before any look-up
                  "key": "checkout.enabled", "schedule_id": "00000000-0000-0000-0000-000000000000",
                  **await victim_conversation(client, world.serviceman),
                  **await victim_notifications(client, world.serviceman),
                  **await victim_upload(client, world.serviceman),
                  **await victim_document(client, world.serviceman),
                  **await victim_export(client, world.serviceman)}
    # The victim's booking paid by its customer: nobody else may read, refund or release it.
    paid = await client.post(f"/v1/bookings/{world.booking_id}/checkout", headers=world.customer.headers,
                             json={"payment_method": "pm_card_visa"})
    assert paid.status == 201, await paid.text()
    victim_ids["case_id"] = (await paid.json())["id"]
    # A dispute between the victim booking's parties, with an offer waiting (entry 2).
    victim_ids["dispute_id"] = await victim_dispute(world.booking_id, victim_ids["case_id"])
    # The victim's upload is evidence on it: its file stays the parties' (the upload routes below).
    await victim_evidence(victim_ids["dispute_id"], victim_ids["upload_id"])
    victim_ids.update(await victim_moderation(client, world.customer, world.serviceman, victim_ids["case_id"]))
    # Someone else's open invitation: nobody but the invitee may accept or decline it.
    invited = await client.post(f"/v1/orgs/{world.org_id}/members", headers=world.provider.headers,
                                json={"user_id": world.target.id, "role": "manager"})
    victim_ids["membership_id"] = (await invited.json())["membership_id"]
    routes = [r for r in app_of(client)[ROUTES] if r.path_params]
    assert {(r.method, r.path) for r in routes} == set(IDOR_BODIES), "add new id routes to IDOR_BODIES"
    await settled_export(client, world.serviceman, victim_ids["export_id"])
    before = await _victim_state(client, world)
    for route in routes:
        url = route.openapi_path.format(**victim_ids)
        body = IDOR_BODIES[(route.method, route.path)]
        if body:
            body = {k: (v.format(attacker=attacker.id) if isinstance(v, str) else v) for k, v in body.items()}
        response = await client.request(route.method, url, json=body, headers=attacker.headers)
        if (route.method, route.path) in SIGNED_BY_PROVIDER:
            assert response.status == 400, f"{route.method} {url} answered {response.status}"
            continue
        if (route.method, route.path) in PUBLIC_READS:
            assert response.status < 500, f"{route.method} {url} answered {response.status}"
            continue
        assert response.status in (403, 404), f"{route.method} {url} answered {response.status}"
    assert await _victim_state(client, world) == before


async def _victim_state(client, world: World) -> tuple:
    me = await (await client.get("/v1/me", headers=world.serviceman.headers)).json()
    org = await (await client.get(f"/v1/orgs/{world.org_id}", headers=world.provider.headers)).json()
    service = await (await client.get(f"/v1/services/{world.service_id}", headers=world.provider.headers)).json()
    front = await (await client.get(f"/v1/storefronts/{world.org_id}")).json()
    schedule = await (await client.get(f"/v1/servicemen/{world.serviceman.id}/schedule",
                                       headers=world.serviceman.headers)).json()
    zone = await (await client.get(f"/v1/zones/{world.zone_id}")).json()
    zones = [await (await client.get(url, headers=world.provider.headers)).json() for url in (
        f"/v1/servicemen/{world.serviceman.id}/zones", f"/v1/orgs/{world.org_id}/zones",
        f"/v1/servicemen/{world.serviceman.id}/profile")]
    return (zone["version"], zone["active"], zones[0]["zone_ids"], zones[1]["zone_ids"], zones[2]["version"],
            me["roles"], me["status"], me["version"], sorted((m["user_id"], m["status"]) for m in org["members"]),
            service["state"], service["version"], front["version"], schedule["version"], schedule["exceptions"],
            await marketplace_state(client, world), await notifications_state(world.serviceman.id),
            await payment_of(client, world.customer, world.booking_id), await dispute_state(world.booking_id),
            await moderation_state(), await verification_state(world.serviceman.id))
