"""Declarations of derived tables (part of THE registry, declarations.py, which lists them in
REGISTRY): rows computed from other tables, recomputable, never the only copy of anything."""

from __future__ import annotations

from domain.privacy.registry import UNKEYED, Basis, Category, Column, Erasure, Table

# Derived, like the feed: counts and sums the `dashboards` reaction keeps from events, which
# `fieldsync dashboards rebuild` recomputes from the raw rows (those are what an export holds).
# A serviceman's own counters go with them; a provider's rows naming them as crew are the
# provider's (also_subjects) and keep only the id, a pseudonym once the account is erased.
DASHBOARD_COUNTER = Table(
    "dashboard_counter", "dashboards", "subject",
    (Column("value", Category.BEHAVIOUR, Erasure.DELETE, export=False,
            doc="a day's count or sum: jobs, acceptance, earnings, ratings (derived)"),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="dashboards: a serviceman's, a provider's and the platform's figures",
    also_subjects=("member",),
)

DASHBOARD_CREW = Table(
    "dashboard_crew", "dashboards", "serviceman_id",
    (Column("blocked", Category.BEHAVIOUR, Erasure.DELETE, export=False,
            doc="whether verification blocks them from some of their trades now (derived)"),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="dashboards: a provider's crew, utilisation and blocked crew",
)

# The rebuild's watermark (domain/dashboards/rebuild.py): event ids only, each deleted when the
# consumer meets it, all replaced by the next rebuild.
DASHBOARD_REBUILD_SKIP = Table(
    "dashboard_rebuild_skip", "dashboards", UNKEYED, (),
    basis=Basis.LEGITIMATE_INTEREST, purpose="dashboards: events a rebuild counted before its consumer handled them",
    reach="holds no personal data (event ids only)",
)

DERIVED = (DASHBOARD_COUNTER, DASHBOARD_CREW, DASHBOARD_REBUILD_SKIP)
