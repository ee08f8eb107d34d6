"""Every chart of the fixtures (and of a copy of the example whose every published share is
given as a distribution) is drawn, and its own geometry is measured: the title (the whole
question, wrapped), the tick labels, the axis label and the figures over the bars lie
inside the figure, and no title or label overlaps another. The extents are matplotlib's
own (`Text.get_window_extent` with the figure's renderer), of the very figure whose PNG
goes into the report.
"""

from __future__ import annotations

import re
import shutil
import struct
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT

from reportgen.charts import Fördelningsdiagram, figure, fördelningsdiagram
from reportgen.compute.indikatorer import compute_indikatorer
from reportgen.document.model import Image
from reportgen.document.sections_indicators import chart_specs

FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*.yaml")
                  if "\nindikatorer:" in p.read_text(encoding="utf-8"))


def specs(yaml_file: Path) -> tuple[tuple[Fördelningsdiagram, ...], int]:
    """Every chart the report's indicators can draw, and how many its document holds."""
    from reportgen.pipeline import prepare

    prepared = prepare(yaml_file, draft=True)
    assert prepared.indata.indikatorer is not None
    drawn = tuple(c for g in compute_indikatorer(prepared.indata.indikatorer)
                  for c in chart_specs(g))
    held = sum(1 for s in prepared.document.walk_sections() if s.id != "aret-i-siffror"
               for b in s.blocks if isinstance(b, Image) and b.drawing is not None)
    return drawn, held


def as_distributions(folder: Path) -> Path:
    """A copy of the example in which every published share is a distribution in percent
    (half the share on each of the two positive steps, the rest spread over the others),
    with charts switched on."""
    shutil.copytree(ROOT / "content", folder)
    yaml_file = folder / "2023.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    head, indicators = text.split("\nindikatorer:\n", 1)

    def distribution(match: re.Match[str]) -> str:
        share = Decimal(match[1])
        rest, top = (100 - share) / 4, share / 2
        return "fördelning_procent: [" + ", ".join(
            str(v.normalize()) for v in (rest, rest, rest, rest, top, top)) + "]"

    indicators = re.sub(r"\bandel: (\d+)", distribution, indicators)
    indicators = indicators.replace("  minsta_antal_svar: 5\n",
                                    "  minsta_antal_svar: 5\n  diagram: true\n", 1)
    yaml_file.write_text(f"{head}\nindikatorer:\n{indicators}", encoding="utf-8")
    return yaml_file


# -- the geometry, measured here -----------------------------------------------------------------


def visible_texts(fig) -> Iterator[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """(kind, Text) of every text the picture shows."""
    ax = fig.axes[0]
    low, high = ax.get_ylim()
    for text in [*fig.texts, ax.title]:
        if text.get_text():
            yield "title", text
    yield "ylabel", ax.yaxis.label
    for text in ax.get_xticklabels():
        yield "xtick", text
    for text in ax.get_yticklabels():  # a tick outside the axis' limits is not drawn
        if low <= text.get_position()[1] <= high:
            yield "ytick", text
    for text in ax.texts:
        yield "value", text


def geometry_problems(chart: Fördelningsdiagram) -> list[str]:
    fig = figure(chart)
    renderer = fig.canvas.get_renderer()
    bounds = fig.bbox
    boxes = [(kind, text.get_text(), text.get_window_extent(renderer))
             for kind, text in visible_texts(fig)]
    problems = [f"{kind} {label!r} is clipped" for kind, label, box in boxes
                if box.x0 < bounds.x0 or box.y0 < bounds.y0 or box.x1 > bounds.x1
                or box.y1 > bounds.y1]
    problems += [f"{a[0]} {a[1]!r} overlaps {b[0]} {b[1]!r}"
                 for i, a in enumerate(boxes) for b in boxes[i + 1:] if a[2].overlaps(b[2])]
    # the title is the whole question, and each tick label the whole step name
    (title,) = [label for kind, label, _ in boxes if kind == "title"]
    if unwrapped(title) != unwrapped(chart.title):
        problems.append(f"title {title!r} is not {chart.title!r}")
    ticks = [label for kind, label, _ in boxes if kind == "xtick"]
    if [unwrapped(t) for t in ticks] != [unwrapped(label) for label in chart.labels]:
        problems.append(f"tick labels {ticks!r} are not {chart.labels!r}")
    # the figure measured is the picture in the report
    width, height = struct.unpack(">II", fördelningsdiagram(chart)[16:24])
    if (width, height) != (round(bounds.width), round(bounds.height)):
        problems.append(f"PNG {width}×{height} is not the figure {bounds.width}×{bounds.height}")
    return problems


def unwrapped(text: str) -> str:
    return "".join(text.replace("-\n", "").split())


def assert_every_chart_fits(charts: tuple[Fördelningsdiagram, ...]) -> None:
    found = {c.title: p for c in charts if (p := geometry_problems(c))}
    assert found == {}


# -- the tests -------------------------------------------------------------------------------------


def test_there_are_fixtures_with_charts():
    assert ROOT / "tests" / "fixtures" / "ljungmarken" / "2024.yaml" in FIXTURES


@pytest.mark.parametrize("yaml_file", FIXTURES, ids=lambda p: p.parent.name)
def test_every_chart_of_a_fixture_fits(yaml_file: Path) -> None:
    charts, held = specs(yaml_file)
    assert charts and held == len(charts)  # every chart of the document is checked
    assert_every_chart_fits(charts)


@pytest.mark.slow
def test_every_chart_of_the_example_with_distributions_fits(tmp_path: Path) -> None:
    charts, held = specs(as_distributions(tmp_path / "content"))
    # Rehabteamet 7 questions × 2 years × 3 (less män 2022 in fråga 5 and 6: words only);
    # chefsgrupp 8 × 2 (2021 in words only); styrelsen 5 × 3
    assert len(charts) == held == 7 * 2 * 3 - 2 + 8 * 2 + 5 * 3
    assert max(len(c.title) for c in charts) > 140  # the longest questions are there
    assert_every_chart_fits(charts)


def test_the_geometry_check_sees_a_clipped_title(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself: a title left unwrapped, wider than the figure, is found."""
    from reportgen import charts as module

    monkeypatch.setattr(module, "wrap", lambda text, width, measure: [text])
    chart = Fördelningsdiagram("Ett test av kontrollen " * 12, ("Ja", "Nej"), (1, 2), (1,))
    assert any(p.startswith("title") and p.endswith("is clipped")
               for p in geometry_problems(chart))
