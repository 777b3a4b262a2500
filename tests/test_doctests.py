"""Every example in a docstring of helpers runs and gives what it shows (the rules' examples stay true)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import helpers


def _modules_with_examples() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        if info.name.endswith("__main__"):
            continue
        spec = importlib.util.find_spec(info.name)
        if spec and spec.origin and spec.origin.endswith(".py"):
            with open(spec.origin, encoding="utf-8") as f:
                if ">>>" in f.read():
                    names.append(info.name)
    return sorted(names)


MODULES = _modules_with_examples()


def test_there_are_examples_to_run():
    assert len(MODULES) >= 3, MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
