"""Screening beyond messages (issue 15, acceptance 4): job posts, bids, listings and storefronts
pass through the messaging scam screen once written; the ordinary-text corpus of that screen
(tests/test_messaging_screening.py) is never flagged there, and scam text is flagged (not refused)."""

from __future__ import annotations

from domain.jobs.models import Bid, BidState
from domain.messaging.screening import ScreenContext, screen
from tests.support.bookings import build_market, job_body, ok
from tests.support.catalog import complete_fields, create_service
from tests.support.payments import FAST
from tests.support.safety import item_of, queue
from tests.test_messaging_screening import ORDINARY

# The corpus as public text: everything but the few lines that give a phone number or an email
# (ordinary once a booking exists, which is why the corpus marks them; before one, as in a job
# post or a listing, contact details are exactly what the screen flags).
PUBLIC_TEXT = [text for text, _ in ORDINARY
               if screen(text, ScreenContext(has_booking=False)) != ["contact_before_booking"]]


def test_only_the_contact_lines_of_the_corpus_are_left_out():
    assert len(ORDINARY) - len(PUBLIC_TEXT) == 3
    assert len(PUBLIC_TEXT) >= 50


async def test_the_ordinary_corpus_is_never_flagged_as_jobs_bids_listings_or_storefronts(make_client):
    client = await make_client(**FAST)
    m = await build_market(client)
    plumber = m.crew[0]
    for n, text in enumerate(PUBLIC_TEXT):
        job = await ok(await client.post("/v1/jobs", headers=m.customer.headers,
                                         json=job_body(title=f"Job {n}", description=text)), 201)
        await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=plumber.headers,
                                   json={"amount": {"amount": 7000, "currency": "USD"}, "message": text}), 201)
        await create_service(client, m.provider, {**complete_fields(m.zone_id, description=text),
                                                  "owner_org_id": m.org_id})
        await ok(await client.put(f"/v1/orgs/{m.org_id}/storefront", headers=m.provider.headers,
                                  json={"headline": "Pipes Ltd", "bio": text}))
    # The intake handles events in order: once the last (scam) job is in the queue, every ordinary
    # text before it was screened.
    sentinel = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body(
        description="Pay me directly in cash and we skip the app's fees.")), 201)
    await item_of(client, m.admin, "job", sentinel["id"], timeout=60)
    everything = await queue(client, m.admin, state="all", limit=200)
    flagged = [(i["subject_kind"], i["subject_id"]) for i in everything if i["sources"] != ["listing_review"]]
    assert flagged == [("job", sentinel["id"])], everything
    # The market's listing went through review: in the queue while waiting, resolved once published.
    assert [(i["subject_id"], i["state"]) for i in everything if i["sources"] == ["listing_review"]] == [
        (m.service_id, "resolved")]


async def test_scam_text_in_bids_listings_and_storefront_links_is_flagged_not_refused(make_client):
    client = await make_client(**FAST)
    m = await build_market(client)
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=m.crew[0].headers, json={
        "amount": {"amount": 7000, "currency": "USD"}, "message": "Cheaper if you send it by western union"}), 201)
    listing = await create_service(client, m.provider, {**complete_fields(
        m.zone_id, description="Book outside the app and save on the platform fee"), "owner_org_id": m.org_id})
    front = await ok(await client.put(f"/v1/orgs/{m.org_id}/storefront", headers=m.provider.headers, json={
        "headline": "Pipes Ltd", "bio": "Family plumbers since 1990.",
        "social_links": {"website": "https://paypal-secure-login.com/pipes"}}))
    assert (await item_of(client, m.admin, "bid", bid["id"]))["reasons"] == ["off_platform_payment"]
    assert (await item_of(client, m.admin, "service", listing["id"]))["party_id"] == m.provider.id
    storefront = await item_of(client, m.admin, "storefront", front["org_id"])
    assert storefront["reasons"] == ["suspicious_link"] and storefront["party_id"] == m.provider.id
    # Flagged, not refused: the bid stands.
    assert (await Bid.get(id=bid["id"])).state is BidState.ACTIVE
