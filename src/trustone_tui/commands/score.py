"""``trustone score FILE [FILE...] [--format text|json]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trustone_tui import formatting
from trustone_tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, framework_or_exit, load_all
from trustone_tui.engine.scoring import Assessment, LevelGap, assess
from trustone_tui.framework.bank import Framework
from trustone_tui.scorejson import score_json
from trustone_tui.session import Session


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone score",
        description="Score answer files: points, percentage, level and what the next level needs.",
        epilog="Files that cannot be read are reported on stderr (exit status 2); "
        "the other files are still scored.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="answer file (TOML)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    framework = framework_or_exit()
    as_array = args.format == "json" and len(args.files) > 1
    out = sys.stdout
    written = 0
    failed = False
    # Each file is written as soon as it is scored: memory stays flat however many files.
    for _path, session in load_all(args.files, framework):
        if session is None:
            failed = True
            continue
        assessment = assess(framework, session)
        if args.format == "text":
            out.write(("\n" if written else "") + text_summary(session, assessment, framework))
        elif as_array:
            # One company per line: json's fast C encoder only runs without indent, and
            # pretty-printing hundreds of files took longer than reading and scoring them.
            item = json.dumps(score_json(session, assessment), ensure_ascii=False)
            out.write(("[\n" if not written else ",\n") + item)
        else:
            item = json.dumps(score_json(session, assessment), ensure_ascii=False, indent=2)
            out.write(item + "\n")
        written += 1
    if as_array:
        out.write("\n]\n" if written else "[]\n")
    return EXIT_BAD_INPUT if failed else EXIT_OK


def gap_line(gap: LevelGap) -> str:
    """``C3: nog 12,5 punten; inzicht groeves +15 procentpunt; kernvragen 3.1.1, 3.1.2``."""
    needs = []
    if gap.points_needed:
        needs.append(f"nog {formatting.points(gap.points_needed)} punten")
    if gap.quarry_insight_needed:
        needs.append(f"inzicht groeves +{formatting.points(gap.quarry_insight_needed)} procentpunt")
    if gap.factory_insight_needed:
        needs.append(
            f"inzicht fabrieken +{formatting.points(gap.factory_insight_needed)} procentpunt"
        )
    if gap.core_questions_missing:
        needs.append("kernvragen op Ja: " + ", ".join(gap.core_questions_missing))
    return f"{gap.level.id}: " + ("; ".join(needs) if needs else "gehaald")


def text_summary(session: Session, assessment: Assessment, framework: Framework) -> str:
    profile = assessment.profile
    category = framework.meta.categories[profile.category].short
    level = assessment.level.id if assessment.level else "geen (onder niveau 1)"
    lines = [
        session.company.name,
        f"  Profiel:  {profile.label} ({category})",
        f"  Score:    {formatting.points(assessment.points)} van "
        f"{formatting.points(assessment.max_points)} punten "
        f"({formatting.percent(assessment.percentage)})",
        f"  Inzicht:  groeves {formatting.percent(assessment.quarry_insight)}, "
        f"fabrieken {formatting.percent(assessment.factory_insight)}",
        f"  Niveau:   {level}",
    ]
    gap = assessment.next
    lines.append(f"  Volgend:  {gap_line(gap)}" if gap else "  Volgend:  hoogste niveau bereikt")
    lines.append("")
    width = max(len(s.title) for s in assessment.steps) + 2
    lines.append(f"  {'Stap':<{width + 2}} {'Punten':>13}  {'Open':>4}")
    for step in assessment.steps:
        if not step.max_points and not step.open:
            continue
        score = f"{formatting.points(step.points)} / {formatting.points(step.max_points)}"
        lines.append(f"  {step.number} {step.title:<{width}} {score:>13}  {step.open:>4}")
    open_ids = [r.question.id for r in assessment.open_questions()]
    lines.append("")
    lines.append(f"  Open vragen ({len(open_ids)}): " + (", ".join(open_ids) or "geen"))
    return "\n".join(lines) + "\n"
