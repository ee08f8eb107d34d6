"""The committed JSON Schema is the one generated from the models, and it describes the
example (so an editor validating against it agrees with `reportgen check`)."""

from __future__ import annotations

import json

import pytest
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
    assert set(schema["required"]) >= {"förbund", "rapport", "styrelse"}
    # ekonomi: required of an årsredovisning, not of a delårsrapport
    assert schema["else"] == {"required": ["ekonomi"]}
    # Pydantic keeps $defs names ASCII ("Resultatr_kning"); the title is the model's name.
    ekonomi = next(d for d in schema["$defs"].values() if d.get("title") == "Ekonomi")
    # A year of a statement: the standard layout's lines complete in an editor; a line of the
    # förbund's own layout is another key, checked by `reportgen check` against that layout.
    rr = ekonomi["properties"]["resultaträkning"]["additionalProperties"]
    assert "hela kronor" in rr["properties"]["verksamhetens_intäkter"]["description"]
    assert {"kassa_och_bank", "ansvarsförbindelser"} <= set(
        ekonomi["properties"]["balansräkning"]["additionalProperties"]["properties"])
    assert "löpande_verksamheten" in ekonomi["properties"]["kassaflöde"][
        "additionalProperties"]["properties"]


def test_schema_completes_the_layout_keys():
    """ekonomi.layout: every key of a layout entry, and the words its values take."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    defs = {d.get("title"): d for d in schema["$defs"].values()}
    entry = defs["Layoutrad"]
    assert entry["additionalProperties"] is False
    assert {"post", "summa", "härledd", "rubrik", "textrad", "ändra", "ta_bort", "efter",
            "före", "under", "text", "tecken", "betydelse", "visa", "av", "från",
            "förändring", "ingående", "utgående", "faktor"} <= set(entry["properties"])
    assert defs["Tecken"]["enum"] == ["positivt", "negativt", "valfritt"]
    assert {"fordringar", "likvida_medel", "årets_resultat"} <= set(defs["Betydelse"]["enum"])
    changes = defs["Layoutändringar"]
    assert set(changes["properties"]) == {"resultaträkning", "balansräkning",
                                          "kassaflödesanalys"}


@pytest.mark.parametrize("example", ["2023.yaml", "delar/2023-08.yaml"])
def test_example_validates_against_the_schema(example: str) -> None:
    import jsonschema

    from reportgen.load import load_yaml

    data = load_yaml(ROOT / "content" / example).data

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
    if example == "2023.yaml":  # an årsredovisning without ekonomi is refused
        without = {k: v for k, v in stringify(data).items() if k != "ekonomi"}
        with pytest.raises(jsonschema.ValidationError, match="'ekonomi' is a required"):
            jsonschema.validate(without, schema)
