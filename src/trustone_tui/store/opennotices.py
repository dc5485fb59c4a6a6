"""What the app tells the user after opening a session file, in Dutch.

The Dutch counterpart of :attr:`SessionFile.notices` (which is English, for the command
line): another window that has the file open, an upgraded format, a file not in the standard
layout, answers to questions the question bank does not have, and removed leftovers.
"""

from __future__ import annotations

from trustone_tui.store.filelock import DUTCH_HOLDER_WORDS, LockHolder
from trustone_tui.store.sessions import SessionFile


def holder_text(holder: LockHolder) -> str:
    """``proces 4321 op laptop-sanne sinds 2026-12-03 10:32`` (unknown parts left out)."""
    return holder.describe(DUTCH_HOLDER_WORDS)


def second_window_warning(opened: SessionFile) -> str | None:
    """The warning that this session is already open in another trustone window."""
    if opened.lock_holder is None:
        return None
    return (
        f"{opened.path}: deze sessie is al open in een ander trustone-venster "
        f"({holder_text(opened.lock_holder)}). Wijzigingen op beide plaatsen botsen: "
        "opslaan wordt geweigerd als het de wijzigingen van het andere venster zou overschrijven."
    )


def dutch_notices(opened: SessionFile) -> list[str]:
    """One Dutch line for each thing the user should know after opening (may be empty)."""
    lines = []
    warning = second_window_warning(opened)
    if warning:
        lines.append(warning)
    if opened.migrated_from is not None:
        kept = (
            f"het origineel is bewaard als {opened.migrated_backup.name}"
            if opened.migrated_backup
            else "er kon nog geen reservekopie van het origineel worden gemaakt; het wordt pas "
            "overschreven als dat wel lukt"
        )
        lines.append(
            f"{opened.path}: bijgewerkt vanaf formaatversie {opened.migrated_from}; {kept}."
        )
    elif not opened.standard_layout:
        lines.append(
            f"{opened.path}: niet in de standaardopmaak van trustone (met de hand of door een "
            "ander programma bewerkt). Bij het eerste opslaan wordt het opnieuw geschreven: alle "
            "antwoorden blijven, commentaar en opmaak niet."
        )
    if opened.orphan_ids:
        made_with = opened.session.framework_version or "een onbekende versie"
        count = len(opened.orphan_ids)
        kept = (
            "blijft in het bestand maar telt"
            if count == 1
            else "blijven in het bestand maar tellen"
        )
        lines.append(
            f"{opened.path}: {count} {'antwoord' if count == 1 else 'antwoorden'} op vragen "
            f"die vragenbank {opened.framework.version} niet kent, {kept} niet mee: "
            f"{', '.join(opened.orphan_ids)} (bestand gemaakt met vragenbank {made_with})."
        )
    if opened.removed_leftovers:
        count = len(opened.removed_leftovers)
        lines.append(
            f"{opened.path}: {count} tijdelijke "
            f"{'bestand' if count == 1 else 'bestanden'} van een onderbroken opslag "
            "opgeruimd (de sessie zelf is niet geraakt)."
        )
    return lines
