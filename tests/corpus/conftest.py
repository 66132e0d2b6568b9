"""A small corpus in two outlets' folders, and a two-worker Dask LocalCluster shared by the corpus tests."""

from __future__ import annotations

import logging
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"

CANONICAL_PAGE = """<!doctype html>
<html><head><title>Harbour dredging to start in May</title>
<link rel="canonical" href="https://www.harbour-gazette.example/news/dredging">
<meta property="og:site_name" content="Harbour Gazette">
</head><body><article>
<h1>Harbour dredging to start in May</h1>
<p>Dredging of the inner harbour will start in May and cost 4.2 million euros, the port authority said on Friday.</p>
<p>About 30 fishing boats will have to move to the outer quay for six weeks,
according to a union official who asked not to be named.</p>
<p>The work is overdue, a marine engineer at the university said,
adding that silt had raised the seabed by 40 centimetres.</p>
</article></body></html>
"""


def _shuffled(text: str, seed: int) -> str:
    separator = "\n\n" if "\n\n" in text else "\n"
    head, *body = [b for b in text.split(separator) if b.strip()]
    random.Random(seed).shuffle(body)
    return separator.join([head, *body]) + "\n"


def build_corpus(root: Path) -> Path:
    """Twelve inputs: the seven samples and three shuffled variants in two folders, one HTML
    page that names its site, and one empty file (which fails)."""
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})
    for i, sample in enumerate(samples):
        target = root / ("outlet_a" if i % 2 == 0 else "outlet_b") / sample.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample, target)
    for seed, sample in enumerate(s for s in samples if s.suffix == ".txt"):
        if seed == 3:
            break
        variant = root / "outlet_b" / f"{sample.stem}_variant.txt"
        variant.write_text(_shuffled(sample.read_text(encoding="utf-8"), seed), encoding="utf-8")
    (root / "harbour.html").write_text(CANONICAL_PAGE, encoding="utf-8")
    (root / "outlet_a" / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return build_corpus(tmp_path / "in")


def local_cluster():  # type: ignore[no-untyped-def]
    """Two single-threaded worker processes, as ``reader batch --engine dask`` starts them."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: no clash with another cluster (no dashboard without bokeh)
        silence_logs=logging.CRITICAL,
        scheduler_kwargs={"allowed_failures": 0},
    )


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """The address of a LocalCluster shared by the tests that leave its workers alone."""
    cluster = local_cluster()
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()
