"""JSON Schema of the input, generated from the Pydantic models.

The committed file schema/reportgen.schema.json lets an editor (VS Code with the YAML
extension) validate and complete a report while it is typed; content/2023.yaml points
at it with a `# yaml-language-server: $schema=…` comment. Regenerate after changing the
schema with

    python3 -m reportgen.jsonschema            # writes schema/reportgen.schema.json
    python3 -m reportgen.jsonschema --check    # exit 1 if the committed file is stale

tests/test_check_jsonschema.py fails when the committed file is not the generated one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "reportgen.schema.json"
SCHEMA_ID = "https://reportgen.invalid/schema/reportgen.schema.json"


def generate() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Indata`, the root of the YAML input."""
    from reportgen.schema import Indata

    _build_default_models()
    schema = Indata.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "reportgen: årsredovisning för samordningsförbund",
        "description": "Indata till reportgen (content/<år>.yaml). Genererad från "
        "reportgen/schema/ med python3 -m reportgen.jsonschema; ändra inte för hand.",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _build_default_models() -> None:
    """Build the models whose instances are defaults (`Förbund.adress`): they are made
    without a validator (Modell's defer_build, so `check` builds only the root's), and the
    JSON Schema writes each default out with its model's serializer."""
    from reportgen.schema.base import Modell

    models, seen = [Modell], set()
    while models:
        model = models.pop()
        models.extend(sub for sub in model.__subclasses__() if sub not in seen)
        seen.add(model)
        for info in model.model_fields.values():
            if isinstance(info.default, Modell):
                type(info.default).model_rebuild()


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in args:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != text:
            print(f"{SCHEMA_FILE} är inaktuell; kör python3 -m reportgen.jsonschema",
                  file=sys.stderr)
            return 1
        return 0
    SCHEMA_FILE.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_FILE.write_text(text, encoding="utf-8")
    print(f"skrev {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
