"""Wire shapes of delta sync (PROTOCOL section 4)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union
from uuid import UUID

from pydantic import BaseModel, Field, RootModel, create_model

from rest.errors import ProblemDetails
from rest.schemas.common import StrictIn
from sync.collections import COLLECTIONS
from sync.rows import ROW_MODELS

CollectionName = Literal[tuple(c.name for c in COLLECTIONS)]  # type: ignore[valid-type]


class PullIn(StrictIn):
    cursor: str | None = Field(None, min_length=1, max_length=1024, description="the cursor of your last pull; "
                               "omit for a full snapshot of what you may see")
    limit: int = Field(500, ge=1, le=5000, description="changes per page (a transaction is never split, so a "
                       "page may hold more)")
    collections: list[CollectionName] | None = Field(  # type: ignore[valid-type]
        None, min_length=1, max_length=64, description="only these collections (the cursor remembers the choice)")
    client_id: UUID | None = Field(None, description="your app install's id: binds the cursor to it and returns "
                                   "last_mutation_id")
    checksums: bool = Field(False, description="per-collection checksums with the last page of a catch-up")


def _change_model(name: str, row: type[BaseModel]) -> type[BaseModel]:
    """One collection's change: `collection` is the discriminator, `data` that collection's row."""
    version = Field(description="grows by one on every write of the row; keep the highest seen")
    fields: dict[str, Any] = {
        "collection": (Literal[name], ...),
        "op": (Literal["upsert", "delete"], ...),
        "id": (str, ...),
        "version": (int, version),
        "data": (row | None, Field(None, description="the row (upserts only; absent on deletes)")),
        "reason": (Literal["deleted", "revoked"] | None,
                   Field(None, description="deletes only: gone, or no longer yours to see")),
    }
    doc = (f"A change of a `{name}` row: an upsert carries the whole row in `data`; a delete carries no `data`, "
           "only the id and a `reason`.")
    return create_model(row.__name__.removesuffix("Row") + "Change", __module__=__name__, __doc__=doc, **fields)


CHANGE_MODELS = {name: _change_model(name, row) for name, row in ROW_MODELS.items()}
AnyChange = Annotated[Union[tuple(CHANGE_MODELS.values())], Field(discriminator="collection")]  # type: ignore[valid-type]  # noqa: UP007


class ChangeOut(RootModel[AnyChange]):  # type: ignore[valid-type]
    """One change of a pull page; `collection` says which row model `data` holds."""


class PullOut(BaseModel):
    changes: list[ChangeOut]
    cursor: str = Field(description="opaque; send it with your next pull")
    has_more: bool
    complete: bool = Field(description="the end of a catch-up: apply the pages staged so far at once")
    last_mutation_id: int | None = Field(None, description="the highest mutation of client_id the server applied")
    checksums: dict[str, str] | None = Field(
        None, description="per collection: '<rows>:<16 hex digits>', the sum mod 2^64 of the first 8 bytes "
        "(big-endian) of SHA-256('<id>:<version>') over the rows you see")


class MutationIn(StrictIn):
    mutation_id: int = Field(ge=1, le=2**62, description="grows per client_id; at or below the last applied: "
                             "answered duplicate")
    collection: CollectionName  # type: ignore[valid-type]
    op: Literal["update", "action"] = Field(description="update: a field patch; action: a named state change")
    id: str = Field(min_length=1, max_length=64)
    base_version: int | None = Field(None, ge=0, le=2**31 - 1, description="the version you changed (versioned "
                                     "collections)")
    data: dict[str, Any] | None = Field(None, description="the fields (update) or arguments (action)")
    name: str | None = Field(None, min_length=1, max_length=64, description="the action, e.g. accept")


class PushIn(StrictIn):
    client_id: UUID = Field(description="your app install's id, minted once; bound to you on first use")
    mutations: list[MutationIn] = Field(min_length=1, max_length=100)


class MutationError(BaseModel):
    code: str
    message: str
    details: ProblemDetails | None = Field(None, description="`reason` says what the app does (docs/errors.md)")


class MutationResultOut(BaseModel):
    mutation_id: int
    status: Literal["applied", "duplicate", "conflict", "rejected"]
    version: int | None = None
    data: dict[str, Any] | None = Field(None, description="the row as stored (applied)")
    current: dict[str, Any] | None = Field(None, description="the row as the server has it (conflict)")
    error: MutationError | None = None


class PushOut(BaseModel):
    results: list[MutationResultOut]
    cursor: str = Field(description="the position (tick) at which the results are visible to pulls")
    last_mutation_id: int
