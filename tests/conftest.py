"""Every test runs with its own, empty, per-user folders and without the user's config file.

The user's config file, sources file and corrections store (``platformdirs``, which follows
``XDG_CONFIG_HOME`` and ``XDG_DATA_HOME``) are never the real ones, so a file in the home folder of
whoever runs the tests changes no analysis, and no test writes there. ``READER_NO_CONFIG`` also turns
the config file (reader.config) off, as CI runs: tests of the config file itself take it out again and
point ``READER_CONFIG`` (or ``XDG_CONFIG_HOME``) at a file they write.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.config import Config, activate


@pytest.fixture(autouse=True)
def _own_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("READER_NO_CONFIG", "1")
    monkeypatch.delenv("READER_CONFIG", raising=False)
    yield home
    activate(Config())  # a test that ran cli.main leaves no config behind
