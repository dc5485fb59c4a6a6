"""The Dutch wording of the supply-chain register's figures (``register check`` and the app)."""

from __future__ import annotations

from trustone_tui.engine.register import LinkKind, RegisterFigures
from trustone_tui.engine.sources import PercentageSource
from trustone_tui.text.formatting import percent

#: What each percentage means.
PERCENTAGE_LABELS = {
    "2.1.1a": "Inzicht in de eerste schakel",
    "2.1.1b": "Inzicht in de fabrieken",
    "2.1.1c": "Inzicht in de groeves",
    "2.2.4a": "Fabrieken met een risico-overzicht",
    "2.2.4b": "Groeves met een risico-overzicht",
    "2.3.7": "Ketens met beschreven betrokkenheid",
}
LINK_LABELS: dict[LinkKind, str] = {
    "eerste_schakel": "eerste schakel",
    "fabriek": "fabriek",
    "groeve": "groeve",
}
NOTHING_TO_COUNT = "niets te tellen"
#: What the register screen says while it holds no flows.
EMPTY_REGISTER = (
    "Voeg ketens hier toe, of lees een CSV- of XLSX-bestand in met trustone register "
    "import BESTAND SESSIE. Zolang er geen ketens zijn, tellen de percentages die je bij de "
    "vragen invult."
)


def figure_text(value: float | None) -> str:
    """A register percentage as shown: rounded down, or "niets te tellen"."""
    return NOTHING_TO_COUNT if value is None else percent(value)


def category_text(figures: RegisterFigures, row_list: str, noun: str = "rij") -> str:
    """The register's category and, for C, the rows (``row_list``: a file's rows, or with
    ``noun`` "keten" the flows' numbers) that decide it."""
    if figures.category == "B":
        return "Categorie B: elke niet-circulaire keten heeft fabriek en groeve in de EER."
    where = f"{noun} {row_list}"
    return f"Categorie C: fabriek of groeve buiten de EER (of land niet ingevuld) in {where}"


def source_text(
    source: PercentageSource | None, counted: float | None, entered: float | None
) -> str | None:
    """Where a question's percentage comes from, for beside the question; None when nothing
    needs saying (no percentage, or only a typed one)."""
    if source != "register" or counted is None:
        return None
    text = f"uit het ketenoverzicht: {percent(counted)}"
    if entered is not None:
        text += f" (ingevuld {percent(entered)} telt niet)"
    return text
