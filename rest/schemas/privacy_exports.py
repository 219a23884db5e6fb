"""Wire shapes of data-subject exports (issue 18, docs/privacy-export.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from domain.privacy.export_service import ExportView
from domain.shared.clock import isoformat
from rest.schemas.common import Instant

State = Literal["requested", "building", "ready", "expired", "failed"]


class ExportOut(BaseModel):
    id: str
    state: State = Field(description="requested, building, ready (download until expires_at), expired, failed.")
    region: str | None = Field(description="Your account's data region when you asked; the bundle is stored there.")
    requested_at: Instant
    ready_at: Instant | None
    expires_at: Instant | None = Field(description="Until then the bundle may be downloaded; then it is deleted.")
    failed_at: Instant | None
    size: int | None = Field(description="Bytes of the bundle, once ready.")
    sha256: str | None = Field(description="Hex SHA-256 of the bundle, once ready.")
    version: int

    @classmethod
    def of(cls, view: ExportView) -> ExportOut:
        def at(moment: object) -> str | None:
            return isoformat(moment) if moment is not None else None  # type: ignore[arg-type]

        return cls(id=view.id, state=view.state, region=view.region,  # type: ignore[arg-type]
                   requested_at=isoformat(view.requested_at), ready_at=at(view.ready_at),
                   expires_at=at(view.expires_at), failed_at=at(view.failed_at), size=view.size,
                   sha256=view.sha256, version=view.version)


class ExportListOut(BaseModel):
    items: list[ExportOut] = Field(description="Your most recent exports (up to 50), newest first.")

    @classmethod
    def of(cls, views: list[ExportView]) -> ExportListOut:
        return cls(items=[ExportOut.of(view) for view in views])
