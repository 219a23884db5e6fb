# ruff: noqa: S608 - SQL generated from the static rules below
"""Who holds which scope, and why: each rule reads one table's row ({r}) and yields
(user_id, scope, source) triples. A reason that joins two tables is written once from each
side with the same triple, so a change on either side adds or removes exactly that grant.
Triggers (sync/sqlgen.py) keep `sync_grant` equal to the union of all rules, in the writing
transaction; gaining a scope delivers its rows, losing one delivers `revoked` tombstones.

Everyone implicitly holds `public` and `user:<own id>`.
"""

from __future__ import annotations

import re

from domain.jobs.eligibility import MAX_CATEGORY_DEPTH
from sync.spec import ROW, GrantRule


def _json_has(array: str, value: str, alias: str) -> str:
    """SQL: the JSON array of strings `array` holds `value` (sync/sqlgen_sqlite.py translates)."""
    return f"EXISTS (SELECT 1 FROM jsonb_array_elements_text({array}) AS {alias}(value) WHERE {alias}.value = {value})"


def _trade_fits(trades: str, category: str) -> str:
    """SQL: a slug of the JSON array `trades` qualifies for `category`, as eligibility.related
    says: the category itself, one of its specialities, or one of its ancestors (the lineage
    is a chain of joins, as deep as MAX_CATEGORY_DEPTH: SQLite allows no CTE in a trigger)."""
    hops = MAX_CATEGORY_DEPTH - 1
    chain = " ".join(f"LEFT JOIN category c{i} ON c{i}.id = c{i - 1}.parent_id" for i in range(1, hops))
    ancestors = ", ".join(f"c{i}.parent_id" for i in range(hops))
    return (f"EXISTS (SELECT 1 FROM jsonb_array_elements_text({trades}) AS tr(value) WHERE tr.value = {category} "
            f"OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = {category}) "
            f"OR EXISTS (SELECT 1 FROM category c0 {chain} WHERE c0.id = {category} "
            f"AND tr.value IN ({ancestors})))")


def _derive(select: str, tables: dict[str, str], where: tuple[str, ...], doc: str) -> tuple[GrantRule, ...]:
    """One reason that joins several tables, written once: for each table (by alias), the rule
    that reads its row as {r} and joins the others, so a change on any side adds or removes
    exactly the grants it makes or breaks."""
    rules: list[GrantRule] = []
    for alias, table in tables.items():
        own = re.compile(rf"(?<![\w.]){alias}\.(\w+)")
        columns = tuple(dict.fromkeys(own.findall(" ".join((select, *where)))))
        others = ", ".join(f"{t} {a}" for a, t in tables.items() if a != alias)
        text = " AND ".join(where)
        sql = own.sub(lambda m: f"{ROW}.{m.group(1)}", f"SELECT {select} FROM {others} WHERE {text}")
        rules.append(GrantRule(table, sql, columns, doc if not rules else f"(the same, from the {table} side)"))
    return tuple(rules)


# An open job's audience: domain/jobs/eligibility.py `audience_gap`, in SQL. A serviceman
# (by role) whose trades (their profile) qualify for the job's category, who holds the credentials
# it requires (their profile's verified_documents against the job's required_documents), working in the job's
# zone on their own or through a business they belong to. REST reads the same rule
# (tests/test_sync_rest_parity.py compares what each demo user reads both ways).
_SERVICEMAN = "ua.id = {user} AND " + _json_has("ua.roles", "'serviceman'", "rl")
_TRADES = "sp.user_id = {user} AND " + _trade_fits("sp.category_ids", "j.category_id")
# Issue 15: they hold every credential the job requires (both sides are columns of the joined rows,
# so an approval or a lapse on the profile, or a requirement change on the job, moves the grant).
_VERIFIED = ("NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT "
             + _json_has("sp.verified_documents", "rq.value", "vd") + ")")
JOB_AUDIENCE: tuple[GrantRule, ...] = (
    *_derive("sz.user_id, 'job:' || j.id, 'zone'",
             {"j": "job", "sz": "serviceman_zone", "sp": "serviceman_profile", "ua": "user_account"},
             ("sz.zone_id = j.zone_id", "j.state = 'open'", _TRADES.format(user="sz.user_id"), _VERIFIED,
              _SERVICEMAN.format(user="sz.user_id")),
             "servicemen of the trade working in an open job's zone hold job:<id>"),
    *_derive("m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id",
             {"j": "job", "oz": "organisation_zone", "m": "membership", "sp": "serviceman_profile",
              "ua": "user_account"},
             ("oz.zone_id = j.zone_id", "j.state = 'open'", "m.organisation_id = oz.organisation_id",
              "m.status = 'accepted'", _TRADES.format(user="m.user_id"), _VERIFIED,
              _SERVICEMAN.format(user="m.user_id")),
             "servicemen of the trade in a business serving an open job's zone hold job:<id>"),
)

RULES: tuple[GrantRule, ...] = (
    # Organisations: every member sees the business and its crew. Only accepted memberships
    # count, here and in every rule that reads membership: an invitation grants nothing.
    GrantRule("membership", "SELECT {r}.user_id, 'org:' || {r}.organisation_id, 'member' "
              "WHERE {r}.status = 'accepted'",
              ("user_id", "organisation_id", "status"), "members hold org:<id>"),
    # Bookings: the customer and the assigned crew (the provider's managers: org-bookings).
    GrantRule("booking", "SELECT {r}.customer_id, 'booking:' || {r}.id, 'customer'", ("customer_id",),
              "the customer holds booking:<id>"),
    GrantRule("booking_assignment", "SELECT {r}.serviceman_id, 'booking:' || {r}.booking_id, 'crew'",
              ("serviceman_id", "booking_id"), "assigned servicemen hold booking:<id>"),
    GrantRule("membership",
              "SELECT {r}.user_id, 'org-bookings:' || {r}.organisation_id, 'manager' "
              "WHERE {r}.role IN ('owner', 'manager') AND {r}.status = 'accepted'",
              ("user_id", "organisation_id", "role", "status"), "owners and managers hold org-bookings:<org>"),
    # Jobs: the customer and bidders, in any state; the open job's audience: see JOB_AUDIENCE.
    GrantRule("job", "SELECT {r}.customer_id, 'job:' || {r}.id, 'customer'", ("customer_id",),
              "the customer holds job:<id>"),
    GrantRule("bid", "SELECT {r}.serviceman_id, 'job:' || {r}.job_id, 'bidder'", ("serviceman_id", "job_id"),
              "a bidder holds job:<id>"),
    GrantRule("bid", "SELECT {r}.serviceman_id, 'bid:' || {r}.id, 'bidder'", ("serviceman_id",),
              "a bidder holds bid:<id>"),
    GrantRule("bid", "SELECT j.customer_id, 'bid:' || {r}.id, 'customer' FROM job j WHERE j.id = {r}.job_id",
              ("job_id",), "the job's customer holds bid:<id>"),
    *JOB_AUDIENCE,
    # Disputes (issue 14): every admin holds disputes-admin (the parties hold booking:/org-bookings:).
    GrantRule("user_account",
              # A FROM of its own before the test's subquery: backfills join the table at the first FROM.
              "SELECT {r}.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE "
              + _json_has("{r}.roles", "'admin'", "ar"),
              ("roles",), "admins hold disputes-admin"),
    # Conversations: active participants (a removed one keeps the row, with left_at).
    GrantRule("conversation_participant",
              "SELECT {r}.user_id, 'conversation:' || {r}.conversation_id, 'participant' WHERE {r}.left_at IS NULL",
              ("user_id", "conversation_id", "left_at"), "active participants hold conversation:<id>"),
)
