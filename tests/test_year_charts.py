"""The charts of Året i siffror as a reader sees them: in the report's typeface, sharp in
print, the share bars lined up with each other and their legend, a share's label clear of
the ceiling's line (the reviewer's "tak 20 %" line ran through the bar's "42 %")."""

from __future__ import annotations

import io

from PIL import Image as PILImage

from reportgen.year_charts import (
    WIDTH_IN,
    Andelsdiagram,
    Serie,
    Trenddiagram,
    andelsdiagram,
    andelsfigur,
    trenddiagram,
)

COLOURS = ("#1f4e79", "#8b4513")
EQUITY = Andelsdiagram(("Eget kapital",), (42,), COLOURS, limit=20, limit_label="tak")
COSTS = Andelsdiagram(("Administration", "Individinriktade insatser",
                       "Strukturövergripande insatser"), (20, 28, 52), COLOURS)


def _drawn(chart: Andelsdiagram):  # type: ignore[no-untyped-def]
    fig = andelsfigur(chart)
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    return fig, renderer


def test_a_share_label_stands_clear_of_the_limit_line() -> None:
    fig, renderer = _drawn(EQUITY)
    [ax] = fig.axes
    [line] = ax.lines
    x = ax.transData.transform((line.get_xdata()[0], 0))[0]
    [label] = [t for t in ax.texts if t.get_text() == "42\u00a0%"]
    box = label.get_window_extent(renderer)
    assert not box.x0 - 4 <= x <= box.x1 + 4, (box, x)


def test_share_bars_line_up_with_each_other_and_their_legend() -> None:
    spans = []
    for chart in (EQUITY, COSTS):
        fig, renderer = _drawn(chart)
        [ax] = fig.axes
        box = ax.get_window_extent(renderer)
        spans.append((round(box.x0), round(box.x1)))
        for legend in fig.legends:
            legend_box = legend.get_window_extent(renderer)
            assert box.x0 <= legend_box.x0 and legend_box.x1 <= box.x1
    assert spans[0] == spans[1]


def test_charts_are_set_in_the_reports_typeface() -> None:
    for chart in (EQUITY, COSTS):
        fig, _ = _drawn(chart)
        texts = [t for ax in fig.axes for t in ax.texts] + [
            t for legend in fig.legends for t in legend.get_texts()]
        assert texts and {t.get_fontname() for t in texts} == {"Inter"}
    lato = Andelsdiagram(COSTS.labels, COSTS.percents, COLOURS, font="Lato")
    fig, _ = _drawn(lato)
    assert {t.get_fontname() for t in fig.axes[0].texts} == {"Lato"}


def test_charts_are_sharp_in_print() -> None:
    trend = Trenddiagram((2022, 2023), (Serie("Årets resultat", (1, 2)),), (("1", "2"),),
                         COLOURS)
    for data in (andelsdiagram(EQUITY), andelsdiagram(COSTS), trenddiagram(trend)):
        width, _ = PILImage.open(io.BytesIO(data)).size
        assert width / WIDTH_IN >= 300
