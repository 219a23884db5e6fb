"""What an operator alerts on for the event pipeline."""

from prometheus_client import Counter, Gauge

OUTBOX_PENDING = Gauge("fieldsync_outbox_pending", "Outbox events not yet published")
OUTBOX_LAG = Gauge("fieldsync_outbox_lag_seconds", "Age of the oldest unpublished outbox event")
OUTBOX_PUBLISHED = Counter("fieldsync_outbox_published_total", "Outbox events published", ["stream"])
OUTBOX_FAILURES = Counter("fieldsync_outbox_publish_failures_total", "Failed outbox publish attempts")
CONSUMER_HANDLED = Counter(
    "fieldsync_consumer_events_total", "Events handled by consumers", ["consumer", "outcome"]
)
