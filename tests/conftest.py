"""Every test runs without the user's config file (reader.config), as CI does: runs are reproducible.

``READER_NO_CONFIG`` turns the file off, and platformdirs is pointed at an empty folder of the
test's own (``XDG_CONFIG_HOME``), so even a test that turns the file back on never reads the real
user's. Tests of the config file itself take ``READER_NO_CONFIG`` out again and point
``READER_CONFIG`` (or ``XDG_CONFIG_HOME``) at a file they write.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.config import Config, activate


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    monkeypatch.setenv("READER_NO_CONFIG", "1")
    monkeypatch.delenv("READER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
    yield
    activate(Config())  # a test that ran cli.main leaves no config behind
