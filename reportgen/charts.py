"""Bar charts of answer distributions, drawn with matplotlib into deterministic PNG bytes.

Charts are drawn in memory and never written anywhere: the report model holds the bytes
(`Image.data`) and each renderer embeds them. The same chart always gives the same bytes
(PNG metadata is fixed), so the outputs stay byte-identical for the same input. Drawn charts
are kept in memory for the life of the process, so the live preview redraws only the
charts whose figures changed.

Nothing is clipped and nothing overlaps: the title (the full question) is wrapped to the
figure's width, each step name to its bar's slot, both measured with the renderer's own
font metrics; the figure grows in height for the lines it needs, and the layout is checked
against the drawn text extents (and wrapped narrower) before the picture is saved.
tests/test_chart_geometry.py checks every chart of the fixtures the same way.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from reportgen.chart_fonts import chart_font
from reportgen.typsnitt import STANDARD

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text

WIDTH_IN = 6.0
DPI = 150
TITLE_PT = 9.0
TICK_PT = 8.0
BASE_HEIGHT_IN = 2.1  # the plot itself, one title line and one tick line
TITLE_LINE_IN = 0.17
TICK_LINE_IN = 0.15
Y_LABEL = {False: "Antal svar", True: "Andel av svaren i %"}


@dataclass(frozen=True)
class Fördelningsdiagram:
    title: str
    labels: tuple[str, ...]
    values: tuple[int | Decimal, ...]  # answers per step (int), or percent per step
    positive: tuple[int, ...]  # 1-based steps counted as positive (drawn darker, and hatched)
    percent: bool = False  # values are percentages of the answers, not counts
    font: str = STANDARD  # the report's typeface (the theme's), reportgen/chart_fonts.py

    def draw(self) -> bytes:
        return fördelningsdiagram(self)


def number(value: int | Decimal) -> str:
    """A count or a percentage the Swedish way: 12, 12,5."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value != value.to_integral() else str(
            int(value))
        return text.replace(".", ",")
    return str(value)


def value_text(chart: Fördelningsdiagram, value: int | Decimal) -> str:
    return f"{number(value)}\u00a0%" if chart.percent else number(value)


def alt_text(chart: Fördelningsdiagram) -> str:
    """Everything the chart shows, in words and figures (its title as plain text: a no-break
    space, which keeps words together on the chart, is a space)."""
    title = chart.title.replace("\u00a0", " ")
    parts = ", ".join(f"{label}: {value_text(chart, value)}"
                      for label, value in zip(chart.labels, chart.values, strict=True))
    names = " och ".join(chart.labels[s - 1] for s in chart.positive)
    positive = sum((chart.values[s - 1] for s in chart.positive), Decimal(0))
    if chart.percent:
        return (f"Stapeldiagram, {title}. Andel av svaren per skalsteg: {parts}. "
                f"Positiva svar: {names}, sammanlagt {number(Decimal(positive))}\u00a0%.")
    total = sum(chart.values)
    return (f"Stapeldiagram, {title}. Antal svar per skalsteg: {parts} "
            f"(totalt {total}). Positiva svar: {names}, {number(int(positive))} av {total}.")


# -- wrapping by measured width -----------------------------------------------------------------


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """*text* in lines no wider than *width* (as *measure* measures), broken between words;
    a word wider than a line is broken inside, with a hyphen."""
    lines: list[str] = []
    current = ""
    for word in (w for w in text.split(" ") if w):  # a no-break space keeps its words together
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while measure(word) > width and len(word) > 1:
            cut = max(1, max((i for i in range(1, len(word))
                              if measure(word[:i] + "-") <= width), default=1))
            lines.append(word[:cut] + "-")
            word = word[cut:]
        current = word
    if current or not lines:
        lines.append(current)
    return lines


def _escape(text: str) -> str:
    return text.replace("$", r"\$")  # matplotlib reads $…$ as mathematics


def texts(fig: Figure) -> dict[str, list[Text]]:
    """The figure's texts a reader must see whole: its title, axis label, tick labels and
    the figures over the bars (what the geometry test checks)."""
    ax = fig.axes[0]
    low, high = ax.get_ylim()
    return {
        "title": [fig.texts[0]] if fig.texts else [ax.title],
        "ylabel": [ax.yaxis.label],
        "xticks": [t for t in ax.get_xticklabels() if t.get_text()],
        # only the ticks drawn: those within the axis' limits
        "yticks": [t for tick, t in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
                   if t.get_text() and low <= tick <= high],
        "values": [t for t in ax.texts if t.get_text()],
    }


def problems(fig: Figure) -> list[str]:
    """What is clipped by the figure's edges or overlaps another text, as drawn."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    bounds = fig.bbox
    found = []
    boxes = []
    for kind, items in texts(fig).items():
        for text in items:
            box = text.get_window_extent(renderer)
            if (box.x0 < bounds.x0 or box.y0 < bounds.y0 or box.x1 > bounds.x1
                    or box.y1 > bounds.y1):
                found.append(f"{kind} {text.get_text()!r} reaches outside the figure")
            boxes.append((kind, text.get_text(), box))
    for i, (kind, label, box) in enumerate(boxes):
        for other_kind, other, other_box in boxes[i + 1:]:
            if box.overlaps(other_box):
                found.append(f"{kind} {label!r} overlaps {other_kind} {other!r}")
    return found


def figure(chart: Fördelningsdiagram) -> Figure:
    """The chart laid out on a figure of its own (nothing clipped, nothing overlapping)."""
    with chart_font(chart.font):
        return _laid_out(chart)


def _laid_out(chart: Fördelningsdiagram) -> Figure:
    slot = 0.88
    for _ in range(6):
        fig = _draw(chart, slot)
        if not problems(fig):
            return fig
        slot *= 0.85
    return fig


def _draw(chart: Fördelningsdiagram, slot: float) -> Figure:
    # A bare Figure on the Agg canvas: no pyplot, so no global state shared between threads
    # (the live preview builds in a thread of its own).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(WIDTH_IN, BASE_HEIGHT_IN), dpi=DPI)
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()

    def measurer(size: float) -> Callable[[str], float]:
        props = FontProperties(size=size)
        return lambda s: float(renderer.get_text_width_height_descent(
            _escape(s), props, ismath=False)[0])

    figure_px = WIDTH_IN * DPI
    title = wrap(chart.title, figure_px * 0.94, measurer(TITLE_PT))
    plot_px = figure_px - 0.75 * DPI  # the y axis, its label and ticks take the rest
    count = max(len(chart.labels), 1)
    ticks = [wrap(label, plot_px / count * slot, measurer(TICK_PT)) for label in chart.labels]
    tick_lines = max((len(t) for t in ticks), default=1)
    height = BASE_HEIGHT_IN + TITLE_LINE_IN * (len(title) - 1) + TICK_LINE_IN * (tick_lines - 1)
    fig.set_size_inches(WIDTH_IN, round(height * DPI) / DPI)  # whole pixels: none cut off

    ax = fig.subplots()
    positions = list(range(len(chart.values)))
    values = [float(v) for v in chart.values]
    colours = ["#1f4e79" if i + 1 in chart.positive else "#9fb8d0" for i in positions]
    bars = ax.bar(positions, values, color=colours, edgecolor="#1a1a1a", linewidth=0.6)
    for index, (bar, value) in enumerate(zip(bars, chart.values, strict=True)):
        bar.set_hatch("//" if index + 1 in chart.positive else "")
        ax.annotate(_escape(value_text(chart, value)),
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=TICK_PT)
    ax.set_xticks(positions, [_escape("\n".join(t)) for t in ticks], fontsize=TICK_PT)
    ax.tick_params(axis="y", labelsize=TICK_PT)
    ax.set_ylabel(Y_LABEL[chart.percent], fontsize=TICK_PT)
    fig.suptitle(_escape("\n".join(title)), fontsize=TITLE_PT)  # centred on the figure
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(0, max(max(values, default=0), 1) * 1.25)
    if not chart.percent:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout(pad=0.5)
    canvas.draw()
    return fig


@lru_cache(maxsize=256)
def fördelningsdiagram(chart: Fördelningsdiagram) -> bytes:
    """The chart as PNG bytes; the same chart always gives the same bytes."""
    fig = figure(chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()

