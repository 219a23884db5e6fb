"""Provider verification on the embedded default (`./dev run`): SQLite, its trigger-generated
job grants (sync/sqlgen_sqlite.py translates the credential rule) and its one-writer timer. The
same tests as on PostgreSQL."""

from __future__ import annotations

import pytest

from tests.sqlite_app import client, make_client, sqlite_template
from tests.test_verification import (
    test_a_lapsed_insurance_closes_every_gate_and_its_renewal_reopens_them,
    test_gas_work_needs_gas_safe_and_the_rule_is_data,
)
from tests.test_verification_documents import test_the_queue_assignment_rejection_resubmission_and_history

pytestmark = pytest.mark.integration

__all__ = ["client", "make_client", "sqlite_template",
           "test_a_lapsed_insurance_closes_every_gate_and_its_renewal_reopens_them",
           "test_gas_work_needs_gas_safe_and_the_rule_is_data",
           "test_the_queue_assignment_rejection_resubmission_and_history"]
