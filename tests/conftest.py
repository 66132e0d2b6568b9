"""Every test runs with its own, empty, per-user folders: the user's sources file and corrections store
(``platformdirs``, which follows ``XDG_CONFIG_HOME`` and ``XDG_DATA_HOME``) are never the real ones, so a
sources file in the home folder of whoever runs the tests changes no analysis, and no test writes there."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home
