"""Import contracts: ``reader.core`` stands alone, and the command-line exporters never import textual.

The core reads text and returns a Document: it imports the standard library, nltk and
itself, and never textual, rich or the rest of reader (load, export, tui, cli, batch,
evaluate, ...). Two checks: every import statement in ``reader/core`` (function-level
ones included), read with ``ast``; and the modules an analysis actually loads.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import reader.core

CORE_DIR = Path(reader.core.__file__).resolve().parent
FORBIDDEN = ("textual", "rich")
ALLOWED_THIRD_PARTY = ("nltk",)


def _modules_after(statement: str) -> set[str]:
    code = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out))


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def imported_modules(path: Path, module: str) -> Iterator[tuple[int, str]]:
    """``(line, module)`` for every import in the file of ``module``; ``from p import n`` gives ``p.n``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)] if node.level else []
            parent = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                # A name may be a submodule (``from reader import cli``) or an attribute; either way
                # ``parent.name`` falls under the same package as the module that provides it.
                yield node.lineno, f"{parent}.{alias.name}" if parent != "__future__" else parent


def core_violations(root: Path, package: str) -> list[str]:
    """Imports in the package at ``root`` (named ``package``) that break the core's contract."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        module = ".".join([package, *parts])
        for line, name in sorted(imported_modules(path, module)):
            top = name.split(".")[0]
            if any(_within(name, f) for f in FORBIDDEN):
                why = "the interface libraries"
            elif top == package.split(".")[0] and not _within(name, package):
                why = "the rest of the package"
            elif top != package.split(".")[0] and top not in sys.stdlib_module_names and top not in ALLOWED_THIRD_PARTY:
                why = "only the standard library and nltk"
            else:
                continue
            found.append(f"{path.relative_to(root.parent)}:{line}: imports {name} ({why})")
    return found


def test_core_imports_only_stdlib_nltk_and_itself() -> None:
    assert core_violations(CORE_DIR, "reader.core") == []


def test_the_contract_catches_bad_imports(tmp_path: Path) -> None:
    core = tmp_path / "core"
    (core / "sub").mkdir(parents=True)
    (core / "__init__.py").write_text("from reader.core.model import Document\n")
    (core / "ok.py").write_text(
        "from __future__ import annotations\nimport re\nfrom collections.abc import Sequence\n"
        "from nltk.tokenize.punkt import PunktParameters\nfrom . import ok\nfrom .sub import deep\n"
    )
    (core / "bad.py").write_text(
        "import rich.text\n"
        "def later():\n    from textual.app import App\n    from reader.export.json import to_json\n"
        "from .. import cli\nfrom reader import load\nimport numpy\n"
    )
    (core / "sub" / "__init__.py").write_text("")
    (core / "sub" / "deep.py").write_text("from ..model import Span\nfrom ...tui import app\n")
    assert core_violations(core, "reader.core") == [
        "core/bad.py:1: imports rich.text (the interface libraries)",
        "core/bad.py:3: imports textual.app.App (the interface libraries)",
        "core/bad.py:4: imports reader.export.json.to_json (the rest of the package)",
        "core/bad.py:5: imports reader.cli (the rest of the package)",
        "core/bad.py:6: imports reader.load (the rest of the package)",
        "core/bad.py:7: imports numpy (only the standard library and nltk)",
        "core/sub/deep.py:2: imports reader.tui.app (the rest of the package)",
    ]


def test_an_analysis_loads_no_interface_and_nothing_of_reader_outside_the_core() -> None:
    modules = _modules_after("import reader.core; reader.core.analyze('Officials said it rained.')")
    assert not [m for m in modules if any(_within(m, f) for f in FORBIDDEN)]
    assert sorted(m for m in modules if _within(m, "reader") and not _within(m, "reader.core")) == ["reader"]


@pytest.mark.parametrize(
    "statement", ["import reader.cli, reader.export.json", "import reader.analysis, reader.export"]
)
def test_exporters_and_cli_do_not_import_textual(statement: str) -> None:
    modules = _modules_after(statement)
    assert "textual" not in modules
