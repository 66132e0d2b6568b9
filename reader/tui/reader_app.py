"""``ReaderApp``: the article with its sentence classes, sources, numbers and keys.

The app only shows and navigates a ``Document``; it never re-derives what the
analysis says. Built from a ready Document (tests) or a loaded article, which
is then analysed in a worker thread while the plain text is already on screen.

Corrections (``l``, ``a``, ``i``, ``w``, ``m``, undone with ``z`` and redone with ``Z``) are made
by ``reader.corrections``: a ``Session`` holds the analysis, the history and the article's
corrections file; the app asks what to change, hands it a ``Correction`` and shows the
corrected Document it gives back.
"""

from __future__ import annotations

import bisect
import gc
import os
import signal
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.widgets import Label as TextLabel

from reader.core.model import Document, Label, Sentence, Source, SourceType
from reader.errors import ExitCode, ReaderError
from reader.export.legend import LABEL_NAMES, MARKERS
from reader.load import LoadedArticle
from reader.safe_text import neutralize, visible, visible_same_length
from reader.tui.analysis_worker import AnalysisCancelled, AnalysisJob
from reader.tui.commands import ReaderCommands
from reader.tui.navigation import TextSearch, sentence_at, step
from reader.tui.terminal import LOST_TERMINAL, terminal_alive
from reader.tui.threads import DaemonThreads
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.header import DetailLine, TitleBar
from reader.tui.widgets.keybar import KeyBar
from reader.tui.widgets.tables import NARROW_WIDTH, NumbersTable, Prepared, RowTable, SourcesTable
from reader.tui.wrap import Words, index_words, plain_document

if TYPE_CHECKING:  # the corrections are loaded with the analysis, after the first frame
    from reader.corrections.apply import Corrected
    from reader.corrections.model import Correction
    from reader.corrections.session import Session

PANES = ("article", "sources", "numbers")
SIDE_PANES = ("sources", "numbers")
SEARCH_DELAY = 0.12  # seconds of no typing before the search runs
OPENING = 30_000  # characters of a large article shown at once, the rest follows a moment later


def _opening(text: str) -> str:
    """The first lines of ``text``, enough to fill any screen, cut at a line end."""
    if len(text) <= OPENING * 2:
        return text
    cut = text.rfind("\n", 0, OPENING)
    return text[: cut if cut > 0 else OPENING]


TERMINAL_CHECK = 1.0  # seconds between checks that the terminal is still there


def _matches_text(total: int) -> str:
    return "no match" if total == 0 else f"{total} match{'es' if total != 1 else ''}"


def render_summary(doc: Document, source: Path | str | None = None, corrected: Corrected | None = None) -> str:
    """The annotated Markdown summary, as ``reader analyze --format markdown`` writes it, naming ``source``
    (the article's file or address), with the reader's corrections (``corrected``)."""
    from reader.export import render

    return render(doc, "markdown", str(source) if source else None, corrected)


def copy_text(doc: Document, sentence: Sentence) -> str:
    """What ``y`` copies: the sentence, then its class and source on a line of their own."""
    source = doc.source(sentence.source_id)
    said = f"{LABEL_NAMES[sentence.label]}"
    if source is not None:
        details = ", ".join(v for v in (source.role, source.type.value) if v)
        said += f"; source: {source.name} ({details})"
    return neutralize(f"{' '.join(sentence.text.split())}\n[{said}]")


class AnalysisReady(Message):
    """The worker has the analysis with the corrections kept for it (``session``), and what the views need
    from it made off the event loop."""

    def __init__(self, session: Session, words: Words, tables: tuple[Prepared, Prepared]) -> None:
        super().__init__()
        self.session = session
        self.document = session.document
        self.words = words
        self.tables = tables


class PlainReady(Message):
    """The whole plain text of a large article is ready to show (its opening is shown first), its words
    indexed and its text folded for search."""

    def __init__(self, document: Document, words: Words, search: TextSearch) -> None:
        super().__init__()
        self.document = document
        self.words = words
        self.search = search


class AnalysisFailed(Message):
    """The worker could not analyse the article."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class ReaderScreen(Screen[None]):
    """The app's screen: a focus change redraws only what it restyles, and a resize sets the breakpoint
    class (``-wide`` or ``-narrow``) before it lays the screen out."""

    # Textual's screen redraws every line of the window when the focus moves: a pane switch's largest
    # cost. The panes whose focus styles change (their borders) redraw themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def on_resize(self, event: events.Resize) -> None:
        # Runs before Screen._on_resize, which lays the screen out and draws it at the new size, then
        # sets the breakpoint class and does both again: every pane drawn twice, the first time wrong.
        breakpoints = sorted(self.app.HORIZONTAL_BREAKPOINTS or [])
        reached = [name for width, name in breakpoints if event.size.width >= width]
        if reached:
            self.update_classes({name: name == reached[-1] for _, name in breakpoints}, animate=False)


def _b(key: str, action: str, description: str, binding_id: str, tooltip: str, **kwargs: object) -> Binding:
    return Binding(key, action, description, id=f"reader.{binding_id}", tooltip=tooltip, **kwargs)  # type: ignore[arg-type]


class ReaderApp(App[int]):
    """Read an article sentence by sentence, with its sources and numbers."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    # Textual types it as an instance variable, so it cannot be annotated ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_WIDTH, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("j,down", "next_sentence", "Next", "next_sentence", "Go to the next sentence", show=False),
        _b("k,up", "previous_sentence", "Previous", "previous_sentence", "Go to the previous sentence", show=False),
        _b(
            "n",
            "next_claim",
            "Claim",
            "next_claim",
            "Next attributed sentence (with a source focused: its next sentence)",
        ),
        _b(
            "p",
            "previous_claim",
            "Prev claim",
            "previous_claim",
            "Previous attributed sentence (with a source focused: its previous sentence)",
            show=False,
        ),
        _b("n", "next_match", "Next match", "next_match", "While searching: the next match"),
        _b("p", "previous_match", "Prev match", "previous_match", "While searching: the previous match"),
        _b("o", "next_class('official')", "Official", "next_official", "Next official sentence"),
        _b(
            "O",
            "previous_class('official')",
            "Prev official",
            "previous_official",
            "Previous official sentence",
            show=False,
        ),
        _b("t", "next_class('third_party')", "3rd party", "next_third_party", "Next third-party sentence"),
        _b(
            "T",
            "previous_class('third_party')",
            "Prev third party",
            "previous_third_party",
            "Previous third-party sentence",
            show=False,
        ),
        _b("u", "next_class('unattributed')", "Unattr.", "next_unattributed", "Next unattributed sentence"),
        _b(
            "U",
            "previous_class('unattributed')",
            "Prev unattributed",
            "previous_unattributed",
            "Previous unattributed sentence",
            show=False,
        ),
        _b("space,pagedown", "page(True)", "Page down", "page_down", "One screen further", show=False),
        _b("b,pageup", "page(False)", "Page up", "page_up", "One screen back", show=False),
        _b("g,home", "edge(False)", "Top", "top", "First sentence", show=False),
        _b("G,end", "edge(True)", "Bottom", "bottom", "Last sentence", show=False),
        _b("tab", "cycle_pane(1)", "Next pane", "next_pane", "Focus the next pane", show=False, priority=True),
        _b(
            "shift+tab",
            "cycle_pane(-1)",
            "Previous pane",
            "previous_pane",
            "Focus the previous pane",
            show=False,
            priority=True,
        ),
        _b("1", "focus_pane('article')", "Article", "pane_article", "Focus the article pane", show=False),
        _b("2", "focus_pane('sources')", "Sources", "pane_sources", "Focus the sources pane", show=False),
        _b("3", "focus_pane('numbers')", "Numbers", "pane_numbers", "Focus the numbers pane", show=False),
        _b("s", "toggle_side", "Tables", "toggle_side", "Hide or show the sources and numbers tables", show=False),
        _b(
            "c",
            "cycle_filter",
            "Filter",
            "filter",
            "Show one class only (official, third party, unattributed, then all again); the rest is dimmed",
            show=False,
        ),
        _b("y", "copy", "Copy", "copy", "Copy the current sentence with its class and source", show=False),
        _b("slash", "search", "Search", "search", "Search the text; n/p move between matches"),
        _b(
            "escape",
            "clear",
            "Clear",
            "clear",
            "Leave search, or stop focusing a source, or end the class filter",
            show=False,
        ),
        _b(
            "e",
            "export",
            "Export",
            "export",
            "Write the annotated Markdown summary (asks where, suggesting NAME.summary.md next to the article)",
        ),
        _b("f", "open", "Open", "open", "Open another article (a file picker)", show=False),
        _b("r", "reload", "Reload", "reload", "Read the article again from its file (after it changed)", show=False),
        _b(
            "l",
            "correct_label",
            "Label",
            "correct_label",
            "Correct the class of the current sentence (official, third party, unattributed)",
        ),
        _b(
            "a",
            "correct_source",
            "Source",
            "correct_source",
            "Correct who the current sentence comes from (a source of the article, or none)",
        ),
        _b(
            "i",
            "correct_type",
            "Type",
            "correct_type",
            "Correct the type of a source (the row in the sources pane, else the current sentence's source); "
            "its sentences are relabelled; r in the dialog remembers it for all articles",
        ),
        _b(
            "w",
            "rename_source",
            "Rename",
            "rename_source",
            "Rename a source (the row in the sources pane, else the current sentence's source)",
            show=False,
        ),
        _b(
            "m",
            "merge_source",
            "Merge",
            "merge_source",
            "Merge a source into another (two rows for one person): its sentences and numbers go with it",
            show=False,
        ),
        _b("z", "undo", "Undo", "undo", "Undo the last correction"),
        _b("Z", "redo", "Redo", "redo", "Redo the last correction undone", show=False),
        _b("question_mark,f1", "help", "Help", "help", "Show every key"),
        _b("q", "quit", "Quit", "quit", "Quit reader"),
    ]
    """Every key of the app; ids let users rebind them with ``App.set_keymap``."""

    def __init__(
        self,
        document: Document | None = None,
        *,
        article: LoadedArticle | None = None,
        job: AnalysisJob | None = None,
        source_path: Path | None = None,
        export_dir: Path | None = None,
        known_sources: Mapping[str, str] | None = None,
        sources_files: Sequence[str | Path] = (),
        user_sources: bool = True,
        store: bool = True,
    ) -> None:
        """Show ``document`` at once, or ``article`` while its analysis runs (``job``, already started by
        ``run_app``, or started here); exports go next to ``source_path``.

        ``known_sources`` is the sources mapping the analyses use, read from the user's sources file
        (unless ``user_sources`` is False) and ``sources_files``, which are read again when a type is
        remembered; ``store``: corrections are read from and saved to the article's corrections file.
        """
        super().__init__()
        if document is None and article is None:
            raise ValueError("ReaderApp needs a document or an article")
        self.article = article
        self.known_sources = dict(known_sources or {})
        self.sources_files = tuple(sources_files)
        self.user_sources = user_sources
        self.store = store
        self.job = (
            job
            if job is not None or article is None or document is not None
            else AnalysisJob(article, self.known_sources)
        )
        self.source_path = source_path if source_path is not None else (article.path if article else None)
        self.export_dir = export_dir
        self.session: Session | None = self.open_session(document) if document is not None else None
        self.document: Document | None = self.session.document if self.session is not None else None
        self.focused_source: str | None = None
        self.class_filter: str | None = None
        self._search_timer: Timer | None = None
        self._by_label: dict[str, list[int]] = {}
        self._attributed: list[int] = []
        self._by_source: dict[str, list[int]] = {}
        self._claims: list[int] = []
        self._readable: list[int] = []
        title = (document.title if document else None) or (article.title if article else None)
        if title is None and self.source_path is not None:
            title = self.source_path.name
        self.article_title = title

    # -- building -----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return ReaderScreen(id="_default")

    def compose(self) -> ComposeResult:
        shown = self.document if self.document is not None else plain_document(_opening(self.article.text))  # type: ignore[union-attr]
        yield TitleBar(id="title")
        with Container(id="body"):
            yield ArticleView(shown, analysed=self.document is not None, id="article")
            with Container(id="side", classes="-show-sources"):
                yield SourcesTable(id="sources")
                yield NumbersTable(id="numbers")
        yield DetailLine(id="detail")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        import asyncio

        # Workers' threads are daemons: leaving never waits for what one is still computing (threads.py).
        asyncio.get_running_loop().set_default_executor(DaemonThreads())
        if not self.is_headless:
            self._watch_terminal()
            asyncio.get_running_loop().add_signal_handler(signal.SIGINT, self.interrupted)
        self.watch(self.screen, "focused", self._focus_moved, init=False)
        article_view = self.view
        article_view.border_title = "Article"
        article_view.focus()
        if self.document is not None:
            self._show_document(self.document)
            self._report_session()
        else:
            self._readable = [s.index for s in article_view.document.sentences]  # the plain lines, until analysed
            self.query_one(TitleBar).show(self.article_title, None, "analysing…")
            self.query_one(DetailLine).show(None, 0)
            if article_view.document.text != self.article.text:  # type: ignore[union-attr]
                # After the first frame: the opening is drawn before the rest competes for the interpreter.
                self.call_after_refresh(self.prepare_plain, self.article.text)  # type: ignore[union-attr]
            self.analyse()
            if isinstance(self.job, AnalysisJob):  # not a stand-in (tests)
                self.call_after_refresh(self.job.start)  # a held analysis competes for the CPUs only now
        self.call_after_refresh(self._mount_search_bar)
        self.call_after_refresh(self._freeze_heap)

    def _freeze_heap(self) -> None:
        """Leave what is alive now (Textual's objects, the article and its analysis) out of the cyclic garbage
        collector until the app ends: a full collection scanning them cost a key 60-80 ms on the 1 MB article."""
        gc.freeze()

    @work(thread=True, exclusive=True, group="plain")
    def prepare_plain(self, text: str) -> None:
        """The whole plain text, its words indexed and the text folded for search off the event loop (a large
        article first shows its opening); its analysis, the same text, keeps the folded copy."""
        doc = plain_document(text)
        display = visible_same_length(text)
        words = index_words(doc, display, markers=False, bounds=self.view.bounds_for(display))
        self.post_message(PlainReady(doc, words, TextSearch(doc.text)))

    def on_plain_ready(self, message: PlainReady) -> None:
        if self.document is not None:
            return  # the analysis came first
        self._readable = [s.index for s in message.document.sentences]
        self.view.set_document(message.document, analysed=False, words=message.words, search=message.search)
        self.call_after_refresh(self._freeze_heap)

    def _watch_terminal(self) -> None:
        """Quit when the terminal goes away, rather than spin on a dead input.

        A hang-up signal quits at once (unless the user started us under ``nohup``); as the
        signal does not always arrive (``make run`` in a closed window never got one), the
        terminal is also checked every second: a hung-up terminal fails ``tcgetattr``.
        """
        if signal.getsignal(signal.SIGHUP) is signal.SIG_DFL:
            import asyncio

            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.terminal_lost)
        self.set_interval(TERMINAL_CHECK, self.check_terminal)

    def check_terminal(self) -> None:
        """Quit if the terminal we read keys from is gone."""
        if not terminal_alive():
            self.terminal_lost()

    def terminal_lost(self) -> None:
        """Leave at once: nothing can be drawn or read any more."""
        if self.is_headless or terminal_alive():
            self.exit(return_code=LOST_TERMINAL)  # a hang-up signal, but the terminal is there: restore it
        else:
            # Textual's clean exit writes to the terminal and waits for its writer thread, which died on
            # the hung-up terminal: it would wait forever. There is nothing left to restore.
            if self.job is not None:
                self.job.cancel()  # the analysis child goes too
            os._exit(LOST_TERMINAL)

    def interrupted(self) -> None:
        """Ctrl-C (SIGINT; in the app's raw mode only from ``kill``, or typed while it starts): stop the
        analysis child and leave with exit status 130, restoring the terminal. Again while leaving: nothing
        more to do."""
        if self.job is not None:
            self.job.cancel()
        if self.return_code != ExitCode.INTERRUPTED:
            self.exit(return_code=ExitCode.INTERRUPTED)

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self) -> None:
        """Wait for the analysis (a child process) off the event loop and post the result back."""
        assert self.job is not None
        try:
            session = self.open_session(self.job.result())  # the corrections file is read here too
            doc = session.document
            # The indexing of the words and the table rows are pure data: made here, the event loop
            # only wraps and draws.
            view = self.view
            display = visible_same_length(doc.text)
            words = index_words(doc, display, markers=True, bounds=view.bounds_for(display))
            _, sources, numbers = _marks(session.corrected)
            tables = (SourcesTable.prepare(doc, sources), NumbersTable.prepare(doc, numbers))
        except AnalysisCancelled:
            return  # stopped on purpose (quit, interrupted, another article): nothing to show
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never a traceback
            self.post_message(AnalysisFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(AnalysisReady(session, words, tables))

    def open_session(self, doc: Document) -> Session:
        """The corrections of ``doc`` (the analysis of the article shown), read from its corrections file."""
        from reader.corrections.session import Session
        from reader.corrections.store import sidecar_path

        if not self.store:
            return Session(doc, None)

        article = self.article
        url = article.url if article is not None and article.path is None else None
        file = sidecar_path(self.source_path, url=url, text=doc.text)
        name = self.source_path.name if self.source_path is not None else (url or None)
        return Session.open(doc, file, article=name)

    def on_unmount(self) -> None:
        if self.job is not None:
            self.job.cancel()
        gc.unfreeze()  # what was frozen (_freeze_heap) can be collected again

    # -- another article ----------------------------------------------------------

    def action_open(self) -> None:
        """Pick another article in a file tree and open it."""
        from reader.tui.screens.open_file import OpenFileScreen

        folder = self.source_path.parent if self.source_path is not None and self.export_dir is None else Path.cwd()

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_article(path)

        self.push_screen(OpenFileScreen(folder), chosen)

    def action_reload(self) -> None:
        """Read the article again from its file, keeping the place."""
        if self.source_path is not None:
            self.open_article(self.source_path)

    def open_article(self, path: Path) -> None:
        """Show the article at ``path`` (its plain text at once) and analyse it; a bad file is a message."""
        from reader.load import load_article

        try:
            article = load_article(path)
        except ReaderError as exc:
            self.notify(visible(exc.message), title="Cannot open", severity="error", markup=False)
            return
        if self.job is not None:
            self.job.cancel()
        self.workers.cancel_group(self, "analysis")
        self.workers.cancel_group(self, "plain")
        same = path == self.source_path
        self.article, self.document, self.source_path, self.export_dir = article, None, path, None
        self.session = None
        self.article_title = article.title or path.name
        self.focused_source = None
        self.set_class_filter(None)
        self.action_clear()
        view = self.view
        view.corrected = frozenset()
        view.set_document(plain_document(article.text), analysed=False)
        if not same:
            view.set_current(0)
        self._readable = [s.index for s in view.document.sentences]
        self._claims, self._attributed, self._by_label, self._by_source = [], [], {}, {}
        for table in (self.query_one(SourcesTable), self.query_one(NumbersTable)):
            table.clear("analysing…")
        self.query_one(TitleBar).show(self.article_title, None, "analysing…")
        self.query_one(DetailLine).show(None, 0)
        self.job = AnalysisJob(article, self.known_sources)
        self.analyse()
        self._refresh_bindings_if_changed()

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.session = message.session
        self.document = message.document
        if message.document.title and not (self.article and self.article.title):
            self.article_title = message.document.title
        self._show_document(message.document, message.tables)
        view = self.query_one(ArticleView)
        view.corrected = _marks(message.session.corrected)[0]
        view.set_document(message.document, words=message.words)
        self._report_session()
        self.call_after_refresh(self._freeze_heap)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        for table in (self.query_one(SourcesTable), self.query_one(NumbersTable)):
            table.placeholder = "analysis failed"
            table.refresh()
        self.query_one(TitleBar).show(self.article_title, None, "analysis failed")
        self.notify(visible(message.error), title="Analysis failed", severity="error", markup=False)

    def _show_document(self, doc: Document, tables: tuple[Prepared, Prepared] | None = None) -> None:
        self._index(doc)
        _, sources, numbers = _marks(self.session.corrected) if self.session is not None else ((), (), ())
        title = self.query_one(TitleBar)
        title.show(self.article_title, doc)
        title.set_corrections(self.session.corrected.count if self.session is not None else 0)
        self.query_one(SourcesTable).show(doc, tables[0] if tables else None, frozenset(sources))
        self.query_one(NumbersTable).show(doc, tables[1] if tables else None, frozenset(numbers))
        self._update_detail()
        self._refresh_bindings_if_changed()

    def _report_session(self) -> None:
        """Say what happened to the corrections kept for this article: an unreadable file, or corrections
        that no longer match the text (listed, never dropped)."""
        session = self.session
        if session is None:
            return
        if session.unreadable is not None:
            self.notify(
                visible(f"{session.unreadable}; it is kept, and set aside at your first correction"),
                title="Corrections not read",
                severity="error",
                timeout=10,
                markup=False,
            )
        if session.unanchored:
            from reader.corrections.session import describe, where

            count = len(session.unanchored)
            listed = "\n".join(f"{where(c)}: {describe(c)}" for c in session.unanchored[:5])
            more = f"\n… and {count - 5} more" if count > 5 else ""
            name = session.file.name if session.file is not None else "the corrections file"
            self.notify(
                visible(f"{listed}{more}\n(kept in {name}, not applied)"),
                title=f"{count} correction{'s' if count != 1 else ''} no longer match the text",
                severity="warning",
                timeout=15,
                markup=False,
            )

    # -- state --------------------------------------------------------------------

    _article_view: ArticleView | None = None

    @property
    def view(self) -> ArticleView:
        """The article pane."""
        if self._article_view is None:
            self._article_view = self.query_one(ArticleView)
        return self._article_view

    @property
    def current(self) -> int:
        """Index of the current sentence."""
        return self.view.current

    def go_to(self, index: int) -> None:
        """Make unit ``index`` current, everywhere."""
        self.view.set_current(index)
        self._update_detail()
        self._refresh_bindings_if_changed()

    def _update_detail(self) -> None:
        doc, current = self.document, self.current
        position = None
        at = bisect.bisect_left(self._claims, current)
        if at < len(self._claims) and self._claims[at] == current:
            position = (at + 1, len(self._claims))
        note = self.session.corrected.sentences.get(current) if self.session is not None else None
        self.query_one(DetailLine).show(doc, current, position, note)

    def _sentences(self) -> int:
        return len(self._readable)

    def _index(self, doc: Document) -> None:
        """Sorted unit indices per class and per source, built once so every key is O(log n).

        Only sentences are claims (``n``/``p``, the class keys, a source's sentences, the tally);
        headings and captions are read with ``j``/``k`` but not counted; separators are skipped.
        """
        from reader.export.markdown import is_claim, is_separator

        self._readable = [s.index for s in doc.sentences if not is_separator(s)]
        claims = [s for s in doc.sentences if is_claim(s)]
        self._claims = [s.index for s in claims]
        self._by_label = {label.value: [s.index for s in claims if s.label is label] for label in Label}
        self._attributed = [s.index for s in claims if s.attributed]
        claim_set = set(self._claims)
        self._by_source = {src.id: sorted(i for i in src.sentences if i in claim_set) for src in doc.sources}

    def _readable_from(self, index: int, forward: bool) -> int:
        """``index`` if it is a unit to read, else the nearest one in that direction (or the other)."""
        at = bisect.bisect_left(self._readable, index)
        if at < len(self._readable) and self._readable[at] == index:
            return index
        near = step(self._readable, index, forward)
        if near is None:
            near = step(self._readable, index, not forward)
        return self.current if near is None else near

    def _claim_targets(self) -> list[int]:
        """Where ``n``/``p`` go outside search: the focused source's sentences, or those of the class
        filter, or all attributed ones."""
        if self.focused_source is not None:
            return self._by_source.get(self.focused_source, [])
        if self.class_filter is not None:
            return self._by_label.get(self.class_filter, [])
        return self._attributed

    def _class_targets(self, label: str) -> list[int]:
        return self._by_label.get(label, [])

    _GATED = (
        ("next_sentence", ()),
        ("previous_sentence", ()),
        ("next_claim", ()),
        ("previous_claim", ()),
        ("next_match", ()),
        *((name, (label.value,)) for name in ("next_class", "previous_class") for label in Label),
        ("edge", (True,)),
        ("edge", (False,)),
        ("clear", ()),
        ("export", ()),
        ("correct_label", ()),
        ("correct_source", ()),
        ("correct_type", ()),
        ("rename_source", ()),
        ("merge_source", ()),
        ("undo", ()),
        ("redo", ()),
    )
    _binding_states: tuple[bool | None, ...] = ()

    def _refresh_bindings_if_changed(self) -> None:
        """Redraw the footer only when a key became (un)available: recomposing it on every move is slow."""
        states = tuple(self.check_action(name, params) for name, params in self._GATED)
        if states != self._binding_states:
            self._binding_states = states
            self.refresh_bindings()

    _OWN_ACTIONS = frozenset(
        {
            "next_sentence",
            "previous_sentence",
            "next_claim",
            "previous_claim",
            "next_match",
            "previous_match",
            "next_class",
            "previous_class",
            "page",
            "edge",
            "cycle_pane",
            "focus_pane",
            "toggle_side",
            "search",
            "clear",
            "export",
            "help",
            "cycle_filter",
            "copy",
            "open",
            "reload",
            "correct_label",
            "correct_source",
            "correct_type",
            "rename_source",
            "merge_source",
            "undo",
            "redo",
        }
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide our keys under a dialog; grey out moves that cannot happen from here."""
        if action not in self._OWN_ACTIONS:
            return True
        if len(self.screen_stack) > 1:
            return False  # a dialog or the help screen is open: its keys win
        if self._article_view is None or not self.is_mounted(self._article_view):
            return True  # not shown yet, or torn down: Textual's default, every key available
        # Availability is decided per document, not per position: a footer that
        # changed at every move would be recomposed on every key (slow on big articles).
        if action in ("next_sentence", "previous_sentence", "page", "edge"):
            return self._sentences() > 1 or None
        searching = bool(self.view.search_query)
        if action in ("next_match", "previous_match"):
            return searching  # False hides it: n/p are the claim keys again
        if action in ("next_claim", "previous_claim"):
            return False if searching else bool(self._claim_targets()) or None
        if action in ("next_class", "previous_class"):
            return bool(self._class_targets(str(parameters[0]))) or None
        if action == "clear":
            return bool(self.focused_source or self.class_filter or searching or self._search_open()) or None
        if action in ("export", "cycle_filter", "correct_label", "correct_source"):
            return self.document is not None or None
        if action in ("correct_type", "rename_source", "merge_source"):
            enough = 2 if action == "merge_source" else 1
            return (self.document is not None and len(self.document.sources) >= enough) or None
        if action in ("undo", "redo"):
            history = self.session.history if self.session is not None else None
            return (history is not None and (history.can_undo if action == "undo" else history.can_redo)) or None
        if action == "reload":
            return (self.source_path is not None and self.export_dir is None) or None
        return True

    # -- actions ------------------------------------------------------------------

    def action_next_sentence(self) -> None:
        """Go to the next sentence (or heading, or caption)."""
        target = step(self._readable, self.current, True)
        if target is not None:
            self.go_to(target)

    def action_previous_sentence(self) -> None:
        """Go to the previous sentence (or heading, or caption)."""
        target = step(self._readable, self.current, False)
        if target is not None:
            self.go_to(target)

    def action_next_claim(self) -> None:
        """Next sentence of the focused source, or next attributed sentence."""
        self._claim(forward=True)

    def action_previous_claim(self) -> None:
        """Previous sentence of the focused source, or previous attributed sentence."""
        self._claim(forward=False)

    def action_next_match(self) -> None:
        """The next search match, wrapping round."""
        view = self.view
        at = view.match_at + 1 if view.match_at is not None else self._current_start()
        self._select_match(view.search.next(view.search_query, at))

    def action_previous_match(self) -> None:
        """The previous search match, wrapping round."""
        view = self.view
        before = view.match_at if view.match_at is not None else self._current_start()
        self._select_match(view.search.previous(view.search_query, before))

    def _current_start(self) -> int:
        sentences = self.view.document.sentences
        return sentences[self.current].start if sentences else 0

    def _claim(self, forward: bool) -> None:
        target = step(self._claim_targets(), self.current, forward)
        if target is not None:
            self.go_to(target)
            return
        source = self.document.source(self.focused_source) if self.document else None
        what = (
            f"sentence of {visible(source.name)}"
            if source is not None
            else f"{LABEL_NAMES[Label(self.class_filter)]} sentence"
            if self.class_filter
            else "attributed sentence"
        )
        self._nowhere(forward, what)

    def _nowhere(self, forward: bool, what: str) -> None:
        """Say why a jump did nothing: there is no such sentence that way."""
        self.notify(f"no {'later' if forward else 'earlier'} {what}", severity="information", timeout=2, markup=False)

    def action_next_class(self, label: str) -> None:
        """Next sentence of class ``label``."""
        self._class_step(label, True)

    def action_previous_class(self, label: str) -> None:
        """Previous sentence of class ``label``."""
        self._class_step(label, False)

    def _class_step(self, label: str, forward: bool) -> None:
        target = step(self._class_targets(label), self.current, forward)
        if target is None:
            self._nowhere(forward, f"{LABEL_NAMES[Label(label)]} sentence")
        else:
            self.go_to(target)

    def action_page(self, forward: bool) -> None:
        """One screen down (up): the sentence a page away becomes current."""
        self.go_to(self._readable_from(self.view.page(forward), forward))

    def action_edge(self, bottom: bool) -> None:
        """First or last sentence."""
        if self._readable:
            self.go_to(self._readable[-1] if bottom else self._readable[0])

    def _panes(self) -> list[Widget]:
        return [self.query_one(f"#{name}") for name in PANES]

    def action_focus_pane(self, name: str) -> None:
        """Focus the article, sources or numbers pane."""
        self._focus_pane(self.query_one(f"#{name}"))

    def action_cycle_pane(self, delta: int) -> None:
        """Focus the next (previous) pane, wrapping around."""
        panes = self._panes()
        focused = self.focused
        at = panes.index(focused) if focused in panes else -1 if delta > 0 else 0
        self._focus_pane(panes[(at + delta) % len(panes)])

    def _focus_pane(self, pane: Widget) -> None:
        if pane.id in SIDE_PANES:
            self.show_side_pane(pane.id)
        pane.focus()

    def action_toggle_side(self) -> None:
        """Hide the tables (the article takes the whole window) or show them again."""
        side = self.query_one("#side")
        side.display = not side.display
        if not side.display and self.focused is not None and self.focused.id in SIDE_PANES:
            self.view.focus()

    @property
    def side_pane(self) -> str:
        """The table shown when the side area has room for one only: ``sources`` or ``numbers``."""
        return "numbers" if self.query_one("#side").has_class("-show-numbers") else "sources"

    def show_side_pane(self, name: str) -> None:
        """Show the ``sources`` or ``numbers`` table when only one fits (narrow terminals)."""
        side = self.query_one("#side")
        if not side.display:
            side.display = True  # setting it even unchanged lays the screen out again
        # The classes only matter on a narrow screen (reader.tcss): on a wide one, restyling the tables
        # would cost a pane switch tens of ms; the breakpoint's restyle applies them when it narrows.
        narrow = side.screen.has_class("-narrow")
        side.update_classes({f"-show-{pane}": pane == name for pane in SIDE_PANES}, update=narrow)

    def _focus_moved(self, widget: Widget | None) -> None:
        # However a table got focus (key, click, Textual's own focus chain), show it when narrow.
        if widget is not None and widget.id in SIDE_PANES and widget.id != self.side_pane:
            self.show_side_pane(widget.id)

    FILTERS: ClassVar[tuple[str | None, ...]] = (None, *(label.value for label in Label))
    """What ``c`` cycles through: all sentences, then one class at a time."""

    def action_cycle_filter(self) -> None:
        """Show one class only, the next each press (then all again); the title bar says which."""
        following = self.FILTERS[(self.FILTERS.index(self.class_filter) + 1) % len(self.FILTERS)]
        self.set_class_filter(following)

    def set_class_filter(self, label: str | None) -> None:
        """Dim every sentence not of class ``label`` (None: show all); ``n``/``p`` then visit that class."""
        self.class_filter = label
        self.view.set_class_filter(label)
        note = f"only {MARKERS[Label(label)]} {LABEL_NAMES[Label(label)]} (c: next)" if label else ""
        self.query_one(TitleBar).set_note(note)
        targets = self._by_label.get(label, []) if label else []
        if label and targets and self.current not in targets:
            following = step(targets, self.current, True)
            self.go_to(following if following is not None else targets[-1])
        self._refresh_bindings_if_changed()

    def action_copy(self) -> None:
        """Copy the current sentence with its class and source, to the terminal's clipboard."""
        doc = self.document
        if doc is None or not doc.sentences:
            return
        sentence = doc.sentences[self.current]
        self.copy_to_clipboard(copy_text(doc, sentence))
        self.notify("sentence copied with its class and source", timeout=2, markup=False)

    def _search_bar(self) -> Widget | None:
        """The search bar, once mounted (hidden, after the first frame; or by the first ``/``)."""
        found = self.query("#search-bar")
        return found.first() if found else None

    def _search_open(self) -> bool:
        bar = self._search_bar()
        return bar is not None and bool(bar.display)

    async def _mount_search_bar(self) -> Widget | None:
        """The search bar, mounted hidden if it is not there yet: after the first frame (an Input costs
        start-up), so that ``/`` only shows it. None while a dialog is open or the app is leaving."""
        bar = self._search_bar()
        if bar is None:
            screen = self.view.screen
            if screen is not self.screen or not screen.is_attached:
                return None
            bar = Horizontal(
                TextLabel("Search:", id="search-label"),
                Input(placeholder="type, enter: go, n/p: next/previous, escape: leave", id="search", compact=True),
                Static(id="search-count"),
                id="search-bar",
            )
            bar.display = False
            await screen.mount(bar, before=screen.query_one(DetailLine))
        return bar

    async def action_search(self) -> None:
        """Open the search box."""
        bar = await self._mount_search_bar()
        if bar is None:
            return
        bar.display = True
        self.query_one("#search", Input).focus()
        self._refresh_bindings_if_changed()

    def action_clear(self) -> None:
        """Leave search if it is on; otherwise stop focusing a source, or end the class filter."""
        bar = self._search_bar()
        if (bar is not None and bar.display) or self.view.search_query:
            box = self.query_one("#search", Input)
            self._cancel_search_timer()
            with box.prevent(Input.Changed):
                box.value = ""
            if bar is not None:
                bar.display = False
            self.view.set_search("", None)
            self._show_count("")
            self.view.focus()
        elif self.focused_source is not None:
            self.set_focused_source(None)
        elif self.class_filter is not None:
            self.set_class_filter(None)
        self._refresh_bindings_if_changed()

    def set_focused_source(self, source_id: str | None) -> None:
        """Make one source's sentences stand out (None: all sentences again)."""
        self.focused_source = source_id
        self.view.set_focused_source(source_id)
        doc = self.document
        source = doc.source(source_id) if doc else None
        self.query_one(SourcesTable).border_subtitle = (
            f"focus: {visible(source.name)} (esc clears)" if source else f"{len(doc.sources) if doc else 0}"
        )
        own = self._by_source.get(source_id or "", [])
        if source is not None and own and self.current not in own:
            self.go_to(own[0])
        self._refresh_bindings_if_changed()

    def action_help(self) -> None:
        """Show every key."""
        from reader.tui.screens.help import HelpScreen, help_rows  # Markdown is heavy: load it when asked

        keymap = getattr(self, "_keymap", {})
        self.push_screen(HelpScreen(help_rows(list(self._reader_bindings()), self.get_key_display, keymap)))

    def _reader_bindings(self) -> list[Binding]:
        return [b for b in self.BINDINGS if isinstance(b, Binding)]

    def get_key_display(self, binding: Binding | str) -> str:
        """Like Textual's, but also for a bare key name (used by the help screen)."""
        if isinstance(binding, str):
            return super().get_key_display(Binding(binding, ""))
        return super().get_key_display(binding)

    # -- search -------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        # Debounced: the search runs once typing pauses, not on every key of a word.
        self._cancel_search_timer()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._run_search)

    def _cancel_search_timer(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None

    def _run_search(self) -> None:
        """Highlight the query's matches and count them (no list of matches is ever built)."""
        self._cancel_search_timer()
        query = self.query_one("#search", Input).value
        view = self.view
        view.set_search(query, None)
        total = view.search.count(query) if query else 0
        self._show_count(_matches_text(total) if query else "")
        self._refresh_bindings_if_changed()

    def _show_count(self, text: str) -> None:
        found = self.query("#search-count")
        if found:
            found.first(Static).update(text, layout=False)  # its width is fixed (reader.tcss)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._run_search()
        view = self.view
        view.focus()
        if view.search_query:
            self._select_match(view.search.next(view.search_query, self._current_start()))

    def _select_match(self, offset: int | None) -> None:
        """Make the match starting at ``offset`` the current one, its sentence current; the bar says i/N."""
        view = self.view
        if offset is None:
            self._show_count("no match")
            return
        view.set_search(view.search_query, offset)
        self._show_count(f"{view.search.count(view.search_query, offset) + 1}/{view.search.count(view.search_query)}")
        target = sentence_at(view.document, offset, view.starts)
        if target is not None:
            self.go_to(self._readable_from(target, True))

    # -- panes --------------------------------------------------------------------

    def on_article_view_sentence_clicked(self, message: ArticleView.SentenceClicked) -> None:
        self.go_to(message.index)

    @on(RowTable.RowSelected, "#sources")
    def _source_selected(self, event: RowTable.RowSelected) -> None:
        self.set_focused_source(event.key)

    @on(RowTable.RowSelected, "#numbers")
    def _number_selected(self, event: RowTable.RowSelected) -> None:
        if self.document is None:
            return
        number = self.document.numbers[int(event.key)]
        self.go_to(number.sentence)

    # -- export -------------------------------------------------------------------

    @property
    def export_path(self) -> Path:
        """Where ``e`` writes: ``<name>.summary.md`` next to the article; for a web page, here, named after
        its title or address (``ferry-fares-frozen.summary.md``); else ``stdin.summary.md`` here."""
        if self.source_path is not None:
            name = f"{self.source_path.stem}.summary.md"
        elif self.article is not None and self.article.url:
            name = f"{self.article.source_name}.summary.md"
        else:
            name = "stdin.summary.md"
        if self.export_dir is not None:
            return self.export_dir / name
        return self.source_path.with_name(name) if self.source_path else Path.cwd() / name

    def action_export(self) -> None:
        """Ask where to write the Markdown summary (prefilled with ``NAME.summary.md``), then write it."""
        from reader.tui.screens.save_as import SaveAsScreen

        def chosen(target: Path | None) -> None:
            if target is None:
                self.notify("export cancelled", timeout=2, markup=False)
            else:
                self.export_to(target)

        self.push_screen(SaveAsScreen(self.export_path), chosen)

    def export_to(self, target: Path) -> None:
        """Write the summary to ``target``, asking before overwriting a file (never the article itself)."""
        if self.source_path is not None and target.resolve() == self.source_path.resolve():
            self.notify("that is the article itself: choose another name", severity="error", markup=False)
            return
        if target.exists():
            from reader.tui.screens.confirm import ConfirmScreen

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write_export(target, force=True)
                else:
                    self.notify("export cancelled", markup=False)

            self.push_screen(ConfirmScreen(f"{target} already exists. Overwrite it?"), answered)
        else:
            self._write_export(target, force=False)

    def _source(self) -> Path | str | None:
        """What the article was read from, as the summary names it: its file, or the page's address."""
        if self.source_path is not None:
            return self.source_path
        return self.article.url if self.article is not None else None

    def _write_export(self, target: Path, *, force: bool) -> None:
        from reader.output import write_atomic

        assert self.document is not None
        corrected = self.session.corrected if self.session is not None else None
        try:
            write_atomic(target, render_summary(self.document, self._source(), corrected), force=force)
        except ReaderError as exc:
            self.notify(visible(exc.message), title="Export failed", severity="error", markup=False)
            return
        self.notify(f"summary written to {visible(str(target))}", title="Exported", markup=False)

    # -- corrections --------------------------------------------------------------

    def _unit_name(self, index: int) -> str:
        """How a message names unit ``index``: ``sentence 12``, or what it is (a heading, a caption)."""
        at = bisect.bisect_left(self._claims, index)
        if at < len(self._claims) and self._claims[at] == index:
            return f"sentence {at + 1}"
        return f"this {self.document.sentences[index].kind.value}" if self.document else "this unit"

    def _target_source(self) -> Source | None:
        """The source a source correction is about: the row under the cursor in the sources pane, else the
        current sentence's source (None, with a message saying how to pick one, when there is none)."""
        doc = self.document
        if doc is None:
            return None
        table = self.query_one(SourcesTable)
        if self.focused is table and table.row_count:
            return doc.source(table.row_key(table.cursor_row))
        source = doc.source(doc.sentences[self.current].source_id) if doc.sentences else None
        if source is None:
            self.notify(
                "this sentence has no source: pick one in the sources pane (2), or give it one with a",
                timeout=4,
                markup=False,
            )
        return source

    def _correct(self, correction: Correction) -> None:
        """Apply ``correction``, show the corrected Document, save the corrections file."""
        from reader.corrections.session import describe

        assert self.session is not None
        self.session.make(correction)
        self._corrected(f"corrected: {describe(correction)} (z undoes)")

    def _corrected(self, message: str) -> None:
        session = self.session
        assert session is not None
        doc = session.document
        self.document = doc
        if self.focused_source is not None and doc.source(self.focused_source) is None:
            self.focused_source = None  # merged into another: nothing left to focus
            self.view.set_focused_source(None)
        self.view.update_document(doc, _marks(session.corrected)[0])
        self._show_document(doc)
        if self.focused_source is not None:
            self.set_focused_source(self.focused_source)
        self._save()
        self.notify(visible(message), timeout=3, markup=False)

    def _save(self) -> None:
        if self.session is None:
            return
        try:
            notes = self.session.save()
        except ReaderError as exc:
            self.notify(visible(exc.message), title="Corrections not saved", severity="error", markup=False)
            return
        for note in notes:
            self.notify(visible(note), severity="warning", timeout=8, markup=False)

    def _sources_in_order(self, leave_out: str | None = None) -> list[tuple[str, str, str]]:
        doc = self.document
        assert doc is not None
        first = {s.id: min(s.sentences, default=len(doc.sentences)) for s in doc.sources}
        ordered = sorted(doc.sources, key=lambda s: (first[s.id], s.id))
        return [(s.id, s.name, s.type.value) for s in ordered if s.id != leave_out]

    def action_correct_label(self) -> None:
        """Ask for the class of the current sentence, and correct it."""
        from reader.corrections import model as corrections
        from reader.tui.screens.correct import LabelScreen

        doc, index = self.document, self.current
        if doc is None or self.session is None or not doc.sentences:
            return
        sentence = doc.sentences[index]

        def chosen(value: str | None) -> None:
            if value is None or value == sentence.label.value:
                return
            self._correct(corrections.set_label(doc, index, Label(value)))

        self.push_screen(LabelScreen(self._unit_name(index), sentence.label), chosen)

    def action_correct_source(self) -> None:
        """Ask who the current sentence comes from (a source, or none), and correct it."""
        from reader.corrections import model as corrections
        from reader.tui.screens.correct import NONE, PickScreen, source_options

        doc, index, session = self.document, self.current, self.session
        if doc is None or session is None or not doc.sentences:
            return
        sentence = doc.sentences[index]

        def chosen(value: str | None) -> None:
            source_id = None if value == NONE else value
            if value is None or source_id == sentence.source_id:
                return
            self._correct(corrections.set_source(doc, index, source_id, session.corrected.refs))

        options = source_options(self._sources_in_order(), none=True)
        self.push_screen(
            PickScreen(f"Source of {self._unit_name(index)}:", options, sentence.source_id or NONE), chosen
        )

    def action_correct_type(self) -> None:
        """Ask for the type of a source, and correct it (and remember it for all articles, if asked)."""
        from reader.corrections import model as corrections
        from reader.tui.screens.correct import TypeScreen

        source, session, doc = self._target_source(), self.session, self.document
        if source is None or session is None or doc is None:
            return

        def chosen(answer: tuple[SourceType, bool] | None) -> None:
            if answer is None:
                return
            kind, remember = answer
            if remember:
                self._remember(source.name, kind)
            if kind is not source.type:
                self._correct(corrections.set_type(doc, source.id, kind, session.corrected.refs))

        named = source.name != "unidentified speaker"
        self.push_screen(TypeScreen(source.name, source.type, can_remember=named), chosen)

    def action_rename_source(self) -> None:
        """Ask for a new name for a source, and rename it."""
        from reader.corrections import model as corrections
        from reader.tui.screens.correct import RenameScreen

        source, session, doc = self._target_source(), self.session, self.document
        if source is None or session is None or doc is None:
            return

        def chosen(name: str | None) -> None:
            if name:
                self._correct(corrections.rename(doc, source.id, name, session.corrected.refs))

        self.push_screen(RenameScreen(source.name), chosen)

    def action_merge_source(self) -> None:
        """Ask which source a source is the same as, and merge it into that one."""
        from reader.corrections import model as corrections
        from reader.tui.screens.correct import PickScreen, source_options

        source, session, doc = self._target_source(), self.session, self.document
        if source is None or session is None or doc is None:
            return
        others = self._sources_in_order(leave_out=source.id)
        if not others:
            self.notify("there is no other source to merge it into", timeout=3, markup=False)
            return

        def chosen(into: str | None) -> None:
            if into is not None:
                self._correct(corrections.merge(doc, source.id, into, session.corrected.refs))

        self.push_screen(PickScreen(f"Merge {source.name} into:", source_options(others, none=False)), chosen)

    def action_undo(self) -> None:
        """Take back the last correction."""
        from reader.corrections.session import describe

        undone = self.session.undo() if self.session is not None else None
        if undone is None:
            self.notify("nothing to undo", timeout=2, markup=False)
            return
        self._corrected(f"undone: {describe(undone)} (Z redoes)")

    def action_redo(self) -> None:
        """Make the last undone correction again."""
        from reader.corrections.session import describe

        redone = self.session.redo() if self.session is not None else None
        if redone is None:
            self.notify("nothing to redo", timeout=2, markup=False)
            return
        self._corrected(f"redone: {describe(redone)}")

    def _remember(self, name: str, kind: SourceType) -> None:
        """Record ``name`` as of type ``kind`` in the user's sources file, for every article analysed from now on."""
        from reader.corrections.sources_file import known_sources, remember, user_sources_path

        try:
            said = remember(user_sources_path(), name, kind)
            self.known_sources = known_sources(self.sources_files, user=self.user_sources)
        except ReaderError as exc:
            self.notify(visible(exc.message), title="Not remembered", severity="error", markup=False)
            return
        if not self.user_sources:
            said += " (not read in this session: --no-user-sources)"
        self.notify(visible(said), title="Remembered for all articles", timeout=5, markup=False)


def _marks(corrected: Corrected) -> tuple[frozenset[int], frozenset[str], frozenset[str]]:
    """What the views mark as corrected: sentence indices, source ids, number indices (as row keys)."""
    return (frozenset(corrected.sentences), frozenset(corrected.sources), frozenset(str(k) for k in corrected.numbers))
