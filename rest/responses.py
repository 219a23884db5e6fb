"""orjson responses: one encoder for every JSON body."""

from __future__ import annotations

from typing import Any

import orjson
from aiohttp import web
from pydantic import BaseModel


def dumps(data: Any) -> bytes:
    if isinstance(data, BaseModel):
        return orjson.dumps(data.model_dump(mode="json", exclude_none=False))
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(body=dumps(data), status=status, content_type="application/json", headers=headers)
