"""Who holds which scope, and why: each rule reads one table's row ({r}) and yields
(user_id, scope, source) triples. A reason that joins two tables is written once from each
side with the same triple, so a change on either side adds or removes exactly that grant.
Triggers (sync/sqlgen.py) keep `sync_grant` equal to the union of all rules, in the writing
transaction; gaining a scope delivers its rows, losing one delivers `revoked` tombstones.

Everyone implicitly holds `public` and `user:<own id>`.
"""

from __future__ import annotations

from sync.spec import GrantRule

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
    # Jobs: the customer; bidders; servicemen whose zones (own, or their businesses') hold the
    # job's zone while it is open. Trades are not filtered here: the app filters by category.
    GrantRule("job", "SELECT {r}.customer_id, 'job:' || {r}.id, 'customer'", ("customer_id",),
              "the customer holds job:<id>"),
    GrantRule("bid", "SELECT {r}.serviceman_id, 'job:' || {r}.job_id, 'bidder'", ("serviceman_id", "job_id"),
              "a bidder holds job:<id>"),
    GrantRule("bid", "SELECT {r}.serviceman_id, 'bid:' || {r}.id, 'bidder'", ("serviceman_id",),
              "a bidder holds bid:<id>"),
    GrantRule("bid", "SELECT j.customer_id, 'bid:' || {r}.id, 'customer' FROM job j WHERE j.id = {r}.job_id",
              ("job_id",), "the job's customer holds bid:<id>"),
    GrantRule("job",
              "SELECT z.user_id, 'job:' || {r}.id, 'zone' FROM serviceman_zone z "
              "WHERE z.zone_id = {r}.zone_id AND {r}.state = 'open'",
              ("zone_id", "state"), "servicemen working in an open job's zone hold job:<id>"),
    GrantRule("serviceman_zone",
              "SELECT {r}.user_id, 'job:' || j.id, 'zone' FROM job j "
              "WHERE j.zone_id = {r}.zone_id AND j.state = 'open'",
              ("user_id", "zone_id"), "(the same, from the serviceman's zone link)"),
    GrantRule("job",
              "SELECT m.user_id, 'job:' || {r}.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz "
              "JOIN membership m ON m.organisation_id = oz.organisation_id AND m.status = 'accepted' "
              "WHERE oz.zone_id = {r}.zone_id AND {r}.state = 'open'",
              ("zone_id", "state"), "members of businesses serving an open job's zone hold job:<id>"),
    GrantRule("organisation_zone",
              "SELECT m.user_id, 'job:' || j.id, 'org-zone:' || {r}.organisation_id FROM membership m "
              "JOIN job j ON j.zone_id = {r}.zone_id AND j.state = 'open' "
              "WHERE m.organisation_id = {r}.organisation_id AND m.status = 'accepted'",
              ("organisation_id", "zone_id"), "(the same, from the business's zone link)"),
    GrantRule("membership",
              "SELECT {r}.user_id, 'job:' || j.id, 'org-zone:' || {r}.organisation_id FROM organisation_zone oz "
              "JOIN job j ON j.zone_id = oz.zone_id AND j.state = 'open' "
              "WHERE oz.organisation_id = {r}.organisation_id AND {r}.status = 'accepted'",
              ("user_id", "organisation_id", "status"), "(the same, from the membership's side)"),
    # Conversations: active participants (a removed one keeps the row, with left_at).
    GrantRule("conversation_participant",
              "SELECT {r}.user_id, 'conversation:' || {r}.conversation_id, 'participant' WHERE {r}.left_at IS NULL",
              ("user_id", "conversation_id", "left_at"), "active participants hold conversation:<id>"),
)
