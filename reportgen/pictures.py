"""Examine a picture the YAML names, once, before anything is rendered.

A picture is used by three renderers (the HTML embeds it, WeasyPrint draws it, python-docx
embeds it), each of which fails in its own way on a file that is not what its name says,
is truncated, is huge or (an SVG) fetches something from elsewhere, and some of which
then leave the picture out without a word. `examine` finds all of that up front, for
`reportgen check` and `reportgen build` alike, and says it in Swedish:

- the file is a regular file inside the size limit (reportgen/readfile.py);
- its content is PNG, JPEG or SVG, the format its name says;
- a PNG or JPEG decodes completely (Pillow) and has at most `limits.PICTURE_PIXELS`
  pixels (checked from the header, before decoding);
- an SVG is well-formed XML without a DOCTYPE or entities, and refers to nothing but
  its own parts (`#id`): no other file, no web address, no data: URI, no stylesheet.

`Picture.docx` says whether python-docx can embed it (it cannot embed SVG, nor a JPEG
without a JFIF or Exif header); the DOCX then shows the alternative text, which the
checks warn about.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from reportgen.limits import PICTURE_BYTES, PICTURE_PIXELS, tal
from reportgen.readfile import Unreadable, read_bytes

FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}
_SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "SVG": ".svg"}
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF", "PDF"),
    (b"\x00\x00\x01\x00", "ICO"),
)
_SVG_NS = "http://www.w3.org/2000/svg"
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)
_SAVE_AS = "spara den som PNG, JPG eller SVG"


@dataclass(frozen=True)
class Picture:
    format: str  # PNG, JPEG or SVG
    width: int  # pixels; 0 for SVG
    height: int
    docx: bool  # python-docx can embed it


def sniff(data: bytes) -> str | None:
    """The format the bytes are in, by their signature (SVG by its root element)."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<svg" in head:
        return "SVG"
    return None


def examine(path: Path) -> Picture:
    """What the picture at *path* is; raises Unreadable saying why it cannot be used."""
    expected = FORMATS.get(path.suffix.lower())
    if expected is None:
        raise Unreadable(f"har ett format som inte kan tas med i rapporten; {_SAVE_AS}")
    data = read_bytes(path, PICTURE_BYTES)
    found = sniff(data)
    if found is None:
        what = "innehåller text" if _is_text(data) else "har ett okänt innehåll"
        raise Unreadable(f"är ingen bild (filen {what}); {_SAVE_AS}")
    if found != expected:
        usable = found in FORMATS.values()
        raise Unreadable(
            f"är en {found}-bild fast namnet slutar på {path.suffix}; "
            + (f"byt namnets ändelse till {_SUFFIX[found]}" if usable else _SAVE_AS)
        )
    if found == "SVG":
        _check_svg(data)
        return Picture("SVG", 0, 0, docx=False)
    return _check_raster(data, found)


def _is_text(data: bytes) -> bool:
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data[:4096]


def _check_raster(data: bytes, fmt: str) -> Picture:
    # The format's own Pillow plugin, not Image.open: that loads every plugin Pillow has,
    # which costs `reportgen check` more than the rest of the picture check.
    if fmt == "PNG":
        from PIL.PngImagePlugin import PngImageFile as ImageFile
    else:
        from PIL.JpegImagePlugin import JpegImageFile as ImageFile  # type: ignore[assignment]

    damaged = Unreadable(f"kan inte läsas som {fmt}-bild: filen är trasig eller avkortad")
    limit = f"högst {tal(PICTURE_PIXELS)} bildpunkter, t.ex. 5 000 × 5 000; förminska den"
    try:
        with ImageFile(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > PICTURE_PIXELS:  # before anything is decoded
                raise Unreadable(f"är för stor: {tal(width)} × {tal(height)} bildpunkter "
                                 f"({limit})")
            image.load()
    except Unreadable:
        raise
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, ValueError, …)
        raise damaged from None
    if fmt == "PNG" and not _png_chunks_whole(data):
        raise damaged
    # python-docx recognises a JPEG by its JFIF or Exif header only.
    docx = fmt == "PNG" or data[6:10] in (b"JFIF", b"Exif")
    return Picture(fmt, width, height, docx)


def _png_chunks_whole(data: bytes) -> bool:
    """Every chunk lies within the file and IEND closes it (python-docx reads them all)."""
    offset = 8
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        offset += 12 + length
        if offset > len(data):
            return False
        if kind == b"IEND":
            return True
    return False


def _check_svg(data: bytes) -> None:
    from xml.parsers import expat

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("är en SVG-bild som inte är sparad som UTF-8; spara den som UTF-8") from None
    parser = expat.ParserCreate(namespace_separator=" ")
    problems: list[str] = []
    root: list[str] = []

    def refuse(problem: str) -> None:
        problems.append(f"{problem} (rad {parser.CurrentLineNumber} i SVG-filen)")

    def start(name: str, attributes: dict[str, str]) -> None:
        if not root:
            root.append(name)
        for attribute, value in attributes.items():
            local = attribute.rsplit(" ", 1)[-1]
            if local in ("href", "src") and not value.strip().startswith("#"):
                refuse(f"hänvisar till {_brief(value)} utanför bilden")
            for target in _URL.findall(value):
                if not target.startswith("#"):
                    refuse(f"hänvisar till {_brief(target)} utanför bilden")
        if name.rsplit(" ", 1)[-1] == "script":
            refuse("innehåller ett skript")

    def text_data(content: str) -> None:
        for target in _URL.findall(content):
            if not target.startswith("#"):
                refuse(f"hänvisar till {_brief(target)} utanför bilden")
        if "@import" in content:
            refuse("hämtar en stilmall utifrån (@import)")

    def doctype(*_args: object) -> None:  # stops the parse: no entity is ever expanded
        raise Unreadable("är en SVG-bild med en DOCTYPE-deklaration, som kan hämta filer "
                         f"utifrån (rad {parser.CurrentLineNumber} i SVG-filen); ta bort den")

    def instruction(target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            refuse("hämtar en stilmall utifrån (xml-stylesheet)")

    parser.StartElementHandler = start
    parser.CharacterDataHandler = text_data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(text, True)
    except Unreadable:
        raise
    except expat.ExpatError as exc:
        raise Unreadable(f"är en SVG-bild som inte går att läsa: XML-fel på rad {exc.lineno} "
                         "i SVG-filen") from None
    if root and root[0] != f"{_SVG_NS} svg":
        raise Unreadable("är ingen SVG-bild (det yttersta elementet är inte <svg> i SVG:s "
                         "namnrymd)")
    if problems:
        raise Unreadable(f"är en SVG-bild som {problems[0]}; bilden får bara innehålla sina "
                         "egna delar")


def _brief(value: str) -> str:
    value = value.strip()
    return repr(value if len(value) <= 60 else value[:57] + "…")
