"""Command line: `reportgen build|check|serve FILE`, `reportgen återför DOCX`,
`reportgen nytt-år FILE`, `reportgen importera BOKFÖRING [FILE]`.

Help and messages are Swedish."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

from reportgen.findings import UserError

_ARGPARSE_SV = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "the following arguments are required: %s": "följande argument saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "expected one argument": "ett värde saknas",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
}


def _translate(text: str) -> str:
    return _ARGPARSE_SV.get(text, text)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks `_` up at call time


class _SwedishParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _formats(value: str) -> list[str]:
    from reportgen.commands.build import FORMATS

    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"okänt format {', '.join(unknown) or value!r}; välj bland {', '.join(FORMATS)}"
        )
    return list(dict.fromkeys(chosen))


def parser() -> argparse.ArgumentParser:
    p = _SwedishParser(
        prog="reportgen",
        description="Årsredovisning för samordningsförbund: PDF, DOCX och HTML från YAML.",
        add_help=False,
    )
    p.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    sub = p.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_SwedishParser)
    sub.required = True

    b = sub.add_parser("build", help="bygg rapporten som HTML, PDF och DOCX", add_help=False,
                       description="Bygg rapporten. Filerna skrivs först när allt har lyckats.")
    b.add_argument("-h", "--help", action="help", help="visa hjälpen för build")
    b.add_argument("fil", type=Path, metavar="FIL", help="rapportens YAML-fil, t.ex. content/2023.yaml")
    b.add_argument("--out", type=Path, default=Path("build"), metavar="MAPP",
                   help="mapp för de färdiga filerna (standard: build)")
    b.add_argument("--format", type=_formats, default=["html", "pdf", "docx"], metavar="FORMAT",
                   help="kommaseparerad lista av html, pdf, docx (standard: alla tre)")
    b.add_argument("--utkast", action="store_true",
                   help="bygg även om kontrollen hittar fel; alla filer märks UTKAST")
    b.add_argument("--pdf-variant", choices=["ua", "a"], default="ua", dest="pdf_variant",
                   help="ua: PDF/UA-1 för publicering (standard); "
                   "a: PDF/A-2a för arkivet, även märkt PDF/UA-1")
    b.add_argument("--tyst", action="store_true",
                   help="skriv inte ut vad som görs (kontroller, HTML, PDF, DOCX) medan det pågår")
    b.add_argument("--om", action="store_true",
                   help="bygg om alla filer, även de som inte har ändrats sedan förra bygget "
                   "(annars skapas bara de format vars indata, mallar eller inställningar ändrats)")

    c = sub.add_parser("check", help="kontrollera att alla siffror stämmer", add_help=False,
                       description="Kontrollera rapporten och visa alla fel och varningar.")
    c.add_argument("-h", "--help", action="help", help="visa hjälpen för check")
    c.add_argument("fil", type=Path, metavar="FIL", help="rapportens YAML-fil")
    c.add_argument("--format", choices=["text", "json"], default="text",
                   help="utdata som text (standard) eller json")

    s = sub.add_parser("serve", help="förhandsvisa rapporten i webbläsaren medan du skriver",
                       add_help=False,
                       description="Starta en lokal förhandsvisning som uppdateras när filerna sparas.")
    s.add_argument("-h", "--help", action="help", help="visa hjälpen för serve")
    s.add_argument("fil", type=Path, metavar="FIL", help="rapportens YAML-fil")
    s.add_argument("--port", type=int, default=8000, help="port på 127.0.0.1 (standard: 8000)")

    a = sub.add_parser(
        "återför", aliases=["aterfor"], add_help=False,
        help="för tillbaka det som ändrats i Word-filen till YAML- och Markdown-filerna",
        description="Läs en Word-fil som reportgen har byggt och som redigerats i Word eller "
        "LibreOffice, och skriv den ändrade texten tillbaka till Markdown-filerna och texterna i "
        "YAML-filen den kommer ifrån. Bara ändrade stycken skrivs om. Siffror, tabeller, "
        "rubriker och fast text skrivs inte tillbaka: de ändringarna visas med var de ska göras.")
    a.add_argument("-h", "--help", action="help", help="visa hjälpen för återför")
    a.add_argument("fil", type=Path, metavar="DOCX", help="den redigerade Word-filen")
    a.add_argument("--yaml", type=Path, metavar="FIL",
                   help="rapportens YAML-fil (standard: den som Word-filen byggdes från)")
    a.add_argument("--visa", action="store_true",
                   help="skriv inga filer, visa ändringarna som diff")
    a.add_argument("--utan-spårade-ändringar", "--utan-sparade-andringar", action="store_true",
                   dest="reject",
                   help="ta inte med spårade ändringar (de listas); standard: de godtas")

    n = sub.add_parser(
        "nytt-år", aliases=["nytt-ar"], add_help=False,
        help="gör nästa års YAML-fil av årets: jämförelseår, femårsöversikt och luckor att fylla i",
        description="Skriv nästa års rapport från årets: årets siffror blir jämförelseår, "
        "femårsöversikten flyttas ett år, styrelse, revisorer och insatser följer med, och det "
        "som ska fyllas i för det nya året lämnas tomt (reportgen check listar det). "
        "Markdown-filerna kopieras. Ingen befintlig fil skrivs över.")
    n.add_argument("-h", "--help", action="help", help="visa hjälpen för nytt-år")
    n.add_argument("fil", type=Path, metavar="FIL", help="årets YAML-fil, t.ex. content/2023.yaml")
    n.add_argument("--mapp", type=Path, metavar="MAPP",
                   help="mapp för det nya årets filer (standard: en ny mapp bredvid, t.ex. "
                   "content-2024; finns den redan avbryts kommandot)")
    n.add_argument("--visa", action="store_true", help="skriv inga filer, visa vad som skulle göras")

    i = sub.add_parser(
        "importera", add_help=False,
        help="läs in bokföringen (SIE-fil eller saldobalans) i rapportens siffror",
        description="Läs en SIE-fil (typ 1–4) eller en saldobalans (XLSX eller CSV) och skriv "
        "resultat- och balansräkningen, notraderna och budgetens utfall i rapportens YAML-fil "
        "genom kontoplanen. Allt annat i filen lämnas som det är, kommentarer också.")
    i.add_argument("-h", "--help", action="help", help="visa hjälpen för importera")
    i.add_argument("export", type=Path, metavar="BOKFÖRING",
                   help="SIE-filen (.se) eller saldobalansen (.xlsx, .csv)")
    i.add_argument("yaml", type=Path, metavar="FIL", nargs="?",
                   help="rapportens YAML-fil (standard: content/ÅR.yaml för bokföringens år)")
    i.add_argument("--kontoplan", metavar="NAMN",
                   help="kommun-bas, bas eller en egen kontoplansfil (standard: ekonomi.kontoplan "
                   "i rapporten, annars kommun-bas)")
    i.add_argument("--visa", action="store_true",
                   help="skriv ingenting, visa varje ändring (gammalt → nytt)")
    return p


def _print_user_error(error: UserError) -> None:
    for finding in error.findings:
        print(finding, file=sys.stderr)
    count = sum(1 for f in error.findings if f.severity.value == "fel")
    print(f"reportgen: {count} fel; inga filer skrevs.", file=sys.stderr)


def _tolerant_streams() -> None:
    """A terminal that cannot show a character gets an escape, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _no_cycle_collection() -> None:
    """For a short command that keeps nearly all it allocates (`check`: the schema, its
    validator, the input): no cycle collection, which would only scan those objects over
    and over (about a hundred times, and again at exit, a tenth of `check`'s time), and
    none at exit of what exists by then. Memory is freed by reference counting as before."""
    gc.disable()
    atexit.register(gc.freeze)


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    args = parser().parse_args(argv)
    try:
        if args.command == "build":
            from reportgen.commands.build import progress_to_stderr, run

            say = (lambda line: None) if args.tyst else progress_to_stderr
            outcome = run(args.fil, args.out, args.format, args.utkast, args.pdf_variant, say,
                          rebuild=args.om)
            for path in outcome.written:
                print(f"skrev {path}")
            for path in outcome.unchanged:
                print(f"oförändrad {path}")
            return 0
        if args.command == "check":
            from reportgen.commands.check import check

            if argv is None:  # this process is the command (not a caller's, e.g. a test's)
                _no_cycle_collection()
            return check(args.fil, args.format)
        if args.command in {"återför", "aterfor"}:
            from reportgen.commands.aterfor import aterfor

            return aterfor(args.fil, args.yaml, args.visa, args.reject)
        if args.command in {"nytt-år", "nytt-ar"}:
            from reportgen.commands.nyttar import nytt_år

            return nytt_år(args.fil, args.mapp, args.visa)
        if args.command == "importera":
            from reportgen.commands.importera import importera, report_for

            yaml = args.yaml or report_for(args.export)
            return importera(args.export, yaml, args.kontoplan, args.visa)
        assert args.command == "serve", args.command  # the parser requires one of the six
        from reportgen.commands.serve import serve

        return serve(args.fil, args.port)
    except UserError as error:
        _print_user_error(error)
        return 1
    except KeyboardInterrupt as interrupt:  # Ctrl+C, or SIGTERM while files are written
        print("reportgen: avbröts.", file=sys.stderr)
        return 128 + getattr(interrupt, "signum", 2)
    except BrokenPipeError:  # `reportgen check … | head`: the reader has gone
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more is printed
        return 1


def command() -> NoReturn:
    """The `reportgen` command (and `python -m reportgen`): `main`, then the process ends
    as soon as what it printed is flushed, without tearing down its heap. A build leaves
    WeasyPrint's and the report's modules and caches behind, and freeing them object by
    object at exit took a fifth of a second, for nothing (scripts/bench_build.py). Every
    file is written and closed by then (reportgen/write.py), every child process reaped.
    `main` itself returns, for callers in this process (tests)."""
    code = main()
    if "logging" in sys.modules:  # what the exit handlers would do of use: flush the log
        sys.modules["logging"].shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that has gone, a closed stream
            code = code or 1
    os._exit(code)


if __name__ == "__main__":
    command()
