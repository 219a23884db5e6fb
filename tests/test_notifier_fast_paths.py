"""The notifier's batch shortcuts give what the plain calls give: ids kept as text
(domain/shared/ids.canonical) and texts remembered per batch (push/notifier._rendered)."""

from __future__ import annotations

from uuid import UUID

import pytest

from domain.notifications.i18n import Audience, Phrase, render
from domain.shared.ids import as_uuid, canonical
from push.notifier import _rendered

# A fixed id: a random one would name the parametrized tests differently on each xdist worker.
ID = UUID("8dc07106-f5f6-4fc4-87d1-75eff03726df")


@pytest.mark.parametrize("value", [
    str(ID), str(ID).upper(), f"{{{ID}}}", ID.hex, f"urn:uuid:{ID}", ID, f" {ID}", f"{ID}\n", "not-an-id", "",
    None, 7, UUID(int=0), str(UUID(int=0)),
])
def test_canonical_is_the_text_of_as_uuid(value: object) -> None:
    parsed = as_uuid(value)
    assert canonical(value) == (None if parsed is None else str(parsed))


def test_rendered_remembers_only_what_renders_alike() -> None:
    texts: dict[object, tuple[str, str]] = {}
    audience = Audience("de-DE", "Europe/Berlin")
    values = {"sender": "Ana", "preview": "hallo", "count": 2}
    first = _rendered(texts, "message.new.many", values, audience)
    assert first == render("message.new.many", values, audience)
    assert _rendered(texts, "message.new.many", dict(values), audience) is first  # the same words: once
    assert len(texts) == 1
    # A flag equal to 1 is not the number 1: rendered as itself, never taken for the other.
    assert _rendered(texts, "message.new.many", {**values, "count": True}, audience) == render(
        "message.new.many", {**values, "count": True}, audience)
    assert _rendered(texts, "message.new.many", values, Audience("en", "UTC")) == render(
        "message.new.many", values, Audience("en", "UTC"))
    private = _rendered(texts, "message.new", {**values, "sender": Phrase("someone")}, audience, True)
    assert private == render("message.new", {**values, "sender": Phrase("someone")}, audience, private=True)
