"""Messaging: conversations between the parties of a booking or a job and support threads,
messages with a per-conversation `seq`, read receipts, typing, and the scam screen."""
