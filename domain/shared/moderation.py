"""What replaces content that moderation took out of sight (a bid's message, a comment's body):
others read this notice; the author was told the reason by the decision's notice."""

from __future__ import annotations

REMOVED_NOTICE = "[removed by moderation]"
