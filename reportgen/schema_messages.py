"""Every Pydantic error in Swedish: one message per error type, never Pydantic's English.

`message(error)` words one error of `ValidationError.errors()`; `KIND` says in a few
words what a type error wanted, so that a value no branch of a union accepts gets one
message ("ska vara ett heltal eller en mappning (nyckel: värde)"). The table is by error
type, not by field, so it covers every field the schema has or will have;
tests/test_schema_messages.py checks that it covers every type Pydantic has.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from reportgen.limits import tal
from reportgen.yamllimits import date_problem

_HELTAL = "ska vara ett heltal (belopp anges i hela kronor utan mellanslag, t.ex. 4507990)"
_MAPPNING = "ska vara en mappning (nyckel: värde)"
_DATUM = "ska vara ett datum på formen ÅÅÅÅ-MM-DD"
_KLOCKSLAG = "ska vara ett datum med klockslag, ÅÅÅÅ-MM-DD TT:MM:SS"
_INTERN = "har ett värde som reportgen inte kan använda här"

# Pydantic error type → Swedish message. {name} fields come from the error's context.
MESSAGES: dict[str, str] = {
    # structure
    "missing": "obligatoriskt fält saknas",
    "extra_forbidden": "okänt fält (stavfel, eller fel nivå i indraget?)",
    "invalid_key": "nyckeln ska vara ett namn (text), inte ett tal, datum eller ja/nej",
    "model_type": _MAPPNING,
    "model_attributes_type": _MAPPNING,
    "dict_type": _MAPPNING,
    "mapping_type": _MAPPNING,
    "dataclass_type": _MAPPNING,
    "dataclass_exact_type": _MAPPNING,
    "list_type": "ska vara en lista (rader som börjar med '-')",
    "tuple_type": "ska vara en lista (rader som börjar med '-')",
    "set_type": "ska vara en lista (rader som börjar med '-')",
    "frozen_set_type": "ska vara en lista (rader som börjar med '-')",
    "iterable_type": "ska vara en lista (rader som börjar med '-')",
    "iteration_error": "listan kan inte läsas",
    "set_item_not_hashable": "listan får bara innehålla enkla värden",
    "too_short": "ska ha minst {min_length} {poster}",
    "too_long": "får ha högst {max_length} {poster}",
    "none_required": "ska vara tomt",
    "union_tag_invalid": "har fel slag: {tag} (ska vara något av: {expected_tags})",
    "union_tag_not_found": "anger inte sitt slag ({discriminator} saknas)",
    "recursion_loop": "värdet hänvisar till sig självt",
    "frozen_field": "fältet kan inte ändras",
    "frozen_instance": "värdet kan inte ändras",
    "no_such_attribute": "okänt fält",
    "get_attribute_error": _INTERN,
    "default_factory_not_called": _INTERN,
    "needs_python_object": _INTERN,
    "is_instance_of": _INTERN,
    "is_subclass_of": _INTERN,
    "callable_type": _INTERN,
    "missing_sentinel_error": _INTERN,
    "arguments_type": _INTERN,
    "missing_argument": "obligatoriskt fält saknas",
    "unexpected_keyword_argument": "okänt fält",
    "missing_keyword_only_argument": "obligatoriskt fält saknas",
    "unexpected_positional_argument": _INTERN,
    "missing_positional_only_argument": "obligatoriskt fält saknas",
    "multiple_argument_values": "fältet anges två gånger",
    "json_invalid": "är inte giltig JSON",
    "json_type": "är inte giltig JSON",
    # numbers
    "int_type": _HELTAL,
    "int_parsing": _HELTAL,
    "int_parsing_size": "talet är för stort",
    "int_from_float": "ska vara ett heltal, inte ett decimaltal",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal",
    "finite_number": "ska vara ett ändligt tal",
    "decimal_type": "ska vara ett tal",
    "decimal_parsing": "ska vara ett tal",
    "decimal_max_digits": "får ha högst {max_digits} siffror",
    "decimal_max_places": "får ha högst {decimal_places} decimaler",
    "decimal_whole_digits": "får ha högst {whole_digits} siffror före decimaltecknet",
    "complex_type": "ska vara ett tal",
    "complex_str_parsing": "ska vara ett tal",
    "greater_than": "ska vara större än {gt}",
    "greater_than_equal": "ska vara minst {ge}",
    "less_than": "ska vara mindre än {lt}",
    "less_than_equal": "får vara högst {le}",
    "multiple_of": "ska vara en multipel av {multiple_of}",
    # text, yes/no, choices
    "string_type": "ska vara en text",
    "string_sub_type": "ska vara en text",
    "string_unicode": "ska vara en text",
    "string_not_ascii": "får bara innehålla tecken utan å, ä, ö och accenter (ASCII)",
    "string_too_short": "ska ha minst {min_length} tecken",
    "string_too_long": "får ha högst {max_length} tecken",
    "string_pattern_mismatch": "har fel form (förväntat {pattern})",
    "bytes_type": "ska vara en text",
    "bytes_too_short": "ska ha minst {min_length} tecken",
    "bytes_too_long": "får ha högst {max_length} tecken",
    "bytes_invalid_encoding": "har fel teckenkodning",
    "bool_type": "ska vara ja/nej (true/false)",
    "bool_parsing": "ska vara ja/nej (true/false)",
    "enum": "ska vara något av: {expected}",
    "literal_error": "ska vara något av: {expected}",
    "url_type": "ska vara en webbadress",
    "url_parsing": "ska vara en webbadress",
    "url_syntax_violation": "ska vara en webbadress",
    "url_too_long": "webbadressen är för lång (högst {max_length} tecken)",
    "url_scheme": "webbadressen ska börja med {expected_schemes}",
    "uuid_type": "ska vara ett UUID",
    "uuid_parsing": "ska vara ett UUID",
    "uuid_version": "ska vara ett UUID av version {expected_version}",
    # dates and times
    "date_type": _DATUM,
    "date_parsing": _DATUM,
    "date_from_datetime_parsing": _DATUM,
    "date_from_datetime_inexact": "ska vara ett datum utan klockslag",
    "date_past": "ska vara ett datum som har varit",
    "date_future": "ska vara ett datum som inte har varit än",
    "time_type": "ska vara ett klockslag, TT:MM",
    "time_parsing": "ska vara ett klockslag, TT:MM",
    "datetime_type": _KLOCKSLAG,
    "datetime_parsing": _KLOCKSLAG,
    "datetime_object_invalid": _KLOCKSLAG,
    "datetime_from_date_parsing": _KLOCKSLAG,
    "datetime_past": "ska vara en tidpunkt som har varit",
    "datetime_future": "ska vara en tidpunkt som inte har varit än",
    "timezone_naive": "ska vara ett klockslag utan tidszon",
    "timezone_aware": "ska vara ett klockslag med tidszon",
    "timezone_offset": "har fel tidszon",
    "time_delta_type": "ska vara en tidslängd",
    "time_delta_parsing": "ska vara en tidslängd",
    # our own validators (reportgen/schema/) raise ValueError / assert with Swedish text
    "value_error": "{msg}",
    "assertion_error": "{msg}",
}

# What a type error wanted, in a few words, for "ska vara A eller B" over a union.
KIND: dict[str, str] = {
    "int_type": "ett heltal",
    "int_parsing": "ett heltal",
    "int_from_float": "ett heltal",
    "float_type": "ett tal",
    "float_parsing": "ett tal",
    "decimal_type": "ett tal",
    "decimal_parsing": "ett tal",
    "string_type": "en text",
    "bool_type": "ja/nej (true/false)",
    "bool_parsing": "ja/nej (true/false)",
    "model_type": "en mappning (nyckel: värde)",
    "model_attributes_type": "en mappning (nyckel: värde)",
    "dict_type": "en mappning (nyckel: värde)",
    "list_type": "en lista",
    "date_type": "ett datum (ÅÅÅÅ-MM-DD)",
    "date_parsing": "ett datum (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "ett datum (ÅÅÅÅ-MM-DD)",
    "literal_error": "något av: {expected}",
    "enum": "något av: {expected}",
    "none_required": "tomt",
}

# Errors where what was found is worth saying ("; fann 'fyra'").
_SHOW_INPUT = frozenset(
    {"int_type", "int_parsing", "int_from_float", "float_type", "float_parsing", "date_parsing",
     "date_type", "date_from_datetime_parsing", "decimal_parsing", "decimal_type",
     "bool_parsing", "bool_type", "string_type", "literal_error", "enum",
     "string_pattern_mismatch", "greater_than", "greater_than_equal", "less_than",
     "less_than_equal", "union"}
)

PATTERN_HINTS = {
    r"^\d{6}-\d{4}$": "NNNNNN-NNNN, t.ex. 222000-1735",
}


def shown(value: Any) -> str:
    """What the user wrote, briefly and in Swedish terms."""
    if value is None:
        return "inget värde"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "en mappning"
    if isinstance(value, list | tuple):
        return "en lista"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return number(value)
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")


def number(value: Any) -> str:
    """A limit or a number the user wrote: 10 000 000 000, 0,5."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return tal(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return tal(int(value))
    return str(value).replace(".", ",")


def _context(error: dict[str, Any]) -> dict[str, Any]:
    ctx = dict(error.get("ctx") or {})
    for name in ("gt", "ge", "lt", "le", "multiple_of"):
        if name in ctx:
            ctx[name] = number(ctx[name])
    if "pattern" in ctx:
        ctx["pattern"] = PATTERN_HINTS.get(ctx["pattern"], f"mönstret {ctx['pattern']}")
    for name in ("expected", "expected_tags", "expected_schemes"):
        if name in ctx:
            ctx[name] = str(ctx[name]).replace(" or ", " eller ")
    if "min_length" in ctx or "max_length" in ctx:
        size = ctx.get("min_length", ctx.get("max_length"))
        ctx["poster"] = "post" if size == 1 else "poster"
    if error["type"] in ("value_error", "assertion_error"):
        ctx["msg"] = str(error.get("msg", "")).removeprefix("Value error, ").removeprefix(
            "Assertion failed, ")
    return ctx


def message(error: dict[str, Any]) -> str:
    """The Swedish message of one Pydantic error."""
    kind = error["type"]
    found = error.get("input")
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type") and isinstance(found, str):
        problem = date_problem(found)
        if problem is not None:
            return problem
    if kind in ("too_short", "string_too_short") and (error.get("ctx") or {}).get("min_length") == 1:
        return "får inte vara tom"
    if kind == "int_type" and isinstance(found, float):  # a strict integer field got 132581.5
        kind = "int_from_float"
    template = MESSAGES.get(kind, _INTERN)
    try:
        text = template.format(**_context(error))
    except (KeyError, IndexError, ValueError):
        text = template if "{" not in template else _INTERN
    if kind in _SHOW_INPUT and "input" in error:
        text += f"; fann {shown(found)}"
    return text


def kind(error: dict[str, Any]) -> str | None:
    """What a type error wanted ("ett heltal"), or None if it is not a type error."""
    template = KIND.get(error["type"])
    if template is None:
        return None
    try:
        return template.format(**_context(error))
    except (KeyError, IndexError, ValueError):
        return None
