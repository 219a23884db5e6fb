"""Whether PostgreSQL's autovacuum runs for this database: `fieldsync check-config` fails without
it, and the server warns at start.

Without autovacuum the outbox and the sync log are never vacuumed, and no table is ever
analyzed. Worse than bloat: a statement the pool prepared while a table was small keeps its
cached plan (a whole-table scan) as the table grows, because only a new analysis invalidates it.
Measured on a database with autovacuum off, at 1,500 socket sends/s: after 100 s every send read
the whole `message` table (2.5 million rows read per second) and every outbox batch the whole
`outbox`. With autovacuum on, the first analysis of each table ends it within a minute."""

from __future__ import annotations

# Whether autovacuum runs at all (it needs track_counts), and the tables of this schema where a
# storage parameter turned it off.
VACUUM_STATE = """
SELECT current_setting('autovacuum') = 'on' AND current_setting('track_counts') = 'on',
       array(SELECT c.relname::text FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
               AND EXISTS (SELECT 1 FROM unnest(c.reloptions) AS o
                           WHERE o ~* '^autovacuum_enabled=(false|off|no|n|f|0)$')
             ORDER BY 1)
"""


def vacuum_problem(server_on: bool, tables_off: list[str]) -> str | None:
    """What an operator must change, or None."""
    problems = []
    if not server_on:
        problems.append("autovacuum is off (the autovacuum or track_counts setting): tables are never analyzed, "
                        "so plans cached while a table was small keep scanning it whole")
    if tables_off:
        problems.append(f"autovacuum is off for {', '.join(tables_off)} (autovacuum_enabled = false)")
    return "; ".join(problems) + "; turn it on" if problems else None
