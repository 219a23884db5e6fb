"""Errors of delta sync, with the stable codes of PROTOCOL section 4."""

from __future__ import annotations

from domain.shared.errors import DomainError, ErrorCode


class ResyncRequired(DomainError):
    """410: the cursor points before what the server still keeps (or at another database)."""

    code = ErrorCode.RESYNC_REQUIRED
    default_message = "This cursor is too old; sync again from scratch (keep your unpushed mutations)."

