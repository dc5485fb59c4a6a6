"""The user's settings for the app, in ``settings.toml`` in the user's config folder.

The folder is ``$TRUSTONE_CONFIG_DIR`` or the platform's user config folder (platformdirs).
The file is written atomically (:mod:`trustone_tui.store.atomic`). A missing file means the
defaults; a file that cannot be read or holds a wrong value also gives the defaults, with one
Dutch line that says so (naming the file and the place); it is never a traceback. Keys this
version does not know are ignored, so an older app can read a newer file.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

import platformdirs

from trustone_tui.store import atomic

APP_NAME = "trustone-tui"
#: Set to use another config folder (tests, a portable install).
CONFIG_DIR_ENV = "TRUSTONE_CONFIG_DIR"
SETTINGS_FILE = "settings.toml"
#: Larger than any settings file; a bigger file is not read.
MAX_SETTINGS_BYTES = 64 * 1024
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user can set; every field has its default here."""

    #: After an answer key (n, g, j, v) go to the next question that counts.
    auto_advance: bool = False


class SettingsError(Exception):
    """The settings could not be written; ``str()`` is one Dutch line naming the file."""


def settings_path() -> Path:
    """``settings.toml`` in ``$TRUSTONE_CONFIG_DIR`` or the user's config folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    folder = Path(override or platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return folder / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings in the file and None, or the defaults and one Dutch line why not."""
    path = path or settings_path()
    try:
        with path.open("rb") as file:
            data = file.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        return Settings(), _unreadable(path, f"het systeem meldt: {exc.strerror or exc}")
    if len(data) > MAX_SETTINGS_BYTES:
        return Settings(), _unreadable(path, "het bestand is te groot")
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return Settings(), _unreadable(path, "het bestand is geen UTF-8-tekst")
    except tomllib.TOMLDecodeError as exc:
        place = _TOML_PLACE.search(str(exc))
        where = f" (regel {place.group(1)}, kolom {place.group(2)})" if place else ""
        return Settings(), _unreadable(path, f"geen geldige TOML{where}")
    settings = Settings()
    for setting in fields(Settings):
        if setting.name not in table:
            continue
        value = table[setting.name]
        if not isinstance(value, bool):
            return Settings(), _unreadable(path, f"{setting.name} moet true of false zijn")
        settings = replace(settings, **{setting.name: value})
    return settings, None


def _unreadable(path: Path, reason: str) -> str:
    return f"{path}: instellingen niet te lezen: {reason}; de standaardinstellingen gelden."


def dump_settings(settings: Settings) -> bytes:
    """The file's text: a comment line, then one ``key = value`` line per setting."""
    lines = ["# Instellingen van trustone-tui (Ctrl+P → Instellingen)."]
    for setting in fields(Settings):
        lines.append(f"{setting.name} = {str(getattr(settings, setting.name)).lower()}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (creating the folder); :class:`SettingsError` if not."""
    path = path or settings_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic.write_replace(path, dump_settings(settings))
    except atomic.NotDurableError:
        return  # written; only the folder's sync failed, which the next save repeats
    except OSError as exc:
        raise SettingsError(
            f"{path}: instellingen niet opgeslagen: het systeem meldt: {exc.strerror or exc}"
        ) from exc
