"""`fieldsync keys status | rotate | reencrypt`: protection at rest (domain/privacy/at_rest.py).

With the local keyring the keys live in settings (DATA_ENCRYPTION_KEYS, or a file of SECRETS_DIR),
so a rotation is steps an operator takes:
1. `fieldsync keys rotate` prints a new key and the settings for the two deploys below;
2. deploy the new key listed but not yet active, so every replica can open what it will seal;
3. deploy DATA_ENCRYPTION_ACTIVE_KID naming it: new values are sealed under it at once, and the
   at-rest job of every replica rewraps older values in the background (or run
   `fieldsync keys reencrypt`); reads work throughout, every listed key opens;
4. `fieldsync keys status` lists the keys no stored value names any more: remove them."""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from tortoise import Tortoise

from app.db import tortoise_config
from app.protection import make_at_rest, make_pseudonyms, make_sealer
from app.settings import Settings
from domain.privacy.at_rest import NOT_STORED, Progress, Status

T = TypeVar("T")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("keys", help="data encryption keys: status, rotation, re-encryption")
    actions = parser.add_subparsers(dest="keys_command", required=True)
    actions.add_parser("status", help="the keyring, and how many sealed values each key holds")
    rotate = actions.add_parser("rotate", help="print a new key and the settings that make it active")
    rotate.add_argument("--kid", help="the new key's id (default: k<date and time>)")
    reencrypt = actions.add_parser("reencrypt", help="rewrap every sealed value under the active key now "
                                                     "(what the background job does) and fill the email index")
    reencrypt.add_argument("--batch", type=int, help="values per batch (default AT_REST_BATCH)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.keys_command == "rotate":
        print(rotation_text(settings, args.kid))
        return 0
    if args.keys_command == "status":
        print(status_text(asyncio.run(_with_database(settings, _status))))
        return 0
    progress = asyncio.run(_with_database(settings, lambda s: _reencrypt(s, args.batch)))
    print(f"rewrapped {progress.rewrapped}, left to newer writes {progress.skipped}, "
          f"email index filled {progress.indexed}, broken {len(progress.broken)}")
    for where in progress.broken:
        print(f"  does not open: {where}", file=sys.stderr)
    return 1 if progress.broken else 0


def rotation_text(settings: Settings, kid: str | None = None) -> str:
    kid = kid or "k" + datetime.now(UTC).strftime("%Y%m%d%H%M")
    if kid in settings.data_keys:
        raise SystemExit(f"fieldsync: {kid!r} is already in DATA_ENCRYPTION_KEYS")
    key = base64.b64encode(os.urandom(32)).decode()
    current = settings.data_encryption_keys.get_secret_value()
    return "\n".join([
        "1. Deploy the new key listed but not active (every replica must open what any will seal):",
        f"  DATA_ENCRYPTION_KEYS={kid}:{key},{current}",
        "2. Then make it active (the current keys stay listed: they still open what they sealed):",
        f"  DATA_ENCRYPTION_ACTIVE_KID={kid}",
        "The at-rest job rewraps older values in the background (or run `fieldsync keys reencrypt`);",
        "`fieldsync keys status` then names the keys nothing uses any more: remove them from the list.",
    ])


def status_text(status: Status) -> str:
    lines = [f"active key: {status.active_kid}; keyring: {', '.join(status.kids)}"]
    for column in status.columns:
        held = ", ".join(f"{kid}: {n}" for kid, n in column.by_key.items()) or "empty"
        lines.append(f"  {column.table}.{column.column}: {held} (to rewrap: {column.pending(status.active_kid)})")
    lines.append(f"  user_account.email_index: {status.email_index_missing} accounts without it")
    unused = status.unused_kids()
    lines.append(f"keys no value uses (safe to remove): {', '.join(unused) if unused else 'none'}")
    lines.append(f"not stored by this service (nothing to seal): {', '.join(NOT_STORED)}")
    return "\n".join(lines)


async def _with_database(settings: Settings, work: Callable[[Settings], Awaitable[T]]) -> T:
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        return await work(settings)
    finally:
        await Tortoise.close_connections()


async def _status(settings: Settings) -> Status:
    sealer = make_sealer(settings)
    return await make_at_rest(settings, sealer, make_pseudonyms(settings)).status()


async def _reencrypt(settings: Settings, batch: int | None) -> Progress:
    sealer = make_sealer(settings)
    at_rest = make_at_rest(settings, sealer, make_pseudonyms(settings))
    if batch:
        at_rest.batch_size = batch
    return await at_rest.run()
