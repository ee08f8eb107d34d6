"""Bar charts of answer distributions, drawn with matplotlib into deterministic PNG bytes.

Charts are drawn in memory and never written anywhere: the report model holds the bytes
(`Image.data`) and each renderer embeds them. The same chart always gives the same bytes
(PNG metadata is fixed), so the outputs stay byte-identical for the same input. Drawn charts
are kept in memory for the life of the process, so the live preview redraws only the
charts whose figures changed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Fördelningsdiagram:
    title: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    positive: tuple[int, ...]  # 1-based steps counted as positive (drawn darker, and hatched)


def alt_text(chart: Fördelningsdiagram) -> str:
    """Everything the chart shows, in words."""
    total = sum(chart.counts)
    parts = ", ".join(f"{label}: {count}" for label, count in zip(chart.labels, chart.counts,
                                                                   strict=True))
    positive = " och ".join(chart.labels[s - 1] for s in chart.positive)
    return (f"Stapeldiagram, {chart.title}. Antal svar per skalsteg: {parts} "
            f"(totalt {total}). Positiva svar: {positive}.")


@lru_cache(maxsize=256)
def fördelningsdiagram(chart: Fördelningsdiagram) -> bytes:
    """The chart as PNG bytes; the same chart always gives the same bytes."""
    # A bare Figure on the Agg canvas: no pyplot, so no global state shared between threads
    # (the live preview builds in a thread of its own).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.0, 2.4), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
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
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()

