"""The status summary on the embedded default (SQLite, no Redis): the registry is this process in
memory, there is no migration table, and every section still reads."""

from __future__ import annotations

from tests.sqlite_app import client, make_client, sqlite_template  # noqa: F401
from tests.support.identity import make_admin
from tests.test_operations_status import STATUS, by, status_of


async def test_the_embedded_default_reports_itself_alone(make_client):  # noqa: F811 - the SQLite app's
    app = await make_client(redis_url=None)
    admin = await make_admin(app)
    body = await status_of(app, admin)
    assert "redis" not in by(body["dependencies"], "name")
    assert by(body["dependencies"], "name")["database"]["state"] in ("up", "slow")
    assert not any(b["error"] for b in body["backlogs"]), body["backlogs"]
    assert not any(i["error"] for i in body["incidents"]), body["incidents"]
    assert body["open_incidents"] == 0
    versions = body["versions"]
    assert versions["registry"] == "memory" and versions["migration_applied"] is None
    assert [i["id"] for i in versions["instances"]] == [body["this_instance"]]
    assert (await app.get(STATUS)).status == 401
