"""The HTTP shell every route gets: problems for unknown routes and methods, request ids,
security headers, CORS, metrics, request logs, readiness, and the generated OpenAPI."""

from __future__ import annotations

import logging
import secrets

from openapi_spec_validator import validate

from tests.support.services import free_port

PROBLEM = "application/problem+json"
ALLOWED_ORIGIN = "https://app.fieldsync.test"  # the test settings' CORS allowlist


async def problem(response, status: int, code: str) -> dict:
    assert response.status == status, await response.text()
    assert response.content_type == PROBLEM
    body = await response.json(content_type=PROBLEM)
    assert body["code"] == code and body["status"] == status
    assert body["request_id"] == response.headers["X-Request-ID"]
    return body


async def test_unknown_route_is_a_404_problem(client):
    await problem(await client.get("/v1/no-such-thing"), 404, "not_found")
    await problem(await client.get("/nowhere"), 404, "not_found")


async def test_wrong_method_is_a_405_problem_with_allow(client):
    response = await client.post("/v1/meta", json={})
    await problem(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


async def test_request_id_is_echoed_or_generated(client):
    echoed = await client.get("/v1/meta", headers={"X-Request-ID": "client-req.42_a"})
    assert echoed.headers["X-Request-ID"] == "client-req.42_a"
    generated = await client.get("/v1/meta")
    other = await client.get("/v1/meta")
    assert generated.headers["X-Request-ID"] and generated.headers["X-Request-ID"] != other.headers["X-Request-ID"]
    # An id that could inject into logs or headers is replaced, not echoed.
    for insane in ("a b", "x" * 129, "<script>"):
        response = await client.get("/v1/meta", headers={"X-Request-ID": insane})
        assert response.headers["X-Request-ID"] != insane
    missing = await client.get("/v1/missing", headers={"X-Request-ID": "trace-404"})
    assert (await missing.json(content_type=PROBLEM))["request_id"] == "trace-404"


async def test_security_headers_on_every_response(client):
    for path in ("/v1/meta", "/v1/missing", "/healthz"):
        response = await client.get(path)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in response.headers  # only in production
    assert (await client.get("/v1/meta")).headers["Cache-Control"] == "no-store"
    assert "no-store" not in (await client.get("/healthz")).headers.get("Cache-Control", "")


async def test_hsts_in_production(make_client):
    client = await make_client(app_env="production", push_enabled=False,  # no FCM key here
                               email_enabled=False,  # nor an SMTP server (the log sender is refused)
                               payment_gateway="stripe", stripe_secret_key="sk_test_unused",
                               stripe_webhook_secret="whsec_unused",  # the sandbox is refused in production
                               media_storage="s3", media_s3_bucket="unused",  # and so is the local disk
                               # protection at rest refuses the development keys in production
                               data_encryption_keys="k1:a2V5LW9uZS0wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=",
                               data_encryption_active_kid="k1", pii_hash_key="p" * 48)
    response = await client.get("/v1/meta")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert (await response.json())["env"] == "production"


async def test_cors_preflight_from_allowed_origin(client):
    response = await client.options(
        "/v1/meta",
        headers={
            "Origin": ALLOWED_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert response.status == 204
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed_headers = response.headers["Access-Control-Allow-Headers"].lower()
    assert {"authorization", "content-type", "x-request-id"} <= {h.strip() for h in allowed_headers.split(",")}
    simple = await client.get("/v1/meta", headers={"Origin": ALLOWED_ORIGIN})
    assert simple.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "X-Request-ID" in simple.headers["Access-Control-Expose-Headers"]
    assert "Retry-After" in simple.headers["Access-Control-Expose-Headers"]


async def test_cors_refuses_a_foreign_origin(client):
    preflight = await client.options(
        "/v1/meta", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    )
    await problem(preflight, 403, "forbidden")
    assert "Access-Control-Allow-Origin" not in preflight.headers
    simple = await client.get("/v1/meta", headers={"Origin": "https://evil.example"})
    assert simple.status == 200  # the browser, not the server, withholds the body
    assert "Access-Control-Allow-Origin" not in simple.headers


async def test_metrics_count_requests_by_route_template(client):
    await client.get("/v1/meta")
    random_path = f"/v1/probe-{secrets.token_hex(6)}"
    await client.get(random_path)
    text = await (await client.get("/metrics")).text()
    assert 'fieldsync_http_requests_total{method="GET",route="/v1/meta",status="200"}' in text
    assert 'route="unmatched",status="404"' in text
    assert random_path not in text  # raw paths never become labels
    assert 'fieldsync_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/meta"}' in text


async def test_one_structured_log_line_per_request_carries_the_request_id(make_client):
    client = await make_client(log_level="INFO")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    access = logging.getLogger("rest.access")
    handler = Keep()
    access.addHandler(handler)
    try:
        await client.get("/v1/meta", headers={"X-Request-ID": "log-me-1"})
    finally:
        access.removeHandler(handler)
    lines = [r.msg for r in records if isinstance(r.msg, dict) and r.msg.get("request_id") == "log-me-1"]
    assert len(lines) == 1
    line = lines[0]
    assert (line["event"], line["method"], line["route"], line["status"]) == ("request", "GET", "/v1/meta", 200)
    assert line["duration_ms"] >= 0


async def test_readyz_names_a_failing_redis(make_client):
    client = await make_client(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    response = await client.get("/readyz")
    # Redis is a degraded dependency, not a reason to take the replica out of routing.
    assert response.status == 200
    body = await response.json()
    assert body["dependencies"]["redis"] == "down" and body["degraded"] is True
    assert body["checks"] == {"database": "ok"}
    assert "redis" in body["details"]  # an operator on this host sees why
    # The API keeps answering: the rate limiter falls back to this process while Redis is down.
    assert (await client.get("/v1/meta")).status == 200


async def test_openapi_is_valid_31_and_lists_the_routes(client):
    response = await client.get("/v1/openapi.json")
    assert response.status == 200
    document = await response.json()
    validate(document)
    assert document["openapi"].startswith("3.1")
    assert {"/v1/meta", "/v1/openapi.json"} <= set(document["paths"])
    meta = document["paths"]["/v1/meta"]["get"]
    assert meta["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Meta"}
    # Error responses are shared components; each operation keeps its own description (its codes).
    limited = meta["responses"]["429"]
    assert limited["$ref"] == "#/components/responses/TooManyRequests" and "rate_limited" in limited["description"]
    shared = document["components"]["responses"]["TooManyRequests"]
    assert shared["content"][PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert "Retry-After" in shared["headers"]
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


async def test_meta_describes_the_service(client):
    response = await client.get("/v1/meta")
    assert response.status == 200
    body = await response.json()
    assert body["name"] == "fieldsync" and body["api_version"] == "v1" and body["env"] == "test"
    assert body["version"]
