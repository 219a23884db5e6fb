"""The uploads' settings (issue 14, domain/media), a block of their own that `Settings`
(app/settings.py) inherits; documented in `.env.example` like every other setting."""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings

from domain.media.models import UploadKind

# Signs the local disk store's URLs outside production only (a public value).
DEV_MEDIA_SIGNING_KEY = "dev-insecure-media-signing-key-000000000000"
MAX_UPLOAD_BYTES = 1024 * 1024 * 1024  # no kind may allow more than 1 GiB


class MediaSettings(BaseSettings):
    # Where uploaded files live: the local disk (one process: the embedded default) or an
    # S3-compatible bucket (production; MEDIA_S3_ENDPOINT_URL for MinIO, R2 and the like).
    media_storage: str = Field("local", pattern="^(local|s3)$")
    media_local_dir: str = ".fieldsync/media"
    # Signs the local store's upload and download URLs (32+ characters).
    media_signing_key: SecretStr = SecretStr(DEV_MEDIA_SIGNING_KEY)
    media_s3_bucket: str | None = None
    media_s3_region: str = "us-east-1"
    media_s3_endpoint_url: str | None = None
    # Unset: the default AWS credential chain (instance role, environment, profile).
    media_s3_access_key_id: str | None = None
    media_s3_secret_access_key: SecretStr | None = None
    # Create the bucket at start-up if missing (local MinIO; production buckets are made by ops).
    media_s3_create_bucket: bool = False
    # How long a signed upload and a download URL work.
    media_upload_ttl_seconds: int = Field(900, ge=10, le=7 * 86400)
    media_download_ttl_seconds: int = Field(300, ge=1, le=86400)
    # Uploads nobody attached within this many hours are deleted; the sweep runs this often.
    media_orphan_hours: float = Field(24.0, gt=0)
    media_sweep_interval_seconds: float = Field(3600.0, ge=1)
    # Per-kind overrides of the size caps (bytes) and retention (days; 0: as long as it is
    # attached) in domain/media/rules.py, as JSON: {"evidence": 10485760}.
    media_max_bytes: dict[str, int] = Field(default_factory=dict)
    media_retention_days: dict[str, float] = Field(default_factory=dict)

    @field_validator("media_max_bytes", "media_retention_days")
    @classmethod
    def _per_kind(cls, value: dict[str, float]) -> dict[str, float]:
        kinds = {kind.value for kind in UploadKind}
        for name, number in value.items():
            if name not in kinds:
                raise ValueError(f"{name!r} is not an upload kind ({', '.join(sorted(kinds))})")
            if number < 0 or number > MAX_UPLOAD_BYTES:
                raise ValueError(f"{name}: {number} is out of range")
        return value

    @field_validator("media_signing_key")
    @classmethod
    def _long_media_key(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    @field_validator("media_s3_bucket", "media_s3_access_key_id", "media_s3_secret_access_key", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        """compose passes `${NAME:-}` through as an empty string: that is unset."""
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("media_s3_endpoint_url")
    @classmethod
    def _endpoint(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) address (e.g. https://minio.internal:9000)")
        return value.strip().rstrip("/")

    @model_validator(mode="after")
    def _media_rules(self) -> MediaSettings:
        if self.media_storage == "s3" and not self.media_s3_bucket:
            raise ValueError("MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET")
        if (self.media_s3_access_key_id is None) != (self.media_s3_secret_access_key is None):
            raise ValueError("MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together")
        if any(value == 0 for value in self.media_max_bytes.values()):
            raise ValueError("MEDIA_MAX_BYTES: a size cap must be at least 1 byte")
        return self


def media_production_problems(settings: MediaSettings) -> list[str]:
    """What production refuses: files on one replica's disk (signed with a public key), plain http."""
    problems = []
    if settings.media_storage != "s3":  # and so the local store's MEDIA_SIGNING_KEY is never used there
        problems.append("MEDIA_STORAGE must be s3 in production (a replica's disk is not shared)")
    if settings.media_s3_endpoint_url and not settings.media_s3_endpoint_url.startswith("https://"):
        problems.append("MEDIA_S3_ENDPOINT_URL must be https:// in production")
    return problems
