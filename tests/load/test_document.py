"""`load.document`: where a value stands in its file, for the problems that point at it."""

from __future__ import annotations

from codingpath.load.document import YamlDocument, format_path


def _document() -> YamlDocument:
    return YamlDocument("me.yaml", {"credentials": [{"id": "CPC"}]},
                        values={("credentials",): (3, 3), ("credentials", 0, "id"): (4, 11)},
                        keys={("credentials",): (2, 1), ("credentials", 0, "id"): (4, 7)})


def test_a_value_is_found_where_it_stands_and_a_missing_one_at_its_nearest_parent():
    document = _document()
    assert document.locate(("credentials", 0, "id")) == (4, 11)
    assert document.locate(("credentials", 0, "earned")) == (3, 3)  # not in the file: its list
    assert document.locate(("name",)) == (None, None)


def test_a_key_is_found_on_the_key_else_on_its_value():
    document = _document()
    assert document.locate(("credentials", 0, "id"), key=True) == (4, 7)
    assert document.locate(("credentials", 0, "earned"), key=True) == (2, 1)  # not in the file: its parent's key
    document.values[("credentials", 0)] = (4, 5)
    assert document.locate(("credentials", 0), key=True) == (4, 5)  # a list item has no key: its value


def test_a_problem_names_file_line_column_and_field():
    problem = _document().problem(("credentials", 0, "id"), "unknown credential 'CPX'")
    assert (problem.file, problem.line, problem.column, problem.field) == ("me.yaml", 4, 11, "credentials[0].id")
    assert _document().problem((), "is empty").field is None


def test_paths_read_as_written_and_odd_keys_are_quoted():
    assert format_path(("credentials", 0, "id")) == "credentials[0].id"
    assert format_path(("experience", 2)) == "experience[2]"
    assert format_path(("roles", "a.b")) == "roles['a.b']"
    assert format_path(("name\x1b[31m",)) == "['name\\x1b[31m']"  # an escape code is shown, not obeyed
    assert format_path(()) == ""
