"""The demo dataset for the run command. Never in production.

Demo accounts (all with the password `demo-password-1`), at @demo.fieldsync.dev:
customer, serviceman, provider, enterprise and admin (one per role), plus the people of the
demo marketplace: pipes and drains (plumbers of the provider's "Demo Plumbing Co."), sparkle
(owner of "Sparkle Cleaning"), mop and shine (its cleaners).

The marketplace (app/demo_market.py) is "Demo City": four zones, two providers with their
crews, published services and a package, open jobs with bids, and bookings in several states
(requested, accepted, scheduled, in progress, completed with reviews, cancelled). It is all
written through the domain services, so every row has its events, versions and rating
aggregates as if made by hand. Seeding twice changes nothing.

The demo admin has TOTP on (admins need a second factor, docs/security.md): add the secret
`FIELDSYNCDEMOADMINTOTPSECRET2345` to an authenticator app (or run
`python -c "import pyotp; print(pyotp.TOTP('FIELDSYNCDEMOADMINTOTPSECRET2345').now())"`), then
log in: the password answers 403 `mfa_required` with a challenge for POST /v1/auth/mfa.
"""

from __future__ import annotations

import base64

from tortoise import Tortoise

from app import demo_market
from app.db import tortoise_config
from app.demo_policies import ensure_policies
from app.protection import development_sealer, make_sealer
from app.settings import DEV_MFA_SECRET_KEY, Settings
from domain.accounts.mfa import SecretBox
from domain.accounts.models import MfaTotp, Role, User
from domain.accounts.passwords import Argon2Params, Passwords
from domain.shared.clock import utcnow
from domain.shared.sealing import Sealer

DEMO_PASSWORD = "demo-password-1"  # noqa: S105 - documented demo credential, refused in production
DEMO_DOMAIN = "demo.fieldsync.dev"
DEMO_TOTP_SECRET = "FIELDSYNCDEMOADMINTOTPSECRET2345"  # noqa: S105 - documented demo credential (the demo admin)

# (local part, name, role): one account per role first, then the marketplace's people.
ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    *((role.value, f"Demo {role.value.title()}", role) for role in Role),
    ("pipes", "Paula Pipes", Role.SERVICEMAN),
    ("drains", "Dan Drains", Role.SERVICEMAN),
    ("sparkle", "Sofia Sparkle", Role.PROVIDER),
    ("mop", "Max Mop", Role.SERVICEMAN),
    ("shine", "Shira Shine", Role.SERVICEMAN),
)


class DemoSeedRefused(Exception):
    pass


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


async def seed_demo(settings: Settings) -> str:
    if settings.is_production:
        raise DemoSeedRefused("the demo dataset is refused in production (APP_ENV=production)")
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        passwords = Passwords(
            Argon2Params(settings.argon2_time_cost, settings.argon2_memory_cost_kib, settings.argon2_parallelism)
        )
        return await populate(passwords, make_sealer(settings),
                              SecretBox(base64.b64decode(settings.mfa_secret_key.get_secret_value())),
                              region=settings.default_region)
    finally:
        await Tortoise.close_connections()


async def populate(passwords: Passwords, sealer: Sealer | None = None, box: SecretBox | None = None,
                   region: str = "eu") -> str:
    """Seed into the already initialised Tortoise (the CLI's, or a test's app); idempotent. The
    accounts live in `region` (DEFAULT_REGION); what they create inherits it. The servicemen's homes
    are sealed by `sealer` (default: the development keyring's); `box` seals the demo admin's TOTP
    secret (the development MFA key when not given)."""
    users = await ensure_accounts(passwords, region)
    documents = await ensure_policies(users)
    await ensure_admin_totp(users[Role.ADMIN.value], box or SecretBox(base64.b64decode(DEV_MFA_SECRET_KEY)))
    try:
        market = await demo_market.ensure_market(users, sealer or development_sealer())
    except demo_market.HalfSeeded as exc:
        raise DemoSeedRefused(str(exc)) from None
    return f"{len(users)} users (password {DEMO_PASSWORD!r}); {market}; {documents}"


async def ensure_accounts(passwords: Passwords, region: str = "eu") -> dict[str, User]:
    """The demo accounts by local part; creates the missing ones."""
    users = {user.email.split("@", 1)[0]: user
             for user in await User.filter(email__in=[demo_email(local) for local, _, _ in ACCOUNTS])}
    missing = [entry for entry in ACCOUNTS if entry[0] not in users]
    if missing:
        password_hash = await passwords.hash(DEMO_PASSWORD)  # one hash for all: they share the password
        for local, name, role in missing:
            users[local] = await User.create(email=demo_email(local), name=name, roles=[role.value],
                                             region=region, password_hash=password_hash)
    return users


async def ensure_admin_totp(admin: User, box: SecretBox) -> None:
    """The demo admin's second factor (DEMO_TOTP_SECRET), confirmed; kept if present."""
    if not await MfaTotp.exists(user_id=admin.id):
        await MfaTotp.create(user_id=admin.id, secret_sealed=box.seal(str(admin.id), DEMO_TOTP_SECRET),
                             confirmed_at=utcnow())
