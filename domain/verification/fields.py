"""Each kind of document's own fields, validated: what a submission must say, what it proves
(its credential) and when it expires. The document's number is split off to be sealed; the
other fields are kept as they are (`VerificationDocument.details`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from domain.catalog.requirements import Credential
from domain.shared.errors import ValidationFailed
from domain.verification.models import DocumentKind

_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 /-]{3,39}$")
_DBS_NUMBER = re.compile(r"^\d{12}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# A DBS certificate carries no expiry; the platform asks for a fresh one (or an Update Service
# status check) this often.
DBS_VALIDITY = timedelta(days=3 * 365)
ID_TYPES = ("passport", "driving_licence", "national_id")
DBS_LEVELS = ("basic", "standard", "enhanced")
SCHEMES = (Credential.GAS_SAFE.value, Credential.NICEIC.value)
MAX_TEXT = 200


@dataclass(frozen=True)
class Parsed:
    credential: str
    details: dict[str, Any]  # the fields minus the number
    number: str
    expires_at: datetime | None
    organisation_id: str | None = None


class _Reader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.errors: list[dict[str, Any]] = []

    def _fail(self, name: str, message: str, kind: str = "value_error") -> None:
        self.errors.append({"field": f"fields.{name}", "message": message, "type": kind})

    def text(self, name: str, pattern: re.Pattern[str] | None = None, hint: str = "", optional: bool = False) -> str:
        value = self.data.get(name)
        if value is None or value == "":
            if not optional:
                self._fail(name, "required", "missing")
            return ""
        if not isinstance(value, str) or len(value) > MAX_TEXT or not value.strip():
            self._fail(name, f"text of at most {MAX_TEXT} characters")
            return ""
        if pattern is not None and not pattern.match(value.strip()):
            self._fail(name, hint or "not in the expected format")
            return ""
        return value.strip()

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        value = self.data.get(name)
        if value not in options:
            self._fail(name, f"one of {', '.join(options)}", "missing" if value is None else "value_error")
            return options[0]
        return str(value)

    def day(self, name: str) -> date | None:
        value = self.data.get(name)
        try:
            found = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            found = None
        if found is None or not date(2000, 1, 1) <= found <= date(2100, 1, 1):
            self._fail(name, "a date (YYYY-MM-DD) between 2000 and 2100", "missing" if value is None else "value_error")
        return found

    def amount(self, name: str) -> int:
        value = self.data.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 10**13:
            self._fail(name, "a positive amount in minor units")
            return 0
        return value


def end_of(day: date | None) -> datetime | None:
    """A document valid through `day` stops counting at the start of the next day (UTC)."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC) if day else None


def parse(kind: DocumentKind, data: dict[str, Any], today: date) -> Parsed:
    r = _Reader(data if isinstance(data, dict) else {})
    parsed = _PARSERS[kind](r)
    if parsed.expires_at is not None and parsed.expires_at.date() <= today and not r.errors:
        r.errors.append({"field": "fields.expiry", "message": "the document has expired already",
                         "type": "value_error"})
    if r.errors:
        raise ValidationFailed("The document's fields are not valid.", errors=r.errors)
    return parsed


def _photo_id(r: _Reader) -> Parsed:
    details: dict[str, Any] = {"id_type": r.choice("id_type", ID_TYPES),
               "issuing_country": r.text("issuing_country", _COUNTRY, "an ISO 3166-1 alpha-2 code, e.g. GB")}
    number = r.text("number", _NUMBER, "4-40 letters, digits, spaces, dashes or slashes")
    expiry = r.day("expiry")
    details["expiry"] = expiry.isoformat() if expiry else None
    return Parsed(Credential.PHOTO_ID, details, number, end_of(expiry))


def _insurance(r: _Reader) -> Parsed:
    start, expiry = r.day("start"), r.day("expiry")
    if start and expiry and expiry <= start:
        r.errors.append({"field": "fields.expiry", "message": "must be after start", "type": "value_error"})
    details = {"insurer": r.text("insurer"), "cover_amount": r.amount("cover_amount"),
               "currency": r.text("currency", _CURRENCY, "an ISO 4217 code, e.g. GBP"),
               "start": start.isoformat() if start else None, "expiry": expiry.isoformat() if expiry else None}
    number = r.text("policy_number", _NUMBER, "4-40 letters, digits, spaces, dashes or slashes")
    return Parsed(Credential.INSURANCE, details, number, end_of(expiry))


def _dbs(r: _Reader) -> Parsed:
    level = r.choice("level", DBS_LEVELS)
    issued = r.day("issue_date")
    update_id = r.text("update_service_id", _NUMBER, "4-40 letters, digits, spaces, dashes or slashes",
                       optional=True)
    number = r.text("certificate_number", _DBS_NUMBER, "the 12 digits of the certificate")
    details = {"level": level, "issue_date": issued.isoformat() if issued else None,
               "update_service": bool(update_id)}
    if update_id:
        details["update_service_id_last4"] = update_id[-4:]
    expires = datetime.combine(issued, time(), tzinfo=UTC) + DBS_VALIDITY if issued else None
    return Parsed(f"dbs_{level}", details, number, expires)


def _accreditation(r: _Reader) -> Parsed:
    scheme = r.choice("scheme", SCHEMES)
    expiry = r.day("expiry")
    number = r.text("register_number", _NUMBER, "4-40 letters, digits, spaces, dashes or slashes")
    return Parsed(scheme, {"scheme": scheme, "expiry": expiry.isoformat() if expiry else None}, number,
                  end_of(expiry))


def _business(r: _Reader) -> Parsed:
    org = r.text("organisation_id", re.compile(r"^[0-9a-fA-F-]{36}$"), "the organisation's id")
    details = {"registered_name": r.text("registered_name"),
               "country": r.text("country", _COUNTRY, "an ISO 3166-1 alpha-2 code, e.g. GB")}
    number = r.text("registration_number", _NUMBER, "4-40 letters, digits, spaces, dashes or slashes")
    return Parsed(Credential.BUSINESS_REGISTRATION, details, number, None, organisation_id=org or None)


_PARSERS = {DocumentKind.PHOTO_ID: _photo_id, DocumentKind.INSURANCE: _insurance, DocumentKind.DBS: _dbs,
            DocumentKind.ACCREDITATION: _accreditation, DocumentKind.BUSINESS_REGISTRATION: _business}

# What each credential implies: a DBS level covers the levels below it.
IMPLIES: dict[str, tuple[str, ...]] = {
    Credential.DBS_ENHANCED: (Credential.DBS_STANDARD, Credential.DBS_BASIC),
    Credential.DBS_STANDARD: (Credential.DBS_BASIC,),
}
