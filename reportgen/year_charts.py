"""The charts of Året i siffror: the five-year trend, eget kapital against its ceiling and
the split of the costs, drawn with matplotlib in memory (as reportgen/charts.py draws the
indicator charts: a bare Figure on the Agg canvas, fixed PNG metadata, so the same figures
always give the same bytes). The theme's colours draw them; each chart's alternative text
states every figure it shows.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reportgen.chart_fonts import chart_font
from reportgen.typsnitt import STANDARD

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DPI = 300  # sharp in print: the PDF scales the picture to CHART_MM (sections_year.py)
WIDTH_IN = 6.5
TICK_PT = 8.0
INK, MUTED, GRID = "#1d2530", "#525c69", "#e1e6eb"


@dataclass(frozen=True)
class Serie:
    name: str
    values: tuple[int | None, ...]  # one per year (None: not given)


@dataclass(frozen=True)
class Trenddiagram:
    """Verksamhetens intäkter, kostnader and årets resultat per year, in tkr."""

    years: tuple[int, ...]  # oldest first
    series: tuple[Serie, ...]
    texts: tuple[tuple[str, ...], ...]  # each serie's values as the table prints them
    colours: tuple[str, str]  # primary, accent
    font: str = STANDARD  # the report's typeface (the theme's)

    def draw(self) -> bytes:
        return trenddiagram(self)


@dataclass(frozen=True)
class Andelsdiagram:
    """Shares as one horizontal bar (the cost split), or one share against a limit."""

    labels: tuple[str, ...]
    percents: tuple[int, ...]  # whole percent, as the tables print them
    colours: tuple[str, str]
    limit: int | None = None  # a ceiling drawn as a line (eget kapital's tak)
    limit_label: str = ""
    font: str = STANDARD  # the report's typeface (the theme's)

    def draw(self) -> bytes:
        return andelsdiagram(self)


def _figure(height_in: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _shade(colour: str, towards_white: float) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * towards_white) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


@lru_cache(maxsize=32)
def trenddiagram(chart: Trenddiagram) -> bytes:
    with chart_font(chart.font):
        return _trenddiagram(chart)


def _trenddiagram(chart: Trenddiagram) -> bytes:
    fig = _figure(2.5)
    ax = fig.subplots()
    primary, accent = chart.colours
    styles = ((primary, "-", "o"), (_shade(primary, 0.45), "--", "s"), (accent, "-", "D"))
    x = list(range(len(chart.years)))
    for serie, (colour, line, marker) in zip(chart.series, styles, strict=False):
        points = [(i, v) for i, v in zip(x, serie.values, strict=True) if v is not None]
        ax.plot([p[0] for p in points], [p[1] for p in points], line, marker=marker,
                color=colour, linewidth=1.8, markersize=4, label=serie.name)
    ax.axhline(0, color=MUTED, linewidth=0.6)
    ax.set_xticks(x, [str(y) for y in chart.years], fontsize=TICK_PT)
    ax.tick_params(axis="y", labelsize=TICK_PT, colors=INK)
    ax.yaxis.set_major_formatter(_tkr_formatter())
    ax.set_ylabel("tkr", fontsize=TICK_PT, color=INK)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=TICK_PT, frameon=False, loc="upper center", ncols=3,
              bbox_to_anchor=(0.5, 1.16))
    fig.tight_layout(pad=0.5)
    return _png(fig)


def _tkr_formatter():  # type: ignore[no-untyped-def]
    from matplotlib.ticker import FuncFormatter

    from reportgen.fmt import kronor

    return FuncFormatter(lambda value, _pos: kronor(int(round(value))).replace("\u00a0", " "))


def trend_alt(chart: Trenddiagram, title: str) -> str:
    parts = []
    for serie, texts in zip(chart.series, chart.texts, strict=True):
        given = [f"{y}: {t} tkr" for y, t in zip(chart.years, texts, strict=True) if t]
        parts.append(f"{serie.name}: " + ", ".join(given))
    return f"Linjediagram, {title}. " + "; ".join(parts) + "."


@lru_cache(maxsize=32)
def andelsdiagram(chart: Andelsdiagram) -> bytes:
    return _png(andelsfigur(chart))


BAR_IN = 0.8  # the height of the bar's box, the same in every share chart
LEGEND_IN = 0.3  # the legend's row under the cost split's bar
LABEL_CLEARANCE = 8  # percent points between a share's label and the limit's line


def andelsfigur(chart: Andelsdiagram) -> Figure:
    """The share chart drawn (not saved). Its bar spans the figure's full width, the same in
    every share chart, so the charts of Året i siffror line up with each other and with the
    legend under the cost split; a share's label stands clear of the limit's line."""
    with chart_font(chart.font):
        return _andelsfigur(chart)


def _andelsfigur(chart: Andelsdiagram) -> Figure:
    legend = chart.limit is None and len(chart.labels) > 1
    height = BAR_IN + (LEGEND_IN if legend else 0.0)
    fig = _figure(height)
    ax = fig.add_axes((0.0, 1 - BAR_IN / height, 1.0, BAR_IN / height))
    primary, accent = chart.colours
    shades = [primary, _shade(primary, 0.4), accent, _shade(accent, 0.4), MUTED]
    left = 0
    scale = max(100, sum(chart.percents), (chart.limit or 0) + 10)
    for index, share in enumerate(chart.percents):
        colour = shades[index % len(shades)]
        ax.barh(0, share, left=left, color=colour, height=0.6, edgecolor="white", linewidth=1)
        if share >= 12:
            dark = index % 2 == 0
            ax.text(_label_x(left, share, chart.limit), 0, f"{share}\u00a0%", ha="center",
                    va="center", fontsize=TICK_PT, color="white" if dark else INK,
                    fontweight="bold")
        left += share
    if chart.limit is not None:
        ax.axvline(chart.limit, color=accent, linewidth=2)
        ax.text(chart.limit, 0.42, f" {chart.limit_label} {chart.limit}\u00a0%", ha="left",
                va="bottom", fontsize=TICK_PT, color=INK)
        ax.barh(0, scale, color=GRID, height=0.6, zorder=0)
    ax.set_xlim(0, scale)
    ax.set_ylim(-0.5, 0.9)
    ax.axis("off")
    if legend:
        from matplotlib.patches import Patch

        handles = [Patch(color=shades[i % len(shades)], label=f"{label} {share}\u00a0%")
                   for i, (label, share) in enumerate(zip(chart.labels, chart.percents,
                                                          strict=True))]
        fig.legend(handles=handles, fontsize=TICK_PT, frameon=False, loc="lower center",
                   ncols=len(handles), bbox_to_anchor=(0.5, 0.0), borderaxespad=0.2)
    return fig


def _label_x(left: int, share: int, limit: int | None) -> float:
    """Where a share's label stands: its segment's middle, or, when the limit's line runs
    near it, the middle of the segment's larger part beside the line."""
    middle = left + share / 2
    if limit is None or not left < limit < left + share \
            or abs(middle - limit) >= LABEL_CLEARANCE:
        return middle
    before, after = limit - left, left + share - limit
    return left + before / 2 if before > after else limit + after / 2
