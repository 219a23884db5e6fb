"""The SMTP adapter of the `EmailSender` port (aiosmtplib): one connection per email, plain text
and HTML as alternatives of one message.

Refusals map to outcomes by the server's reply: a 5xx to the recipient (RCPT TO) is a hard
bounce; any other 5xx (the sender, the content, our credentials) is a rejection; a 4xx, a
timeout or a dropped connection is worth a retry."""

from __future__ import annotations

from email.message import EmailMessage as MimeMessage
from email.utils import formatdate, make_msgid

import aiosmtplib

from push.email_sender import EmailMessage, EmailOutcome, EmailResult


class SmtpSender:
    name = "smtp"

    def __init__(self, *, host: str, port: int, sender: str, username: str | None = None,
                 password: str | None = None, use_tls: bool = False, start_tls: bool | None = None,
                 timeout: float = 30.0) -> None:
        self._host, self._port, self._from = host, port, sender
        self._username, self._password = username, password
        self._use_tls, self._start_tls, self._timeout = use_tls, start_tls, timeout

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    def mime(self, message: EmailMessage) -> MimeMessage:
        mime = MimeMessage()
        mime["From"] = self._from
        mime["To"] = message.to
        mime["Subject"] = message.subject
        mime["Date"] = formatdate(localtime=False, usegmt=True)
        mime["Message-ID"] = make_msgid(domain=self._from.rsplit("@", 1)[-1].strip("> ") or None)
        mime["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to us
        for name, value in message.headers.items():
            mime[name] = value
        mime.set_content(message.text)
        mime.add_alternative(message.html, subtype="html")
        mime["Content-Language"] = message.language  # after the body: set_content clears Content-* headers
        return mime

    @property
    def where(self) -> str:
        return f"{'smtps' if self._use_tls else 'smtp'}://{self._host}:{self._port}"

    async def probe(self, timeout: float) -> str:
        """The status summary's check (app/status_wiring.py): connect, EHLO, NOOP, QUIT; no
        STARTTLS, no login, nothing sent. Raises when the server does not answer so."""
        client = aiosmtplib.SMTP(hostname=self._host, port=self._port, use_tls=self._use_tls, start_tls=False,
                                 timeout=timeout)
        await client.connect()
        try:
            await client.ehlo()
            answer = await client.noop()
        finally:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                client.close()
        return f"SMTP {self.where} answers ({answer.code} to NOOP)"

    async def send(self, message: EmailMessage) -> EmailResult:
        try:
            await aiosmtplib.send(self.mime(message), hostname=self._host, port=self._port,
                                  username=self._username, password=self._password, use_tls=self._use_tls,
                                  start_tls=self._start_tls, timeout=self._timeout)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = [refused.code for refused in exc.recipients]
            detail = "; ".join(f"{refused.code} {refused.message}" for refused in exc.recipients)[:500]
            permanent = bool(codes) and all(500 <= code < 600 for code in codes)
            return EmailResult(EmailOutcome.BOUNCED if permanent else EmailOutcome.RETRY, detail)
        except aiosmtplib.SMTPResponseException as exc:
            detail = f"{exc.code} {exc.message}"[:500]
            return EmailResult(EmailOutcome.REJECTED if 500 <= exc.code < 600 else EmailOutcome.RETRY, detail)
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            return EmailResult(EmailOutcome.RETRY, repr(exc)[:500])
        return EmailResult(EmailOutcome.SENT)
