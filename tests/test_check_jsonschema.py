"""The committed JSON Schema is the one generated from the models, and it describes the
example (so an editor validating against it agrees with `reportgen check`)."""

from __future__ import annotations

import json

from check_expected import ROOT

from reportgen.jsonschema import SCHEMA_FILE, render


def test_committed_schema_is_generated():
    assert SCHEMA_FILE == ROOT / "schema" / "reportgen.schema.json"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), (
        "schema/reportgen.schema.json is stale: run python3 -m reportgen.jsonschema"
    )


def test_example_points_at_the_schema():
    first = (ROOT / "content" / "2023.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/reportgen.schema.json"


def test_schema_forbids_unknown_keys_and_has_swedish_descriptions():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"förbund", "rapport", "styrelse", "ekonomi"}
    # Pydantic keeps $defs names ASCII ("Resultatr_kning"); the title is the model's name.
    rr = next(d for d in schema["$defs"].values() if d.get("title") == "Resultaträkning")
    assert rr["additionalProperties"] is False
    assert "hela kronor" in rr["properties"]["verksamhetens_intäkter"]["description"]


def test_example_validates_against_the_schema():
    import jsonschema

    from reportgen.load import load_yaml

    data = load_yaml(ROOT / "content" / "2023.yaml").data

    def stringify(node):  # type: ignore[no-untyped-def]
        # JSON has string keys and no dates: as an editor sees the YAML.
        if isinstance(node, dict):
            return {str(k): stringify(v) for k, v in node.items()}
        if isinstance(node, list):
            return [stringify(v) for v in node]
        if hasattr(node, "isoformat"):
            return node.isoformat()
        return node

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(stringify(data), schema)
