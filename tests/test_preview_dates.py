"""A date in a table cell stays on one line in the preview, as it does in the PDF and the
DOCX: Chromium breaks after a hyphen, so "Utfall 2023-08-31" in the delårsrapport's forecast
table came out as "2023-08-" over "31" (render/html.py keeps hyphenated digits whole)."""

from __future__ import annotations

import pytest
from browser import chromium_page
from conftest import ROOT

from reportgen.pipeline import prepare
from reportgen.render.html import render_html

DELÅR = ROOT / "content" / "delar" / "2023-08.yaml"


def test_hyphenated_digits_in_a_cell_are_kept_whole_in_the_html() -> None:
    html = render_html(prepare(DELÅR).document)
    assert '<span class="nobr">2023-08-31</span>' in html
    assert '<span class="nobr">' not in html.split("<body", 1)[0]  # cells only


@pytest.mark.slow
def test_the_forecast_tables_date_heading_is_one_line_in_chromium(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page_file = tmp_path / "delar.html"
    page_file.write_text(render_html(prepare(DELÅR).document), encoding="utf-8")
    with chromium_page(1280) as page:
        page.goto(page_file.as_uri())
        lines = page.evaluate("""() => [...document.querySelectorAll('th')]
            .filter(th => th.textContent.includes('2023-08-31'))
            .map(th => { const r = document.createRange();
                         const span = th.querySelector('.nobr');
                         r.selectNodeContents(span || th);
                         return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })""")
    assert lines and all(n == 1 for n in lines), lines
