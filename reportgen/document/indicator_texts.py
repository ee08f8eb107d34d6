"""The fixed sentences of the indicator bilagor (document/sections_indicators.py): one key
and one standard wording each, with {placeholders} the bilagor fill in. Kept together here
so that the report's fixed-texts module can take them over, keys and all.
"""

from __future__ import annotations

# The fixed sentences of the indicator bilagor, by key, with their standard wording.
TEXTER: dict[str, str] = {
    "indikatorer.läsanvisning.inledning": "Så läser du tabellerna:",
    "indikatorer.läsanvisning.andel": "Andel är förbundets egen andel positiva svar i procent.",
    "indikatorer.läsanvisning.skala": (
        "Positiva svar är skalsteg {positiva} på skalan från ”{lägsta}” till ”{högsta}”."),
    "indikatorer.läsanvisning.annan_skala": (
        "{frågor} besvaras på skalan från ”{lägsta}” till ”{högsta}”; där är skalsteg "
        "{positiva} positiva svar{negativa}."),
    "indikatorer.läsanvisning.annan_skala_negativa": " och skalsteg {negativa} negativa",
    "indikatorer.läsanvisning.negativa": (
        "I sammanfattningen räknas skalsteg {negativa} som negativa{neutrala}."),
    "indikatorer.läsanvisning.neutrala": " och {steg} som varken eller",
    "indikatorer.läsanvisning.rikssnitt": (
        "Rikssnitt är andelen för samma respondentgrupp i hela landet. Skillnad är andelen "
        "minus rikssnittet i procentenheter: {högre} högre, mer än {marginal} över "
        "rikssnittet; {lägre} lägre, mer än {marginal} under; {varken} varken högre eller "
        "lägre."),
    "indikatorer.läsanvisning.trend": (
        "Trend är förändringen mot samma fråga året före i procentenheter: {upp} bättre, "
        "{ned} sämre, {plan} oförändrat (inom ±{marginal})."),
    "indikatorer.läsanvisning.undanhållna": "Resultat med färre än {minsta} svar redovisas inte.",
    "indikatorer.markering.båda": (
        "{markering} Skillnad mot rikssnittet eller förändring mot året före på minst "
        "{markera} procentenheter."),
    "indikatorer.markering.skillnad": (
        "{markering} Skillnad mot rikssnittet på minst {markera} procentenheter."),
    "indikatorer.markering.förändring": (
        "{markering} Förändring mot året före på minst {markera} procentenheter."),
    "indikatorer.redovisas_inte": "Redovisas inte{antal}",
    "indikatorer.underlag": "Underlag.",
    "indikatorer.resultat": "Resultat {år}.",
    "indikatorer.sammanfattning.rubrik": "Negativa, neutrala och positiva svar per indikator",
    "indikatorer.sammanfattning.text": (
        "Andelen av svaren som är negativa, varken eller positiva, per indikator och "
        "respondentgrupp, det senaste året med svarsfördelning. Vilka skalsteg som räknas hur "
        "står i läsanvisningen i respektive bilaga. En indikator med flera frågor visar "
        "medelvärdet av frågornas andelar."),
    "indikatorer.lista.tabell": "Indikatorer för finansiell samordning",
}


def text(key: str, **values: object) -> str:
    """The sentence *key* in its standard wording, its placeholders filled in."""
    return TEXTER[key].format(**values)
