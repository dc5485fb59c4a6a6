"""A purchase flow for the register tests: every link known, in Portugal, unless told otherwise."""

from __future__ import annotations

from trustone_tui.engine.register import Flow

#: The columns of a flow whose first link, factory and quarry are all known.
KNOWN_LINKS: dict[str, object] = {
    "steentype": "graniet",
    "kleur": "grijs",
    "eenheid": "m2",
    "eerste_schakel": "Handel BV",
    "eerste_schakel_adres": "Kade 1",
    "eerste_schakel_land": "NL",
    "fabriek": "Fabriek",
    "fabriek_adres": "Weg 2",
    "fabriek_land": "PT",
    "groeve": "Groeve",
    "groeve_adres": "Berg 3",
    "groeve_land": "PT",
}


def make_flow(quantity: float, **columns: object) -> Flow:
    """A flow of ``quantity`` with :data:`KNOWN_LINKS`, ``columns`` changed."""
    return Flow(**{**KNOWN_LINKS, "hoeveelheid": quantity, **columns})  # type: ignore[arg-type]
