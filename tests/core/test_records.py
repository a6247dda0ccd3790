"""Every record stands in for its model: the same fields in the same order with the same defaults,
the same properties, the same dumps, equality by value, frozen, and no pydantic needed to read one."""

from __future__ import annotations

import inspect
import pickle
import subprocess
import sys
from datetime import date

import pydantic
import pytest
import yaml
from conftest import ROOT

from codingpath import models, records
from codingpath.models import CredentialsFile, RolesFile
from codingpath.records import REQUIRED, Record, as_record, is_requirement, new_record
from codingpath.renewals import POOLING

FILE_MODELS = {"Frozen", "CredentialsFile", "RolesFile"}  # documents, never handed to the core
MODELS = [c for name, c in vars(models).items()
          if inspect.isclass(c) and issubclass(c, pydantic.BaseModel) and name not in FILE_MODELS]


def _public_behaviour(model: type) -> set[str]:
    """Properties and methods a model adds to its fields, outside pydantic's own."""
    names = set()
    for klass in model.__mro__:
        if klass in (pydantic.BaseModel, object) or klass.__module__.startswith("pydantic"):
            continue
        names |= {n for n, v in vars(klass).items() if not n.startswith("_")
                  and (isinstance(v, property) or inspect.isfunction(v))}
    return names


@pytest.fixture(scope="module")
def documents():
    """The bundled data validated by the models, straight from the YAML."""
    credentials = CredentialsFile.model_validate(yaml.safe_load((ROOT / "data" / "credentials.yaml").read_text()))
    roles = RolesFile.model_validate(yaml.safe_load((ROOT / "data" / "roles.yaml").read_text()))
    return credentials, roles


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_has_a_record_with_its_fields_and_defaults(model):
    record = records.RECORD_CLASSES[model.__name__]
    assert list(record.record_fields) == list(model.model_fields)
    for name, info in model.model_fields.items():
        expected = REQUIRED if info.is_required() or info.default_factory is not None else info.default
        assert record.record_fields[name] is expected or record.record_fields[name] == expected, name


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_record_inherits_as_its_model_does_and_offers_its_properties(model):
    record = records.RECORD_CLASSES[model.__name__]
    model_bases = {b.__name__ for b in model.__mro__ if b in MODELS}
    record_bases = {b.__name__ for b in record.__mro__ if issubclass(b, Record) and b is not Record}
    assert record_bases == model_bases
    missing = {n for n in _public_behaviour(model) if not hasattr(record, n)}
    assert missing == set()


def test_the_bundled_catalog_holds_the_records_of_what_the_models_validated(bundled_data, documents):
    credentials, roles = documents
    for model in credentials.credentials:
        held = bundled_data.credentials[model.id]
        assert type(held) is records.Credential and held == as_record(model)
        assert held.model_dump() == model.model_dump()
        assert held.model_dump(mode="json") == model.model_dump(mode="json")
        assert held.offered == model.offered
        assert (held.fee and held.fee.planning_usd) == (model.fee and model.fee.planning_usd)
    for model in roles.roles:
        held = bundled_data.roles[model.id]
        assert held == as_record(model) and held.model_dump(mode="json") == model.model_dump(mode="json")
        assert held.requirements.is_empty == model.requirements.is_empty
        assert held.requirements.confirmed == model.requirements.confirmed
        assert [s.year for s in held.requirements.sources] == [s.year for s in model.requirements.sources]
        assert held.model_dump(exclude={"summary"}) == model.model_dump(exclude={"summary"})


def test_a_profile_record_dumps_dates_as_its_model_does():
    model = models.Profile.model_validate({
        "name": "Ana", "education": "associate", "credentials": [{"id": "CPC", "earned": "2023-05"}],
        "experience": [{"role": "medical-coder", "start": "2022-01"}],
        "ceus": [{"date": "2024-02-03", "hours": 2}]})
    record = as_record(model)
    assert record.model_dump() == model.model_dump() and record.model_dump(mode="json") == model.model_dump(mode="json")
    assert record.model_dump(mode="json")["credentials"][0]["earned"] == "2023-05-01"
    assert record.holds("CPC") == record.credentials[0] and record.holds("CCS") is None
    assert list(vars(record)) == list(models.Profile.model_fields)
    assert list(vars(record.experience[0])) == list(models.ExperienceEntry.model_fields)


def test_a_record_is_frozen_and_copies_with_changes():
    held = new_record("HeldCredential", id="CPC")
    with pytest.raises(AttributeError, match="frozen"):
        held.apprentice = True
    with pytest.raises(AttributeError, match="frozen"):
        del held.id
    copy = held.model_copy(update={"apprentice": True})
    assert (held.apprentice, copy.apprentice, copy.id) == (False, True, "CPC")


def test_records_compare_and_hash_by_value():
    one = new_record("HeldCredential", id="CPC", earned=date(2024, 1, 1))
    same = new_record("HeldCredential", id="CPC", earned=date(2024, 1, 1))
    assert one == same and hash(one) == hash(same) and len({one, same}) == 1
    assert one != one.model_copy(update={"apprentice": True})
    assert one != new_record("ExperienceEntry", role="CPC", years=None)  # another kind of record


def test_new_record_fills_defaults_and_refuses_unknown_or_missing_fields():
    entry = new_record("ExperienceEntry", role="medical-coder", years=2.0)
    assert (entry.start, entry.end) == (None, None)
    assert list(vars(entry)) == list(models.ExperienceEntry.model_fields)
    with pytest.raises(TypeError, match="no field 'yeras'"):
        new_record("ExperienceEntry", role="medical-coder", yeras=2.0)
    with pytest.raises(TypeError, match="needs 'role'"):
        new_record("ExperienceEntry", years=2.0)


def test_the_sources_written_in_code_pass_the_model():
    for pooling in POOLING.values():
        for source in pooling.sources:
            assert as_record(models.Source.model_validate(source.model_dump())) == source


def test_is_requirement_knows_a_record_and_a_model():
    assert is_requirement(new_record("Requirement")) and is_requirement(models.Requirement())
    assert not is_requirement("CPC") and not is_requirement(None)


def test_a_pickled_catalog_is_read_back_without_pydantic(bundled_data, tmp_path):
    """What the catalog cache stores: records, which unpickle with codingpath.records alone."""
    blob = tmp_path / "catalog.pickle"
    blob.write_bytes(pickle.dumps(bundled_data))
    code = ("import pickle, sys\n"
            f"catalog = pickle.loads(open({str(blob)!r}, 'rb').read())\n"
            "print(len(catalog.roles), catalog.roles['coding-manager'].requirements.is_empty,"
            " 'pydantic' in sys.modules, 'codingpath.models' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == [str(len(bundled_data.roles)), "False", "False", "False"], result.stderr
    assert pickle.loads(blob.read_bytes()).roles == bundled_data.roles
