"""GET /v1/docs renders the OpenAPI document with assets the app serves itself (issue 16): the
page, its scripts and styles answer, nothing names another host, and the policy would refuse
anything from elsewhere. The served document is the committed snapshot but for build and host."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from aiohttp.test_utils import TestClient

from app.contracts import CONTRACTS, SNAPSHOT_SERVER, SNAPSHOT_VERSION

EXTERNAL = re.compile(r"(https?:)?//[\w.-]+", re.IGNORECASE)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value for name, value in attrs if name in ("src", "href") and value]


async def test_the_docs_page_and_its_assets_are_served_from_the_app(client: TestClient) -> None:
    page = await client.get("/v1/docs")
    assert page.status == 200 and page.content_type == "text/html"
    html = await page.text()
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    parser = _Links()
    parser.feed(html)
    assert any(link.endswith(".js") for link in parser.links) and any(link.endswith(".css") for link in parser.links)
    for link in parser.links:
        asset = await client.get(f"/v1/{link}")
        assert asset.status == 200, link
        assert asset.content_type in ("text/javascript", "text/css", "image/png"), (link, asset.content_type)
        body = await asset.read()
        assert len(body) > 0
        if link.endswith("start.js"):
            assert not EXTERNAL.search(body.decode()), link
            assert "openapi.json" in body.decode() and "validatorUrl: null" in body.decode()
    missing = await client.get("/v1/docs/../../etc/passwd")
    assert missing.status == 404
    assert (await client.get("/v1/docs/index.html")).status == 404


async def test_the_docs_page_may_load_nothing_from_another_origin(client: TestClient) -> None:
    page = await client.get("/v1/docs")
    policy = page.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'", "no inline or outside script"
    for directive, sources in directives.items():
        for source in sources.split():
            assert source in ("'self'", "'none'", "'unsafe-inline'", "data:"), (directive, source)
    assert "'unsafe-inline'" not in directives["script-src"]


async def test_the_served_document_is_the_committed_snapshot(client: TestClient) -> None:
    served = await (await client.get("/v1/openapi.json")).json()
    snapshot = CONTRACTS["openapi"].build()
    assert snapshot["info"]["version"] == SNAPSHOT_VERSION and snapshot["servers"] == [{"url": SNAPSHOT_SERVER}]
    served["info"]["version"] = SNAPSHOT_VERSION
    served["servers"] = snapshot["servers"]
    assert served == snapshot
