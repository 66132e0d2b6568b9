"""The analysis core and the command-line exporters must not import textual."""

import json
import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out))


def test_core_does_not_import_textual() -> None:
    modules = _modules_after("import reader.core; reader.core.analyze('Officials said it rained.')")
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_exporters_and_cli_do_not_import_textual() -> None:
    modules = _modules_after("import reader.cli, reader.export.json")
    assert "textual" not in modules
