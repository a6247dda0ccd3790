"""Plain, frozen records of validated data: what the engine, the planner and the views read.

The pydantic models (`codingpath.models`) validate what a file or a person wrote; once valid, each
model becomes the record of the same name (`as_record`), with the same fields in the same order and
the same properties (the `*Methods` mixins below, which the models inherit too). A record is cheap to
create and to unpickle and needs no pydantic at all, so a command answered from cached data and a
profile read by the quick validator (`load.quick_profile`) never import it: pydantic's import and
its first model cost more than the rest of such a run.

A record stands in for its model: the core is typed with the models, and `as_record` returns the
record under its model's type. It offers what the core uses of a model beyond its fields:
`model_copy(update=...)` and `model_dump(mode=..., exclude=...)`, equality and hashing by value.
`tests/core/test_records.py` holds every record to its model: fields, defaults, properties, dumps.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, TypeGuard, TypeVar

if TYPE_CHECKING:
    from . import models

__all__ = ["RECORD_CLASSES", "REQUIRED", "Record", "as_record", "is_requirement", "new_record"]

M = TypeVar("M")
REQUIRED: Any = object()  # a field without a default: construction must give it
RECORD_CLASSES: dict[str, type[Record]] = {}  # model name -> record class


class Record:
    """A frozen bag of validated field values, in the model's field order."""

    own_fields: ClassVar[dict[str, Any]] = {}  # this class's own fields and defaults (REQUIRED: none)
    record_fields: ClassVar[dict[str, Any]] = {}  # every field, inherited ones first, as pydantic orders them

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        merged: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            merged.update(klass.__dict__.get("own_fields", {}))
        cls.record_fields = merged
        RECORD_CLASSES[cls.__name__] = cls

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - self.record_fields.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        state = {name: values.get(name, default) for name, default in self.record_fields.items()}
        missing = [name for name, value in state.items() if value is REQUIRED]
        if missing:
            raise TypeError(f"{type(self).__name__} needs {missing[0]!r}")
        self.__dict__.update(state)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: use model_copy(update=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({shown})"

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with some fields replaced, unvalidated, as pydantic's `model_copy` does."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(update or {})
        return copy

    def model_dump(self, *, mode: str = "python", exclude: set[str] | None = None) -> dict[str, Any]:
        """The fields as plain values, as pydantic dumps them: in "json" mode tuples become lists
        and dates ISO strings."""
        json = mode == "json"
        return {name: _dump(value, json) for name, value in self.__dict__.items()
                if not exclude or name not in exclude}


def _dump(value: Any, json: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode="json" if json else "python")
    if isinstance(value, tuple):
        items = [_dump(item, json) for item in value]
        return items if json else tuple(items)
    if json and isinstance(value, date):
        return value.isoformat()
    return value


def as_record(model: M) -> M:
    """The record of a validated model (nested models too), typed as the model it stands in for."""
    return _as_record(model)  # type: ignore[no-any-return]


def new_record(model_name: str, **values: Any) -> Any:
    """A record built in code rather than from a validated model (a planned step's credential),
    typed as whatever model the caller declares; fields are checked by name, not validated."""
    return RECORD_CLASSES[model_name](**values)


_PLAIN = frozenset({str, int, float, bool, type(None), date})


def _as_record(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        return tuple(map(_as_record, value))
    record_class = RECORD_CLASSES.get(kind.__name__)
    if record_class is None or not hasattr(kind, "model_fields"):  # a record already, or not a model
        return value
    # A pydantic model keeps its field values in its __dict__, in field order.
    record = object.__new__(record_class)
    record.__dict__.update({name: _as_record(field) for name, field in vars(value).items()})
    return record


# -- what a model offers beyond its fields: inherited by the model and by its record ----------------

class SourceMethods:
    if TYPE_CHECKING:  # the model's fields it reads; not annotations pydantic would collect
        as_of: str

    @property
    def year(self) -> int | None:
        """The year the source states, or None when undated."""
        return None if self.as_of == "undated" else int(self.as_of[:4])


class SourcedMethods:
    if TYPE_CHECKING:  # the model's fields it reads; not annotations pydantic would collect
        confidence: str

    @property
    def confirmed(self) -> bool:
        return self.confidence != "unconfirmed"


class RequirementMethods:
    if TYPE_CHECKING:  # the model's fields it reads; not annotations pydantic would collect
        education: str | None
        credentials: tuple[tuple[str, ...], ...]
        experience: tuple[Any, ...]
        training: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.education or self.credentials or self.experience or self.training)


def is_requirement(value: object) -> TypeGuard[models.Requirement]:
    """Whether `value` is a requirement, as a record or a model (a planned exam's action carries the
    eligibility route it used)."""
    return isinstance(value, RequirementMethods)


class FeeMethods:
    if TYPE_CHECKING:  # the model's fields it reads; not annotations pydantic would collect
        usd: float | None
        non_member_usd: float | None

    @property
    def planning_usd(self) -> float | None:
        """The figure a plan adds up: the single price, else the non-member price."""
        return self.usd if self.usd is not None else self.non_member_usd


class CredentialMethods:
    if TYPE_CHECKING:  # the model's fields it reads; not annotations pydantic would collect
        status: Any

    @property
    def offered(self) -> bool:
        """False when the exam is believed retired: a plan must not schedule it."""
        return self.status is None or self.status.state == "offered"


class ProfileMethods:
    if TYPE_CHECKING:  # the model's fields it reads; not annotations pydantic would collect
        credentials: tuple[Any, ...]

    def holds(self, credential_id: str) -> Any:
        """The held credential with this id, if any."""
        return next((c for c in self.credentials if c.id == credential_id), None)


# -- the records: one per model, same name, same fields (`record_fields` merges the inherited ones) ------

class Source(Record, SourceMethods):
    own_fields = {"url": REQUIRED, "as_of": REQUIRED, "retrieved": None, "note": None}


class Sourced(Record, SourcedMethods):
    own_fields = {"confidence": REQUIRED, "sources": REQUIRED, "note": None}


class ExperienceRule(Record):
    own_fields = {"years": REQUIRED, "tracks": (), "roles": (), "label": REQUIRED}


class Requirement(Record, RequirementMethods):
    own_fields = {"description": None, "education": None, "cahiim_accredited": False, "credentials": (),
                  "experience": (), "training": (), "full_credential": False}


class Eligibility(Sourced):
    own_fields = {"routes": (), "conditions": ()}


class Recommendation(Sourced):
    own_fields = {"routes": REQUIRED}


class Apprentice(Sourced):
    own_fields = {"designation": REQUIRED, "applies_when": REQUIRED, "removal": REQUIRED}


class Fee(Sourced, FeeMethods):
    own_fields = {"usd": None, "member_usd": None, "non_member_usd": None}


class Exam(Sourced):
    own_fields = {"questions": None, "duration_hours": None, "retake_wait_days": None}


class Renewal(Sourced):
    own_fields = {"cycle_years": REQUIRED, "ceus": None, "ceu_note": None, "specific_ceus": None,
                  "specific_subject": None}


class Study(Sourced):
    own_fields = {"hours": REQUIRED}


class Introduced(Sourced):
    own_fields = {"year": REQUIRED}


class CredentialStatus(Sourced):
    own_fields = {"state": REQUIRED}


class Credential(Record, CredentialMethods):
    own_fields = {"id": REQUIRED, "name": REQUIRED, "body": REQUIRED, "focus": REQUIRED, "specialty": False,
                  "summary": REQUIRED, "eligibility": REQUIRED, "recommended": None, "apprentice": None,
                  "renewal": REQUIRED, "exam": None, "fee": None, "study": REQUIRED, "introduced": None,
                  "replaces": (), "status": None}


class Training(Record):
    own_fields = {"id": REQUIRED, "name": REQUIRED, "hours": REQUIRED, "cost_usd": None, "provenance": REQUIRED}


class Pace(Sourced):
    own_fields = {"years": REQUIRED}


class EducationProgram(Record):
    own_fields = {"level": REQUIRED, "years": REQUIRED, "from_level": "high-school", "name": None,
                  "kind": "degree", "cahiim_accredited": False, "part_time": None, "provenance": REQUIRED}


class Occupation(Record):
    own_fields = {"code": REQUIRED, "title": REQUIRED, "median_pay_usd": None, "pay_year": None,
                  "employment": None, "employment_year": None, "outlook": None, "provenance": REQUIRED}


class RoleRequirements(Requirement, Sourced):
    pass


class CreditedTracks(Sourced):
    own_fields = {"tracks": REQUIRED}


class Role(Record):
    own_fields = {"id": REQUIRED, "title": REQUIRED, "aliases": (), "tier": REQUIRED, "tracks": REQUIRED,
                  "summary": REQUIRED, "requirements": REQUIRED, "preferred_credentials": (), "leads_to": (),
                  "occupation": None, "stepping_stone": True, "credited_tracks": None}


class Body(Record):
    own_fields = {"name": REQUIRED, "domains": REQUIRED}


class EducationRecord(Record):
    own_fields = {"level": "none", "field": None, "cahiim_accredited": False}


class HeldCredential(Record):
    own_fields = {"id": REQUIRED, "earned": None, "apprentice": False}


class ExperienceEntry(Record):
    own_fields = {"role": REQUIRED, "years": None, "start": None, "end": None}


class CeuEntry(Record):
    own_fields = {"date": REQUIRED, "hours": REQUIRED, "description": None, "credential": None}


class Profile(Record, ProfileMethods):
    own_fields = {"name": None, "education": REQUIRED, "credentials": (), "experience": (), "training": (),
                  "current_role": None, "target_role": None, "ceus": ()}
