"""Issue 15: a serviceman is assigned to a booking only while they hold every credential its
category requires (domain/catalog/requirements.py); otherwise 403 naming what is missing or lapsed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from domain.bookings.models import Booking
from domain.catalog import requirements
from domain.catalog.models import Service
from domain.profiles import credentials
from domain.shared.errors import Forbidden


async def category_of(booking: Booking, conn: Any = None) -> str | None:
    if booking.service_id:
        service = await Service.filter(id=booking.service_id).using_db(conn).first()
        return str(service.category_id) if service is not None and service.category_id else None
    if booking.job_id:  # through the relation: bookings never import jobs/
        await booking.fetch_related("job", using_db=conn)
        job = booking.job
        return str(job.category_id) if job is not None else None
    return None


async def require_verified_crew(category_id: str | None, crew: Iterable[object], conn: Any = None) -> None:
    required = await requirements.effective(category_id, conn)
    if not required:
        return
    holding = await credentials.held_by(list(crew), conn)
    for user_id in crew:
        lacking = credentials.missing(required, holding.get(str(user_id), set()))
        if lacking:
            raise Forbidden(f"{user_id} cannot be assigned: this work needs a verified, unexpired "
                            f"{requirements.describe(lacking)} (missing or lapsed: {', '.join(lacking)}).",
                            details={"serviceman_id": str(user_id), "missing": lacking})
