"""The fictional demo company that ``trustone --demo`` opens."""

from __future__ import annotations

from importlib import resources


def demo_bytes() -> bytes:
    """The demo answer file, as shipped inside the package."""
    return resources.files(__name__).joinpath("demo_session.toml").read_bytes()
