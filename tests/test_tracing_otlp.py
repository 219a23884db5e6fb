"""Traces leave over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/observability.md)."""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestServer
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from tests.support.waiting import wait_for_value


async def test_spans_go_to_the_configured_otlp_endpoint(make_client):
    """OTEL_EXPORTER_OTLP_ENDPOINT: a collector (here a local aiohttp server) receives the spans
    over OTLP/HTTP in protobuf, the request's among them."""
    received: list[ExportTraceServiceRequest] = []

    async def traces(request: web.Request) -> web.Response:
        message = ExportTraceServiceRequest()
        message.ParseFromString(await request.read())
        received.append(message)
        return web.Response(body=b"", content_type="application/x-protobuf")

    collector = web.Application()
    collector.router.add_post("/v1/traces", traces)
    server = TestServer(collector, host="127.0.0.1")
    await server.start_server()
    try:
        client = await make_client(otel_exporter_otlp_endpoint=f"http://127.0.0.1:{server.port}")
        assert (await client.get("/v1/meta", headers={"X-Request-ID": "otlp-1"})).status == 200

        def names() -> set[str]:
            return {
                span.name
                for message in received
                for resource in message.resource_spans
                for scope in resource.scope_spans
                for span in scope.spans
            }

        # The batch processor exports every few seconds from its own thread.
        seen = await wait_for_value(
            names,
            lambda found: any(n.startswith("GET /v1/meta") for n in found),
            30,
            "the request's span at the collector",
        )
        assert seen
        service = {
            attribute.value.string_value
            for message in received
            for resource in message.resource_spans
            for attribute in resource.resource.attributes
            if attribute.key == "service.name"
        }
        assert service == {"fieldsync"}
    finally:
        await server.close()
