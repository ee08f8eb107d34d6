"""Every fixed sentence of the report, by key, with its standard wording.

A fixed sentence is text reportgen writes itself, around the förbund's own content: the
cover's lines, the table of contents' title, the attestation above the signatures, the
auditors' sentence, the dating line of a digital signing, the standard headings, the
fixed parts of table captions, the draft marking. The YAML replaces any of them by key
(`texter:`, reportgen/schema/rapport.py); a key the YAML does not name keeps the
standard wording below. Nothing else in reportgen writes these sentences: the report
model's builders ask `Texter` for them, and the renderers print what the model says.

A wording may hold parameters in single braces, `{år}`, filled in where it is used (the
report year, a date, a name); the parameters each key takes are listed with it, and a
replacement may use those and no others (`reportgen check`, rule text.fast_text).
Double braces, `{{ eget_kapital_tkr }}`, name computed figures as in any narrative text.

Others who add a fixed sentence add its key here. Keys are written with underscores,
grouped by a prefix: `rubrik_…`, `tabell_…`, `kolumn_…`, `mått_…`, `insats_…`,
`indikatorer_…`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fasttext:
    standard: str  # the standard wording
    beskrivning: str  # where it is printed (shown in the JSON Schema)
    parametrar: tuple[str, ...] = ()  # the {parameters} it may hold
    obligatoriska: tuple[str, ...] = ()  # those a replacement must keep


def _t(standard: str, beskrivning: str, *parametrar: str, obligatoriska: tuple[str, ...] = ()
       ) -> Fasttext:
    return Fasttext(standard, beskrivning, parametrar, obligatoriska)


FASTA_TEXTER: dict[str, Fasttext] = {
    # -- the document and its cover -----------------------------------------------------------
    "dokumenttitel": _t("Årsredovisning {år}",
                        "Dokumentets titel (filens egenskaper, sidhuvudet)", "år"),
    "dokumentbeskrivning": _t("Årsredovisning för räkenskapsåret {år}, {förbund}",
                              "Dokumentets beskrivning i filens egenskaper", "år", "förbund"),
    "nyckelord": _t("årsredovisning, samordningsförbund, finsam",
                    "Nyckelord i filens egenskaper"),
    "omslag_titel": _t("Årsredovisning {år}", "Försättsbladets titel: vad dokumentet är och "
                       "för vilket år", "år"),
    "omslag_period": _t("För räkenskapsåret {period}",
                        "Försättsbladets rad om räkenskapsåret", "period"),
    "omslag_beslutad": _t("Beslutad av styrelsen {datum}",
                          "Försättsbladets rad om beslutsdatum (när det är angivet)", "datum"),
    "omslag_organisationsnummer": _t("Organisationsnummer {nummer}",
                                     "Försättsbladets rad om organisationsnummer (när det är "
                                     "angivet)", "nummer"),
    "omslag_etikett": _t("Försättsblad", "Vad en skärmläsare kallar försättsbladet"),
    # a delårsrapport's document and cover ({månader}: "januari–augusti")
    "delår_dokumenttitel": _t("Delårsrapport {månader} {år}", "En delårsrapports titel (filens "
                              "egenskaper, sidhuvudet)", "månader", "år", "period"),
    "delår_dokumentbeskrivning": _t("Delårsrapport för perioden {period}, {förbund}",
                                    "En delårsrapports beskrivning i filens egenskaper",
                                    "månader", "år", "period", "förbund"),
    "delår_nyckelord": _t("delårsrapport, prognos, samordningsförbund, finsam",
                          "Nyckelord i en delårsrapports egenskaper"),
    "delår_omslag_titel": _t("Delårsrapport {månader} {år}", "Försättsbladets titel i en "
                             "delårsrapport", "månader", "år", "period"),
    "delår_omslag_period": _t("För perioden {period}", "Försättsbladets rad om perioden i en "
                              "delårsrapport", "månader", "år", "period"),
    "delår_omslag_godkänd": _t("Godkänd av förbundsstyrelsen {datum}",
                               "Försättsbladets rad om beslutsdatum i en delårsrapport (när "
                               "det är angivet)", "datum"),
    "adress_post": _t("Postadress: {adress}", "Kontaktuppgift efter innehållsförteckningen",
                      "adress"),
    "adress_besök": _t("Besöksadress: {adress}", "Kontaktuppgift efter innehållsförteckningen",
                       "adress"),
    "adress_webb": _t("Webbplats: {adress}", "Kontaktuppgift efter innehållsförteckningen",
                      "adress"),
    "adress_epost": _t("E-post: {adress}", "Kontaktuppgift efter innehållsförteckningen",
                       "adress"),
    "adress_telefon": _t("Telefon: {nummer}", "Kontaktuppgift efter innehållsförteckningen",
                         "nummer"),
    "innehållsförteckning": _t("Innehållsförteckning", "Innehållsförteckningens rubrik"),
    "sidnummer": _t("Sida {sida} av {sidor}", "Sidfoten på varje sida utom försättsbladet",
                    "sida", "sidor", obligatoriska=("sida", "sidor")),
    "bilaga_nummer": _t("Bilaga {nummer}.", "Numret framför en bilagas rubrik", "nummer"),
    "bild_ersättning": _t("[Bild: {alt}]",
                          "Det som står i stället för en bild som formatet inte kan visa",
                          "alt"),
    # -- the draft marking --------------------------------------------------------------------
    "utkast_sidmärkning": _t("UTKAST", "Märkningen överst på varje sida i ett utkast"),
    "utkast_banderoll": _t("UTKAST – inte fastställd, innehåller fel som ska rättas",
                           "Raden ovanför försättsbladet i ett utkast"),
    "utkast_titeltillägg": _t("(utkast)", "Efter försättsbladets titel i ett utkast"),
    "utkast_status": _t("Utkast", "Dokumentstatus i filens egenskaper för ett utkast"),
    # -- headings of the standard sections (a section's `rubrik` in `avsnitt` wins) ------------
    "rubrik_året_i_siffror": _t("Året i siffror", "Avsnittets rubrik"),
    "rubrik_förvaltningsberättelse": _t("Förvaltningsberättelse", "Avsnittets rubrik"),
    "rubrik_organisation": _t("Organisation", "Avsnittets rubrik"),
    "rubrik_uppdrag": _t("Uppdrag", "Avsnittets rubrik"),
    "rubrik_lagrum": _t("Lagrum", "Avsnittets rubrik"),
    "rubrik_finansiering": _t("Finansiering", "Avsnittets rubrik"),
    "rubrik_verksamhetsidé": _t("Verksamhetsidé och vision", "Avsnittets rubrik"),
    "rubrik_översikt": _t("Översikt över verksamhetens utveckling", "Avsnittets rubrik"),
    "rubrik_viktiga_förhållanden": _t("Viktiga förhållanden för resultat och ekonomisk "
                                      "ställning", "Avsnittets rubrik"),
    "rubrik_väsentliga_händelser": _t("Händelser av väsentlig betydelse", "Avsnittets rubrik"),
    "rubrik_styrning": _t("Styrning och uppföljning av verksamheten", "Avsnittets rubrik"),
    "rubrik_god_hushållning": _t("God ekonomisk hushållning, måluppfyllelse och ekonomisk "
                                 "ställning", "Avsnittets rubrik"),
    "rubrik_personal": _t("Väsentliga personalförhållanden", "Avsnittets rubrik"),
    "rubrik_förväntad_utveckling": _t("Förväntad utveckling", "Avsnittets rubrik"),
    "rubrik_driftredovisning": _t("Driftredovisning", "Avsnittets rubrik"),
    "rubrik_noter": _t("Noter", "Avsnittets rubrik"),
    "rubrik_sammanställning": _t("Sammanställning av utfall och budget {år}",
                                 "Avsnittets rubrik", "år"),
    "rubrik_helårsprognos": _t("Helårsprognos", "Avsnittets rubrik (delårsrapport)"),
    "prognos_resultat": _t("Prognosen för helåret {år} är ett resultat på {resultat} kr och "
                           "ett balanskravsresultat på {balanskrav} kr.",
                           "Helårsprognosens första mening (delårsrapport)", "år", "resultat",
                           "balanskrav"),
    "rubrik_underskrifter": _t("Styrelsens och revisorernas underskrifter", "Avsnittets rubrik"),
    "rubrik_styrelsens_underskrifter": _t("Styrelsens underskrifter", "Avsnittets rubrik"),
    "rubrik_revisorernas_underskrifter": _t("Revisorernas underskrifter", "Avsnittets rubrik"),
    "rubrik_revision": _t("Revision", "Rubriken över revisorerna i avsnittet om styrning"),
    # -- the board and the auditors -----------------------------------------------------------
    "tabell_styrelse": _t("Styrelsens sammansättning {år}", "Styrelsetabellens rubrik", "år"),
    "tabell_revisorer": _t("Revisorer {år}", "Revisorstabellens rubrik", "år"),
    "kolumn_utsedd_av": _t("Utsedd av", "Kolumnrubrik i styrelse- och revisorstabellen"),
    "kolumn_ordinarie": _t("Ordinarie ledamot", "Kolumnrubrik i styrelsetabellen"),
    "kolumn_ersättare": _t("Ersättare", "Kolumnrubrik i styrelsetabellen"),
    "kolumn_namn": _t("Namn", "Kolumnrubrik i revisorstabellen"),
    "kolumn_funktion": _t("Funktion", "Kolumnrubrik i revisorstabellen"),
    "uppdrag_från": _t("(från {datum})", "Efter namnet på den som började under året", "datum"),
    "uppdrag_till": _t("(till {datum})", "Efter namnet på den som slutade under året", "datum"),
    # -- the signatures -----------------------------------------------------------------------
    "intygande": _t("Vi intygar att årsredovisningen ger en rättvisande bild av verksamhetens "
                    "resultat samt kostnader, intäkter och förbundets ekonomiska ställning.",
                    "Styrelsens intygande ovanför underskrifterna (tom text: inget intygande)"),
    "revisorernas_intygande": _t("Vår revisionsberättelse har lämnats.",
                                 "Revisorernas mening ovanför deras underskrifter"),
    "underskrift_styrelsen": _t("Styrelsen", "Rubriken över styrelsens underskrifter när de "
                                "står i samma avsnitt som revisorernas"),
    "underskrift_revisorer": _t("Revisorer", "Rubriken över revisorernas underskrifter när de "
                                "står i samma avsnitt som styrelsens"),
    "digital_datering": _t("Datering enligt datum för digital signering",
                           "I stället för ort och datum när rapporten signeras digitalt"),
    "ort_och_datum": _t("{ort} den {datum}", "Ort och datum vid underskrift på papper (utan "
                        "angivet datum: en linje att skriva datum på)", "ort", "datum"),
    "underskrift_utsedd_av": _t("Utsedd av {utsedd_av}", "Under en ledamots underskrift",
                                "utsedd_av"),
    "underskrift_ersättare_för": _t("Ersättare för {namn}",
                                    "Under underskriften av en ersättare som skriver under "
                                    "för en ordinarie ledamot", "namn"),
    # -- mål, mått and the goal matrix (document/sections_goals.py) ----------------------
    "rubrik_finansiella_mål": _t("Finansiella mål", "Rubriken över de finansiella målen"),
    "rubrik_verksamhetens_mål": _t("Verksamhetens mål", "Rubriken över verksamhetens mål"),
    "målområde_rubrik": _t("Målområde {namn}",
                           "Ett målområdes rubrik när det inte har en egen", "namn"),
    "status_bedömning": _t("Bedömning: ", "Före statusen i ett måls bedömning"),
    # After a status that reportgen computed: nothing as standard (the reader needs the
    # assessment, not how the tool reached it); a förbund may write e.g. " (enligt måtten)".
    "status_beräknad_mått": _t("", "Efter en status som är beräknad från målets mått "
                                   "(tom som standard, t.ex. ” (enligt måtten)”)"),
    "status_beräknad_delmål": _t("", "Efter en status som är beräknad från målets delmål "
                                     "(tom som standard, t.ex. ” (enligt delmålen)”)"),
    "status_beräknad_båda": _t("", "Efter en status som är beräknad från mått och delmål "
                                   "(tom som standard)"),
    "status_beräknad_resultatmål": _t("", "Efter en insats status som är beräknad från dess "
                                          "resultatmål (tom som standard)"),
    "mål_aktiviteter": _t("Aktiviteter", "Före listan över ett måls aktiviteter"),
    "mål_insatser": _t("Insatser som bidrar till målet: ", "Före ett måls insatser"),
    "tabell_måluppfyllelse": _t("Måluppfyllelse", "Tabellen över målen och deras bedömning"),
    "tabell_mått": _t("Mått", "Rubriken på ett måls tabell över mått"),
    "kolumn_mått": _t("Mått", "Kolumnrubrik i tabellen över mått"),
    "kolumn_målvärde": _t("Mål", "Kolumnrubrik i tabellen över mått: målet"),
    "kolumn_utfall": _t("Utfall", "Kolumnrubrik i tabellen över mått och i målmatrisen"),
    "kolumn_bedömning": _t("Bedömning", "Kolumnrubrik i tabellerna över mått och mål"),
    "mått_minst": _t("minst {värde}", "Ett mått med minst", "värde"),
    "mått_högst": _t("högst {värde}", "Ett mått med högst", "värde"),
    "mått_ja": _t("Ja", "Ett ja i tabellen över mått"),
    "mått_nej": _t("Nej", "Ett nej i tabellen över mått"),
    "mått_ej_mätt": _t("ej mätt", "Utfallet av ett mått som inte har mätts"),
    "mått_ej_bedömt": _t("ej bedömt", "Bedömningen av ett mått eller mål som inte har bedömts"),
    "mått_styrelsens_bedömning": _t(" (styrelsens bedömning)",
                                    "Efter en angiven bedömning som ersätter den beräknade"),
    "mått_kommentar": _t("Kommentar", "Raden med ett mått kommentar"),
    "tabell_målmatris": _t("Mål och måluppfyllelse {år}", "Målmatrisens rubrik", "år"),
    "kolumn_matris_mål": _t("Mål", "Målmatrisens kolumn mål"),
    "kolumn_matris_aktivitet": _t("Aktivitet", "Målmatrisens kolumn aktivitet"),
    "kolumn_matris_förslag": _t("Förslag", "Målmatrisens kolumn förslag"),
    "kolumn_matris_utfall": _t("Utfall", "Målmatrisens kolumn utfall"),
    "kolumn_matris_status": _t("Status", "Målmatrisens kolumn status"),
    # -- insatser (document/sections_insatser.py) ----------------------------------------------
    "rubrik_insatser": _t("Insatser", "Rubriken över insatserna"),
    "rubrik_individinriktade_insatser": _t("Individinriktade insatser",
                                           "Rubriken över de individinriktade insatserna"),
    "rubrik_strukturövergripande_insatser": _t("Strukturövergripande insatser",
                                               "Rubriken över de strukturövergripande "
                                               "insatserna"),
    "rubrik_övriga_insatser": _t("Övriga insatser",
                                 "Rubriken över insatser utan typ, när andra har en"),
    "insats_rubrik_projekt": _t("{namn}, projekt {nummer}",
                                "En insats rubrik när den har ett projektnummer",
                                "namn", "nummer", obligatoriska=("namn",)),
    "insats_period": _t("{från} – {till}", "En insats period med start och slut",
                        "från", "till"),
    "insats_period_från": _t("från och med {datum}", "En insats period med bara start",
                             "datum"),
    "insats_period_till": _t("till och med {datum}", "En insats period med bara slut",
                             "datum"),
    "tabell_insats_uppgifter": _t("Mer om {namn}", "Tabellen över en insats övriga uppgifter "
                                  "(uppgifter:)", "namn"),
    "tabell_resultatmål": _t("Resultatmål för {namn}", "Tabellen över en insats resultatmål",
                             "namn"),
    "insats_utfall_andelar": _t("Andelarna summerar till {andel}, inte 100 %.",
                                "Fotnot när utfallen i andelar inte summerar till 100 %",
                                "andel"),
    "kolumn_uppgift": _t("Uppgift", "Kolumnrubrik i tabellerna om en insats"),
    "kolumn_insatsen": _t("Insatsen", "Kolumnrubrik i tabellerna om en insats"),
    "kolumn_resultatmål": _t("Resultatmål", "Kolumnrubrik i tabellen över resultatmål"),
    # -- the indicator bilagor (document/sections_indicators.py) -------------------------------
    "indikatorer_läsanvisning_inledning": _t("Så läser du tabellerna:",
                                             "Läsanvisningens första mening"),
    "indikatorer_läsanvisning_andel": _t("Andel är förbundets egen andel positiva svar i "
                                         "procent.", "Läsanvisningen: kolumnen Andel"),
    "indikatorer_läsanvisning_skala": _t(
        "Positiva svar är skalsteg {positiva} på skalan från ”{lägsta}” till ”{högsta}”.",
        "Läsanvisningen: skalan och dess positiva svar", "positiva", "lägsta", "högsta"),
    "indikatorer_läsanvisning_annan_skala": _t(
        "{frågor} besvaras på skalan från ”{lägsta}” till ”{högsta}”; där är skalsteg "
        "{positiva} positiva svar{negativa}.",
        "Läsanvisningen: frågor på en annan skala", "frågor", "lägsta", "högsta", "positiva",
        "negativa"),
    "indikatorer_läsanvisning_annan_skala_negativa": _t(
        " och skalsteg {negativa} negativa",
        "Läsanvisningen: de negativa svaren på en annan skala", "negativa"),
    "indikatorer_läsanvisning_negativa": _t(
        "I sammanfattningen räknas skalsteg {negativa} som negativa{neutrala}.",
        "Läsanvisningen: de negativa svaren", "negativa", "neutrala"),
    "indikatorer_läsanvisning_neutrala": _t(" och {steg} som varken eller",
                                            "Läsanvisningen: de neutrala svaren", "steg"),
    "indikatorer_läsanvisning_rikssnitt": _t(
        "Rikssnitt är andelen för samma respondentgrupp i hela landet. Skillnad är andelen "
        "minus rikssnittet i procentenheter: {högre} högre, mer än {marginal} över "
        "rikssnittet; {lägre} lägre, mer än {marginal} under; {varken} varken högre eller "
        "lägre.", "Läsanvisningen: rikssnitt och skillnad", "högre", "lägre", "varken",
        "marginal"),
    "indikatorer_läsanvisning_trend": _t(
        "Trend är förändringen mot samma fråga året före i procentenheter: {upp} bättre, "
        "{ned} sämre, {plan} oförändrat (inom ±{marginal}).", "Läsanvisningen: trenden",
        "upp", "ned", "plan", "marginal"),
    "indikatorer_läsanvisning_undanhållna": _t(
        "Resultat med färre än {minsta} svar redovisas inte.",
        "Läsanvisningen: undanhållna resultat", "minsta"),
    "indikatorer_markering_båda": _t(
        "{markering} Skillnad mot rikssnittet eller förändring mot året före på minst "
        "{markera} procentenheter.", "Fotnot om markerade skillnader och förändringar",
        "markering", "markera"),
    "indikatorer_markering_skillnad": _t(
        "{markering} Skillnad mot rikssnittet på minst {markera} procentenheter.",
        "Fotnot om markerade skillnader", "markering", "markera"),
    "indikatorer_markering_förändring": _t(
        "{markering} Förändring mot året före på minst {markera} procentenheter.",
        "Fotnot om markerade förändringar", "markering", "markera"),
    "indikatorer_redovisas_inte": _t("Redovisas inte{antal}",
                                     "I stället för ett undanhållet resultat", "antal"),
    "indikatorer_underlag": _t("Underlag.", "Före enkätens underlag"),
    "indikatorer_resultat": _t("Resultat {år}.", "Före resultattabellen när underlag saknas",
                               "år"),
    "indikatorer_sammanfattning_rubrik": _t(
        "Negativa, neutrala och positiva svar per indikator",
        "Sammanfattningens rubrik (bilagan och tabellen)"),
    "indikatorer_sammanfattning_text": _t(
        "Andelen av svaren som är negativa, varken eller positiva, per indikator och "
        "respondentgrupp, det senaste året med svarsfördelning. Vilka skalsteg som räknas hur "
        "står i läsanvisningen i respektive bilaga. En indikator med flera frågor visar "
        "medelvärdet av frågornas andelar.", "Sammanfattningens text"),
    "indikatorer_lista_tabell": _t("Indikatorer för finansiell samordning",
                                   "Indikatorlistans tabell"),
}



# The blank line of a paper signature's date, when no date is stated.
DATUMLINJE = "____________________"

_PARAMETER = re.compile(r"(?<!\{)\{([^{}\s]+)\}(?!\})")


def parametrar(text: str) -> list[str]:
    """The `{parameters}` a wording uses (not the `{{ figures }}`)."""
    return _PARAMETER.findall(text)


@dataclass(frozen=True)
class Texter:
    """The report's fixed sentences: the standard wording, replaced where the YAML says."""

    ersatta: Mapping[str, str] = field(default_factory=dict, hash=False)  # key → wording

    def __call__(self, key: str, **values: str) -> str:
        """The wording of *key* with its parameters filled in."""
        definition = FASTA_TEXTER[key]
        unknown = set(values) - set(definition.parametrar)
        if unknown:  # a bug in the caller, not the user's input
            raise KeyError(f"{key} takes no parameter {sorted(unknown)}")
        text = self.ersatta.get(key, definition.standard)
        return _PARAMETER.sub(lambda m: values.get(m.group(1), m.group(0)), text)

    def split(self, key: str, *order: str) -> tuple[str, ...]:
        """The wording of *key* cut at its parameters, which must stand in *order*: "Sida
        {sida} av {sidor}" → ("Sida ", " av ", "") for a renderer that puts a page counter
        between the pieces."""
        text = self(key)
        pieces = []
        for name in order:
            before, _, text = text.partition("{" + name + "}")
            pieces.append(before)
        return (*pieces, text)


STANDARD = Texter()
