"""Who hears of an event, and the values their notification is written from: one function
per kind of event, reading what the event's data does not carry (names, titles, the message
text). Used by push/notifier.py, whose table says which function serves which event.

Values stay typed (i18n.Amount, Moment, Phrase...): the notifier words and formats them for each
recipient's language and zone. No text for people is written here: domain/notifications/texts.py
holds it all (tests/test_notification_texts.py checks)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.accounts.models import Membership, Organisation, RefreshToken, User, UserStatus
from domain.bookings.models import Assignment, Booking
from domain.bookings.parties import MANAGING_ROLES
from domain.catalog.models import Service
from domain.consent import services as consent
from domain.consent.models import Purpose
from domain.jobs.eligibility import related, trades_of
from domain.jobs.models import Job
from domain.messaging.sending import sent_message_readers, sent_messages_readers
from domain.notifications.i18n import Amount, Day, Moment, Phrase, Phrases, instant, phrase_or, preview
from domain.notifications.marketing import AUDIENCE_ROLE, Audience
from domain.notifications.texts import USER_AGENT_BROWSERS, USER_AGENT_SYSTEMS
from domain.profiles import credentials
from domain.shared.ids import as_uuid, canonical
from domain.zones.models import OrganisationZone, ServicemanZone

MAX_JOB_MATCHES = 500  # servicemen told of one new job: a bound against notification storms
MAX_ANNOUNCEMENT_RECIPIENTS = 5000  # one announcement event's recipients (a campaign tool would batch)


@dataclass
class Target:
    """One recipient of one event, with what their notification says and points at."""

    user_id: str
    entity_type: str
    entity_id: str
    values: dict[str, Any] = field(default_factory=dict)  # typed: see domain/notifications/i18n.py
    data: dict[str, Any] = field(default_factory=dict)
    collapse_key: str | None = None  # in-app rows with one are updated in place
    count: int = 1
    template: str | None = None  # None: the rule's kind
    sensitive: bool = False  # the text itself is not for a lock screen (a flagged message)




async def _names(user_ids: list[str], conn: BaseDBAsyncClient) -> dict[str, str]:
    rows = await User.filter(id__in=[u for u in user_ids if as_uuid(u)]).using_db(conn).values("id", "name")
    return {str(row["id"]): str(row["name"]) for row in rows}


def _sent_ids(data: dict[str, Any]) -> tuple[str, str, str] | None:
    """(message, conversation, sender) of a `message.sent` as canonical text (what the database's
    ids come back as, without parsing each), None when one is not an id."""
    message_id, conversation_id, sender_id = (canonical(data.get(key)) for key in
                                              ("message_id", "conversation_id", "sender_id"))
    if message_id is None or conversation_id is None or sender_id is None:
        return None
    return message_id, conversation_id, sender_id


def _sent(data: dict[str, Any]) -> tuple[UUID, UUID, UUID] | None:
    """`_sent_ids` as UUIDs (the one-event path, on either database)."""
    ids = _sent_ids(data)
    return None if ids is None else (UUID(ids[0]), UUID(ids[1]), UUID(ids[2]))


async def message_recipients(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """Every current participant but the sender: one row per conversation carrying its unread count."""
    sent = _sent(event["data"])
    if sent is None:
        return []
    return _message_targets(event["data"], str(sent[0]), await sent_message_readers(conn, *sent))


async def messages_recipients(events: list[dict[str, Any]], conn: BaseDBAsyncClient) -> list[list[Target]]:
    """`message_recipients` of each event, in one statement (PostgreSQL)."""
    sent = [_sent_ids(event["data"]) for event in events]
    readers = await sent_messages_readers(conn, [s for s in sent if s is not None])
    return [_message_targets(event["data"], s[0], readers.get(s[0], [])) if s is not None else []
            for event, s in zip(events, sent, strict=True)]


def _message_targets(data: dict[str, Any], message_id: str, rows: Sequence[Any]) -> list[Target]:
    conversation_id, sender_id = data["conversation_id"], data["sender_id"]
    if not rows:  # no such message or conversation
        return []
    first = rows[0]
    sender = first["sender_name"] or Phrase("someone")
    body = str(first["body"])
    text = preview(body) if body.strip() else Phrase("an_attachment")
    last_seq, seq, sensitive = int(first["last_seq"]), int(first["seq"]), bool(data.get("flagged"))
    entity_id, collapse_key = str(conversation_id), f"conversation:{conversation_id}"
    targets = []
    for row in rows:
        user_id = row["user_id"]
        if user_id is None:  # nobody else takes part
            continue
        unread = max(last_seq - int(row["last_read_seq"]), 1)
        targets.append(Target(
            str(user_id), "conversation", entity_id,
            values={"sender": sender, "preview": text, "count": unread},
            data={"conversation_id": entity_id, "message_id": message_id, "seq": seq, "sender_id": sender_id},
            collapse_key=collapse_key, count=unread,
            template="message.new.many" if unread > 1 else "message.new", sensitive=sensitive))
    return targets


async def bid_for_customer(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    data = event["data"]
    job = await Job.get_or_none(id=data["job_id"], using_db=conn)
    names = await _names([data["serviceman_id"]], conn)
    amount = data.get("amount") or {}
    return [Target(data["customer_id"], "bid", data["bid_id"],
                   values={"bidder": names.get(data["serviceman_id"]) or Phrase("a_serviceman"),
                           "job_title": job.title if job else Phrase("your_job"),
                           "amount": Amount(int(amount.get("amount", 0)), str(amount.get("currency", "")))},
                   data={"job_id": data["job_id"], "bid_id": data["bid_id"]})]


async def bid_for_bidder(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    data = event["data"]
    job = await Job.get_or_none(id=data["job_id"], using_db=conn)
    names = await _names([data["customer_id"]], conn)
    return [Target(data["serviceman_id"], "bid", data["bid_id"],
                   values={"customer": names.get(data["customer_id"]) or Phrase("the_customer"),
                           "job_title": job.title if job else Phrase("a_job")},
                   data={"job_id": data["job_id"], "bid_id": data["bid_id"]})]


async def matching_servicemen(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """Servicemen working the job's zone (their own, or a business's they belong to) whose
    trades cover its category (domain/jobs/eligibility.py has the same rule for bidding)."""
    data = event["data"]
    zone_id = as_uuid(data.get("zone_id"))
    if zone_id is None:
        return []
    users = {str(u) for u in await ServicemanZone.filter(zone_id=zone_id).using_db(conn)
             .values_list("user_id", flat=True)}
    orgs = await OrganisationZone.filter(zone_id=zone_id).using_db(conn).values_list("organisation_id", flat=True)
    if orgs:
        users |= {str(u) for u in await Membership.filter(organisation_id__in=list(orgs)).using_db(conn)
                  .values_list("user_id", flat=True)}
    users.discard(str(data.get("customer_id")))
    wanted = await related(str(data.get("category_id", "")))
    rows = await User.filter(id__in=sorted(users)).using_db(conn).values("id", "roles")
    job = await Job.get_or_none(id=data["job_id"], using_db=conn)
    required = list(job.required_documents or []) if job else []
    holding = await credentials.held_by([row["id"] for row in rows], conn)
    targets = []
    for row in rows:
        if credentials.missing(required, holding.get(str(row["id"]), set())):
            continue  # issue 15: not verified for this category's work
        if "serviceman" in (row["roles"] or []) and wanted & await trades_of(row["id"]):
            targets.append(Target(str(row["id"]), "job", data["job_id"],
                                  values={"job_title": job.title if job else Phrase("a_new_job")},
                                  data={"job_id": data["job_id"]}))
        if len(targets) >= MAX_JOB_MATCHES:
            break
    return targets


async def booking_parties(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """The customer, the crew and the provider's managers, except whoever made the change."""
    data = event["data"]
    booking = await Booking.get_or_none(id=data["booking_id"], using_db=conn)
    if booking is None:
        return []
    managers: list[str] = []
    if data.get("organisation_id"):
        managers = [str(u) for u in await Membership.filter(
            organisation_id=data["organisation_id"], role__in=MANAGING_ROLES).using_db(conn)
            .values_list("user_id", flat=True)]
    what = await _booking_title(booking, conn)
    customer = (await _names([data["customer_id"]], conn)).get(data["customer_id"]) or Phrase("a_customer")
    return _booking_targets(event, booking, managers, what, customer)


async def bookings_parties(events: list[dict[str, Any]], conn: BaseDBAsyncClient) -> list[list[Target]]:
    """`booking_parties` of each event, in four reads for all: the bookings, the managers of
    their organisations, the titles (services, jobs) and the customers' names."""
    datas = [event["data"] for event in events]
    bookings = {str(b.id): b for b in await Booking.filter(
        id__in=list(dict.fromkeys(d["booking_id"] for d in datas))).using_db(conn)} if datas else {}
    orgs = list(dict.fromkeys(str(d["organisation_id"]) for d in datas if d.get("organisation_id")))
    managers: dict[str, list[str]] = {org: [] for org in orgs}
    if orgs:
        for row in await Membership.filter(organisation_id__in=orgs, role__in=MANAGING_ROLES).using_db(conn).values(
                "organisation_id", "user_id"):
            managers[str(row["organisation_id"])].append(str(row["user_id"]))
    titles = await _booking_titles(list(bookings.values()), conn)
    names = await _names(list(dict.fromkeys(d["customer_id"] for d in datas)), conn) if datas else {}
    found: list[list[Target]] = []
    for event, data in zip(events, datas, strict=True):
        booking = bookings.get(str(data["booking_id"]))
        if booking is None:
            found.append([])
            continue
        org = str(data["organisation_id"]) if data.get("organisation_id") else None
        found.append(_booking_targets(event, booking, managers[org] if org else [], titles[str(booking.id)],
                                      names.get(data["customer_id"]) or Phrase("a_customer")))
    return found


def _booking_targets(event: dict[str, Any], booking: Booking, managers: list[str], what: Phrase | str,
                     customer: Phrase | str) -> list[Target]:
    data = event["data"]
    users = [data["customer_id"], *data.get("serviceman_ids", []), *managers]
    when = Moment(booking.scheduled_start) if booking.scheduled_start else Phrase("soon")
    seen: set[str] = set()
    targets = []
    for user_id in users:
        if user_id in seen or user_id == event.get("actor_id"):
            continue
        seen.add(user_id)
        targets.append(Target(user_id, "booking", data["booking_id"],
                              values={"what": what, "customer": customer, "when": when},
                              data={"booking_id": data["booking_id"], "state": data.get("state", "")}))
    return targets


def payment_parties(*, customer: bool, payees: bool, amount_key: str) -> Callable[
        [dict[str, Any], BaseDBAsyncClient], Awaitable[list[Target]]]:
    """A `finance` event about a booking's payment (domain/finance/cases): its customer and/or
    its payees (the provider's owner and managers; an independent serviceman's booking: the lead
    serviceman), except whoever made the change. `amount_key`: the money field the text shows."""

    async def find(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
        data = event["data"]
        booking = await Booking.get_or_none(id=as_uuid(data.get("booking_id")), using_db=conn)
        if booking is None:
            return []
        users: list[str] = [str(booking.customer_id)] if customer else []
        if payees and booking.organisation_id:
            users += [str(u) for u in await Membership.filter(
                organisation_id=booking.organisation_id, role__in=MANAGING_ROLES).using_db(conn)
                .values_list("user_id", flat=True)]
        elif payees:
            users += [str(u) for u in await Assignment.filter(booking_id=booking.id).using_db(conn)
                      .order_by("-lead", "created_at").limit(1).values_list("serviceman_id", flat=True)]
        what = await _booking_title(booking, conn)
        money = data.get(amount_key) or {}
        amount = Amount(int(money.get("amount", 0)), str(money.get("currency", booking.currency)))
        targets: list[Target] = []
        for user_id in dict.fromkeys(users):
            if user_id == event.get("actor_id"):
                continue
            targets.append(Target(user_id, "booking", str(booking.id), values={"what": what, "amount": amount},
                                  data={"booking_id": str(booking.id), "case_id": str(data.get("case_id", "")),
                                        "state": str(data.get("state", "")), "seq": data.get("seq", 0)}))
        return targets

    return find


async def payout_payee(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A payout (issue 13 item 7) to `data.owner` (`org:<id>`: its owner and managers;
    `user:<id>`: that user), with `data.amount` as money and `data.payout_id`."""
    data = event["data"]
    owner = str(data.get("owner", ""))
    kind, _, raw = owner.partition(":")
    uid = as_uuid(raw)
    if uid is None:
        return []
    users = [str(uid)] if kind == "user" else [str(u) for u in await Membership.filter(
        organisation_id=uid, role__in=MANAGING_ROLES).using_db(conn).values_list("user_id", flat=True)]
    money = data.get("amount") or {}
    amount = Amount(int(money.get("amount", 0)), str(money.get("currency", "")))
    payout = str(data.get("payout_id", event.get("subject", "")))
    return [Target(u, "payout", payout, values={"amount": amount}, data={"payout_id": payout, "owner": owner})
            for u in users if u != event.get("actor_id")]


async def _booking_titles(bookings: list[Booking], conn: BaseDBAsyncClient) -> dict[str, Phrase | str]:
    """`_booking_title` of each booking (by id), one read of services and one of jobs."""
    service_ids = list(dict.fromkeys(b.service_id for b in bookings if b.service_id))
    job_ids = list(dict.fromkeys(b.job_id for b in bookings if not b.service_id and b.job_id))
    services = {str(s.id): s for s in await Service.filter(id__in=service_ids).using_db(conn)} if service_ids else {}
    jobs = {str(j.id): j for j in await Job.filter(id__in=job_ids).using_db(conn)} if job_ids else {}
    titles: dict[str, Phrase | str] = {}
    for booking in bookings:
        if booking.service_id:
            service = services.get(str(booking.service_id))
            titles[str(booking.id)] = service.title if service and service.title else Phrase("a_service")
        elif booking.job_id:
            job = jobs.get(str(booking.job_id))
            titles[str(booking.id)] = job.title if job else Phrase("your_job")
        else:
            titles[str(booking.id)] = Phrase("your_job")
    return titles


async def _booking_title(booking: Booking, conn: BaseDBAsyncClient) -> Phrase | str:
    if booking.service_id:
        service = await Service.get_or_none(id=booking.service_id, using_db=conn)
        return service.title if service and service.title else Phrase("a_service")
    if booking.job_id:
        job = await Job.get_or_none(id=booking.job_id, using_db=conn)
        return job.title if job else Phrase("your_job")
    return Phrase("your_job")


async def account_subject(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """Audit events about a user account: that user hears of it."""
    data = event["data"]
    if data.get("subject_type") != "user" or as_uuid(event.get("subject")) is None:
        return []
    after = data.get("after") or {}
    roles = after.get("roles") if isinstance(after, dict) else None
    return [Target(str(event["subject"]), "user", str(event["subject"]),
                   values={"roles": Phrases(tuple(phrase_or(f"role.{r}", str(r)) for r in sorted(roles)))
                           if isinstance(roles, list) else ""})]


async def export_owner(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A data export is ready (audit `privacy.export.ready`): the user who asked hears of it."""
    data = event["data"]
    after = data.get("after") if isinstance(data.get("after"), dict) else {}
    user_id, export_id = as_uuid(after.get("user_id")), as_uuid(event.get("subject"))
    if data.get("subject_type") != "privacy_export" or user_id is None or export_id is None:
        return []
    until = instant(after.get("expires_at"))
    return [Target(str(user_id), "privacy_export", str(export_id),
                   values={"until": Moment(until) if until else Phrase("soon")},
                   data={"export_id": str(export_id)}, collapse_key=f"privacy_export:{export_id}")]


async def membership_invitee(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A crew invitation (audit `org.member.invite`): the invited user hears of it."""
    data = event["data"]
    after = data.get("after") if isinstance(data.get("after"), dict) else {}
    user_id, membership_id = as_uuid(after.get("user_id")), after.get("membership_id")
    org = await Organisation.get_or_none(id=as_uuid(event.get("subject")), using_db=conn) \
        if as_uuid(event.get("subject")) else None
    if user_id is None or org is None or not membership_id:
        return []
    inviter = (await _names([str(event.get("actor_id"))], conn)).get(str(event.get("actor_id"))) or Phrase("someone")
    role = after.get("role")
    return [Target(str(user_id), "invitation", str(membership_id),
                   values={"organisation": org.name, "inviter": inviter,
                           "role": phrase_or(f"role.{role}", str(role)) if role else Phrase("role.crew_member")},
                   data={"membership_id": str(membership_id), "organisation_id": str(org.id)},
                   collapse_key=f"invitation:{membership_id}")]


async def verification_recipients(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A verification event (domain/verification): the owner and submitter its service named in
    `data.notify`. The label and expiry only: never the document's number."""
    data = event["data"]
    document_id = str(data.get("document_id", ""))
    expires_at = instant(data.get("expires_at"))
    credential = str(data.get("credential", ""))
    values = {"label": phrase_or(f"credential.{credential}", str(data.get("label") or "")) if credential
              else Phrase("credential.document"),
              "expires": Day(expires_at) if expires_at else Phrase("no_expiry"), "reason": data.get("reason") or "",
              "days_left": int(data.get("days_left") or 0)}
    return [Target(str(user_id), "verification", document_id, values=values,
                   data={"document_id": document_id, "credential": str(data.get("credential", "")),
                         "state": str(data.get("state", ""))}, collapse_key=f"verification:{document_id}")
            for user_id in data.get("notify") or [] if as_uuid(str(user_id))]


async def dispute_recipients(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A dispute event (domain/disputes): the users its service named in `data.notify` (the other
    side of an entry's author, whoever must act before a deadline), never the actor."""
    data = event["data"]
    booking = await Booking.get_or_none(id=as_uuid(data.get("booking_id")), using_db=conn)
    if booking is None:
        return []
    what = await _booking_title(booking, conn)
    due = instant(data.get("due_at") or (data.get("dispute") or {}).get("due_at"))
    dispute_id = str(data.get("dispute_id", ""))
    when = Moment(due) if due else Phrase("the_deadline")
    return [Target(str(user_id), "dispute", dispute_id, values={"what": what, "when": when},
                   data={"dispute_id": dispute_id, "booking_id": str(booking.id), "seq": data.get("seq", 0),
                         "state": str(data.get("state", ""))}, collapse_key=f"dispute:{dispute_id}")
            for user_id in dict.fromkeys(data.get("notify") or []) if str(user_id) != event.get("actor_id")]


async def marketing_audience(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A marketing announcement (domain/notifications/marketing.py): the active users of its audience
    whose latest `marketing_push` consent grants it, read now (a withdrawal before this counts)."""
    data = event["data"]
    audience = data.get("audience")
    role = AUDIENCE_ROLE.get(Audience(audience)) if audience in Audience.__members__.values() else None
    consenting = await consent.holders(Purpose.MARKETING_PUSH, conn)
    rows = await User.filter(id__in=sorted(consenting), status=UserStatus.ACTIVE).using_db(conn).order_by("id") \
        .values("id", "roles")
    announcement = str(data.get("announcement_id", ""))
    return [Target(str(row["id"]), "announcement", announcement,
                   values={"title": str(data.get("title", "")), "message": str(data.get("body", ""))},
                   data={"announcement_id": announcement}, collapse_key=f"announcement:{announcement}")
            for row in rows if role is None or role in (row["roles"] or [])][:MAX_ANNOUNCEMENT_RECIPIENTS]


async def security_subject(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A security event on one's own account (second factor, password): the owner, told when."""
    if event.get("data", {}).get("subject_type") != "user" or as_uuid(event.get("subject")) is None:
        return []
    when = instant(event.get("occurred_at"))
    return [Target(str(event["subject"]), "user", str(event["subject"]),
                   values={"when": Moment(when) if when else Phrase("soon")})]


def device_of(user_agent: str | None) -> str:
    """"Firefox on Windows" from a user agent (the names are brands: not translated); the agent
    itself, cut short, when nothing in it is known."""
    agent = user_agent or ""
    browser = next((name for needle, name in USER_AGENT_BROWSERS if needle in agent), None)
    system = next((name for needle, name in USER_AGENT_SYSTEMS if needle in agent), None)
    if browser and system:
        return f"{browser} ({system})"
    return browser or system or (agent[:60] if agent else "")


async def new_login_subject(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A login from a device the account had not used (audit `login.new_device`): the owner, told
    when, from which app or browser, and from which network (the session's row keeps both)."""
    data = event.get("data", {})
    user_id = as_uuid(event.get("subject"))
    after = data.get("after") if isinstance(data.get("after"), dict) else {}
    family = as_uuid(after.get("session_id"))
    if data.get("subject_type") != "user" or user_id is None or family is None:
        return []
    row = await RefreshToken.filter(user_id=user_id, family_id=family).using_db(conn).order_by("issued_at").first()
    when = instant(event.get("occurred_at"))
    device = device_of(row.user_agent if row else None)
    network = row.ip if row and row.ip and "/" in row.ip else None
    return [Target(str(user_id), "user", str(user_id),
                   values={"when": Moment(when) if when else Phrase("soon"),
                           "device": device or Phrase("unknown_device"),
                           "network": network or Phrase("unknown_network")})]


async def document_recipient(event: dict[str, Any], conn: BaseDBAsyncClient) -> list[Target]:
    """A receipt, credit note or invoice issued (finance `document.issued`): the user it is for,
    or the owner of the organisation it is for. Its template is its series."""
    data = event["data"]
    kind, _, owner = str(data.get("recipient", "")).partition(":")
    owner_id = as_uuid(owner)
    if kind == "org" and owner_id is not None:
        org = await Organisation.get_or_none(id=owner_id, using_db=conn)
        owner_id = org.owner_id if org is not None else None
    elif kind != "user":
        owner_id = None
    series, document_id = str(data.get("series", "")), str(data.get("document_id", ""))
    if owner_id is None or series not in ("receipt", "credit_note", "invoice") or as_uuid(document_id) is None:
        return []
    issued = instant(data.get("issued_at"))
    return [Target(str(owner_id), "finance_document", document_id, template=f"document.{series}",
                   values={"reference": str(data.get("reference", "")),
                           "amount": Amount(int(data.get("total", 0)), str(data.get("currency", ""))),
                           "when": Day(issued) if issued else Phrase("soon")},
                   data={"document_id": document_id, "booking_id": data.get("booking_id")})]
