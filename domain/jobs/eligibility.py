"""Who may see and bid on a job. THE rule (`audience_gap`): while a job is open, servicemen
who work in its zone (the zone it was posted in, `job.zone_id`: their own zones, or those of the
businesses they belong to), whose trades qualify for its category and who hold the credentials it
requires (`job.required_documents`, issue 15) (a trade covers its
specialities: "plumbing" covers "plumbing.leak-repair", and a specialist takes its trade's
jobs). Its customer and its bidders see it in any state.

sync/grants.py grants `job:<id>` by the same predicate in SQL (tests/test_sync_rest_parity.py
checks the two agree for every demo role): change one, change the other.
Registered with the policy as relations at import."""

from __future__ import annotations

from uuid import UUID

from domain.access.policy import register_relation
from domain.accounts.models import Membership
from domain.catalog import requirements
from domain.catalog.models import Category
from domain.jobs.models import Bid, Job, JobState
from domain.profiles import credentials
from domain.profiles.models import ServicemanProfile
from domain.shared.context import Actor
from domain.shared.ids import as_uuid
from domain.zones.models import OrganisationZone, ServicemanZone

# The taxonomy is shallow (trade > speciality); a bound keeps a bad parent cycle harmless.
MAX_CATEGORY_DEPTH = 5


async def zone_ids_of(user_id: str | UUID) -> set[UUID]:
    """The zones a serviceman works in: their own, and those of the providers they work for
    (the same coverage matching uses)."""
    own = {row["zone_id"] for row in await ServicemanZone.filter(user_id=user_id).values("zone_id")}
    orgs = [row["organisation_id"] for row in await Membership.filter(user_id=user_id).values("organisation_id")]
    if orgs:
        own |= {row["zone_id"] for row in await OrganisationZone.filter(organisation_id__in=orgs).values("zone_id")}
    return own


async def trades_of(user_id: str | UUID) -> set[str]:
    profile = await ServicemanProfile.get_or_none(user_id=user_id)
    return {str(c) for c in (profile.category_ids or [])} if profile else set()


async def related(category_id: str) -> set[str]:
    """Trades that qualify for work in a category: itself, its ancestors (a plumber takes a
    leak repair) and its specialities (a leak-repair specialist takes a plumbing job)."""
    children = await Category.filter(parent_id=category_id).values("id")
    return set(await lineage(category_id)) | {str(row["id"]) for row in children}


async def lineage(category_id: str) -> list[str]:
    """The category and its ancestors, nearest first."""
    found = [category_id]
    current = await Category.get_or_none(id=category_id)
    while current is not None and current.parent_id and len(found) < MAX_CATEGORY_DEPTH:
        found.append(current.parent_id)
        current = await Category.get_or_none(id=current.parent_id)
    return found


async def job_categories_for(trades: set[str]) -> set[str]:
    """Every job category a serviceman with these trades qualifies for (see `related`):
    the trades, everything below them, and their direct parents."""
    found, frontier = set(trades), set(trades)
    for _ in range(MAX_CATEGORY_DEPTH):
        rows = await Category.filter(parent_id__in=list(frontier)).values("id")
        children = {str(row["id"]) for row in rows} - found
        if not children:
            break
        found |= children
        frontier = children
    parents = await Category.filter(id__in=list(trades)).values("parent_id")
    return found | {str(row["parent_id"]) for row in parents if row["parent_id"]}


async def audience_gap(actor: Actor, job: Job) -> str | None:
    """Why the actor is not among the servicemen a job is shown to, or None when they are
    (whatever the job's state: callers add that). The zone is the job's own, not every zone
    covering its point: the same fact the sync grants read, stable when zones are redrawn."""
    if "serviceman" not in actor.roles:
        return "Only servicemen bid on jobs."
    zone_id = job.zone_id
    if zone_id is None or zone_id not in await zone_ids_of(actor.user_id):
        return "This job is outside your service zones."
    if not await related(str(job.category_id)) & await trades_of(actor.user_id):
        return "This job is not in one of your trades."
    return await credential_gap(actor.user_id, job.required_documents or [])


async def credential_gap(user_id: str | UUID, required: list[str]) -> str | None:
    """Why a serviceman may not work under these requirements (the missing or lapsed
    credentials, named), or None when they hold them all."""
    lacking = credentials.missing(required, await credentials.held(user_id))
    if not lacking:
        return None
    return f"This work needs a verified, unexpired {requirements.describe(lacking)} (missing or lapsed: " \
           f"{', '.join(lacking)})."


async def ineligibility(actor: Actor, job: Job) -> str | None:
    """Why the actor may not bid on the job, or None when they may."""
    if "serviceman" in actor.roles and str(job.customer_id) == actor.user_id:
        return "You cannot bid on your own job."
    return await audience_gap(actor, job)


def is_customer(actor: Actor, job: Job) -> bool:
    return str(job.customer_id) == actor.user_id


async def has_bid(actor: Actor, job: Job) -> bool:
    uid = as_uuid(actor.user_id)
    return uid is not None and await Bid.exists(job_id=job.id, serviceman_id=uid)


async def _viewer(actor: Actor, job: object) -> bool:
    if not isinstance(job, Job):
        return False
    if is_customer(actor, job) or await has_bid(actor, job):
        return True
    return job.state is JobState.OPEN and await audience_gap(actor, job) is None


async def _owner(actor: Actor, job: object) -> bool:
    return isinstance(job, Job) and is_customer(actor, job)


async def _eligible(actor: Actor, job: object) -> bool:
    return isinstance(job, Job) and await ineligibility(actor, job) is None


async def _bid_owner(actor: Actor, bid: object) -> bool:
    return isinstance(bid, Bid) and str(bid.serviceman_id) == actor.user_id


async def _bid_viewer(actor: Actor, bid: object) -> bool:
    if not isinstance(bid, Bid):
        return False
    if await _bid_owner(actor, bid):
        return True
    return await Job.exists(id=bid.job_id, customer_id=actor.user_id)


register_relation("job_viewer", _viewer)
register_relation("job_owner", _owner)
register_relation("job_bid_eligible", _eligible)
register_relation("bid_owner", _bid_owner)
register_relation("bid_viewer", _bid_viewer)
