# ruff: noqa: S608 - SQL generated from the static registry
"""The SQLite dialect of change capture (the embedded demo), generated from the same registry
(sync/collections.py) and grant rules (sync/grants.py) as the PostgreSQL triggers (sync/sqlgen.py).

Per table, AFTER INSERT / UPDATE / DELETE triggers write ops to `sync_op_pending` and keep
`sync_grant`, like the PL/pgSQL function does: ORM saves, bulk updates and deletes, raw SQL
and cascades fire them in the writing transaction. SQLite triggers have no procedural code, so
each branch is a list of INSERT ... SELECT statements whose WHERE clauses carry the conditions.

Differences, and why they are safe:
- Ordering: SQLite has one writer at a time (a write transaction holds the database's write
  lock until it commits), so ops get their ids in commit order. The ticker (sync/sqlite.py)
  moves pending ops under that same lock: all of them belong to committed transactions, and
  a tick holds whole transactions. SQL has no transaction id in SQLite, so a tick is one group
  (txpos = the tick's highest op id): a page is never cut inside a tick.
- Version bumps: a BEFORE trigger cannot change NEW in SQLite; the UPDATE trigger bumps the
  version itself (a nested UPDATE, which does not fire the trigger again: recursive triggers
  are off) and builds the op from the row as stored afterwards.
- Tables without a version take one from the `version` counter row of `sync_state`.
- Registry SQL is PostgreSQL: `translate` rewrites its few PostgreSQL-only forms, and column
  types (booleans, JSON, timestamps) come from the Tortoise models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tortoise import fields as tf

from domain.shared.orm import Model
from sync.spec import ROW, Collection, Field, GrantRule, q
from sync.sqlgen import IGNORED_FOR_CHANGE, registry_tables

INSERT_OP = "INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data)"
MARKER = "sync_capture_"  # every trigger's name starts with it


def _ts(value: str) -> str:
    """RFC 3339 UTC with a Z and microseconds, as PostgreSQL's sync_ts() writes it, from
    Tortoise's stored text (`YYYY-MM-DD HH:MM:SS[.ffffff]+HH:MM`; strftime applies the offset)."""
    return (f"CASE WHEN {value} IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', {value}) || "
            f"CASE WHEN substr({value}, 20, 1) = '.' THEN substr({value}, 20, 7) ELSE '.000000' END || 'Z' END")


def translate(sql: str) -> str:
    """The PostgreSQL-only forms the registry uses, in SQLite's words."""
    sql = re.sub(r"sync_ts\(([^()]*)\)", lambda m: _ts(m.group(1)), sql)
    sql = sql.replace("json_build_object(", "json_object(").replace("json_build_array(", "json_array(")
    sql = sql.replace("::numeric", " * 1.0")
    # A JSON array's elements as rows (sync/grants.py): json_each's column is `value` too.
    sql = re.sub(r"jsonb_array_elements_text\(([^()]*)\) AS (\w+)\(value\)", r"json_each(\1) AS \2", sql)
    return re.sub(r"([\w{}.\"]+)::text", r"CAST(\1 AS TEXT)", sql)


def _json_bool(value: str) -> str:
    return f"json(CASE WHEN {value} IS NULL THEN 'null' WHEN {value} THEN 'true' ELSE 'false' END)"


def _models(base: type[Model] = Model) -> Iterator[type[Model]]:
    for model in base.__subclasses__():
        yield model
        yield from _models(model)


def column_kinds() -> dict[tuple[str, str], str]:
    """(table, column) -> 'bool' | 'json' for the columns SQLite stores as integers or text,
    from the models imported (all of them once Tortoise is initialised, as in app/migrate.py)."""
    kinds: dict[tuple[str, str], str] = {}
    for model in _models():
        table = model._meta.db_table
        for name, field in model._meta.fields_map.items():
            column = field.source_field or name
            if isinstance(field, tf.BooleanField):
                kinds[(table, column)] = "bool"
            elif isinstance(field, tf.JSONField):
                kinds[(table, column)] = "json"
    return kinds


def field_sql(c: Collection, f: Field, row: str) -> str:
    plain = re.fullmatch(r'\{r\}\."(\w+)"', f.sql)
    sql = translate(f.sql).replace(ROW, row)
    if plain:
        kind = column_kinds().get((c.table, plain.group(1)))
        if kind == "bool":
            return _json_bool(sql)
        if kind == "json":
            return f"json({sql})"
    if re.fullmatch(r"[^()]* IS (NOT )?NULL", f.sql):  # a boolean expression
        return _json_bool(f"({sql})")
    return sql


def data_sql(c: Collection, row: str) -> str:
    return "json_object(" + ", ".join(f"'{f.key}', {field_sql(c, f, row)}" for f in c.fields) + ")"


def _scopes(c: Collection, row: str) -> list[str]:
    return [translate(s.sql).replace(ROW, row) for s in c.scopes]


def _changed(columns: list[str], old: str = "OLD", new: str = "NEW") -> str:
    return "(" + " OR ".join(f"{old}.{q(c)} IS NOT {new}.{q(c)}" for c in columns) + ")" if columns else "0"


def _ops(c: Collection, row: str, source: str, op: str, scopes: list[str], version: str, data: str,
         where: str = "1") -> str:
    """One op per non-NULL scope, in the registry's scope order."""
    union = " UNION ALL ".join(f"SELECT {s} AS s" for s in scopes)
    return (f"{INSERT_OP} SELECT 0, '{c.name}', CAST({row}.{q(c.id_column)} AS TEXT), sc.s, '{op}', "
            f"{version}, {data} FROM {source}(SELECT * FROM ({union}) WHERE s IS NOT NULL) AS sc WHERE {where};")


SEQ_BUMP = "UPDATE sync_state SET value = value + 1 WHERE name = 'version';"
SEQ = "(SELECT value FROM sync_state WHERE name = 'version')"


def _emit(c: Collection, op: str) -> list[str]:
    if op == "INSERT":
        version = 'NEW."version"' if c.versioned else SEQ
        bump = [] if c.versioned else [SEQ_BUMP]
        return [*bump, _ops(c, "NEW", "", "u", _scopes(c, "NEW"), version, data_sql(c, "NEW"))]
    if op == "DELETE":
        version = 'OLD."version" + 1' if c.versioned else SEQ
        bump = [] if c.versioned else [SEQ_BUMP]
        return [*bump, _ops(c, "OLD", "", "d", _scopes(c, "OLD"), version, "NULL")]
    # UPDATE: the op is built from the row as stored now (n), after the version bump.
    columns = [col for col in c.columns if col not in IGNORED_FOR_CHANGE and col != "version"]
    changed = _changed(columns)
    if c.versioned:
        changed = f'({changed} OR OLD."version" IS NOT NEW."version")'
    statements = []
    if c.versioned:
        statements.append(f'UPDATE {q(c.table)} SET "version" = OLD."version" + 1 '
                          f'WHERE {q(c.id_column)} = NEW.{q(c.id_column)} AND NEW."version" <= OLD."version" '
                          f"AND {_changed(columns)};")
        version = 'n."version"'
    else:
        statements.append(f"UPDATE sync_state SET value = value + 1 WHERE name = 'version' AND {changed};")
        version = SEQ
    source = f"{q(c.table)} AS n, "
    where = f"n.{q(c.id_column)} = NEW.{q(c.id_column)} AND {changed}"
    scope_columns = list(dict.fromkeys(column for scope in c.scopes for column in scope.columns))
    if scope_columns:  # revokes first, for scopes the row left
        new_scopes = ", ".join(f"coalesce({s}, '')" for s in _scopes(c, "NEW"))
        statements.append(_ops(c, "n", source, "r", _scopes(c, "OLD"), version, "NULL",
                               f"{where} AND {_changed(scope_columns)} AND sc.s NOT IN ({new_scopes})"))
    # Scopes from NEW (n differs only by the version, and SQLite's FROM cannot see n).
    statements.append(_ops(c, "n", source, "u", _scopes(c, "NEW"), version, data_sql(c, "n"), where))
    return statements


# SQLite names a compound SELECT's columns after its first SELECT (no `AS p(u, s, src)`).
NAMED_PAIRS = "SELECT NULL AS u, NULL AS s, NULL AS src WHERE 0"


def pairs_sql(rules: list[GrantRule], row: str) -> str:
    return " UNION ALL ".join([NAMED_PAIRS, *(translate(rule.pairs).replace(ROW, row) for rule in rules)])


# The latest op of each row of scope g.s (committed, or pending: this transaction's included).
def _latest(table: str) -> str:
    return (f"SELECT g.u, o.collection, o.row_id, o.op, o.version, o.data, o.id FROM g_pairs AS g "
            f"JOIN {table} AS o ON o.scope = g.s WHERE NOT EXISTS (SELECT 1 FROM sync_op AS n WHERE n.scope = o.scope "
            "AND n.collection = o.collection AND n.row_id = o.row_id AND n.id > o.id) AND NOT EXISTS (SELECT 1 FROM "
            "sync_op_pending AS n WHERE n.scope = o.scope AND n.collection = o.collection AND n.row_id = o.row_id "
            "AND n.id > o.id)")


def _grant_add(pairs: str, guard: str = "1") -> list[str]:
    """A first reason delivers the scope's current rows to `to:<user>` (before the grant is
    written, so "first" is "no grant of the scope yet"); then the grants."""
    fresh = (f"SELECT DISTINCT u, s FROM ({pairs}) AS p WHERE u IS NOT NULL AND s IS NOT NULL "
             "AND NOT EXISTS (SELECT 1 FROM sync_grant AS e WHERE e.user_id = p.u AND e.scope = p.s)")
    latest = " UNION ALL ".join(_latest(t) for t in ("sync_op", "sync_op_pending")).replace("g_pairs", f"({fresh})")
    return [f"{INSERT_OP} SELECT 0, l.collection, l.row_id, 'to:' || l.u, 'u', l.version, l.data "
            f"FROM ({latest}) AS l WHERE {guard} AND l.op = 'u' ORDER BY l.id;",
            "INSERT OR IGNORE INTO sync_grant (user_id, scope, source) SELECT u, s, src "
            f"FROM ({pairs}) AS p WHERE {guard} AND u IS NOT NULL AND s IS NOT NULL;"]


def _grant_remove(pairs: str, guard: str = "1") -> list[str]:
    """Tombstones for every row the scope held (`deleted` or `revoked` candidates, sorted out
    at pull time as on PostgreSQL), then the grants go."""
    held = (f"SELECT DISTINCT p.u, p.s FROM ({pairs}) AS p JOIN sync_grant AS e "
            "ON e.user_id = p.u AND e.scope = p.s AND e.source = p.src")
    latest = " UNION ALL ".join(_latest(t) for t in ("sync_op", "sync_op_pending")).replace("g_pairs", f"({held})")
    return [f"{INSERT_OP} SELECT 0, l.collection, l.row_id, 'to:' || l.u, "
            f"CASE WHEN l.op = 'd' THEN 'd' ELSE 'r' END, l.version, NULL FROM ({latest}) AS l WHERE {guard} "
            "ORDER BY l.id;",
            f"DELETE FROM sync_grant WHERE {guard} AND (user_id, scope, source) IN "
            f"(SELECT u, s, src FROM ({pairs}) AS p);"]


def _grants(rules: list[GrantRule], op: str) -> list[str]:
    if not rules:
        return []
    if op == "INSERT":
        return _grant_add(pairs_sql(rules, "NEW"))
    if op == "DELETE":
        return _grant_remove(pairs_sql(rules, "OLD"))
    columns = list(dict.fromkeys(column for rule in rules for column in rule.columns))
    changed = _changed(columns)
    old, new = pairs_sql(rules, "OLD"), pairs_sql(rules, "NEW")
    # The guard (constant in the statement) is tested once, before any table is read: an update
    # that leaves the grant columns alone costs next to nothing.
    gone = f"SELECT * FROM ({old}) EXCEPT SELECT * FROM ({new})"
    came = f"SELECT * FROM ({new}) EXCEPT SELECT * FROM ({old})"
    return [*_grant_remove(gone, changed), *_grant_add(came, changed)]


def triggers(table: str, c: Collection | None, rules: list[GrantRule]) -> list[str]:
    out = []
    for op in ("INSERT", "UPDATE", "DELETE"):
        body = [*(_emit(c, op) if c else []), *_grants(rules, op)]
        if body:
            name = f"{MARKER}{op.lower()}_{table}"
            statements = "\n  ".join(body)
            out.append(f"CREATE TRIGGER {name} AFTER {op} ON {q(table)} FOR EACH ROW BEGIN\n  {statements}\nEND;")
    return out


def install_statements() -> list[str]:
    """Drop and recreate every capture trigger (idempotent)."""
    statements = ["INSERT OR IGNORE INTO sync_state (name, value) VALUES ('version', 0)",
                  "INSERT OR IGNORE INTO sync_state (name, value) VALUES ('head', 0)"]
    for table, (c, rules) in registry_tables().items():
        statements += [f"DROP TRIGGER IF EXISTS {MARKER}{op}_{table}" for op in ("insert", "update", "delete")]
        statements += triggers(table, c, rules)
    return statements


def _over_table(rule: GrantRule, table: str) -> str:
    """The rule's pairs for every row of its table (alias t): the table joins its FROM."""
    sql = translate(rule.pairs).replace(ROW, "t")
    if " FROM " in sql:
        return sql.replace(" FROM ", f" FROM {q(table)} AS t, ", 1)
    if " WHERE " in sql:
        return sql.replace(" WHERE ", f" FROM {q(table)} AS t WHERE ", 1)
    return f"{sql} FROM {q(table)} AS t"


def backfill_statements() -> list[str]:
    """Ops and grants for rows that existed before the triggers (a demo file from before)."""
    out = []
    for table, (c, rules) in registry_tables().items():
        if c is not None:
            version = 't."version"' if c.versioned else "0"
            for s in _scopes(c, "t"):
                out.append(f"{INSERT_OP} SELECT 0, '{c.name}', CAST(t.{q(c.id_column)} AS TEXT), {s}, 'u', "
                           f"{version}, {data_sql(c, 't')} FROM {q(table)} AS t WHERE {s} IS NOT NULL")
        for rule in rules:
            out.append("INSERT OR IGNORE INTO sync_grant (user_id, scope, source) SELECT * FROM ("
                       f"{NAMED_PAIRS} UNION ALL {_over_table(rule, table)}) WHERE u IS NOT NULL AND s IS NOT NULL")
    return out

