"""Finance reporting and reconciliation on SQLite (the `./dev run` demo): the same flows, the
same amounts, gap-free numbers and the same reconciliation verdicts."""

# ruff: noqa: F401 - the imported tests are collected (and run on SQLite) here
from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_finance_reconciliation import (
    test_a_mismatch_is_fixed_only_by_an_admins_correcting_entry,
    test_reconciliation_finds_a_refund_whose_webhook_never_came_and_is_clean_after_backfill,
    test_the_daily_reconciliation_is_a_job_of_the_table_and_stores_its_run,
)
from tests.test_finance_reports import (
    test_balances_statements_documents_and_report_to_the_minor_unit,
    test_my_balances_as_an_independent_serviceman_and_who_may_read_them,
    test_twenty_concurrent_issues_number_one_to_twenty_and_a_rollback_leaves_no_gap,
    world,
)
from tests.test_finance_tax import test_seller_tax_data_is_sealed_and_the_annual_export_lists_reportable_sellers
