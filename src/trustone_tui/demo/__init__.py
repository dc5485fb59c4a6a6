"""The fictional demo company that ``trustone --demo`` opens."""

from __future__ import annotations

from importlib import resources


def demo_bytes() -> bytes:
    """The demo answer file, as shipped inside the package."""
    return resources.files(__name__).joinpath("demo_session.toml").read_bytes()


def demo_previous_bytes() -> bytes:
    """The same company's answer file of the year before (2025, level C1)."""
    return resources.files(__name__).joinpath("demo_session_2025.toml").read_bytes()
