"""What the marketplace publishes about people (issue 11): a serviceman's home base is theirs
and their managers' to see; everyone else gets an area of about 1 km (REST, the public sync
scope) and distances in 0.5 km steps from that area (matching). A hidden review's text syncs
to nobody."""

from __future__ import annotations

from typing import Any

from domain.catalog.taxonomy import ensure_reference_data
from domain.reviews.models import Review
from tests.support.bookings import make_serviceman, make_zone
from tests.support.identity import Account, make_admin, register
from tests.support.messaging import make_booking, make_org
from tests.support.sync import Replica, flush

HOME = (52.523456, 13.404567)  # a street corner, to the metre
AREA = (52.52, 13.40)


async def _with_home(client: Any, who: Account, home: tuple[float, float], **extra: Any) -> None:
    body = {"bio": "", "category_ids": ["plumbing"], "home_lat": home[0], "home_lng": home[1], **extra}
    response = await client.put(f"/v1/servicemen/{who.id}/profile", headers=who.headers, json=body)
    assert response.status == 200, await response.text()


async def test_the_home_base_is_shown_to_the_serviceman_and_their_managers_only(client) -> None:
    await ensure_reference_data()
    serviceman, manager, owner = [await register(client, role) for role in ("serviceman", "serviceman", "provider")]
    strangers = [await register(client, "customer"), await register(client, "serviceman"),
                 await register(client, "provider")]  # the last owns a business the serviceman is not in
    admin = await make_admin(client)
    await make_org(owner.id, managers=(manager.id,), crew=(serviceman.id,))
    await make_org(strangers[2].id)
    await _with_home(client, serviceman, HOME)

    for reader, exact in ((serviceman, True), (manager, True), (owner, True), (admin, True),
                          *((stranger, False) for stranger in strangers)):
        response = await client.get(f"/v1/servicemen/{serviceman.id}/profile", headers=reader.headers)
        body = await response.json()
        assert (body["area_lat"], body["area_lng"]) == AREA
        assert (body["home_lat"], body["home_lng"]) == (HOME if exact else (None, None)), reader.roles


async def test_the_public_sync_scope_carries_the_area_not_the_home(client) -> None:
    await ensure_reference_data()
    serviceman, customer = await register(client, "serviceman"), await register(client, "customer")
    await _with_home(client, serviceman, HOME)
    await flush(client)
    for reader in (customer, serviceman):
        replica = Replica(reader)
        await replica.catch_up(client)
        row = next(r for (c, _), r in replica.rows.items()
                   if c == "serviceman_profiles" and r["user_id"] == serviceman.id)
        assert "home_lat" not in row and "home_lng" not in row
        assert (row["area_lat"], row["area_lng"]) == AREA


async def test_matching_distances_do_not_locate_a_home(client) -> None:
    """Two servicemen living 250 m apart in the same area are equally far from any request,
    and every published distance is a multiple of 0.5 km."""
    await ensure_reference_data()
    admin, customer = await make_admin(client), await register(client, "customer")
    zone = await make_zone(client, admin, 52.52, 13.40)
    homes = ((52.5231, 13.4011), (52.5249, 13.4039))
    for home in homes:
        await _with_home(client, await make_serviceman(client, [zone], ["plumbing"]), home)
    for point in ({"lat": 52.51, "lng": 13.38}, {"lat": 52.5337, "lng": 13.4123}):
        response = await client.post("/v1/matching/candidates", headers=customer.headers,
                                     json={"category_id": "plumbing.leak-repair", **point})
        assert response.status == 200, await response.text()
        distances = [c["factors"]["distance"] for c in (await response.json())["candidates"]]
        assert len(distances) == 2
        assert distances[0] == distances[1]
        assert distances[0]["value"] * 2 == int(distances[0]["value"] * 2)


async def test_a_hidden_review_syncs_without_its_text(client) -> None:
    customer, serviceman = await register(client, "customer"), await register(client, "serviceman")
    admin = await make_admin(client)
    booking_id = await make_booking(customer.id, crew=(serviceman.id,))
    review = await Review.create(booking_id=booking_id, author_id=serviceman.id, subject_id=customer.id, rating=1,
                                 text="Call me on +34 600 000 000 instead")
    hidden = await client.post(f"/v1/reviews/{review.id}/hide", headers=admin.headers)
    assert hidden.status == 200, await hidden.text()
    await flush(client)
    for reader in (customer, serviceman):  # the subject, and the author (a party of the booking)
        replica = Replica(reader)
        await replica.catch_up(client)
        row = replica.rows[("reviews", str(review.id))]
        assert row["hidden"] is True and row["text"] is None
