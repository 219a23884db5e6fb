"""Wire shapes of flags and remote config: the admin API, the OpenFeature remote evaluation
protocol (OFREP) and the capability manifest."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from domain.flags.models import FlagKind
from domain.flags.rules import Definition, Evaluation
from domain.flags.services import ScheduleView
from domain.notifications.models import Platform
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, StrictIn

JsonValue = Any
Reason = Literal["STATIC", "TARGETING_MATCH", "SPLIT", "DEFAULT", "DISABLED", "ERROR", "UNKNOWN"]


class FlagIn(StrictIn):
    """A flag's value now. `rules` (first match wins): `{value, roles?, regions?, platforms?,
    min_version?, max_version?, percentage?, variant?}`; omitted: the current rules stay."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"value": False, "rules": [{"value": True, "percentage": 30, "regions": ["GB"]}]}]})

    value: JsonValue = Field(description="the default value, of the flag's kind")
    kind: FlagKind | None = Field(None, description="required for a new flag; a flag keeps its kind")
    rules: list[dict[str, JsonValue]] | None = Field(None, max_length=50)
    client_visible: bool | None = Field(None, description="evaluated for apps and synced (`config`)")
    description: str | None = Field(None, max_length=2000)
    version: int | None = Field(None, ge=0, le=2**31 - 1, description="the version you read; a stale one is a 409")


class FlagScheduleIn(StrictIn):
    effective_at: datetime = Field(description="when the change applies (RFC 3339)")
    value: JsonValue = Field(None, description="the new default value; null keeps it")
    rules: list[dict[str, JsonValue]] | None = Field(None, max_length=50, description="the new rules; null keeps them")


class FlagOut(BaseModel):
    key: str
    kind: FlagKind
    value: JsonValue
    rules: list[dict[str, JsonValue]]
    client_visible: bool
    description: str
    version: int = Field(description="0: the built-in default, never changed")

    @classmethod
    def of(cls, d: Definition) -> FlagOut:
        return cls(key=d.key, kind=d.kind, value=d.value, rules=[r.wire() for r in d.rules],
                   client_visible=d.client_visible, description=d.description, version=d.version)


class FlagsOut(BaseModel):
    flags: list[FlagOut]


class FlagScheduleOut(BaseModel):
    id: str
    key: str
    effective_at: Instant
    value: JsonValue
    rules: list[dict[str, JsonValue]] | None
    state: Literal["pending", "applied", "cancelled"]
    applied_at: Instant | None

    @classmethod
    def of(cls, view: ScheduleView) -> FlagScheduleOut:
        return cls(id=view.id, key=view.key, effective_at=isoformat(view.effective_at), value=view.value,
                   rules=view.rules, state=view.state,  # type: ignore[arg-type]
                   applied_at=isoformat(view.applied_at) if view.applied_at else None)


class FlagSchedulesOut(BaseModel):
    schedules: list[FlagScheduleOut]


# -- OFREP ---------------------------------------------------------------------------------------

class OfrepContext(BaseModel):
    """The evaluation context. The server builds who you are from your token (`targetingKey` is
    your user id whatever you send; roles and region from your account); the app adds
    `platform` and `appVersion` (else read from `X-App-Version`). Other keys are ignored."""

    model_config = ConfigDict(extra="allow")

    targetingKey: str | None = Field(None, max_length=200)
    platform: Literal["android", "ios", "web"] | None = None
    appVersion: str | None = Field(None, max_length=120)


class OfrepIn(BaseModel):
    model_config = ConfigDict(extra="allow")

    context: OfrepContext = Field(default_factory=lambda: OfrepContext.model_validate({}))


class OfrepFlag(BaseModel):
    key: str
    value: JsonValue
    reason: Reason
    variant: str
    metadata: dict[str, JsonValue] = Field(default_factory=dict)

    @classmethod
    def of(cls, e: Evaluation) -> OfrepFlag:
        return cls(key=e.key, value=e.value, reason=e.reason, variant=e.variant,  # type: ignore[arg-type]
                   metadata={**e.metadata, "kind": e.kind.value})


class OfrepBulkOut(BaseModel):
    flags: list[OfrepFlag]
    metadata: dict[str, JsonValue] = Field(default_factory=dict)


# -- capabilities ------------------------------------------------------------------------------------

class MaintenanceOut(BaseModel):
    active: bool
    retry_after: int | None
    message: str


class AppVersionsOut(BaseModel):
    minimum: dict[str, str] = Field(description="platform -> the oldest app version served (absent: any)")
    store_urls: dict[str, str] = Field(description="platform -> where the app is updated")
    yours: str | None = Field(description="the version your X-App-Version names")
    platform: Platform | None = Field(description="your platform, when it is one the apps ship on")


class LimitsOut(BaseModel):
    max_body_bytes: int
    upload_max_bytes: dict[str, int] = Field(description="upload kind -> its size cap")
    rate_limit_per_minute: int = Field(description="HTTP requests per user per minute")
    auth_rate_limit_per_minute: int
    socket_events_per_second: float
    socket_event_burst: int
    socket_max_event_bytes: int


class CapabilitiesOut(BaseModel):
    api_version: str = Field(examples=["v1"])
    server_version: str
    config_version: str = Field(description="changes whenever a flag or config value does")
    app: AppVersionsOut
    features: dict[str, JsonValue] = Field(description="every client-visible flag and config value, evaluated for you")
    maintenance: MaintenanceOut
    limits: LimitsOut
