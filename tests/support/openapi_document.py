"""The OpenAPI document as GET /v1/openapi.json serves it, built in-process without services:
the same route tables `rest.app.setup_rest` mounts, through the same `build_openapi`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aiohttp import web

from rest.app import ROUTE_TABLES
from rest.openapi import build_openapi
from rest.routing import ROUTES


def openapi_document() -> dict[str, Any]:
    app = web.Application()
    for table in ROUTE_TABLES:
        table.mount(app)
    return build_openapi(app[ROUTES])


def write_document(directory: Path) -> Path:
    path = directory / "openapi.json"
    path.write_text(json.dumps(openapi_document(), indent=1))
    return path
