"""Job, bid and comment domain events (catalogued in docs/events.md)."""

from __future__ import annotations

from typing import Any

from domain.jobs.models import Bid, Job
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork


def job_data(job: Job, **extra: Any) -> dict[str, Any]:
    zone_id = job.zone_id
    data: dict[str, Any] = {
        "job_id": str(job.id),
        "customer_id": str(job.customer_id),
        "category_id": str(job.category_id),
        "zone_id": str(zone_id) if zone_id else None,
        "state": job.state.value,
        "version": job.version,
    }
    data.update(extra)
    return data


def bid_data(bid: Bid, job: Job, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "bid_id": str(bid.id),
        "job_id": str(job.id),
        "customer_id": str(job.customer_id),
        "serviceman_id": str(bid.serviceman_id),
        "state": bid.state.value,
        "amount": {"amount": bid.amount, "currency": bid.currency},
        "version": bid.version,
    }
    data.update(extra)
    return data


async def emit(uow: UnitOfWork, type_: str, subject: str, actor_id: str | None, data: dict[str, Any]) -> None:
    await uow.record(DomainEvent(stream="domain", type=type_, subject=subject, actor_id=actor_id, data=data))
