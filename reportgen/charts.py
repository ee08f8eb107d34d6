"""Bar charts of answer distributions, drawn with matplotlib into deterministic PNG files.

A chart's file name is a hash of everything drawn, so the same input always gives the same
file (and the same bytes: PNG metadata is fixed). Files go to a cache folder inside the
project folder (``<project>/.reportgen-cache/diagram``), because the PDF renderer only reads
pictures from the project folder and reportgen's own folders; ``REPORTGEN_CACHE`` overrides
the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

CACHE_ENV = "REPORTGEN_CACHE"


@dataclass(frozen=True)
class Fördelningsdiagram:
    title: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    positive: tuple[int, ...]  # 1-based steps counted as positive (drawn darker, and hatched)


def cache_dir(project: Path) -> Path:
    override = os.environ.get(CACHE_ENV)
    base = Path(override) if override else project / ".reportgen-cache"
    return (base / "diagram").resolve()


def alt_text(chart: Fördelningsdiagram) -> str:
    """Everything the chart shows, in words."""
    total = sum(chart.counts)
    parts = ", ".join(f"{label}: {count}" for label, count in zip(chart.labels, chart.counts,
                                                                   strict=True))
    positive = " och ".join(chart.labels[s - 1] for s in chart.positive)
    return (f"Stapeldiagram, {chart.title}. Antal svar per skalsteg: {parts} "
            f"(totalt {total}). Positiva svar: {positive}.")


def _key(chart: Fördelningsdiagram) -> str:
    data = json.dumps([chart.title, chart.labels, chart.counts, chart.positive],
                      ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def draw(chart: Fördelningsdiagram, target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(6.0, 2.4), dpi=150)
    try:
        positions = range(len(chart.counts))
        colours = ["#1f4e79" if i + 1 in chart.positive else "#9fb8d0" for i in positions]
        hatches = ["//" if i + 1 in chart.positive else "" for i in positions]
        bars = ax.bar(list(positions), list(chart.counts), color=colours, edgecolor="#1a1a1a",
                      linewidth=0.6)
        for bar, hatch, count in zip(bars, hatches, chart.counts, strict=True):
            bar.set_hatch(hatch)
            ax.annotate(str(count), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8)
        ax.set_xticks(list(positions), list(chart.labels), fontsize=8)
        ax.set_ylabel("Antal svar", fontsize=8)
        ax.set_title(chart.title, fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_ylim(0, max(max(chart.counts, default=0), 1) * 1.2)
        fig.tight_layout()
        fig.savefig(target, format="png", metadata={"Software": None})
    finally:
        plt.close(fig)


def fördelningsdiagram(chart: Fördelningsdiagram, project: Path) -> Path:
    """The chart as a PNG file in the cache (drawn once); returns its absolute path."""
    folder = cache_dir(project)
    target = folder / f"fordelning-{_key(chart)}.png"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        draw(chart, partial)
        partial.replace(target)
    return target
