"""The rollups behind the dashboards. Only the reaction (reactions.py) and the rebuild
(rebuild.py) write them; a dashboard request reads nothing else.

- `dashboard_counter`: one integer per (scope, subject, member, day, metric, currency). Money is
  minor units per currency; rates are never stored, the read divides two counters.
  Scopes: `serviceman` (subject: the user id), `provider` (subject: the organisation id),
  `crew` (subject: the organisation id, member: the serviceman), `platform` (subject `platform`).
- `dashboard_crew`: a provider's crew now (accepted serviceman memberships), each with whether
  verification blocks them from some of their trades."""

from __future__ import annotations

from tortoise import fields

from domain.shared.orm import Model


class DashboardCounter(Model):
    id = fields.BigIntField(primary_key=True)
    scope = fields.CharField(max_length=16)
    subject = fields.CharField(max_length=64)
    member = fields.CharField(max_length=64, default="")
    day = fields.DateField(description="UTC day of the raw row's timestamp")
    metric = fields.CharField(max_length=32)
    currency = fields.CharField(max_length=3, default="", description="money metrics only")
    value = fields.BigIntField(default=0)

    class Meta:
        table = "dashboard_counter"
        unique_together = (("scope", "subject", "member", "day", "metric", "currency"),)
        indexes = (("member",),)


class DashboardCrew(Model):
    id = fields.BigIntField(primary_key=True)
    organisation_id = fields.UUIDField()
    serviceman_id = fields.UUIDField(db_index=True)
    blocked = fields.BooleanField(default=False)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "dashboard_crew"
        unique_together = (("organisation_id", "serviceman_id"),)


class DashboardRebuildSkip(Model):
    """The watermark of the last `fieldsync dashboards rebuild` (rebuild.py): the events its
    snapshot of the raw tables already counted but the `dashboards` consumer had not handled
    yet. The consumer deletes an event's row when it meets it and adds nothing for it."""

    event_id = fields.UUIDField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "dashboard_rebuild_skip"
        table_description = "Events a dashboards rebuild counted ahead of the consumer"
