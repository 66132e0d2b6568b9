"""The corrections file: where it goes, what it holds, and that a bad one is one line and never lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.core.model import Document, Label, SourceType
from reader.corrections import model as m
from reader.corrections.session import Session
from reader.corrections.store import (
    SCHEMA,
    CorrectionsFileError,
    read_sidecar,
    set_aside,
    sidecar_path,
    user_store,
    write_sidecar,
)
from reader.errors import ReaderError
from reader.samples import find_sample

AT = "2025-01-02T03:04:05Z"


def test_beside_the_article(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    assert sidecar_path(article) == tmp_path / "story.txt.reader.json"


def test_stdin_urls_samples_and_read_only_folders_go_to_the_user_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = user_store()
    assert str(store).startswith(os.environ["XDG_DATA_HOME"])
    stdin_a, stdin_b = sidecar_path(None, text="one text"), sidecar_path(None, text="another")
    assert stdin_a.parent == store and stdin_a != stdin_b and stdin_a == sidecar_path(None, text="one text")
    url = sidecar_path(None, url="https://news.example/world/ferry.html")
    assert url.parent == store and url.name.startswith("ferry.html-")
    sample = find_sample("kursk")
    assert sample is not None and sidecar_path(sample).parent == store  # never into the installed package
    locked = tmp_path / "locked" / "story.txt"
    locked.parent.mkdir()
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != locked.parent)  # root writes anywhere
    assert sidecar_path(locked).parent == store
    (locked.parent / "story.txt.reader.json").write_text("{}")  # one made before the folder was locked
    assert sidecar_path(locked) == locked.parent / "story.txt.reader.json"


def test_written_and_read_back(tmp_path: Path, doc: Document) -> None:
    file = tmp_path / "deep" / "er" / "story.txt.reader.json"
    made = (m.set_label(doc, 5, Label.OFFICIAL, AT), m.merge(doc, "s1", "s2", Session(doc, None).corrected.refs, AT))
    kept = (m.set_label(doc, 8, Label.OFFICIAL, AT),)
    write_sidecar(file, doc.text, made, kept, article="story.txt")
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA and data["article"] == "story.txt" and len(data["text_sha256"]) == 64
    assert data["corrections"][0] == {
        "kind": "label",
        "from": "unattributed",
        "to": "official",
        "at": AT,
        "sentence": {"start": doc.sentences[5].start, "end": doc.sentences[5].end, "text": doc.sentences[5].text},
    }
    back = read_sidecar(file)
    assert back is not None and back.corrections == made and back.unanchored == kept
    assert read_sidecar(tmp_path / "none.reader.json") is None


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"{not json", "not JSON (line 1, column 2"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"schema": "other/1"}', "not a reader.corrections/1 file"),
        (b"[1, 2]", "not a reader.corrections/1 file"),
        (b'{"schema": "reader.corrections/1", "corrections": {}}', "corrections is not a list"),
        (b'{"schema": "reader.corrections/1", "corrections": [{"kind": "label"}]}', "corrections #1: a label"),
        (b'{"schema": "reader.corrections/1", "text_sha256": "abc"}', "text_sha256"),
    ],
)
def test_a_bad_file_is_one_line_naming_it(tmp_path: Path, content: bytes, says: str) -> None:
    file = tmp_path / "story.txt.reader.json"
    file.write_bytes(content)
    with pytest.raises(CorrectionsFileError) as caught:
        read_sidecar(file)
    assert str(caught.value).startswith(f"{file}: ") and says in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_folder_in_its_place_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "story.txt.reader.json").mkdir()
    with pytest.raises(ReaderError, match="is a folder"):
        read_sidecar(tmp_path / "story.txt.reader.json")


def test_an_unreadable_file_is_set_aside_never_overwritten(tmp_path: Path, doc: Document) -> None:
    file = tmp_path / "story.txt.reader.json"
    file.write_text("{broken", encoding="utf-8")
    (tmp_path / "story.txt.reader.json.bad").write_text("an older one", encoding="utf-8")
    session = Session.open(doc, file)
    assert session.unreadable is not None and "not JSON" in session.unreadable
    assert file.read_text(encoding="utf-8") == "{broken"  # opening changes nothing
    session.make(m.set_label(doc, 5, Label.OFFICIAL, AT))
    notes = session.save()
    assert notes == ["the unreadable corrections file was kept as story.txt.reader.json.bad-2"]
    assert (tmp_path / "story.txt.reader.json.bad-2").read_text(encoding="utf-8") == "{broken"
    assert (tmp_path / "story.txt.reader.json.bad").read_text(encoding="utf-8") == "an older one"
    assert read_sidecar(file) is not None
    assert set_aside(tmp_path / "nothing.reader.json") is None


def test_a_session_reopens_where_it_was(tmp_path: Path, doc: Document) -> None:
    file = tmp_path / "story.txt.reader.json"
    first = Session.open(doc, file)
    first.make(m.set_label(doc, 5, Label.THIRD_PARTY, AT))
    first.make(m.set_type(first.document, "s5", SourceType.OFFICIAL, first.corrected.refs, AT))
    assert first.undo() is not None
    first.save()
    again = Session.open(doc, file)
    assert again.document == first.document and again.history.done == first.history.done
    assert not again.history.can_redo  # redo is for the session only
