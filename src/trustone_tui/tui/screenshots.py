"""SVG screenshots of every screen, made from the demo session (``make screenshots``).

The same scenes drive the snapshot tests, so what the README shows is what the tests check.
Everything is deterministic: fixed terminal sizes, a fixed session folder, no clock on screen.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from trustone_tui.demo import demo_bytes, demo_previous_bytes
from trustone_tui.framework.bank import Framework
from trustone_tui.store.bankcache import default_framework
from trustone_tui.store.sessions import DATA_DIR_ENV
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.host import trustone_app

#: A fixed folder, so the start screen's "Sessies staan in ..." line never changes.
SCENE_DATA_DIR = Path("/tmp/trustone-tui-screenshots")
#: Modification times of the example session files (2026-11-12 and 2025-10-20, 12:00 UTC).
FILE_TIMES = {
    "natuursteen-van-dijk-zn-bv-2026.toml": 1_794_484_800,
    "natuursteen-van-dijk-zn-bv-2025.toml": 1_760_961_600,
}


def prepare_data_dir(folder: Path = SCENE_DATA_DIR) -> Path:
    """A session folder holding the demo company's 2026 and 2025 files."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, mode=0o700)
    files = {
        "natuursteen-van-dijk-zn-bv-2026.toml": demo_bytes(),
        "natuursteen-van-dijk-zn-bv-2025.toml": demo_previous_bytes(),
    }
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        os.utime(path, (FILE_TIMES[name], FILE_TIMES[name]))
    return folder


async def _quiet(pilot: Pilot[None]) -> None:
    """Let the screen settle and drop toasts (they would cover the screen in a picture)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


@dataclass(frozen=True)
class Scene:
    """One screenshot: how to start the app, what to press, at which size."""

    name: str
    description: str
    size: tuple[int, int]
    demo: bool = True
    keys: tuple[str, ...] = ()
    theme: str | None = None
    question: str | None = None

    def app(self, framework: Framework) -> TrustoneApp:
        return TrustoneApp(framework, demo=self.demo)

    async def setup(self, pilot: Pilot[None]) -> None:
        """Runs before the keys are pressed."""
        await _quiet(pilot)
        app = pilot.app
        if self.theme:
            app.theme = self.theme
        if self.question:
            trustone_app(app).jump_to(self.question)
        await _quiet(pilot)


#: The register of the register scene: the demo company's purchases (fictional), one line per
#: flow in the register's columns, as :func:`~trustone_tui.registerfile.read.parse_flow` reads.
SCENE_REGISTER = (
    "graniet;grijs;420;m2;nee;Steenhandel Noord BV;Havenweg 4, Groningen;NL;Xiamen Stone Co;"
    "Industrial Rd 12, Xiamen;CN;indirect;ja;Fujian G603 Quarry;Shuitou, Fujian;CN;nee;verbonden",
    "graniet;zwart;180;m2;nee;Steenhandel Noord BV;Havenweg 4, Groningen;NL;Xiamen Stone Co;"
    "Industrial Rd 12, Xiamen;CN;indirect;ja;Shanxi Black;;CN;nee;",
    "marmer;wit;95;m2;nee;Marmi Import;Via Roma 8, Carrara;IT;Segheria Apuana;"
    "Via Aurelia 3, Massa;IT;direct;ja;Cava Bianca;Colonnata;IT;ja;draagt bij",
    "hardsteen;blauw;260;m2;nee;;;BE;Carrières du Hainaut;Rue de la Pierre 1, Soignies;BE;direct;"
    "nee;Carrière de Soignies;Soignies;BE;nee;",
    "kwartsiet;groen;60;m2;nee;Stone Traders Ltd;MG Road 5, Bangalore;IN;Rajasthan Stones;"
    ";IN;indirect;nee;Udaipur Quarry;;IN;nee;veroorzaakt",
    "hardsteen;blauw;85;m2;ja;;;;;;;;nee;;;;nee;",
)


class RegisterScene(Scene):
    """The demo session with :data:`SCENE_REGISTER`, the register screen opened with ``k``."""

    async def setup(self, pilot: Pilot[None]) -> None:
        from trustone_tui.engine.register import COLUMNS, Register
        from trustone_tui.registerfile.read import parse_flow

        await super().setup(pilot)
        app = trustone_app(pilot.app)
        flows = []
        for line in SCENE_REGISTER:
            flow, problems = parse_flow(
                dict(zip(COLUMNS, line.split(";"), strict=True)), app.framework.countries
            )
            assert flow is not None, problems
            flows.append(flow)
        assert app.session is not None
        app.update_session(replace(app.session, register=Register("m2", tuple(flows))))
        await _quiet(pilot)


class OverviewScene(Scene):
    """The start screen's overview of the scene folder (``v``, Enter), once it has read it.

    The overview reads its folder in a worker started after its first paint, so the scene
    waits for the table itself rather than for a number of frames."""

    async def setup(self, pilot: Pilot[None]) -> None:
        from trustone_tui.tui.screens.overview import OverviewScreen

        await super().setup(pilot)
        await pilot.press("v", "enter")
        for _ in range(500):  # at most 5 s
            screen = pilot.app.screen
            if isinstance(screen, OverviewScreen) and screen.overview is not None:
                break
            await pilot.pause(0.01)
        await _quiet(pilot)


SCENES: tuple[Scene, ...] = (
    Scene("start", "Startscherm met recente sessies", (110, 30), demo=False),
    Scene("interview", "Interview (120x40)", (120, 40), question="1.1.5"),
    Scene("interview-wide", "Interview op een groot scherm (200x50)", (200, 50), question="2.1.1c"),
    Scene("interview-80x24", "Interview op 80x24", (80, 24), question="3.3.7"),
    Scene("interview-light", "Licht thema", (120, 40), theme="textual-light", question="1.2.14"),
    Scene("profile", "Bedrijfsprofiel", (120, 40), keys=("b",)),
    Scene("summary", "Samenvatting", (140, 50), keys=("s",)),
    Scene("help", "Hulp", (110, 50), keys=("f1",)),
    Scene(
        "what-if",
        "Wat-als met het plan toegepast",
        (140, 45),
        question="5.1",
        keys=("ctrl+p", *"plan toepassen", "enter"),
    ),
    OverviewScene("overview", "Overzicht van een map (secretariaat)", (120, 30), demo=False),
    RegisterScene("register", "Ketenoverzicht", (160, 45), question="2.1.1c", keys=("k",)),
)


async def capture(scene: Scene, framework: Framework) -> str:
    """The scene as SVG text."""
    app = scene.app(framework)
    async with app.run_test(size=scene.size) as pilot:
        await scene.setup(pilot)
        for key in scene.keys:
            await pilot.press(key)
            if key == "enter":
                await pilot.pause(0.3)
        await _quiet(pilot)
        return app.export_screenshot(title=f"trustone — {scene.description}")


def run_with_scene_data(coroutine: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run with ``$TRUSTONE_DATA_DIR`` pointing at the prepared example folder."""
    previous = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(prepare_data_dir())
    try:
        asyncio.run(coroutine())
    finally:
        if previous is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = previous


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0] if args else "screenshots")
    target.mkdir(parents=True, exist_ok=True)
    framework = default_framework()

    async def make_all() -> None:
        for scene in SCENES:
            svg = await capture(scene, framework)
            (target / f"{scene.name}.svg").write_text(svg, encoding="utf-8")
            print(f"{target / scene.name}.svg  {scene.description}")

    run_with_scene_data(make_all)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
