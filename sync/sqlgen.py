"""Generate the PostgreSQL that captures changes: one trigger function per table, built from
the registry (sync/collections.py) and the grant rules (sync/grants.py).

Triggers are the one mechanism no write path bypasses: ORM saves, bulk QuerySet.update() and
.delete(), raw SQL and cascades all fire them, in the writing transaction: per row, except the
inserts of tables without grant rules, captured once per statement (`insert_capture`).

`python -m sync.sqlgen` prints the install SQL; `--embed <migration>` writes it into an aerich
migration, and tests/test_sync_capture.py checks the newest sync migration still equals it.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from sync.collections import COLLECTIONS
from sync.grants import RULES
from sync.spec import ROW, Collection, GrantRule, q

# Columns whose change alone is not a change of the synced row (touched by every save).
IGNORED_FOR_CHANGE = frozenset({"updated_at"})

COMMON_SQL = r"""
CREATE SEQUENCE IF NOT EXISTS sync_tick_seq;
CREATE SEQUENCE IF NOT EXISTS sync_version_seq;

-- RFC 3339 UTC with a Z, whatever the session's time zone. STABLE as to_char is, so the planner
-- inlines it: an IMMUTABLE function with a STABLE body is never inlined, and ran as a SQL
-- function of its own at each call (its body planned again in every transaction of a trigger).
CREATE OR REPLACE FUNCTION sync_ts(t timestamptz) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
$fn$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $fn$;

-- The latest op of each row in a scope, committed or pending (this transaction's included).
CREATE OR REPLACE FUNCTION sync_scope_rows(p_scope text)
RETURNS TABLE (collection text, row_id text, op text, version bigint, data text, xact bigint)
LANGUAGE sql STABLE AS $fn$
  SELECT DISTINCT ON (a.collection, a.row_id) a.collection, a.row_id, a.op, a.version, a.data, a.xact
  FROM (SELECT o.id, o.collection, o.row_id, o.op, o.version, o.data, NULL::bigint AS xact
        FROM sync_op AS o WHERE o.scope = p_scope
        UNION ALL
        SELECT p.id, p.collection, p.row_id, p.op, p.version, p.data, p.xact
        FROM sync_op_pending AS p WHERE p.scope = p_scope) AS a
  ORDER BY a.collection, a.row_id, a.id DESC
$fn$;

-- A user gains a reason to hold a scope. The first reason delivers the scope's current rows
-- to the user alone (scope `to:<user>`), history older than their cursor included; rows whose
-- latest op is this transaction's own reach the user through the scope itself.
CREATE OR REPLACE FUNCTION sync_grant_add(p_user uuid, p_scope text, p_source text)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint;
BEGIN
  IF p_user IS NULL OR p_scope IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO sync_grant (user_id, scope, source) VALUES (p_user, p_scope, p_source) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  x := pg_current_xact_id()::text::bigint;
  INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data)
  SELECT x, l.collection, l.row_id, 'to:' || p_user, 'u', l.version, l.data
  FROM sync_scope_rows(p_scope) AS l
  WHERE l.op = 'u' AND l.xact IS DISTINCT FROM x
    AND NOT EXISTS (SELECT 1 FROM sync_grant WHERE user_id = p_user AND scope = p_scope AND source <> p_source);
END
$fn$;

-- A user loses a reason. Every row the scope ever held gets a tombstone for the user: `deleted`
-- for deleted rows (their own tombstone went to the scope, which the user no longer pulls),
-- `revoked` candidates for the others. A pull drops the candidates of rows the user still sees
-- through another scope (sync/pull.py), so concurrent grant changes need no lock and cannot
-- leave a stale row behind.
CREATE OR REPLACE FUNCTION sync_grant_remove(p_user uuid, p_scope text, p_source text)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF p_user IS NULL OR p_scope IS NULL THEN
    RETURN;
  END IF;
  DELETE FROM sync_grant WHERE user_id = p_user AND scope = p_scope AND source = p_source;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data)
  SELECT pg_current_xact_id()::text::bigint, l.collection, l.row_id, 'to:' || p_user,
         CASE WHEN l.op = 'd' THEN 'd' ELSE 'r' END, l.version, NULL
  FROM sync_scope_rows(p_scope) AS l;
END
$fn$;
"""

COMMON_DROP = """
DROP FUNCTION IF EXISTS sync_grant_remove(uuid, text, text);
DROP FUNCTION IF EXISTS sync_grant_add(uuid, text, text);
DROP FUNCTION IF EXISTS sync_scope_rows(text);
DROP FUNCTION IF EXISTS sync_ts(timestamptz);
DROP SEQUENCE IF EXISTS sync_version_seq;
DROP SEQUENCE IF EXISTS sync_tick_seq;
"""


def _at(sql: str, row: str) -> str:
    return sql.replace(ROW, row)


def _row(columns: Iterable[str], row: str) -> str:
    return "ROW(" + ", ".join(f"{row}.{q(c)}" for c in columns) + ")"


def scopes_sql(c: Collection, row: str) -> str:
    items = ", ".join(_at(s.sql, row) for s in c.scopes)
    return f"array_remove(ARRAY[{items}]::text[], NULL)"


def data_sql(c: Collection, row: str) -> str:
    pairs = ", ".join(f"'{f.key}', {_at(f.sql, row)}" for f in c.fields)
    return f"json_build_object({pairs})::text"


def version_sql(c: Collection, row: str, deleted: bool = False) -> str:
    if not c.versioned:
        return "nextval('sync_version_seq')"
    return f'{row}."version" + 1' if deleted else f'{row}."version"'


def id_sql(c: Collection, row: str) -> str:
    return f"{row}.{q(c.id_column)}::text"


def change_columns(c: Collection) -> list[str]:
    return [column for column in c.columns if column not in IGNORED_FOR_CHANGE]


INSERT_OP = "INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data)"


def _ops(c: Collection, row: str, op: str, scopes: str, version: str, data: str, where: str = "") -> str:
    return (f"{INSERT_OP} SELECT x, '{c.name}', {id_sql(c, row)}, s, '{op}', {version}, {data} "  # noqa: S608
            f"FROM unnest({scopes}) AS s{where};")


def _upserts(c: Collection, row: str, version: str, indent: str) -> str:
    """The row's data is built once (into `d`), then written to each of its scopes: built inside
    the INSERT it would be evaluated once per scope."""
    return f"d := {data_sql(c, row)};\n{indent}" + _ops(c, row, "u", scopes_sql(c, row), version, "d")


def _emit(c: Collection, op: str) -> str:
    """One op per scope: upserts for the scopes the row is in, `r` (revoked) for scopes it left
    (written first, so a row that moved between two scopes a user holds ends as an upsert
    within the transaction), `d` (deleted) for every scope of a deleted row."""
    if op == "INSERT":
        return _upserts(c, "NEW", version_sql(c, "NEW"), "    ")
    if op == "DELETE":
        return _ops(c, "OLD", "d", scopes_sql(c, "OLD"), version_sql(c, "OLD", deleted=True), "NULL")
    columns = change_columns(c)
    scope_columns = list(dict.fromkeys(column for scope in c.scopes for column in scope.columns))
    version = version_sql(c, "NEW")
    left = ""
    if scope_columns:  # scopes can only change when the columns they read do
        revokes = _ops(c, "OLD", "r", scopes_sql(c, "OLD"), version, "NULL",
                       f" WHERE s <> ALL ({scopes_sql(c, 'NEW')})")
        left = (f"IF {_row(scope_columns, 'OLD')} IS DISTINCT FROM {_row(scope_columns, 'NEW')} THEN\n"
                f"        {revokes}\n      END IF;\n      ")
    upserts = _upserts(c, "NEW", version, "      ")
    return (f"IF {_row(columns, 'OLD')} IS DISTINCT FROM {_row(columns, 'NEW')} THEN\n"
            f"      {left}{upserts}\n    END IF;")


def pairs_sql(rules: list[GrantRule], row: str) -> str:
    return " UNION ALL ".join(f"({_at(rule.pairs, row)})" for rule in rules)


def _grants(rules: list[GrantRule], op: str) -> str:
    if not rules:
        return ""
    add, remove = "PERFORM sync_grant_add(g.u, g.s, g.src) FROM", "PERFORM sync_grant_remove(g.u, g.s, g.src) FROM"
    if op == "INSERT":
        return f"{add} ({pairs_sql(rules, 'NEW')}) AS g(u, s, src);"
    if op == "DELETE":
        return f"{remove} ({pairs_sql(rules, 'OLD')}) AS g(u, s, src);"
    columns = list(dict.fromkeys(column for rule in rules for column in rule.columns))
    old, new = pairs_sql(rules, "OLD"), pairs_sql(rules, "NEW")
    return (f"IF {_row(columns, 'OLD')} IS DISTINCT FROM {_row(columns, 'NEW')} THEN\n"
            f"      {remove} (({old}) EXCEPT ({new})) AS g(u, s, src);\n"
            f"      {add} (({new}) EXCEPT ({old})) AS g(u, s, src);\n    END IF;")


def registry_tables() -> dict[str, tuple[Collection | None, list[GrantRule]]]:
    """Every table with captured rows or grant rules: its collection (None: grants only) and rules."""
    tables: dict[str, tuple[Collection | None, list[GrantRule]]] = {}
    rules_by_table: dict[str, list[GrantRule]] = defaultdict(list)
    for rule in RULES:
        rules_by_table[rule.table].append(rule)
    for c in COLLECTIONS:
        tables[c.table] = (c, rules_by_table.pop(c.table, []))
    for table, rules in rules_by_table.items():
        tables[table] = (None, rules)
    return tables


def inserts_per_statement(c: Collection | None, rules: list[GrantRule]) -> bool:
    """Whether a table's inserts are captured once per statement (`insert_capture`) rather than
    per row: those of a collection with no grant rules. A grant's row trigger reads the ops its
    transaction wrote before it (sync_grant_add), so tables with grants keep the per-row order."""
    return c is not None and not rules


def capture_function(table: str, c: Collection | None, rules: list[GrantRule]) -> str:
    per_statement = inserts_per_statement(c, rules)
    branches = []
    for op in ("INSERT", "UPDATE", "DELETE"):
        body = [part for part in ((_emit(c, op) if c else ""), _grants(rules, op)) if part]
        if op == "INSERT" and per_statement:
            body = []  # insert_capture's trigger captures them
        branches.append("\n    ".join(body) or "NULL;")
    events = "UPDATE OR DELETE" if per_statement else "INSERT OR UPDATE OR DELETE"
    statement = insert_capture(table, c) if per_statement and c is not None else ""
    return f"""
CREATE OR REPLACE FUNCTION sync_capture_{table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
  d text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    {branches[0]}
  ELSIF TG_OP = 'UPDATE' THEN
    {branches[1]}
  ELSE
    {branches[2]}
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON {q(table)};
CREATE TRIGGER sync_capture AFTER {events} ON {q(table)}
  FOR EACH ROW EXECUTE FUNCTION sync_capture_{table}();
{statement}"""


def insert_capture(table: str, c: Collection) -> str:
    """The upserts of every row one INSERT statement wrote, in one set-based statement over its
    transition table: a per-row trigger pays a function call and a one-row INSERT per row (5,000
    feed items of one job: ~45 us each, four fifths of the insert). Each row's data is built once
    (the MATERIALIZED CTE), then written to each of its scopes, as `_upserts` does."""
    built_version = version_sql(c, "n") if c.versioned else "NULL::bigint"
    op_version = "b.version" if c.versioned else version_sql(c, "b")  # a sequence: one per op, as per row
    return f"""CREATE OR REPLACE FUNCTION sync_capture_{table}_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  WITH built AS MATERIALIZED (
    SELECT {id_sql(c, "n")} AS row_id, {built_version} AS version,
           {data_sql(c, "n")} AS data, {scopes_sql(c, "n")} AS scopes
    FROM inserted AS n
  )
  {INSERT_OP}
  SELECT pg_current_xact_id()::text::bigint, '{c.name}', b.row_id, s, 'u', {op_version}, b.data
  FROM built AS b, unnest(b.scopes) AS s;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture_insert ON {q(table)};
CREATE TRIGGER sync_capture_insert AFTER INSERT ON {q(table)} REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION sync_capture_{table}_inserted();
"""  # noqa: S608


def version_function(c: Collection) -> str:
    """Every write of a synced row bumps its version, even one that forgot to."""
    columns = [column for column in change_columns(c) if column != "version"]
    return f"""
CREATE OR REPLACE FUNCTION sync_version_{c.table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND {_row(columns, 'OLD')} IS DISTINCT FROM {_row(columns, 'NEW')} THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON {q(c.table)};
CREATE TRIGGER sync_version BEFORE UPDATE ON {q(c.table)} FOR EACH ROW EXECUTE FUNCTION sync_version_{c.table}();
"""


def backfill_sql() -> str:
    """Ops and grants for rows that exist before the triggers do (an upgraded database)."""
    parts = []
    for table, (c, rules) in registry_tables().items():
        if c is not None:
            parts.append(f"{INSERT_OP} SELECT pg_current_xact_id()::text::bigint, '{c.name}', {id_sql(c, 't')}, s, "  # noqa: S608
                         f"'u', {version_sql(c, 't')}, {data_sql(c, 't')} FROM {q(table)} AS t, "
                         f"unnest({scopes_sql(c, 't')}) AS s;")
        if rules:
            pairs = f"LATERAL ({pairs_sql(rules, 't')}) AS g(u, s, src)"
            parts.append("INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src "  # noqa: S608
                         f"FROM {q(table)} AS t, {pairs} WHERE g.u IS NOT NULL AND g.s IS NOT NULL "
                         "ON CONFLICT DO NOTHING;")
    return "\n".join(parts) + "\n"


def install_sql() -> str:
    parts = [COMMON_SQL]
    for table, (c, rules) in registry_tables().items():
        if c is not None and c.versioned:
            parts.append(version_function(c))
        parts.append(capture_function(table, c, rules))
    parts.append(backfill_sql())
    return "".join(parts)


def uninstall_sql() -> str:
    parts = []
    for table, (c, _rules) in registry_tables().items():
        if inserts_per_statement(c, _rules):
            parts.append(f"DROP TRIGGER IF EXISTS sync_capture_insert ON {q(table)};\n"
                         f"DROP FUNCTION IF EXISTS sync_capture_{table}_inserted();\n")
        parts.append(f"DROP TRIGGER IF EXISTS sync_capture ON {q(table)};\n"
                     f"DROP FUNCTION IF EXISTS sync_capture_{table}();\n")
        if c is not None and c.versioned:
            parts.append(f"DROP TRIGGER IF EXISTS sync_version ON {q(table)};\n"
                         f"DROP FUNCTION IF EXISTS sync_version_{table}();\n")
    parts.append(COMMON_DROP)
    return "".join(parts)


def embed(path: Path) -> None:
    """Write the current install/uninstall SQL into an aerich migration file: its upgrade runs
    SYNC_INSTALL after the generated DDL, its downgrade SYNC_UNINSTALL before it."""
    text = path.read_text()
    if "SYNC_INSTALL = " in text:
        text = text[:text.index(EMBED_HEAD)] + text[text.index("\n\nMODELS_STATE = ("):]
    else:
        end = text.index('"""\n\n\nasync def downgrade')
        text = text[:end] + '""" + SYNC_INSTALL' + text[end + 3:]
        text = text.replace('async def downgrade(db: BaseDBAsyncClient) -> str:\n    return """',
                            'async def downgrade(db: BaseDBAsyncClient) -> str:\n    return SYNC_UNINSTALL + """', 1)
    constants = f'SYNC_INSTALL = r"""{install_sql()}"""\n\nSYNC_UNINSTALL = r"""{uninstall_sql()}"""'
    marker = "\n\nMODELS_STATE = ("
    path.write_text(text.replace(marker, EMBED_HEAD + constants + marker, 1))


EMBED_HEAD = ("\n\n# Generated by `python -m sync.sqlgen --embed <this file>` from sync/collections.py and "
              "sync/grants.py;\n# tests/test_sync_capture.py checks the newest sync migration equals the "
              "generator's output.\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--embed"]:
        embed(Path(sys.argv[2]))
    else:
        sys.stdout.write(uninstall_sql() if sys.argv[1:] == ["--uninstall"] else install_sql())
