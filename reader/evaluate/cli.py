"""``reader evaluate CORPUS.jsonl [--format polnear|sentences] [--types TYPES.jsonl] [--limit N] [--errors FILE]``."""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from reader.errors import ExitCode, ReaderError
from reader.evaluate.polnear import ErrorLog, Report, evaluate, read_corpus, read_types
from reader.evaluate.rules import RuleTally
from reader.options import ArgumentParser, whole_number
from reader.safe_text import neutralize, neutralize_line

T = TypeVar("T")


def _parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="reader evaluate",
        description=(
            "Score the analyser against a JSON Lines corpus: PolNeAR attributions (--format polnear), "
            "or one gold label and source name per sentence, as the BBC set in ../shared has them "
            "(--format sentences)."
        ),
    )
    parser.add_argument("corpus", metavar="CORPUS.jsonl")
    parser.add_argument(
        "--format",
        choices=("polnear", "sentences"),
        default="polnear",
        help="the corpus's shape (default polnear)",
    )
    parser.add_argument("--types", metavar="TYPES.jsonl", help="hand-typed sources: adds the three-way scores")
    parser.add_argument("--limit", type=whole_number(1), metavar="N", help="score only the first N articles")
    parser.add_argument("--errors", metavar="FILE", help="write error examples by category here")
    parser.add_argument(
        "--rules",
        nargs="?",
        const=40,
        type=int,
        metavar="N",
        help="also list, per rule id, how often it decided and how often it was right (the N with most errors)",
    )
    return parser


def format_report(rep: Report, seconds: float) -> str:
    """The score table printed by ``reader evaluate``."""
    rate = rep.articles / seconds if seconds > 0 else float("inf")
    lines = [
        f"articles  {rep.articles}  ({rate:.1f} articles/s)",
        f"sentences TP {rep.tp}  FP {rep.fp}  FN {rep.fn}  TN {rep.tn}",
        "",
        "| metric | value |",
        "|---|---|",
        f"| F1 | {rep.f1:.3f} |",
        f"| P | {rep.precision:.3f} |",
        f"| R | {rep.recall:.3f} |",
        f"| SRC | {rep.src:.3f} |",
    ]
    if rep.per_class is not None:
        lines += ["", "| class | P | R | F1 |", "|---|---|---|---|"]
        for cls, (p, r, f) in rep.per_class.items():
            lines.append(f"| {cls} | {p:.3f} | {r:.3f} | {f:.3f} |")
        lines.append(f"| macro-F1 | | | {rep.macro_f1:.3f} |")
        lines.append(f"| accuracy | | | {rep.accuracy:.3f} |")
    return "\n".join(lines)


def _read(reader: Callable[[str], T], path: str, what: str) -> T:
    """``reader(path)``, its failures as one line that names ``path``."""
    try:
        return reader(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReaderError(f"{path}: {what} ({exc})", ExitCode.NO_TEXT) from None
    except RecursionError:
        raise ReaderError(f"{path}: {what} (nested too deeply)", ExitCode.NO_TEXT) from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read ({exc.strerror or exc})", ExitCode.UNREADABLE) from None


def run_evaluate(argv: Sequence[str]) -> int:
    """Entry point of ``reader evaluate``; prints the table and returns an exit code."""
    args = _parser().parse_args(argv)
    from reader.analysis import analyze_article
    from reader.load import LoadedArticle

    for path in [p for p in (args.corpus, args.types) if p]:
        if not Path(path).is_file():
            raise ReaderError(f"{path}: no such file", ExitCode.NOT_FOUND)
    if args.format == "sentences":
        return _run_sentences(args)
    types = _read(read_types, args.types, "not a source-types JSON Lines file") if args.types else None
    articles = _read(
        lambda path: list(itertools.islice(read_corpus(path), args.limit)),
        args.corpus,
        "not a PolNeAR JSON Lines corpus",
    )
    if types is not None and not any(a.get("doc_id") in types for a in articles):
        print(neutralize_line(f"note: no article of {args.corpus} is typed in {args.types}: no three-way scores"))
    errors = ErrorLog() if args.errors else None
    rules = RuleTally() if args.rules else None
    started = time.perf_counter()
    # The corpus text as given: no title, byline or date, as the gold was annotated.
    rep = evaluate(articles, lambda text: analyze_article(LoadedArticle(text)), types, errors, rules)
    elapsed = time.perf_counter() - started
    print(format_report(rep, elapsed))
    if rules is not None:
        print("\n" + rules.render(args.rules))
    if errors is not None:
        from reader.output import write_atomic

        write_atomic(args.errors, errors.render(), force=True)
    return int(ExitCode.OK)


def _run_sentences(args: argparse.Namespace) -> int:
    """``--format sentences``: per-class scores over gold-labelled sentences."""
    from reader.analysis import analyze_article
    from reader.evaluate.sentences import (
        evaluate_sentences,
        format_sentence_errors,
        format_sentence_report,
        read_corpus,
    )
    from reader.load import LoadedArticle

    articles = _read(read_corpus, args.corpus, "not a sentence-labelled JSON Lines corpus")[: args.limit]
    rules = RuleTally() if args.rules else None
    report = evaluate_sentences(articles, lambda text: analyze_article(LoadedArticle(text)), rules)
    print(neutralize(format_sentence_report(report, Path(args.corpus).stem)))
    if rules is not None:
        print("\n" + neutralize(rules.render(args.rules)))
    if args.errors:
        from reader.output import write_atomic

        texts = {str(a.get("id", n)): a["text"] for n, a in enumerate(articles)}
        write_atomic(args.errors, format_sentence_errors(report.units, texts), force=True)
    return int(ExitCode.OK)
