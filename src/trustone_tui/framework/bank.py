"""Load ``questions/`` into a checked, indexed :class:`Framework`.

Loading validates each file with pydantic and then checks how the files fit together
(ids, parents, audiences, rules, bands, levels). Any problem raises :class:`FrameworkError`
whose lines name the file and the key.
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from trustone_tui.framework.countries import Countries, load_countries
from trustone_tui.framework.digest import sha256
from trustone_tui.framework.model import (
    Audience,
    Category,
    CriteriaVariant,
    ElementRule,
    FrameworkFile,
    Level,
    Question,
    Section,
    StepFile,
)
from trustone_tui.framework.profile import ALL_PROFILES, Profile
from trustone_tui.framework.source import QUESTIONS_ENV as QUESTIONS_ENV
from trustone_tui.framework.source import FrameworkError as FrameworkError
from trustone_tui.framework.source import bank_directory as bank_directory


class Framework:
    """The whole framework, checked and indexed for fast lookups."""

    def __init__(
        self,
        meta: FrameworkFile,
        steps: tuple[StepFile, ...],
        fingerprint: str,
        countries: Countries,
    ) -> None:
        self.meta = meta
        self.steps = steps
        self.fingerprint = fingerprint
        #: The countries a supply-chain register names (``countries.toml``).
        self.countries = countries
        self.questions: dict[str, Question] = {q.id: q for s in steps for q in s.questions}
        self.sections: dict[str, Section] = {sec.id: sec for s in steps for sec in s.sections}
        self.audiences: dict[str, Audience] = {a.key: a for a in meta.audiences}
        self.levels: dict[Category, tuple[Level, ...]] = {
            category: tuple(
                sorted(
                    (lv for lv in meta.levels if lv.category == category), key=lambda lv: lv.rank
                )
            )
            for category in ("B", "C")
        }
        # Computed once: the engine asks for these for every session it scores.
        self._scored: dict[Category | None, tuple[Question, ...]] = {
            category: tuple(
                q
                for q in self.questions.values()
                if q.is_scored and (category is None or q.max_for(category) is not None)
            )
            for category in (None, "B", "C")
        }
        self._core: dict[tuple[tuple[int, ...], Category], tuple[Question, ...]] = {}
        self._criteria: dict[tuple[str, str], CriteriaVariant] = {}
        self._rules: dict[tuple[str, str], ElementRule] = {}
        for question in self.questions.values():
            if not question.is_scored:
                continue
            source = self.questions.get(question.criteria_from or question.id, question)
            for profile in ALL_PROFILES:
                matches = [v for v in source.criteria if self._audience_has(v.audience, profile)]
                if len(matches) == 1:
                    variant = matches[0]
                    self._criteria[question.id, profile.key] = variant
                    rule = question.rules.get(variant.audience)
                    if rule is not None:
                        self._rules[question.id, profile.key] = rule

    @property
    def version(self) -> str:
        return self.meta.version

    def _audience_has(self, audience: str, profile: Profile) -> bool:
        known = self.audiences.get(audience)
        return known is not None and profile.key in known.profiles

    def scored_questions(self, category: Category | None = None) -> list[Question]:
        """Scored questions in framework order; for a category, only those counted for it."""
        return list(self._scored[category])

    def criteria(self, question_id: str, profile: Profile) -> CriteriaVariant:
        """The criteria variant that applies to this profile (scored questions only)."""
        return self._criteria[question_id, profile.key]

    def rule(self, question_id: str, profile: Profile) -> ElementRule | None:
        """The element rule that suggests an answer for this profile, if the bank has one."""
        return self._rules.get((question_id, profile.key))

    def step_of(self, question: Question) -> StepFile:
        return self.steps[question.step - 1]

    def children(self, header_id: str) -> list[Question]:
        return [q for q in self.questions.values() if q.parent == header_id]

    def core_questions(self, levels: Iterable[int], category: Category) -> list[Question]:
        key = (tuple(sorted(set(levels))), category)
        found = self._core.get(key)
        if found is None:
            wanted = set(key[0])
            found = tuple(q for q in self._scored[category] if wanted.intersection(q.core_levels))
            self._core[key] = found
        return list(found)


def _read_toml(path: Path) -> tuple[dict[str, Any], bytes]:
    """The file's TOML, and its bytes (for the bank's fingerprint)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FrameworkError([f"{path}: file not found"]) from None
    try:
        return tomllib.loads(data.decode()), data
    except UnicodeDecodeError as exc:
        raise FrameworkError([f"{path}: not UTF-8 text (byte {exc.start})"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError([f"{path}: invalid TOML: {exc}"]) from None


def load_framework(directory: Path | None = None) -> Framework:
    """Read, validate and cross-check the bank (default directory: :func:`bank_directory`)."""
    from trustone_tui.framework.validation import validate_table  # imports pydantic

    directory = directory or bank_directory()
    digest = sha256()
    meta_path = directory / "framework.toml"
    raw_meta, data = _read_toml(meta_path)
    digest.update(data)
    meta, problems = validate_table(FrameworkFile, raw_meta, meta_path)
    if meta is None:
        raise FrameworkError(problems)
    steps: list[StepFile] = []
    for name in meta.steps:
        step_path = directory / name
        raw, data = _read_toml(step_path)
        digest.update(data)
        step, step_problems = validate_table(StepFile, raw, step_path)
        problems.extend(step_problems)
        if step is not None:
            steps.append(step)
    if problems:
        raise FrameworkError(problems)
    problems = check_consistency(meta, steps, directory)
    if problems:
        raise FrameworkError(problems)
    countries = load_countries(directory)
    return Framework(meta, tuple(steps), digest.hexdigest()[:16], countries)


def check_consistency(meta: FrameworkFile, steps: list[StepFile], directory: Path) -> list[str]:
    """Problems in how the validated files fit together (empty when the bank is sound)."""
    problems: list[str] = []
    audiences = {a.key: a for a in meta.audiences}
    questions: dict[str, Question] = {}
    where: dict[str, str] = {}
    for index, step in enumerate(steps, start=1):
        fname = str(directory / meta.steps[index - 1])
        if step.number != index:
            problems.append(f"{fname}: number: expected {index} (the {index}th file in steps)")
        section_ids = {s.id for s in step.sections}
        for q in step.questions:
            label = f"{fname}: questions ({q.id})"
            if q.id in questions:
                problems.append(f"{label}: id already used in {where[q.id]}")
            questions[q.id] = q
            where[q.id] = fname
            if q.step != step.number:
                problems.append(f"{label}: id does not start with step {step.number}")
            if q.section is not None:
                if q.section not in section_ids:
                    problems.append(f"{label}.section: no section {q.section} in this step")
                elif not q.id.startswith(q.section + "."):
                    problems.append(f"{label}.section: id is not inside section {q.section}")
            elif step.sections:
                problems.append(f"{label}.section: missing (this step has sections)")
    for qid, q in questions.items():
        label = f"{where[qid]}: questions ({qid})"
        problems.extend(_check_question(label, q, questions, audiences))
    problems.extend(_check_levels(meta, questions, directory / "framework.toml"))
    return problems


def _check_question(
    label: str, q: Question, questions: dict[str, Question], audiences: dict[str, Audience]
) -> list[str]:
    problems: list[str] = []
    if q.parent is not None:
        parent = questions.get(q.parent)
        if parent is None or parent.kind != "header":
            problems.append(f"{label}.parent: {q.parent} is not a header question")
    if not q.is_scored:
        return problems
    source = q
    if q.criteria_from is not None:
        if q.criteria:
            problems.append(f"{label}: has criteria and criteria_from; use one")
        source = questions.get(q.criteria_from)  # type: ignore[assignment]
        if source is None or not source.criteria:
            return [*problems, f"{label}.criteria_from: {q.criteria_from} has no criteria"]
    for variant in source.criteria:
        if variant.audience not in audiences:
            problems.append(f"{label}.criteria: unknown audience {variant.audience!r}")
    for profile in ALL_PROFILES:
        n = sum(
            1
            for v in source.criteria
            if v.audience in audiences and profile.key in audiences[v.audience].profiles
        )
        if n != 1:
            problems.append(
                f"{label}.criteria: {n} variants apply to {profile.key}, need exactly 1"
            )
    if q.max_b is None and q.max_c is None:
        problems.append(f"{label}: no maximum for any category")
    for variant in source.criteria:
        problems.extend(_check_variant(f"{label}.criteria[{variant.audience}]", q, variant))
    variant_audiences = {v.audience for v in source.criteria}
    group_keys = {g.key for g in q.element_groups}
    for audience, rule in q.rules.items():
        rlabel = f"{label}.rules.{audience}"
        if audience not in variant_audiences:
            problems.append(f"{rlabel}: no criteria variant for this audience")
        for cond in (*rule.gedeeltelijk, *rule.ja):
            if group_keys and cond.group not in group_keys:
                problems.append(f"{rlabel}: condition needs a group of {sorted(group_keys)}")
            if not group_keys and cond.group is not None:
                problems.append(f"{rlabel}: group {cond.group!r} but the question has no groups")
            bad = [n for n in cond.of if not 1 <= n <= len(q.elements)]
            if bad:
                problems.append(f"{rlabel}: elements {bad} do not exist (1-{len(q.elements)})")
    return problems


def _check_variant(label: str, q: Question, variant: CriteriaVariant) -> list[str]:
    problems: list[str] = []
    if q.kind == "band":
        if not variant.bands:
            return [f"{label}: a band question needs bands"]
        bands = variant.bands
        if bands[0].min != 0 or bands[-1].below is not None:
            problems.append(f"{label}.bands: must run from 0 to 100 inclusive")
        for prev, nxt in itertools.pairwise(bands):
            if prev.below != nxt.min:
                problems.append(
                    f"{label}.bands: gap or overlap between {prev.label} and {nxt.label}"
                )
            if nxt.points < prev.points:
                problems.append(f"{label}.bands: points fall from {prev.label} to {nxt.label}")
        for category in ("B", "C"):
            top = q.max_for(category)
            if top is not None and bands[-1].points > top:
                problems.append(f"{label}.bands: more points than the {category} maximum {top}")
    elif variant.bands:
        problems.append(f"{label}: only band questions have bands")
    if (q.kind == "percentage") != variant.has_percentage_rule:
        problems.append(f"{label}: gedeeltelijk_from/ja_above belong to percentage questions only")
    return problems


def _check_levels(meta: FrameworkFile, questions: dict[str, Question], fname: Path) -> list[str]:
    problems: list[str] = []
    for key in ("quarry_question", "factory_question"):
        qid = getattr(meta.insight, key)
        if qid not in questions or questions[qid].kind != "band":
            problems.append(f"{fname}: insight.{key}: {qid} is not a band question")
    for category in ("B", "C"):
        ranks = sorted(lv.rank for lv in meta.levels if lv.category == category)
        if ranks != list(range(1, len(ranks) + 1)):
            problems.append(f"{fname}: levels: category {category} ranks are not 1..n: {ranks}")
    for level in meta.levels:
        for core in level.core_levels:
            if not any(
                core in q.core_levels and q.max_for(level.category) is not None
                for q in questions.values()
            ):
                problems.append(f"{fname}: levels ({level.id}): no core questions for level {core}")
    return problems
