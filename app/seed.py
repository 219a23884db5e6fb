"""The demo dataset for the run command. Never in production.

Demo accounts (all with the password `demo-password-1`):
customer@demo.fieldsync.dev, serviceman@demo.fieldsync.dev, provider@demo.fieldsync.dev,
enterprise@demo.fieldsync.dev, admin@demo.fieldsync.dev.
"""

from __future__ import annotations

from tortoise import Tortoise

from app.db import tortoise_config
from app.settings import Settings
from domain.accounts.models import Membership, Organisation, OrgRole, Role, User
from domain.accounts.passwords import Argon2Params, Passwords

DEMO_PASSWORD = "demo-password-1"  # noqa: S105 - documented demo credential, refused in production
DEMO_DOMAIN = "demo.fieldsync.dev"


class DemoSeedRefused(Exception):
    pass


async def seed_demo(settings: Settings) -> str:
    if settings.is_production:
        raise DemoSeedRefused("the demo dataset is refused in production (APP_ENV=production)")
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        if await User.filter(email=f"admin@{DEMO_DOMAIN}").exists():
            return "already present"
        passwords = Passwords(
            Argon2Params(settings.argon2_time_cost, settings.argon2_memory_cost_kib, settings.argon2_parallelism)
        )
        password_hash = await passwords.hash(DEMO_PASSWORD)
        users = {}
        for role in Role:
            users[role] = await User.create(
                email=f"{role.value}@{DEMO_DOMAIN}",
                name=f"Demo {role.value.title()}",
                roles=[role.value],
                region="demo-city",
                password_hash=password_hash,
            )
        org = await Organisation.create(name="Demo Plumbing Co.", owner=users[Role.PROVIDER])
        await Membership.create(organisation=org, user=users[Role.PROVIDER], role=OrgRole.OWNER)
        await Membership.create(organisation=org, user=users[Role.SERVICEMAN], role=OrgRole.SERVICEMAN)
        return f"{len(users)} users (password {DEMO_PASSWORD!r}), 1 provider organisation"
    finally:
        await Tortoise.close_connections()
