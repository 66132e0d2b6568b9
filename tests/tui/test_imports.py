"""Paint first: the app never imports the analysis (nltk) itself, and its entry point imports no textual,
so the analysis child starts before textual is loaded."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out))


def test_the_app_does_not_import_the_analysis() -> None:
    modules = _modules_after("import reader.tui.reader_app")
    assert "nltk" not in modules and "reader.core.analyze" not in modules
    assert "textual.widgets._markdown" not in modules  # the help screen's Markdown, loaded when asked


def test_the_entry_point_imports_no_textual() -> None:
    modules = _modules_after("import reader.tui.app, reader.tui.analysis_worker")
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)
    assert "nltk" not in modules


def test_reader_core_names_are_still_there() -> None:
    modules = _modules_after("import reader.core; reader.core.Label; reader.core.Document")
    assert "nltk" not in modules
    modules = _modules_after("from reader.core import analyze")
    assert "nltk" in modules
