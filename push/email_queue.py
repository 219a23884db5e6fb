"""The email queue's public interface: `enqueue`, called inside the notifier's unit of work, and
`compose`, the plain-text and HTML bodies of a rendered template (the same title and body the
push and the in-app entry show, domain/notifications/i18n.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.shared import tracing
from push.email_models import EmailJob, EmailState

SIGNATURE = "Fieldsync"


def compose(title: str, body: str, language: str) -> tuple[str, str]:
    """(text, html): the body under the title, signed; the HTML is the same words, escaped."""
    text = f"{body}\n\n-- \n{SIGNATURE}\n"
    paragraphs = "".join(f"<p>{escape(part)}</p>" for part in body.split("\n\n") if part.strip())
    html = (f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title></head>"
            '<body style="font-family:sans-serif;max-width:36em;margin:auto;color:#222">'
            f'<h1 style="font-size:1.3em">{escape(title)}</h1>{paragraphs}'
            f'<p style="color:#777;font-size:.85em">{SIGNATURE}</p></body></html>')
    return text, html


async def enqueue(conn: BaseDBAsyncClient | None, *, user_id: UUID | str, kind: str, category: str,
                  language: str, subject: str, body: str) -> None:
    """Queue one email to `user_id`'s address (read when it is sent). Pass the connection of the
    surrounding transaction: the email commits with the event that caused it."""
    now = datetime.now(UTC)
    text, html = compose(subject, body, language)
    await EmailJob.create(user_id=user_id, kind=kind, category=category, language=language[:35],
                          subject=" ".join(subject.split())[:255], text_body=text, html_body=html,
                          next_attempt_at=now, state=EmailState.QUEUED,
                          traceparent=tracing.current_traceparent(), using_db=conn)
