"""Uploads: one service for every file (evidence, message attachments, listing photos, profile
photos, documents). Bytes live in an object store behind a port (ports.py); the database keeps
what an upload is, who owns it and what holds it (models.py)."""
