"""Hostile inputs from issue 13 that ended in a traceback, a hang or a lost file: one line each now."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ExitCode
from tests.cli.test_bad_input import ARTICLE, assert_one_line_error, run

ESCAPES = ("\x1b", "\x07", "\x9b")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _assert_inert(line: str) -> None:
    for raw in ESCAPES:
        assert raw not in line


def test_a_file_name_with_escapes_in_a_usage_error_is_neutralised(tmp_path: Path, article: Path) -> None:
    evil = tmp_path / "b\x1b]0;PWNED\x07.txt"
    evil.write_text(ARTICLE, encoding="utf-8")
    clip = tmp_path / "c\x1b]52;c;ZXZpbA==\x07.txt"
    clip.write_text(ARTICLE, encoding="utf-8")
    result = run("analyze", article, evil, clip)
    line = assert_one_line_error(result, ExitCode.USAGE, "unrecognized arguments")
    _assert_inert(line)
    assert "PWNED" in line  # shown, as visible characters


def test_evaluate_types_path_with_escapes_is_neutralised(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"doc_id": "a", "text": "It rained.", "sentences": [[0, 10]]}) + "\n")
    types = tmp_path / "t\x1b]0;PWNED\x07.jsonl"
    types.write_text(json.dumps({"doc_id": "zzz", "attribution_index": 0, "type": "official"}) + "\n")
    result = run("evaluate", corpus, "--types", types)
    assert result.returncode == ExitCode.OK, result.stderr
    _assert_inert(result.stdout.decode())
    missing = run("evaluate", corpus, "--types", tmp_path / "gone\x1b[2J.jsonl")
    _assert_inert(assert_one_line_error(missing, ExitCode.NOT_FOUND, "no such file"))


@pytest.mark.parametrize("size", ["inf", "1e400", "nan", "-inf", "0", "12XB"])
def test_max_size_that_is_not_a_size(article: Path, size: str) -> None:
    assert_one_line_error(run("analyze", "--max-size", size, article), ExitCode.USAGE, "--max-size")


def test_output_onto_a_symlink_loop(tmp_path: Path, article: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop.name)
    assert_one_line_error(run("analyze", article, "-o", loop), ExitCode.OUTPUT_EXISTS, "--force")
    assert_one_line_error(run("analyze", article, "-o", loop, "--force"), ExitCode.OUTPUT_FAILED, "loop")
    assert loop.is_symlink() and os.readlink(loop) == loop.name


def test_stdin_output_onto_a_symlink_loop_needs_force(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop.name)
    result = run("analyze", "-", "-o", loop, stdin=ARTICLE.encode())
    assert_one_line_error(result, ExitCode.OUTPUT_EXISTS, "--force")
    assert loop.is_symlink() and os.readlink(loop) == loop.name


def test_output_onto_a_fifo_with_force_keeps_the_fifo(tmp_path: Path, article: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert_one_line_error(run("analyze", article, "-o", fifo, "--force"), ExitCode.OUTPUT_FAILED, "FIFO")
    import stat

    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_device(article: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "analyze", str(article)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert_one_line_error(result, ExitCode.OUTPUT_FAILED, "<stdout>", "No space left")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirection")
def test_stdout_closed(article: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m reader analyze "{article}" >&-'],
        stderr=subprocess.PIPE,
        timeout=60,
        check=False,
    )
    assert_one_line_error(result, ExitCode.OUTPUT_FAILED, "<stdout>")


def test_a_large_analysis_streams_to_stdout_byte_identical(article: Path) -> None:
    from reader.analysis import analyze_path
    from reader.export import render

    result = run("analyze", article)
    assert result.returncode == ExitCode.OK
    assert result.stdout.decode("utf-8") == render(analyze_path(article), "json")


# -- reader evaluate on JSON of the wrong shape ------------------------------------------

GOOD = {"doc_id": "a", "text": "It rained, he said.", "sentences": [[0, 19]], "attributions": []}


@pytest.mark.parametrize(
    ("lines", "needle"),
    [
        (["[1]"], "line 1"),
        (["null"], "line 1"),
        (['"text"'], "line 1"),
        ([json.dumps(GOOD), "null"], "line 2"),
        ([json.dumps({**GOOD, "text": 5})], "text"),
        ([json.dumps({**GOOD, "sentences": [[0, 99]]})], "sentences"),
        ([json.dumps({**GOOD, "sentences": [["a", "b"]]})], "sentences"),
        ([json.dumps({**GOOD, "sentences": 7})], "sentences"),
        ([json.dumps({**GOOD, "attributions": [[1]]})], "attributions"),
        ([json.dumps({**GOOD, "attributions": [{"cue": [[3, 1]], "speech": True}]})], "attributions"),
        (["[" * 100_000 + "]" * 100_000], "line 1"),
        (["{not json"], "line 1"),
    ],
)
def test_evaluate_refuses_a_corpus_of_the_wrong_shape(tmp_path: Path, lines: list[str], needle: str) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = assert_one_line_error(run("evaluate", corpus), ExitCode.NO_TEXT, str(corpus), needle)
    assert len(line) < 400


@pytest.mark.parametrize(
    "row",
    ["[1, 2]", "null", json.dumps({"doc_id": "a"}), json.dumps({"doc_id": "a", "attribution_index": "x", "type": "o"})],
)
def test_evaluate_names_the_types_file_when_it_is_wrong(tmp_path: Path, row: str) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    types = tmp_path / "types.jsonl"
    types.write_text(row + "\n", encoding="utf-8")
    line = assert_one_line_error(run("evaluate", corpus, "--types", types), ExitCode.NO_TEXT, str(types))
    assert f"{corpus}:" not in line


def test_evaluate_sentences_format_refuses_wrong_shapes(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("[1]\n", encoding="utf-8")
    assert_one_line_error(run("evaluate", "--format", "sentences", corpus), ExitCode.NO_TEXT, str(corpus))


def test_a_second_ctrl_c_while_leaving_keeps_exit_status_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    from reader import cli

    def interrupted(argv):
        raise KeyboardInterrupt

    class ImpatientStderr:
        """Ctrl-C again, just as the "interrupted" line is written."""

        def write(self, text: str) -> int:
            signal.raise_signal(signal.SIGINT)
            return len(text)

        def flush(self) -> None:
            pass

    monkeypatch.setattr(cli, "_dispatch", interrupted)
    monkeypatch.setattr(cli, "_use_config", lambda argv: argv)
    monkeypatch.setattr(cli.sys, "stderr", ImpatientStderr())
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        code = cli.main(["analyze", "x"])
    except KeyboardInterrupt:
        code = None  # the second Ctrl-C escaped: the process would die by the signal
    finally:
        signal.signal(signal.SIGINT, previous)
    assert code == 130
