"""The messaging benchmark's database (benchmarks/messaging.py): its conversations and users, an
earlier history for each, and the diagnosis that turns the sync capture off."""

from __future__ import annotations

import random
import uuid

import asyncpg


def pg_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


async def seed(conn: asyncpg.Connection, conversations: int, rng: random.Random) -> list[list[uuid.UUID]]:
    """Support conversations of 2 or 3 participants, each user in one conversation."""
    groups = [[uuid.uuid4() for _ in range(rng.choice((2, 3)))] for _ in range(conversations)]
    users = [u for group in groups for u in group]
    await conn.executemany(
        "INSERT INTO user_account (id, email, name, roles, status, password_hash, version, created_at, updated_at) "
        "VALUES ($1, $2, 'Bench', '[\"customer\"]', 'active', 'x', 1, now(), now())",
        [(u, f"{u}@bench.test") for u in users],
    )
    chats = []
    for group in groups:
        chat = uuid.uuid4()
        await conn.execute(
            "INSERT INTO conversation (id, kind, key, subject_user_id, last_seq, version, created_at, updated_at) "
            "VALUES ($1, 'support', $2, $3, 0, 1, now(), now())",
            chat,
            f"support:{group[0]}",
            group[0],
        )
        await conn.executemany(
            "INSERT INTO conversation_participant (id, conversation_id, user_id, role, last_read_seq, joined_at, "
            "version) VALUES ($1, $2, $3, $4, 0, now(), 1)",
            [(uuid.uuid4(), chat, u, "member" if k == 0 else "admin") for k, u in enumerate(group)],
        )
        chats.append([chat, *group])
    return chats


async def seed_history(conn: asyncpg.Connection, per_conversation: int) -> None:
    """--history: every conversation already holds this many messages (each participant's in
    turn, all read), with their published outbox rows and sync ops, as a running database has."""
    if per_conversation <= 0:
        return
    await conn.execute("""
        INSERT INTO message (id, conversation_id, seq, sender_id, body, client_msg_id, attachments, flagged,
                             flag_reasons, created_at)
        SELECT gen_random_uuid(), c.id, g, c.users[1 + g % cardinality(c.users)], 'an earlier message ' || g,
               'history-' || g, '[]', FALSE, '[]', now() - make_interval(secs => $1 - g)
        FROM (SELECT k.id, ARRAY(SELECT p.user_id FROM conversation_participant AS p
                                 WHERE p.conversation_id = k.id ORDER BY p.user_id) AS users
              FROM conversation AS k) AS c,
             generate_series(1, $1) AS g""", per_conversation)
    await conn.execute("UPDATE conversation SET last_seq = $1, version = version + 1", per_conversation)
    await conn.execute("UPDATE conversation_participant SET last_read_seq = $1", per_conversation)
    await conn.execute("""
        INSERT INTO outbox (event_id, stream, type, key, body, created_at, attempts, published_at)
        SELECT gen_random_uuid(), 'domain', 'message.sent', m.conversation_id::text, '{}', m.created_at, 1,
               m.created_at FROM message AS m""")


async def without_capture(conn: asyncpg.Connection) -> None:
    """--diagnose-no-capture: each sync capture trigger function returns at once (this run's
    database only; the sync log stays empty, so nothing is ever ticked)."""
    for name in await conn.fetch("SELECT proname FROM pg_proc WHERE proname LIKE 'sync\\_capture\\_%'"):
        await conn.execute(f"CREATE OR REPLACE FUNCTION {name[0]}() RETURNS trigger LANGUAGE plpgsql "
                           "AS $f$ BEGIN RETURN NULL; END $f$")


async def without_message_notifications(conn: asyncpg.Connection) -> None:
    """--diagnose-no-message-notifications: every user turned the messages category off (in-app
    and push), so the notifier still reads each message's recipients and preferences but writes
    no notification row (and so no sync op for it)."""
    await conn.execute("""
        INSERT INTO notification_preference (user_id, channels, private_previews, version, updated_at)
        SELECT id, '{"messages": {"in_app": false, "push": false}}', FALSE, 1, now() FROM user_account""")
