"""Every model derives from domain/shared/orm.py `Model`: one that derived from Tortoise's own
would have Tortoise read its module's source at every process start again (domain/shared/orm.py)."""

from __future__ import annotations

import importlib
import inspect

from tortoise.models import Model as TortoiseModel

from app.db import MODEL_MODULES
from domain.shared.orm import Model


def test_every_model_derives_from_the_uncommented_base() -> None:
    models = {
        cls
        for module_name in MODEL_MODULES
        for _name, cls in inspect.getmembers(importlib.import_module(module_name), inspect.isclass)
        if issubclass(cls, TortoiseModel) and not cls._meta.abstract
    }
    assert len(models) > 50  # the registry's modules were read
    outside = sorted(f"{cls.__module__}.{cls.__qualname__}" for cls in models if not issubclass(cls, Model))
    assert outside == []
    # Tortoise skips reading the source for exactly these classes.
    assert all(cls.__dict__.get("_no_comments") is True for cls in models)
