"""`codingpath match`: read a job posting, find its requirements, and check a person (or a team)
against them with the engine and planner the other commands use. Pure: prints nothing, and never
imports typer or rich.

- `posting`: the file as plain lines (text, Markdown, HTML);
- `units`, `vocabulary`, `experience`, `extract`: the requirements, each with its sentence;
- `evaluate`, `closing`, `resemble`: the verdict, the time to close each gap, the nearest role;
- `team`: the same for every person of a roster, streaming.
"""

from .evaluate import HONEST_NOTE, MatchResult, RequirementResult, Verdict, evaluate_posting
from .extract import extract_requirements
from .posting import MAX_BYTES, Posting, read_posting
from .requirements import Extraction, PostingRequirement

__all__ = [
    "HONEST_NOTE",
    "MAX_BYTES",
    "Extraction",
    "MatchResult",
    "Posting",
    "PostingRequirement",
    "RequirementResult",
    "Verdict",
    "evaluate_posting",
    "extract_requirements",
    "read_posting",
]
