"""Help: the keys, the scoring rules in plain words, and where sessions are stored."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from trustone_tui.framework.bank import Framework
from trustone_tui.text import formatting
from trustone_tui.tui.host import trustone_app
from trustone_tui.tui.widgets.titlebar import TitleBar

KEYS = """\
| Toets | Wat |
|---|---|
| `n` `g` `j` `v` | antwoord Nee / Gedeeltelijk / Ja / n.v.t. (alleen bij "Als je ..."-vragen) |
| `x` | antwoord wissen |
| `1`-`9` | onderdeel aan- of uitvinken |
| `a` | de suggestie uit de aangevinkte onderdelen overnemen |
| `p` | percentage invullen (2.1.1a-c, 2.2.4a-b, 2.3.7); `Enter` bewaart, `Esc` herstelt |
| `e` | notitie bewerken (`Esc` terug) |
| `f` | opvolgen aan/uit |
| `Ctrl+Z` `Ctrl+Y` | laatste wijziging ongedaan maken / opnieuw doen |
| `]` `[` | volgende / vorige vraag |
| `o` | volgende open vraag |
| `t` | navigator tonen/verbergen (smalle terminal) |
| `Tab` | naar het volgende veld (percentage, notitie) |
| muisklik | antwoord kiezen (nog eens: wissen), onderdeel of opvolgen aan/uit, notitie |
| `Ctrl+P` | opdrachtenpalet: spring naar een vraag op nummer of woorden, en alle acties |
| `Ctrl+P` → Instellingen | na een antwoord vanzelf naar de volgende vraag (standaard uit) |
| `w` | wat-als: antwoorden uitproberen zonder ze op te slaan |
| `s` | samenvatting |
| `b` | bedrijfsprofiel |
| `k` | ketenoverzicht: de inkoopketens, waaruit de inzicht- en risicopercentages volgen |
| `m` | plan van aanpak: acties per vraag, met eigenaar, datum en voortgang |
| `Ctrl+E` | exporteren (Markdown, HTML, JSON, CSV) |
| `F1` | deze hulp |
| `Ctrl+Q` | stoppen (alles is al opgeslagen) |
"""


def help_markdown(framework: Framework, data_dir: str) -> str:
    meta = framework.meta
    partial = formatting.points(meta.scoring.partial_fraction * 100)
    levels = "\n".join(
        f"| {lv.id} | {formatting.percent(lv.quarry_insight_min)} | "
        f"{formatting.percent(lv.factory_insight_min)} | {formatting.percent(lv.score_min)} | "
        + ("kernvragen niveau " + " en ".join(map(str, lv.core_levels)) if lv.core_levels else "")
        + (f"; meer dan {formatting.points_count(lv.points_above)}" if lv.points_above else "")
        + " |"
        for category in ("B", "C")
        for lv in framework.levels[category]
    )
    return f"""\
# Hulp

## Toetsen
{KEYS}

## Zo wordt gescoord
- Elke vraag heeft een maximum aantal punten. **Ja** geeft het maximum, **Gedeeltelijk** {partial}%
  daarvan, **Nee** en een open vraag 0 punten.
- Welke criteria gelden hangt af van het profiel: **categorie C** als het bedrijf (ook) uit
  risicolanden importeert, anders **categorie B**; **klein** bij minder dan
  {meta.small_company.employees_below} werknemers én ten hoogste
  {formatting.euros(meta.small_company.revenue_at_most_eur)} omzet. Vragen die niet voor de
  categorie gelden tellen niet mee en staan niet open.
- Bij de inzichtvragen 2.1.1a-c bepaalt het percentage de punten (banden); bij 2.2.4a, 2.2.4b en
  2.3.7 bepaalt het percentage het antwoord, tenzij je zelf een antwoord kiest.
- **n.v.t.** haalt de vraag uit de punten én uit het maximum, en telt als voldaan voor de
  kernvragen.
- Score = behaalde punten / maximum van de vragen die meetellen. Het niveau is het hoogste niveau
  waarvan alle voorwaarden gelden:

| Niveau | Inzicht groeves | Inzicht fabrieken | Score | Verder |
|---|---|---|---|---|
{levels}

- Wat nodig is voor het volgende niveau staat rechts in het scorepaneel: punten (naar boven
  afgerond op een halve punt), procentpunten inzicht en kernvragen die nog niet op Ja staan.

## Opslaan
Elke wijziging wordt meteen opgeslagen (atomair: een half geschreven bestand bestaat nooit).
Stoppen vraagt daarom nooit "opslaan?". Sessies staan in:

`{data_dir}`

Een ander pad openen of een kopie opslaan kan via het opdrachtenpalet (`Ctrl+P`).
"""


class HelpScreen(Screen[None]):
    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "Terug")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        app = trustone_app(self)
        with VerticalScroll(id="help"):
            yield Markdown(help_markdown(app.framework, str(app.data_directory())))
        yield Footer()
