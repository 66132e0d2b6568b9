"""Time to first paint of the reader app, for the sample and a ~1 MB article.

Compared, in the same run, with a bare Textual app that shows one Static: the
ratio is what reader adds over Textual's own start-up. Also measures when the
analysis lands, how long a key press takes on the 1 MB article, and how long a
resize to 80x24 (and back) takes to re-wrap it.
Run: ``python benchmarks/bench_app.py`` (headless; nothing is drawn).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from importlib.resources import files

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from reader.load import LoadedArticle
from reader.tui.app import ReaderApp, default_sample
from reader.tui.widgets.article import ArticleView

SIZE = (160, 48)
NARROW = (80, 24)
ROUNDS = 3


class BareApp(App[None]):
    """The floor: Textual showing one Static."""

    def compose(self) -> ComposeResult:
        yield Static("hello")


def _samples_text() -> str:
    texts = [p.read_text(encoding="utf-8") for p in files("reader.samples").iterdir() if p.name.endswith(".txt")]
    return "\n\n".join(texts)


def big_article(size: int = 1_000_000) -> str:
    """About ``size`` characters made by repeating the bundled samples."""
    unit = _samples_text()
    return ("\n\n".join([unit] * (size // (len(unit) + 2) + 1)))[:size]


async def _bare_key() -> float:
    """What a key press costs through the test pilot alone (its own wait for the screen)."""
    async with BareApp().run_test(size=SIZE) as pilot:
        await pilot.pause()
        return await _press_times(pilot, ["j"] * 10)


async def _bare_first_paint() -> float:
    start = time.perf_counter()
    app = BareApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return time.perf_counter() - start


async def _press_times(pilot: Pilot[int], keys: list[str]) -> float:
    times = []
    for key in keys:
        t0 = time.perf_counter()
        await pilot.press(key)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


async def _resize_time(pilot: Pilot[int], view: ArticleView, size: tuple[int, int]) -> float:
    """From a terminal resize to the article re-wrapped (and the tables refitted) at the new width."""
    t0 = time.perf_counter()
    await pilot.resize_terminal(*size)
    while view.layout_info is None or view.layout_info.width != view.scrollable_content_region.width - 2:
        await asyncio.sleep(0.001)
    await pilot.pause()
    return time.perf_counter() - t0


async def _reader_timings(
    text: str, keys: int = 0
) -> tuple[float, float, float | None, float | None, float | None]:
    """(first paint, analysis landed, median key press while analysing, and after, resize) for one article."""
    start = time.perf_counter()
    app = ReaderApp(article=LoadedArticle(text=text))
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        while view.layout_info is None:
            await asyncio.sleep(0.001)
        await pilot.pause()
        first_paint = time.perf_counter() - start
        during = await _press_times(pilot, ["j"] * keys) if keys and app.document is None else None
        while app.document is None and time.perf_counter() - start < 300:
            await asyncio.sleep(0.01)
        await pilot.pause()
        landed = time.perf_counter() - start
        per_key = await _press_times(pilot, ["j"] * keys + ["G", "g", "space", "b"]) if keys else None
        resize = None
        if keys:
            resize = max([await _resize_time(pilot, view, NARROW), await _resize_time(pilot, view, SIZE)])
        return first_paint, landed, during, per_key, resize


def _best(values: list[float]) -> float:
    return min(values)


async def main() -> None:
    sample = default_sample().read_text(encoding="utf-8")
    big = big_article()
    bare = [await _bare_first_paint() for _ in range(ROUNDS)]
    small = [await _reader_timings(sample) for _ in range(ROUNDS)]
    large = [await _reader_timings(big, keys=20) for _ in range(ROUNDS)]
    floor = _best(bare)
    print(f"bare Textual app, first paint:           {floor * 1000:8.1f} ms")
    for name, runs, chars in (("sample", small, len(sample)), ("~1 MB", large, len(big))):
        paint = _best([r[0] for r in runs])
        landed = _best([r[1] for r in runs])
        print(f"reader, {name:6} ({chars:>9,} chars) first paint: {paint * 1000:8.1f} ms"
              f"  ({paint / floor:4.1f}x bare)   analysis shown: {landed * 1000:8.1f} ms")
    floor_key = statistics.median([await _bare_key() for _ in range(ROUNDS)])
    print(f"bare Textual app, median key press (no binding):    {floor_key * 1000:6.1f} ms")
    during = [r[2] for r in large if r[2] is not None]
    if during:
        print(f"reader, ~1 MB, median key press while analysing (j): {statistics.median(during) * 1000:6.1f} ms")
    after = [r[3] for r in large if r[3] is not None]
    print(f"reader, ~1 MB, median key press after (j, G, g, space, b): {statistics.median(after) * 1000:6.1f} ms")
    resized = [r[4] for r in large if r[4] is not None]
    print(f"reader, ~1 MB, resize 160x48 <-> 80x24 until re-wrapped (worst of two, best run): "
          f"{min(resized) * 1000:6.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())
