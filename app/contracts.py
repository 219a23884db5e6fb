"""The published contracts, committed as snapshots under docs/api/ so a change to them shows in
review: each is built from code by one function, written with a stable layout, and compared with
its committed file by a test (tests/test_contract_snapshots.py) and by `fieldsync <name> --check`.
To publish another contract, add one `Contract` to `CONTRACTS`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# A snapshot names no build and no host, so it changes only when the contract does.
SNAPSHOT_VERSION = "v1"
SNAPSHOT_SERVER = "/"


@dataclass(frozen=True)
class Contract:
    name: str  # the `fieldsync` subcommand
    path: str  # the committed snapshot, relative to the repository root
    build: Callable[[], dict[str, Any]]

    @property
    def file(self) -> Path:
        return ROOT / self.path

    def text(self) -> str:
        return snapshot_text(self.build())

    def stale_message(self) -> str:
        return (
            f"{self.path} is not the {self.name} document the code generates: review the change, "
            f"then regenerate it with `fieldsync {self.name} --out {self.path}`."
        )


def snapshot_text(document: dict[str, Any]) -> str:
    """One layout for every snapshot: 2-space JSON, keys in the order the builder chose (it
    sorts paths and components), non-ASCII kept, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# The builders import the app's routes and events when called: the CLI lists these contracts
# among its commands, and every other command should not pay for importing the whole app.
def openapi_document() -> dict[str, Any]:
    from rest.app import ROUTE_TABLES
    from rest.openapi import build_openapi

    routes = [route for table in ROUTE_TABLES for route in table]
    return build_openapi(routes, server_url=SNAPSHOT_SERVER, version=SNAPSHOT_VERSION)


def asyncapi_document() -> dict[str, Any]:
    from app.asyncapi import build_asyncapi

    return build_asyncapi()


CONTRACTS: dict[str, Contract] = {
    "openapi": Contract("openapi", "docs/api/openapi.json", openapi_document),
    "asyncapi": Contract("asyncapi", "docs/api/asyncapi.json", asyncapi_document),
}


def export(contract: Contract, *, out: str | None, check: bool) -> tuple[int, str]:
    """`fieldsync <name>`: (exit status, what to print). Prints the document; `out` writes it;
    `check` compares it with `out` (or the committed snapshot) and fails when they differ."""
    text = contract.text()
    target = Path(out) if out else contract.file
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            return 1, contract.stale_message()
        return 0, f"{target}: up to date"
    if out:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return 0, f"wrote {target}"
    return 0, text.rstrip("\n")
