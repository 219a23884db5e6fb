"""The operator's status summary (issue 20, `GET /v1/admin/status`): dependencies, backlogs,
open incidents of the money and dispute workers, the jobs' last runs and the versions running.

Read-only and bounded: every probe runs concurrently under one short timeout, and a probe that
fails or is slow is reported as such, never raised. What it reads beyond this context's own
tables (Redis, Kafka, the push queue, the sync op log, the instance registry) comes through the
ports of `ports.py`, plugged in by the composition root (app/status_wiring.py)."""
