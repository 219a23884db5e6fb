"""What an operator alerts on for push delivery (prometheus-client, like bus/metrics.py)."""

from prometheus_client import Counter, Gauge

PUSH_SENT = Counter("fieldsync_push_sent_total", "Pushes FCM accepted, one per device")
PUSH_FAILED = Counter(
    "fieldsync_push_failed_total", "Push attempts to one device that failed, by reason (retried or not)", ["reason"]
)
PUSH_JOBS_FAILED = Counter(
    "fieldsync_push_jobs_failed_total", "Pushes given up on (retries or age exhausted, or rejected)", ["reason"]
)
PUSH_TOKENS_PRUNED = Counter(
    "fieldsync_push_tokens_pruned_total", "Device tokens deleted because FCM reported them dead", ["reason"]
)
PUSH_RATE_LIMITED = Counter(
    "fieldsync_push_rate_limited_total", "Pushes over a user's per-minute limit", ["action"]  # deferred | dropped
)
PUSH_DROPPED = Counter("fieldsync_push_dropped_total", "Pushes not sent on purpose", ["reason"])
PUSH_QUEUE_DEPTH = Gauge("fieldsync_push_queue_depth", "Queued pushes past their not_before (due or in retry backoff)")
PUSH_QUEUE_LAG = Gauge("fieldsync_push_queue_lag_seconds", "How long the oldest of those has been waiting")
