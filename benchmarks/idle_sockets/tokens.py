"""N accounts and one valid access token each, for the idle-socket benchmark, without N logins.

The accounts are written in one unit of work with bulk inserts (one shared argon2 hash, as
`fieldsync seed-load` does); each token is signed by `TokenSigner` with the key the server is
configured with (JWT_SIGNING_KEYS / JWT_ACTIVE_KID from the same environment), with the claims a
login hands out (`sub`, roles, `jti`, a session id `sid`, `exp` = ACCESS_TOKEN_TTL_SECONDS from
now). A socket handshake checks exactly those (signature, audience, issuer, expiry, revocations);
it reads no database row, so the refresh-token rows of a real login are not written.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/idle_sockets/tokens.py --users 20000 --out tokens.txt

Refused in production; a second run on the same database reuses the accounts it finds.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tortoise import Tortoise

from app.db import tortoise_config
from app.protection import make_pseudonyms
from app.settings import load_settings
from domain.accounts.models import User
from domain.accounts.passwords import Argon2Params, Passwords
from domain.accounts.tokens import TokenSigner
from domain.shared.uow import unit_of_work

DOMAIN = "idle.fieldsync.dev"
BATCH = 1000


def email(index: int) -> str:
    return f"idle-user-{index}@{DOMAIN}"


async def seed_and_sign(users: int, out: Path) -> tuple[list[str], str]:
    settings = load_settings()
    if settings.is_production:
        raise SystemExit("refused in production (APP_ENV=production)")
    started = time.perf_counter()
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        existing = await User.filter(email__endswith=f"@{DOMAIN}").count()
        if existing < users:
            passwords = Passwords(Argon2Params(settings.argon2_time_cost, settings.argon2_memory_cost_kib,
                                               settings.argon2_parallelism))
            password_hash = await passwords.hash("idle-password-1")
            pseudonyms = make_pseudonyms(settings)
            rows = [
                User(email=email(i), email_index=pseudonyms.email_index(email(i)), name=f"Idle User {i}",
                     roles=["customer"], region=settings.default_region, password_hash=password_hash)
                for i in range(existing, users)
            ]
            async with unit_of_work() as uow:
                await User.bulk_create(rows, batch_size=BATCH, using_db=uow.connection)
        seeded = time.perf_counter()
        accounts = await User.filter(email__endswith=f"@{DOMAIN}").limit(users).values_list("id", "roles")
    finally:
        await Tortoise.close_connections()
    signer = TokenSigner(settings.signing_keys, settings.jwt_active_kid, settings.access_token_ttl_seconds)
    tokens = [signer.issue_access(str(user_id), list(roles), session_id=str(uuid.uuid4()))
              for user_id, roles in accounts]
    done = time.perf_counter()
    return tokens, (f"{len(tokens)} accounts ({max(0, users - existing)} written) in {seeded - started:.1f} s, "
            f"{len(tokens)} tokens signed in {done - seeded:.1f} s -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    tokens, summary = asyncio.run(seed_and_sign(args.users, args.out))
    args.out.write_text("\n".join(tokens) + "\n")
    print(summary, file=sys.stderr)


if __name__ == "__main__":
    main()
