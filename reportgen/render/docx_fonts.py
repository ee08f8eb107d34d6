"""The report's typeface for the DOCX (the shipped Inter, or the theme's), as Word can embed it.

The PDF embeds Inter as OpenType with CFF outlines (templates/fonts/*.otf). Word embeds only
fonts with TrueType outlines, so the outlines are converted to quadratic curves (fontTools'
cu2qu); metrics, kerning and features are kept. The fonts go into the package obfuscated, as
ECMA-376 Part 1 §17.8.1 prescribes: the first 32 bytes XOR-ed with the font key, a GUID that
``w:fontKey`` names in fontTable.xml. The SIL Open Font License allows embedding
(templates/fonts/LICENSE-Inter.txt); Inter's OS/2 fsType is 0 (installable).

scripts/make_reference_docx.py puts the fonts into templates/reference.docx; the renderer
keeps whatever that file embeds.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportgen.templates_dir import templates_dir
from reportgen.typsnitt import STANDARD, typsnitt

FAMILY = STANDARD  # the standard typeface; a theme may choose another (reportgen/typsnitt.py)
ELEMENT = {(False, False): "embedRegular", (True, False): "embedBold",
           (False, True): "embedItalic", (True, True): "embedBoldItalic"}


@dataclass(frozen=True)
class FontFace:
    """One face of a family: its file in templates/fonts and the fontTable element that
    embeds it."""

    file: str
    element: str  # w:embedRegular | w:embedBold | w:embedItalic | w:embedBoldItalic
    bold: bool
    italic: bool

    @property
    def path(self) -> Path:
        return templates_dir() / "fonts" / self.file


def faces(family: str = FAMILY) -> tuple[FontFace, ...]:
    return tuple(FontFace(f.file, ELEMENT[(f.bold, f.italic)], f.bold, f.italic)
                 for f in typsnitt(family).faces)


FACES = faces()


def face(bold: bool, italic: bool, family: str = FAMILY) -> FontFace:
    return next(f for f in faces(family) if (f.bold, f.italic) == (bold, italic))


@cache
def truetype(otf_path: Path) -> bytes:
    """The font at *otf_path* with TrueType outlines (the same bytes for the same file)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(otf_path), recalcTimestamp=False)
    if "glyf" in font:
        buffer = io.BytesIO()
        font.save(buffer)
        return buffer.getvalue()
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # max_err 1 font unit (of 2816 per em): the curves differ invisibly from the PDF's.
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)  # left side bearing = xMin in TrueType
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def font_key(font: bytes) -> str:
    """A GUID for the font's obfuscation key, derived from its bytes (reproducible packages)."""
    digest = hashlib.sha256(font).hexdigest()
    return "{" + str(uuid.UUID(digest[:32])).upper() + "}"


def _key_bytes(key: str) -> bytes:
    """The 16 key bytes: the GUID's hexadecimal digits read from the last pair to the first
    (ECMA-376 Part 1 §17.8.1)."""
    digits = key.strip("{}").replace("-", "")
    return bytes.fromhex(digits)[::-1]


def obfuscate(font: bytes, key: str) -> bytes:
    """*font* with its first 32 bytes XOR-ed with *key*; applied twice it gives the font back."""
    mask = _key_bytes(key) * 2
    head = bytes(b ^ m for b, m in zip(font[:32], mask, strict=False))
    return head + font[32:]


# -- the font table: which faces the package embeds --------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Embedded:
    face: FontFace
    data: bytes  # TrueType outlines, not yet obfuscated
    key: str  # the obfuscation key's GUID

    @property
    def obfuscated(self) -> bytes:
        return obfuscate(self.data, self.key)


@cache
def embedded(family: str = FAMILY) -> tuple[Embedded, ...]:
    """Each face of *family*, as the package embeds it."""
    out = []
    for f in faces(family):
        data = truetype(f.path)
        out.append(Embedded(f, data, font_key(data)))
    return tuple(out)


def _panose(font: bytes) -> str:
    from fontTools.ttLib import TTFont

    p = TTFont(io.BytesIO(font))["OS/2"].panose
    return "".join(f"{v:02X}" for v in (
        p.bFamilyType, p.bSerifStyle, p.bWeight, p.bProportion, p.bContrast, p.bStrokeVariation,
        p.bArmStyle, p.bLetterForm, p.bMidline, p.bXHeight))


def font_table_xml(families: dict[str, list[str]]) -> str:
    """fontTable.xml for *families*: family name → the relationship ids of its embedded faces
    (in the order of `embedded(family)`)."""
    entries = []
    for family, ids in families.items():
        fonts = embedded(family)
        embeds = "".join(f'<w:{e.face.element} r:id="{rid}" w:fontKey="{e.key}"/>'
                         for e, rid in zip(fonts, ids, strict=True))
        entries.append(
            f'<w:font w:name="{family}"><w:panose1 w:val="{_panose(fonts[0].data)}"/>'
            '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>'
            f"{embeds}</w:font>")
    return f'{XML_HEAD}<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(entries)}</w:fonts>'
