"""The base class of every Tortoise model of ours.

Tortoise reads the source file of each model class as it is defined (`inspect.getsource`, then a
regex over the whole class) to find `#:` comments to use as column descriptions. Our models have
none (descriptions are written as `description=`), and that reading was ~0.5-0.6 s of CPU of every process
start: the server, each CLI command, and each of the test suite's workers and server children.
Tortoise skips it for a class whose own body sets `_no_comments`; the metaclass sets it on every
class that derives from this one.
"""

from __future__ import annotations

from typing import Any

from tortoise.models import Model as TortoiseModel
from tortoise.models import ModelMeta


class _UncommentedModelMeta(ModelMeta):
    __slots__ = ()

    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> Any:
        attrs.setdefault("_no_comments", True)
        return super().__new__(mcs, name, bases, attrs)


class Model(TortoiseModel, metaclass=_UncommentedModelMeta):
    class Meta:
        abstract = True
