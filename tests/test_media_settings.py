"""The uploads' settings (app/media_settings.py): refused in plain words, production on S3 only."""

from __future__ import annotations

import pytest

from app.settings import SettingsError, load_settings
from domain.media.models import UploadKind
from domain.media.rules import DEFAULT_RULES, rules_with

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("overrides", "words"), [
    ({"media_storage": "s3"}, "MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET"),
    ({"media_storage": "ftp"}, "MEDIA_STORAGE"),
    ({"media_max_bytes": {"selfie": 10}}, "'selfie' is not an upload kind"),
    ({"media_max_bytes": {"evidence": 0}}, "at least 1 byte"),
    ({"media_signing_key": "short"}, "at least 32 characters"),
    ({"media_s3_endpoint_url": "minio:9000"}, "http(s) address"),
    ({"media_s3_access_key_id": "AKIA", "media_s3_bucket": "b"}, "go together"),
])
def test_bad_media_settings_are_refused_in_plain_words(overrides, words) -> None:
    with pytest.raises(SettingsError, match=words.replace("(", r"\(").replace(")", r"\)")):
        load_settings(**overrides)


def test_production_keeps_uploads_in_a_bucket_not_on_a_replica_disk() -> None:
    with pytest.raises(SettingsError, match="MEDIA_STORAGE must be s3 in production"):
        load_settings(app_env="production")


def test_per_kind_overrides_change_only_what_they_name() -> None:
    settings = load_settings(media_max_bytes={"evidence": 1000}, media_retention_days={"attachment": 0},
                             media_s3_bucket="", media_s3_endpoint_url="")
    assert settings.media_s3_bucket is None and settings.media_s3_endpoint_url is None
    rules = rules_with(settings.media_max_bytes, settings.media_retention_days)
    assert rules[UploadKind.EVIDENCE].max_bytes == 1000
    assert rules[UploadKind.ATTACHMENT].retention is None
    assert rules[UploadKind.DOCUMENT] == DEFAULT_RULES[UploadKind.DOCUMENT]
