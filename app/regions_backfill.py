"""The region backfill `fieldsync migrate` runs after the migrations (issue 18; migration 12 adds
the columns): it needs the allow-list from settings, which a migration file cannot see.

Idempotent, both dialects: a user with no region, or one outside REGIONS (before issue 18 the
field was free text, sometimes a time zone), gets DEFAULT_REGION, and an IANA zone found there
moves to the user's notification time zone (which used to fall back to it); then every regional
row without a region inherits its owner's (domain/shared/regions.py), else the default. The
capture triggers see these as ordinary updates, so phones receive the region by sync."""

from __future__ import annotations

from tortoise import connections
from tortoise.exceptions import OperationalError

from domain.shared.regions import REGION_PATTERN, Regions
from domain.shared.uow import unit_of_work

# `:default` and `:allowed` stand for the quoted region codes: codes match REGION_PATTERN
# (settings validate them, `_literal` again), so they can be spliced in as SQL literals.
_PAYEE_REGION = {
    "postgres": ("(SELECT o.region FROM organisation o WHERE o.id = CAST(substr(payout.owner, 5) AS UUID))",
                 "(SELECT u.region FROM user_account u WHERE u.id = CAST(substr(payout.owner, 6) AS UUID))"),
    "sqlite": ("(SELECT o.region FROM organisation o WHERE o.id = substr(payout.owner, 5))",  # UUIDs as text
               "(SELECT u.region FROM user_account u WHERE u.id = substr(payout.owner, 6))"),
}
_TEMPLATES = (
    # A time zone kept in the old free-text region: the notification preferences take it over.
    "UPDATE notification_preference SET timezone = (SELECT u.region FROM user_account u "
    "WHERE u.id = notification_preference.user_id) WHERE timezone IS NULL AND EXISTS (SELECT 1 FROM "
    "user_account u WHERE u.id = notification_preference.user_id AND u.region LIKE '%/%' "
    "AND u.region NOT IN (:allowed))",
    "INSERT INTO notification_preference (user_id, channels, timezone, private_previews, version, updated_at) "
    "SELECT u.id, '{}', u.region, FALSE, 1, CURRENT_TIMESTAMP FROM user_account u "
    "WHERE u.region LIKE '%/%' AND u.region NOT IN (:allowed) AND NOT EXISTS "
    "(SELECT 1 FROM notification_preference p WHERE p.user_id = u.id)",
    "UPDATE user_account SET region = :default WHERE region IS NULL OR region NOT IN (:allowed)",
    "UPDATE organisation SET region = COALESCE((SELECT u.region FROM user_account u "
    "WHERE u.id = organisation.owner_id), :default) WHERE region IS NULL",
    "UPDATE booking SET region = COALESCE((SELECT u.region FROM user_account u "
    "WHERE u.id = booking.customer_id), :default) WHERE region IS NULL",
    "UPDATE conversation SET region = COALESCE("
    "(SELECT b.region FROM booking b WHERE b.id = conversation.booking_id), "
    "(SELECT u.region FROM job j JOIN user_account u ON u.id = j.customer_id WHERE j.id = conversation.job_id), "
    "(SELECT u.region FROM user_account u WHERE u.id = conversation.subject_user_id), :default) "
    "WHERE region IS NULL",
    "UPDATE payment_case SET region = COALESCE((SELECT b.region FROM booking b "
    "WHERE b.id = payment_case.booking_id), :default) WHERE region IS NULL",
    "UPDATE payout SET region = COALESCE(CASE WHEN owner LIKE 'org:%' THEN :org_region "
    "WHEN owner LIKE 'user:%' THEN :user_region END, :default) WHERE region IS NULL",
)


def _literal(region: str) -> str:
    if not REGION_PATTERN.match(region):
        raise ValueError(f"{region!r} is not a region code")
    return f"'{region}'"


def statements(regions: Regions, dialect: str) -> list[str]:
    org_region, user_region = _PAYEE_REGION["postgres" if dialect == "postgres" else "sqlite"]
    values = {":allowed": ", ".join(_literal(region) for region in regions.allowed),
              ":default": _literal(regions.default), ":org_region": org_region, ":user_region": user_region}
    result = []
    for template in _TEMPLATES:
        for token, value in values.items():
            template = template.replace(token, value)
        result.append(template)
    return result


async def backfill(regions: Regions) -> None:
    """Run inside an initialised Tortoise (the migrate command's), in one transaction."""
    conn = connections.get("default")
    try:  # the newest regional column (migration 12): absent while migrating one step at a time
        await conn.execute_query("SELECT region FROM payout WHERE 1 = 0")
    except OperationalError:
        return
    dialect = conn.capabilities.dialect
    async with unit_of_work() as uow:
        for statement in statements(regions, dialect):
            await uow.connection.execute_query(statement)
