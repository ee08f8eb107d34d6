"""A closed list of names (reportgen/schema/base.py `Namnlista`): the check, the Swedish
message with its suggestion, and the enum of the JSON Schema, for the helper and for the
schema's lists whose messages no other test pins."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from pydantic import Field, TypeAdapter, ValidationError

from reportgen.schema.avsnitt import Diagramblock
from reportgen.schema.base import Modell, Namnlista
from reportgen.schema.budget import Kolumnnamn, Summakolumn
from reportgen.schema.oversikt import Översiktsnamn

Typsnitt = Annotated[str, Namnlista("typsnittet", ("Inter", "Lato")),
                     Field(description="Ett typsnitt")]


class Tema(Modell):
    typsnitt: Typsnitt = "Inter"


def message(error: ValidationError) -> str:
    """The one error's own message, as reportgen/validate.py words it (without Pydantic's
    "Value error, ")."""
    (detail,) = error.errors()
    return str(detail["ctx"]["error"])


def test_an_unknown_name_is_an_error_with_the_closest_name_and_every_valid_one():
    with pytest.raises(ValidationError) as caught:
        Tema.model_validate({"typsnitt": "Lato Sans"})
    assert message(caught.value) == (
        "typsnittet 'Lato Sans' finns inte; menade du 'Lato'? (giltiga: Inter, Lato)")
    assert caught.value.errors()[0]["loc"] == ("typsnitt",)


def test_a_name_on_the_list_is_taken_as_written():
    assert Tema.model_validate({"typsnitt": "Lato"}).typsnitt == "Lato"
    with pytest.raises(ValidationError):
        Tema.model_validate({"typsnitt": "lato"})  # names are exact


def test_the_json_schema_lists_the_names_as_an_enum_beside_the_fields_description():
    schema = Tema.model_json_schema()["properties"]["typsnitt"]
    assert schema == {"default": "Inter", "description": "Ett typsnitt",
                      "enum": ["Inter", "Lato"], "title": "Typsnitt", "type": "string"}


def test_the_message_offers_only_the_suggested_names_but_every_name_is_valid():
    lista = Namnlista("kolumnen", ("utfall", "utfall.intäkt"), förslag=("utfall",))
    assert lista("utfall.intäkt") == "utfall.intäkt"
    with pytest.raises(ValueError, match=r"^kolumnen 'utfal' finns inte; menade du 'utfall'\? "
                       r"\(giltiga: utfall\)$"):
        lista("utfal")
    assert TypeAdapter(Annotated[str, lista]).json_schema()["enum"] == ["utfall", "utfall.intäkt"]


def test_what_else_the_field_takes_is_said_after_the_names():
    lista = Namnlista("färgen", ("grön", "röd"), eller="eller skriv en färgkod som #2e7d32")
    assert lista.fel("grönn") == ("färgen 'grönn' finns inte; menade du 'grön'? (giltiga: grön, "
                                  "röd); eller skriv en färgkod som #2e7d32")


# The schema's lists whose messages tests/fixtures/bad_cases.yaml and tests/test_bad_input.py do
# not pin; the messages as reportgen words them (the same before the lists shared Namnlista).
SCHEMA_LISTS: list[tuple[Any, str, str]] = [
    (Summakolumn, "avvikelse_prognoss",
     "summans kolumn 'avvikelse_prognoss' finns inte; menade du 'avvikelse_prognos' eller "
     "'avvikelse'? (giltiga: årsbudget, periodbudget, utfall, utfall_föregående_år, prognos, "
     "avvikelse, avvikelse_prognos)"),
    (Summakolumn, "nr", "summans kolumn 'nr' finns inte (giltiga: årsbudget, periodbudget, "
     "utfall, utfall_föregående_år, prognos, avvikelse, avvikelse_prognos)"),
    (Kolumnnamn, "utfall.intäkter", "kolumnen 'utfall.intäkter' finns inte (giltiga: nr, "
     "årsbudget, periodbudget, utfall, utfall_föregående_år, prognos, avvikelse, "
     "avvikelse_prognos, förklaring)"),
    (Översiktsnamn, "solidite",
     "femårsöversiktens rad 'solidite' finns inte; menade du 'soliditet'? (giltiga: "
     "verksamhetens_intäkter, medlemsbidrag, verksamhetens_kostnader, årets_resultat, "
     "eget_kapital, soliditet, eget_kapital_andel, antal_anställda)"),
]


@pytest.mark.parametrize(("typ", "value", "expected"), SCHEMA_LISTS)
def test_the_schemas_lists_word_their_messages(typ: Any, value: str, expected: str):
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(typ).validate_python(value)
    assert message(caught.value) == expected


def test_the_diagram_block_names_its_charts():
    with pytest.raises(ValidationError) as caught:
        Diagramblock.model_validate({"diagram": "eget_kaptal"})
    assert message(caught.value) == (
        "diagrammet 'eget_kaptal' finns inte; menade du 'eget_kapital'? (giltiga: "
        "femårsutveckling, eget_kapital, kostnadsfördelning)")
    schema = Diagramblock.model_json_schema()["properties"]["diagram"]
    assert schema["enum"] == ["femårsutveckling", "eget_kapital", "kostnadsfördelning"]
