"""The distribution (issue 13): a name of its own, the MIT licence, the Pythons it supports, and an sdist
that carries its tests and licence. Read from the installed metadata and the repository's files."""

from __future__ import annotations

import re
from importlib.metadata import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_distribution_has_a_name_of_its_own_and_the_readme_installs_it() -> None:
    meta = metadata("reader-claims")  # 'reader' on the index is another program
    assert meta["Name"] == "reader-claims"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "**reader-claims**" in readme
    assert not re.search(r"pip install '?reader(\[|\s|'|$)", readme)  # never the other program


def test_the_licence_is_mit_and_shipped() -> None:
    meta = metadata("reader-claims")
    assert meta["License-Expression"] == "MIT"
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_classifiers_name_every_python_it_supports() -> None:
    meta = metadata("reader-claims")
    assert meta["Requires-Python"] == ">=3.10"
    classifiers = meta.get_all("Classifier") or []
    for minor in (10, 11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers


def test_the_sdist_carries_what_make_test_needs() -> None:
    manifest = (REPO / "MANIFEST.in").read_text(encoding="utf-8").split("\n")
    assert "include LICENSE README.md Makefile" in manifest
    for folder in ("tests", "sample_articles", "benchmarks"):
        assert f"graft {folder}" in manifest
