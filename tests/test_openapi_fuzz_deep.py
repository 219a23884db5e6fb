"""The deep pass of the schemathesis fuzz (tests/test_openapi_fuzz.py says how it works): the
authenticated operations as the demo admin, valid data only. A module of its own so that the
two long passes can run on different pytest-xdist workers."""

from __future__ import annotations

import pytest

from tests.conftest import AppFactory
from tests.test_openapi_fuzz import _fuzz, seeded

pytestmark = pytest.mark.timeout(300)  # as the wide pass's


async def test_authenticated_operations_in_depth_as_the_demo_admin(make_client: AppFactory) -> None:
    client, ids = await seeded(make_client)
    await _fuzz(client, "admin", ids, whole=False)
