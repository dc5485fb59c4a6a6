"""The company profile: who is assessed, and which category and size (criteria variant) follow."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, RadioSet, Select, Static

from trustone_tui.engine.profilechange import profile_change
from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_EMPLOYEES,
    MAX_REVENUE_EUR,
    Company,
    Interview,
    Session,
    profile_of,
)
from trustone_tui.framework.profile import Profile, size_facts
from trustone_tui.text import formatting
from trustone_tui.text.plain import printable
from trustone_tui.text.words import quantity
from trustone_tui.tui.host import trustone_app
from trustone_tui.tui.sizes import NARROW_BELOW
from trustone_tui.tui.widgets.titlebar import TitleBar
from trustone_tui.tui.widgets.toggles import ChoiceButton


@dataclass(frozen=True, slots=True)
class ProfileResult:
    company: Company
    interview: Interview


#: The fields that can be in error, in the order of the form (the first gets the focus).
CHECKED_FIELDS = ("name", "risk", "employees", "revenue", "joined")


def _int_or_none(text: str) -> int | None:
    text = text.strip().replace(".", "").replace(" ", "")
    return int(text) if text.isdigit() else None


def whole_number_problem(text: str, what: str, maximum: int) -> str | None:
    """Why ``text`` is not a count for ``what`` (``het aantal werknemers``), or None."""
    text = text.strip().replace(".", "").replace(" ", "")
    if not text:
        return f"Vul {what} in."
    if text.startswith("-") and text[1:].isdigit():
        return f"{what[0].upper()}{what[1:]} kan niet negatief zijn."
    if not text.isdigit():
        return f"Vul {what} in als heel getal, zonder komma."
    if int(text) > maximum:
        return f"{what[0].upper()}{what[1:]} is hoogstens {maximum:,}.".replace(",", ".")
    return None


def error_line(field: str) -> Static:
    """The line under a field that says what is wrong with it (hidden while nothing is)."""
    line = Static(id=f"{field}-error", classes="form-error")
    line.display = False
    return line


class ProfileScreen(Screen[ProfileResult | None]):
    """Edit the profile; the right-hand side shows, live, what the profile means for scoring."""

    BINDINGS = [
        Binding("ctrl+s", "confirm", "Opslaan"),
        Binding("escape", "cancel", "Annuleren"),
    ]

    def __init__(self, session: Session | None) -> None:
        super().__init__()
        self.session = session
        #: True once the form was confirmed with problems: from then on they show live.
        self._checked = False

    def compose(self) -> ComposeResult:
        company = self.session.company if self.session else None
        interview = self.session.interview if self.session else Interview()
        yield TitleBar()
        with Horizontal(id="profile"):
            with VerticalScroll(id="profile-form"):
                yield Static("Bedrijfsprofiel", classes="form-title")
                yield Static("Naam van het bedrijf", classes="form-label")
                # A control character is shown as its escape (saved as that text).
                yield Input(
                    printable(company.name) if company else "",
                    id="name",
                    placeholder="bijv. Natuursteen Jansen B.V.",
                )
                yield error_line("name")
                yield Static(
                    "Importeert het bedrijf materialen die buiten de EER zijn gewonnen of "
                    "verwerkt?",
                    classes="form-label",
                )
                with RadioSet(id="risk"):
                    yield ChoiceButton(
                        "Ja, ook uit risicolanden (cat. C)",
                        value=bool(company and company.imports_from_risk_countries),
                        id="risk-yes",
                    )
                    yield ChoiceButton(
                        "Nee, alleen uit de EER (cat. B)",
                        value=bool(company and not company.imports_from_risk_countries),
                        id="risk-no",
                    )
                yield error_line("risk")
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Static("Aantal werknemers", classes="form-label")
                        yield Input(
                            str(company.employees) if company else "",
                            id="employees",
                            type="integer",
                            max_length=9,
                        )
                        yield error_line("employees")
                    with Vertical():
                        yield Static("Jaaromzet (euro)", classes="form-label")
                        yield Input(
                            str(company.revenue_eur) if company else "",
                            id="revenue",
                            type="integer",
                            max_length=14,
                        )
                        yield error_line("revenue")
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Static("Jaar van toetreding", classes="form-label")
                        yield Input(
                            str(company.joined_year) if company and company.joined_year else "",
                            id="joined",
                            type="integer",
                            placeholder="bijv. 2024",
                        )
                        yield error_line("joined")
                    with Vertical():
                        yield Static("Ingestroomd op niveau", classes="form-label")
                        yield Select(
                            [(f"niveau {n}", n) for n in range(1, 6)],
                            value=company.entry_level
                            if company and company.entry_level
                            else Select.NULL,
                            id="entry-level",
                            prompt="onbekend",
                        )
                yield Static("Interviewer", classes="form-label")
                yield Input(
                    printable(interview.interviewer),
                    id="interviewer",
                    placeholder="naam (optioneel)",
                )
                with Horizontal(classes="form-buttons"):
                    # The keys (Ctrl+S, Esc) are in the key bar; the labels stay uncut.
                    yield Button(
                        "Opslaan" if self.session else "Interview starten",
                        variant="primary",
                        id="confirm",
                    )
                    yield Button("Annuleren", id="cancel")
            yield VerticalScroll(Static(id="profile-effect"), id="profile-side")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        self.query_one("#name", Input).focus()
        self._update_effect()

    def on_resize(self, event: Resize) -> None:
        """Below 100 columns the form gets more of the width than the explanation."""
        self.set_class(event.size.width < NARROW_BELOW, "-narrow")

    # ------------------------------------------------------------------ reading the form

    def _company(self) -> tuple[Company | None, dict[str, str]]:
        """The company the form describes, or the problems per field (``CHECKED_FIELDS``)."""
        problems: dict[str, str] = {}
        name = self.query_one("#name", Input).value.strip()
        if not name:
            problems["name"] = "Vul de naam van het bedrijf in."
        risk = self.query_one("#risk", RadioSet).pressed_button
        if risk is None:
            problems["risk"] = "Kies of het bedrijf uit risicolanden importeert."
        counts = {
            "employees": ("het aantal werknemers", MAX_EMPLOYEES),
            "revenue": ("de jaaromzet in euro", MAX_REVENUE_EUR),
        }
        for field, (what, maximum) in counts.items():
            problem = whole_number_problem(self.query_one(f"#{field}", Input).value, what, maximum)
            if problem is not None:
                problems[field] = problem
        employees = _int_or_none(self.query_one("#employees", Input).value)
        revenue = _int_or_none(self.query_one("#revenue", Input).value)
        joined_text = self.query_one("#joined", Input).value.strip()
        joined = _int_or_none(joined_text)
        if joined_text and (joined is None or not FIRST_YEAR <= joined <= LAST_YEAR):
            problems["joined"] = (
                f"Het jaar van toetreding is een jaartal van {FIRST_YEAR} tot {LAST_YEAR}."
            )
        entry = self.query_one("#entry-level", Select).value
        if problems or risk is None or employees is None or revenue is None:
            return None, problems
        return Company(
            name=name,
            imports_from_risk_countries=risk.id == "risk-yes",
            employees=employees,
            revenue_eur=revenue,
            joined_year=joined,
            entry_level=entry if isinstance(entry, int) else None,
        ), {}

    def _show_problems(self, problems: dict[str, str]) -> None:
        """Each problem on the line under its field; fixed fields lose theirs."""
        for field in CHECKED_FIELDS:
            line = self.query_one(f"#{field}-error", Static)
            problem = problems.get(field)
            line.update(Content.styled(f"✗ {problem}", "bold $text-error") if problem else "")
            line.display = problem is not None
            self.query_one(f"#{field}").set_class(problem is not None, "-invalid")

    # ------------------------------------------------------------------ live effect

    @on(Input.Changed)
    @on(RadioSet.Changed)
    @on(Select.Changed)
    def _update_effect(self) -> None:
        company, problems = self._company()
        self.query_one("#profile-effect", Static).update(self._effect_text(company))
        if self._checked:  # after a first Ctrl+S, the problems follow the typing
            self._show_problems(problems)

    def _effect_text(self, company: Company | None) -> Content:
        framework = trustone_app(self).framework
        meta = framework.meta
        lines = [Content.styled("Wat het profiel betekent", "bold"), Content("")]
        if company is None:
            lines.append(
                Content.styled("Vul naam, categorie, werknemers en omzet in.", "$text-muted")
            )
        else:
            profile = profile_of(company, framework)
            lines += self._profile_lines(profile, company)
            if self.session is not None:
                lines += [Content(""), *self._change_lines(profile)]
        lines += [
            Content(""),
            Content.styled("Uit het beoordelingskader", "bold"),
            Content(f"Categorie B: {meta.categories['B'].description}."),
            Content(f"Categorie C: {meta.categories['C'].description}."),
            Content(meta.small_company.text),
        ]
        return Content("\n").join(lines)

    def _profile_lines(self, profile: Profile, company: Company) -> list[Content]:
        framework = trustone_app(self).framework
        facts = size_facts(company.employees, company.revenue_eur, framework.meta.small_company)
        size = (
            f"{quantity(facts.employees, 'werknemer', 'werknemers')} "
            f"{'<' if facts.few_employees else '≥'} "
            f"{facts.employees_below}, omzet {formatting.euros(facts.revenue_eur)} "
            f"{'≤' if facts.low_revenue else '>'} {formatting.euros(facts.revenue_at_most_eur)}"
        )
        questions = framework.scored_questions(profile.category)
        maximum = sum(q.max_for(profile.category) or 0 for q in questions)
        return [
            Content.assemble(
                "Categorie ",
                (profile.category, "bold reverse $accent"),
                " — ",
                framework.meta.categories[profile.category].short,
            ),
            Content.assemble("Omvang: ", (profile.size_label, "bold"), f" ({size})"),
            Content(
                f"{len(questions)} vragen tellen mee, samen {formatting.points(maximum)} punten."
            ),
        ]

    def _change_lines(self, new: Profile) -> list[Content]:
        """What changing the profile does to the criteria, the score and the counted answers."""
        session = self.session
        assert session is not None
        change = profile_change(trustone_app(self).framework, session, new)
        if change.unchanged:
            return [Content.styled("Het profiel blijft gelijk: dezelfde criteria.", "$text-muted")]

        def questions(count: int) -> str:
            return quantity(count, "vraag", "vragen")

        def score(a: Assessment) -> str:
            level = a.level.id if a.level else "geen niveau"
            return f"{formatting.points(a.points)}/{formatting.points(a.max_points)}, {level}"

        lines = [
            Content.styled("Bij deze wijziging", "bold"),
            Content(f"• van {change.old.label} naar {change.new.label}"),
            Content(f"• criteria veranderen bij {questions(len(change.criteria_changed))}"),
            Content(f"• score {score(change.before)} → {score(change.after)}"),
        ]
        dropped = change.no_longer_counted
        if dropped:
            count = "1 antwoord telt" if len(dropped) == 1 else f"{len(dropped)} antwoorden tellen"
            lines.append(
                Content(f"• {count} dan niet mee (ze blijven bewaard): " + ", ".join(dropped))
            )
        return lines

    # ------------------------------------------------------------------ closing

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        company, problems = self._company()
        if company is None:
            self._checked = True
            self._show_problems(problems)
            first = next(field for field in CHECKED_FIELDS if field in problems)
            self.query_one(f"#{first}").focus()
            self.call_after_refresh(self.query_one(f"#{first}-error").scroll_visible, animate=False)
            return
        interviewer = self.query_one("#interviewer", Input).value.strip()
        base = self.session.interview if self.session else Interview()
        self.dismiss(ProfileResult(company, replace(base, interviewer=interviewer)))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
