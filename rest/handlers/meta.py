"""Service identity: what clients and operators check first (which build answers, which API)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from rest.deps import service_version
from rest.routing import ApiRequest, RouteTable

API_VERSION = "v1"

routes = RouteTable(tags=("meta",))


class Meta(BaseModel):
    name: str = Field(examples=["fieldsync"])
    version: str = Field(description="The server build's version.")
    api_version: str = Field(description="The client protocol version served under /v1.", examples=["v1"])
    env: str = Field(description="development, test or production.")


@routes.get("/meta", response=Meta, summary="Service name, build version and API version")
async def get_meta(req: ApiRequest[None, None]) -> Meta:
    return Meta(name="fieldsync", version=service_version(), api_version=API_VERSION, env=req.settings.app_env)
