"""Dashboards (issue 20): rollup tables kept by a reaction to domain events, read per request
without touching the live tables; a rebuild recomputes them from the raw tables."""
