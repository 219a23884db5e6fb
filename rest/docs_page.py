"""GET /v1/docs: the OpenAPI document rendered by Swagger UI, served from the app itself (the
assets come with the pinned `swagger-ui-py` package): no CDN, and a policy that lets the page
load nothing from anywhere else."""

from __future__ import annotations

import functools
from importlib import resources

from aiohttp import web

from domain.shared.errors import NotFound

DOCS_PATH = "/v1/docs"
# Everything from this origin; inline styles only because Swagger UI sets style attributes.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# The package's own files this page uses, by the name it is served under, with their type.
VENDORED = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "favicon-32x32.png": "image/png",
}
# Relative URLs: the page works under any prefix a proxy mounts the API at.
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fieldsync API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/start.js"></script>
</body>
</html>
"""
# validatorUrl null: Swagger UI would otherwise send the document to an outside validator.
START = """window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({url: "openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null});
});
"""
ASSET_MAX_AGE = "public, max-age=86400"


@functools.cache
def _vendored(name: str) -> bytes:
    return (resources.files("swagger_ui") / "static" / name).read_bytes()


def _headers(cache: str) -> dict[str, str]:
    return {"Content-Security-Policy": DOCS_CSP, "Cache-Control": cache}


async def docs_page(_request: web.Request) -> web.Response:
    return web.Response(text=PAGE, content_type="text/html", headers=_headers("no-cache"))


async def docs_asset(request: web.Request) -> web.Response:
    name = request.match_info["asset"]
    if name == "start.js":
        return web.Response(text=START, content_type="text/javascript", headers=_headers("no-cache"))
    if name not in VENDORED:
        raise NotFound()
    return web.Response(body=_vendored(name), content_type=VENDORED[name], headers=_headers(ASSET_MAX_AGE))


def docs_routes() -> list[web.RouteDef]:
    return [web.get(DOCS_PATH, docs_page), web.get(DOCS_PATH + "/{asset}", docs_asset)]
