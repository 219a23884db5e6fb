"""Tracing and error tracking settings (issue 17, docs/observability.md), a block of their own
that `Settings` (app/settings.py) inherits; documented in `.env.example` like every other
setting. Both are off unless configured."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings


class ObservabilitySettings(BaseSettings):
    # OpenTelemetry traces over OTLP/HTTP (protobuf) to a collector, e.g. http://otel-collector:4318
    # (spans go to <endpoint>/v1/traces). Unset: no tracing at all, and no cost.
    otel_exporter_otlp_endpoint: str | None = None
    # The `service.name` of every span.
    otel_service_name: str = "fieldsync"
    # The share of new traces kept (0 to 1); a trace started elsewhere follows its caller's choice.
    otel_traces_sampler_ratio: float = Field(1.0, ge=0, le=1)
    # Error tracking: a Sentry (or Sentry-compatible: GlitchTip, ...) DSN. Unset: off.
    sentry_dsn: SecretStr | None = None
    # The environment errors are filed under; unset: APP_ENV.
    sentry_environment: str | None = None
    # The share of errors sent (0 to 1).
    sentry_sample_rate: float = Field(1.0, ge=0, le=1)
