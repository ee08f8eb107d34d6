"""The förbund's theme in the DOCX: its colours in the styles, its typeface embedded.

templates/reference.docx is written in the standard theme's colours (PRIMARY, ACCENT) and
in Inter. For another theme (`Document.theme`), the styles' colours are recoloured and
their fonts renamed, and the theme's typeface is embedded beside Inter (which stays for the
glyphs the theme's lacks, as in the PDF), obfuscated as Word embeds fonts (docx_fonts.py).
The standard theme leaves the reference document as it is.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle

from reportgen.document.theme import STANDARD_THEME, Theme
from reportgen.render import docx_fonts
from reportgen.render import docx_styles as S

PRIMARY = STANDARD_THEME.hex(STANDARD_THEME.primary)
ACCENT = STANDARD_THEME.hex(STANDARD_THEME.accent)
NUMBER = STANDARD_THEME.hex(STANDARD_THEME.number_colour)
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_COLOUR_ATTRIBUTES = (qn("w:val"), qn("w:color"), qn("w:fill"))
_FONT_ATTRIBUTES = (qn("w:ascii"), qn("w:hAnsi"), qn("w:eastAsia"), qn("w:cs"))


# The logo's place on the cover (Theme.logo_placement), as report.css .cover.logo-…: the
# alignment of the logo's style.
LOGO_ALIGNMENT = {"vänster": WD_ALIGN_PARAGRAPH.LEFT, "höger": WD_ALIGN_PARAGRAPH.RIGHT,
                  "mitten": WD_ALIGN_PARAGRAPH.CENTER}


def apply_theme(word: DocxDocument, theme: Theme) -> None:
    if theme == STANDARD_THEME:
        return
    if theme.logo_placement != STANDARD_THEME.logo_placement:
        place_logo(word, theme.logo_placement)
    recolour(word, {PRIMARY: theme.hex(theme.primary), ACCENT: theme.hex(theme.accent)})
    if theme.font.name != docx_fonts.FAMILY:
        rename_fonts(word, theme.font.name)
        embed_family(word, theme.font.name)


def place_logo(word: DocxDocument, placement: str) -> None:
    """The cover's logo style aligned as the theme places the logo."""
    for style in word.styles:
        if style.name == S.COVER_LOGO and isinstance(style, ParagraphStyle):
            style.paragraph_format.alignment = LOGO_ALIGNMENT.get(placement,
                                                                  WD_ALIGN_PARAGRAPH.LEFT)


def recolour(word: DocxDocument, mapping: dict[str, str]) -> None:
    """Every colour of the styles (text, borders, shading) and of the list numbers (the
    headings' "1", "1.1") that *mapping* names, replaced."""
    parts = [word.styles.element]
    try:
        parts.append(word.part.numbering_part.element)
    except (KeyError, NotImplementedError):
        pass  # a reference document without numbering
    for element in (e for part in parts for e in part.iter()):
        for attribute in _COLOUR_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and value.upper() in mapping and (
                    attribute != qn("w:val") or element.tag == qn("w:color")):
                element.set(attribute, mapping[value.upper()])


def rename_fonts(word: DocxDocument, family: str) -> None:
    """Every style (and the document defaults) set in *family* instead of Inter."""
    for fonts in word.styles.element.iter(qn("w:rFonts")):
        for attribute in _FONT_ATTRIBUTES:
            if fonts.get(attribute) == docx_fonts.FAMILY:
                fonts.set(attribute, family)


def embed_family(word: DocxDocument, family: str) -> None:
    """Embed the faces of *family* in the package and list them in fontTable.xml, beside
    the faces the reference document embeds (Inter)."""
    table = next(rel.target_part for rel in word.part.rels.values()
                 if rel.reltype == RT.FONT_TABLE)
    existing = [rid for rid, rel in sorted(table.rels.items()) if rel.reltype == RT.FONT]
    package = word.part.package
    ids = []
    for index, face in enumerate(docx_fonts.embedded(family), start=len(existing) + 1):
        part = Part(PackURI(f"/word/fonts/font{index}.odttf"), OBFUSCATED_FONT, face.obfuscated,
                    package)
        ids.append(table.relate_to(part, RT.FONT))
    table._blob = docx_fonts.font_table_xml({family: ids, docx_fonts.FAMILY: existing}).encode()
