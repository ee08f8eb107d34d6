"""Året i siffror: the year at a glance, on one page after the foreword.

Every figure comes from the computation the tables print (the figures narrative names,
figures.py, and the five-year overview, compute/overview.py), formatted as they print it;
nothing the YAML does not give is shown. The charts are drawn in memory
(reportgen/year_charts.py) in the theme's colours, each with an alternative text that
states its figures. The same charts are content blocks (`diagram:`, registry.BLOCKS).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reportgen.compute.overview import compute_overview
from reportgen.document.model import Block, Image, KeyFigure, KeyFigures, Paragraph, Run, Section
from reportgen.fmt import kronor, procent
from reportgen.schema.ekonomi import Kostnadsslag
from reportgen.year_charts import (
    Andelsdiagram,
    Serie,
    Trenddiagram,
    trend_alt,
)

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

Content = tuple[Block | Section, ...]
CHART_MM = 160
SLAG = {Kostnadsslag.administration: "Administration",
        Kostnadsslag.individinriktade: "Individinriktade insatser",
        Kostnadsslag.strukturövergripande: "Strukturövergripande insatser"}


def key_figures(b: Builder) -> KeyFigures | None:
    f = b.verksamhet.figurer
    text = f.text_or_none
    items = []
    if (resultat := text("årets_resultat")) is not None:
        previous = text("fg.årets_resultat")
        items.append(KeyFigure(f"{resultat} kr", "Årets resultat",
                               f"Föregående år {previous} kr" if previous else ""))
    if (kapital := text("eget_kapital")) is not None:
        share, tak = text("eget_kapital_andel"), text("eget_kapital_tak")
        items.append(KeyFigure(f"{kapital} kr", "Eget kapital",
                               f"{share} av medlemsbidragen (tak {tak})" if share else ""))
    if (deltagare := text("deltagare_totalt")) is not None:
        items.append(KeyFigure(deltagare, "Deltagare", "i individinriktade insatser"))
    if (nådda := text("medverkande_strukturövergripande")) is not None:
        items.append(KeyFigure(nådda, "Personer nådda", "i strukturövergripande insatser"))
    if (antal := f.number_or_none("mål_antal")) and antal > 0:
        items.append(KeyFigure(f"{text('mål_uppfyllda')} av {text('mål_antal')}",
                               "Mål uppfyllda", "av verksamhetsplanens mål"))
    if not items:
        return None
    return KeyFigures("aret-i-siffror-nyckeltal", "Årets nyckeltal", tuple(items))


def _colours(b: Builder) -> tuple[str, str]:
    theme = b.theme
    return theme.primary, theme.accent


def equity_chart(b: Builder) -> Image | None:
    kapital = b.verksamhet.berakning.kapital.get(b.indata.rapport.räkenskapsår)
    if kapital is None or kapital.andel is None:
        return None
    share, tak = _percent(kapital.andel), _percent(kapital.tak)
    chart = Andelsdiagram(("Eget kapital",), (share,), _colours(b), limit=tak,
                          limit_label="tak", font=b.theme.font.name)
    alt = (f"Liggande stapeldiagram, eget kapital i förhållande till medlemsbidragen: "
           f"eget kapital "
           f"{kronor(kapital.eget_kapital)} kr är {procent(kapital.andel)} av årets "
           f"medlemsbidrag; det rekommenderade taket är {procent(kapital.tak)}.")
    return Image(None, alt, CHART_MM, drawing=chart)


def cost_chart(b: Builder) -> Image | None:
    kostnader = b.verksamhet.berakning.kostnader.get(b.indata.rapport.räkenskapsår)
    if kostnader is None:
        return None
    present = [s for s in Kostnadsslag if s in kostnader.belopp]
    if not present:
        return None
    shares = tuple(_percent(kostnader.andel(s) or Decimal(0)) for s in present)
    chart = Andelsdiagram(tuple(SLAG[s] for s in present), shares, _colours(b),
                          font=b.theme.font.name)
    parts = ", ".join(f"{SLAG[s].lower()} {kronor(kostnader.belopp[s])} kr ({share}\u00a0%)"
                      for s, share in zip(present, shares, strict=True))
    return Image(None, f"Liggande stapeldiagram, kostnadernas fördelning: {parts}.", CHART_MM,
                 drawing=chart)


def trend_chart(b: Builder) -> Image | None:
    overview = compute_overview(b.indata, b.eko)
    years = tuple(reversed(overview.years)) if overview is not None else ()  # oldest first
    if overview is None or len(years) < 2:
        return None
    spec = (("Verksamhetens intäkter", "verksamhetens_intäkter"),
            ("Verksamhetens kostnader", "verksamhetens_kostnader"),
            ("Årets resultat", "årets_resultat"))
    series = tuple(s for s in (Serie(name, tuple(overview.tkr(key, y) for y in years))
                               for name, key in spec) if any(v is not None for v in s.values))
    if not series:
        return None
    texts = tuple(tuple("" if v is None else kronor(v) for v in s.values) for s in series)
    chart = Trenddiagram(years, series, texts, _colours(b), b.theme.font.name)
    title = f"verksamhetens utveckling {years[0]}–{years[-1]} i tkr"
    return Image(None, trend_alt(chart, title), CHART_MM, drawing=chart)


def _percent(ratio: Decimal) -> int:
    from reportgen.fmt import procentenheter

    return procentenheter(ratio)


def _label(text: str) -> Paragraph:
    return Paragraph((Run(text),), "label")


CHARTS = {
    "femårsutveckling": ("Verksamhetens utveckling, fem år (tkr)", trend_chart),
    "eget_kapital": ("Eget kapital i förhållande till taket", equity_chart),
    "kostnadsfördelning": ("Kostnadernas fördelning", cost_chart),
}


def chart_blocks(b: Builder, name: str) -> Content:
    """A chart with its label, or nothing when its figures are not given."""
    label, make = CHARTS[name]
    image = make(b)
    return () if image is None else (_label(label), image)


def aret_i_siffror_blocks(b: Builder) -> Content:
    figures = key_figures(b)
    out: list[Block | Section] = [figures] if figures is not None else []
    for name in ("eget_kapital", "kostnadsfördelning", "femårsutveckling"):
        out += chart_blocks(b, name)
    return tuple(out)
