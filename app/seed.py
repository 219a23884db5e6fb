"""The demo dataset for the run command. Never in production."""

from __future__ import annotations

from tortoise import Tortoise

from app.db import tortoise_config
from app.settings import Settings


class DemoSeedRefused(Exception):
    pass


async def seed_demo(settings: Settings) -> str:
    if settings.is_production:
        raise DemoSeedRefused("the demo dataset is refused in production (APP_ENV=production)")
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        # Contexts add their demo rows here as they land (accounts, zones, catalogue...).
        return "nothing to seed yet"
    finally:
        await Tortoise.close_connections()
