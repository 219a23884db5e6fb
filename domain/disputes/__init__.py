"""Disputes (issue 14): a party (or an admin) contests a booking's held money; a timeline of
evidence, responses and offers; SLA timers escalate to admins; outcomes are booked on the
payment case (domain/finance/cases/disputes.py)."""
