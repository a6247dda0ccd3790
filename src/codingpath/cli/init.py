"""`codingpath init`: write a profile by answering questions (or from an answers file, or flags)."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .app import app, say
from .completion import complete_credential, complete_role
from .options import DataOption, command_inputs, load_data, today

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from ..catalog import Catalog
    from ..load.questionnaire import Answers
    from ..render.fileio import OutputFile


FileArgument = Annotated[str, typer.Argument(metavar="FILE", help="The profile to write ('-' prints it).")]
FromAnswersOption = Annotated[Path | None, typer.Option(
    "--from-answers", metavar="FILE", help="Take every answer from this YAML file instead of asking (see the README).",
    show_default=False)]
EducationOption = Annotated[str | None, typer.Option(
    "--education", metavar="LEVEL", help="none, high-school, associate, bachelor, master or doctorate.",
    show_default=False)]
CahiimOption = Annotated[bool | None, typer.Option(
    "--cahiim/--no-cahiim", help="The degree is from a CAHIIM-accredited HIM programme.", show_default=False)]
CredentialsOption = Annotated[list[str] | None, typer.Option(
    "--credential", "-c", metavar="ID[=DATE]", help="A credential held: CPC, CPC-A, or CPC=2021-06 with the "
    "date earned; repeat.", autocompletion=complete_credential, show_default=False)]
ExperienceOption = Annotated[list[str] | None, typer.Option(
    "--experience", "-e", metavar="ROLE=WHEN",
    help="ROLE=YEARS or ROLE=YYYY-MM[..YYYY-MM], e.g. medical-coder=2021-09; repeat.", show_default=False)]
CurrentRoleOption = Annotated[str | None, typer.Option(
    "--current-role", metavar="ROLE", help="Your current role (id or title).", autocompletion=complete_role,
    show_default=False)]
TargetRoleOption = Annotated[str | None, typer.Option(
    "--target-role", metavar="ROLE", help="The role you aim for (id or title).", autocompletion=complete_role,
    show_default=False)]


@app.command("init")
def init_command(
    file: FileArgument = "profile.yaml",
    from_answers: FromAnswersOption = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ask nothing: use the flags only.")] = False,
    name: Annotated[str | None, typer.Option("--name", metavar="NAME", help="Your name.", show_default=False)] = None,
    education: EducationOption = None,
    cahiim: CahiimOption = None,
    credential: CredentialsOption = None,
    experience: ExperienceOption = None,
    current_role: CurrentRoleOption = None,
    target_role: TargetRoleOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file (a .bak copy is kept).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No explanations and no summary.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Explain each question; show the profile written.")] = False,
    data: DataOption = None,
) -> None:
    """Create your profile: a short questionnaire that offers the credentials and roles in the data,
    checks each answer as you type it, and writes a profile every command reads. It never replaces
    an existing file unless you add --force. For scripts: --from-answers FILE, or flags with --no-input.

    Example: codingpath init me.yaml
    """
    from ..load.answers_file import answers_from_document
    from ..load.profiles import profile_from_data
    from ..load.questionnaire import Answers, build_profile, profile_yaml
    from ..load.yamlio import load_yaml
    from ..render.fileio import OutputFile

    # Checked before any question is asked: a refused FILE should not cost the user their answers.
    target = OutputFile(file, force=force, inputs=command_inputs(from_answers, data=data)) if file != "-" else None
    catalog = load_data(data)
    when = today()
    answers = answers_from_document(load_yaml(from_answers), catalog, when) if from_answers else Answers()
    _apply_flags(answers, catalog, when, name=name, education=education, cahiim=cahiim, credential=credential,
                 experience=experience, current_role=current_role, target_role=target_role)
    if not (no_input or from_answers):
        Questionnaire(catalog, when, quiet=quiet, verbose=verbose).run(answers)
    profile = build_profile(answers)
    loaded = profile_from_data(profile, file, catalog, when)  # the check every command makes
    say(*(warning.line_for_stderr() for warning in loaded.warnings))
    _write_profile(profile_yaml(profile, when), file, target, quiet=quiet, verbose=verbose)


def _write_profile(text: str, file: str, target: OutputFile | None, *, quiet: bool, verbose: bool) -> None:
    """To standard output for '-'; else to the file (`target`, checked before any question)."""
    if target is None:
        sys.stdout.write(text)
        return
    with target as handle:
        handle.write(text)
    if verbose:
        sys.stderr.write(text)
    if not quiet:
        kept = f" (the previous file is kept as {target.backup})" if target.backup else ""
        say(f"wrote {file}{kept}", f"next: codingpath next --profile {file}")


def _apply_flags(answers: Answers, catalog: Catalog, when: date, **flags: Any) -> None:
    """Flags answer their questions (overriding an answers file); a bad one is a usage error."""
    from ..load.questionnaire import (
        AnswerError,
        parse_credentials,
        parse_date,
        parse_education,
        parse_experience,
        parse_name,
        parse_role,
    )

    def use(option: str, key: str, parse: Callable[[], Any]) -> Any:
        try:
            value = parse()
        except AnswerError as exc:
            raise typer.BadParameter(str(exc), param_hint=option) from None
        answers.answered.add(key)
        return value

    if flags["name"] is not None:
        answers.name = use("--name", "name", lambda: parse_name(flags["name"]))
    if flags["education"] is not None:
        answers.education = use("--education", "education", lambda: parse_education(flags["education"]))
    if flags["cahiim"] is not None:
        answers.cahiim_accredited = use("--cahiim", "cahiim_accredited", lambda: flags["cahiim"])
    if flags["credential"]:
        held = []
        for text in flags["credential"]:
            cid, _, earned = text.partition("=")
            item = use("--credential", "credentials", partial(parse_credentials, cid, catalog))
            for h in item:
                h.earned = use("--credential", "credentials", partial(parse_date, earned, when, what="earned date"))
            held += item
        answers.credentials = held
        if all(h.earned is not None for h in held):
            answers.answered.add("earned")  # otherwise the questionnaire asks for the missing dates
    if flags["experience"]:
        answers.experience = [use("--experience", "experience", partial(parse_experience, t, catalog, when))
                              for t in flags["experience"]]
    for option, key in (("--current-role", "current_role"), ("--target-role", "target_role")):
        if flags[key] is not None:
            setattr(answers, key, use(option, key, partial(parse_role, flags[key], catalog)))


class Questionnaire:
    """Asks the questions not yet answered, on standard error, re-asking until an answer is usable."""

    def __init__(self, catalog: Catalog, when: date, *, quiet: bool, verbose: bool) -> None:
        from rich.console import Console

        self.catalog, self.when, self.quiet, self.verbose = catalog, when, quiet, verbose
        self.console: Console = Console(stderr=True, highlight=False)

    # -- asking ----------------------------------------------------------------------------------
    def say(self, text: str, *, style: str | None = None, always: bool = False) -> None:
        """A line of the questionnaire; titles from an overlay show their control characters."""
        from ..render.escape import terminal

        if always or not self.quiet:
            self.console.print(terminal(text), style=style, markup=False, highlight=False)

    def ask(self, prompt: str, parse: Callable[[str], Any], *, default: str = "", explain: str = "",
            listing: Callable[[], str] | None = None) -> Any:
        """Ask until `parse` accepts the answer; '?' shows `listing`; Enter takes `default`."""
        from ..errors import InputError
        from ..load.questionnaire import AnswerError

        if explain and self.verbose:
            self.say(explain, style="dim")
        from rich.text import Text

        from ..render.escape import terminal

        shown = Text(terminal(prompt + (f" [{default}]" if default else "") + ": "))  # Text: no markup in prompts
        while True:
            try:
                text = self.console.input(shown)
            except EOFError:
                self.console.print()  # end the prompt's line, so the error stands on its own
                raise InputError("standard input ended before the questionnaire was finished; "
                                 "for scripts use --from-answers FILE, or flags with --no-input") from None
            text = text.strip() or default
            if text == "?" and listing is not None:
                self.say(listing(), always=True)
                continue
            try:
                return parse(text)
            except AnswerError as exc:
                self.say(f"  {exc} (try again" + ("; '?' lists the choices)" if listing else ")"),
                         style="red", always=True)

    def recheck(self, answers: Answers, prefix: str) -> list[str]:
        """Errors the profile reader finds under `prefix` (shown; the caller asks again), warnings shown."""
        from ..load.questionnaire import check_answers

        errors = []
        for problem in check_answers(answers, self.catalog, self.when):
            if not (problem.field or "").startswith(prefix):
                continue
            if problem.severity == "error":
                errors.append(problem.message)
                self.say(f"  {problem.message} (try again)", style="red", always=True)
            else:
                self.say(f"  note: {problem.message}", style="yellow")
        return errors

    # -- the questions -----------------------------------------------------------------------------
    def run(self, answers: Answers) -> None:
        from ..load.questionnaire import parse_education, parse_name, parse_yes_no
        from ..taxonomy import EDUCATION_LEVELS

        c = self.catalog
        self.say("A few questions to write your profile. Press Enter to skip one; '?' lists choices.")
        if "name" not in answers.answered:
            answers.name = self.ask("Your name (optional)", parse_name)
        if "education" not in answers.answered:
            levels = ", ".join(f"{i} {level}" for i, level in enumerate(EDUCATION_LEVELS, 1))
            self.say(f"Education: {levels}")
            answers.education = self.ask("Highest education (number or name)", parse_education, default="high-school",
                                         explain="Some credentials and roles ask for a degree (RHIT: associate).")
        if answers.wants_degree_questions():
            if "cahiim_accredited" not in answers.answered:
                answers.cahiim_accredited = self.ask(
                    "Was it a CAHIIM-accredited HIM programme? (y/n)", parse_yes_no, default="n",
                    explain="RHIT and RHIA need a CAHIIM-accredited health information management programme.")
            if "field" not in answers.answered:
                answers.field = self.ask("Field of study (optional)", parse_name)
        if "credentials" not in answers.answered:
            self._credentials(answers)
        if "earned" not in answers.answered:
            self._earned(answers)
        if "experience" not in answers.answered:
            self._experience(answers)
        if "training" not in answers.answered and c.trainings:
            self._training(answers)
        if "current_role" not in answers.answered:
            ongoing = [e.role for e in answers.experience if e.start and not e.end]
            answers.current_role = self._role("Your current role (blank for none)",
                                              ongoing[-1] if len(ongoing) == 1 else "", answers, "current_role")
        if "target_role" not in answers.answered:
            answers.target_role = self._role("The role you are aiming for (blank for none)", "", answers, "target_role")

    def _credentials(self, answers: Answers) -> None:
        from ..load.questionnaire import parse_credentials

        by_body: dict[str, list[str]] = {}
        for credential in self.catalog.credentials.values():
            by_body.setdefault(credential.body, []).append(credential.id)
        # Wrapped to fit 80 columns: AAPC alone has over twenty credentials.
        listing = "\n".join(textwrap.fill(f"  {body}: {' '.join(ids)}", width=78, subsequent_indent="    ",
                                           break_on_hyphens=False) for body, ids in by_body.items())
        self.say("Credentials in the data:\n" + listing)
        while True:
            answers.credentials = self.ask("Credentials you hold, comma-separated (CPC-A for an apprentice; "
                                           "blank for none)", lambda t: parse_credentials(t, self.catalog),
                                           listing=lambda: listing)
            if not self.recheck(answers, "credentials"):
                return

    def _earned(self, answers: Answers) -> None:
        from ..load.questionnaire import parse_date

        for held in answers.credentials:
            while held.earned is None:
                held.earned = self.ask(f"When did you earn {held.id}? (YYYY-MM or YYYY-MM-DD; blank if unsure)",
                                       lambda t: parse_date(t, self.when, what="earned date"),
                                       explain="The date starts the renewal cycle `codingpath renewals` counts.")
                if held.earned is None or not self.recheck(answers, "credentials"):
                    break
                held.earned = None

    def _experience(self, answers: Answers) -> None:
        from ..load.questionnaire import Experience, parse_role, parse_when

        self.say("Work experience, one role at a time (type '?' to list the roles; blank when done).")
        while True:
            role = self.ask("Role (id or title)", lambda t: parse_role(t, self.catalog), listing=self._role_listing)
            if role is None:
                return
            title = self.catalog.roles[role].title
            years, start, end = self.ask(f"How long as {title}? years (3.5), a start month (2021-09) or "
                                         "a span (2019-01..2021-06)", lambda t: parse_when(t, self.when))
            answers.experience.append(Experience(role, years, start, end))
            if self.recheck(answers, "experience"):
                answers.experience.pop()

    def _training(self, answers: Answers) -> None:
        from ..load.questionnaire import parse_training

        listing = "\n".join(f"  {t.id}: {t.name}" for t in self.catalog.trainings.values())
        answers.training = self.ask("Courses completed (ids, comma-separated; '?' lists them; blank for none)",
                                    lambda t: parse_training(t, self.catalog), listing=lambda: listing)

    def _role(self, prompt: str, default: str, answers: Answers, key: str) -> str | None:
        from ..load.questionnaire import parse_role

        while True:
            value: str | None = self.ask(prompt, lambda t: parse_role(t, self.catalog), default=default,
                                         listing=self._role_listing)
            setattr(answers, key, value)
            if not self.recheck(answers, key):
                return value

    def _role_listing(self) -> str:
        from ..taxonomy import TIERS

        return "\n".join(f"  {tier}: " + ", ".join(sorted(r.id for r in self.catalog.roles_in_tier(tier)))
                         for tier in TIERS)
