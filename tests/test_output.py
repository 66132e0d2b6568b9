"""write_atomic: no overwrite without force, nothing lost on failure, ordinary permissions."""

import os
import stat
from pathlib import Path

import pytest

from reader.errors import ExitCode, ReaderError
from reader.output import write_atomic


def test_refuses_existing_file_and_leaves_it_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"keep me\n")
    with pytest.raises(ReaderError) as info:
        write_atomic(target, "new")
    assert info.value.exit_code is ExitCode.OUTPUT_EXISTS
    assert target.read_bytes() == b"keep me\n"


def test_force_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new", force=True)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "fresh.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name != "fresh.json"]


def test_document_pieces_are_the_rendered_bytes_for_every_sample() -> None:
    """The streamed JSON (and Markdown) equal what ``render`` makes, for every bundled sample."""
    from reader.analysis import analyze_path
    from reader.export import FORMATS, render
    from reader.output import document_pieces

    folder = Path(__file__).parents[1] / "sample_articles"
    samples = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})
    assert len(samples) >= 7
    for sample in samples:
        doc = analyze_path(sample)
        for fmt in FORMATS:
            pieces = list(document_pieces(doc, fmt))
            assert "".join(pieces) == render(doc, fmt), (sample.name, fmt)
        assert len(list(document_pieces(doc, "json"))) > 100  # streamed, not one string
