"""The one place that reads YAML: guarded, safe, and with line numbers for every value.

We build Python objects from PyYAML's event stream ourselves instead of calling `yaml.safe_load`:
- no object construction beyond plain scalars, lists and dicts (no `!!python/...` tags);
- nesting depth and alias expansion are bounded *while* parsing, so a nested-`[` file (which
  crashes the C composer outright) or a "billion laughs" alias bomb is refused in microseconds;
- duplicate keys are errors naming both lines;
- every value's position is kept, so a validation error can point at `file:line:column`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, NoReturn

import yaml

from ..errors import InputError, Problem, unreadable
from .document import Path_, YamlDocument, format_path

__all__ = ["MAX_BYTES", "YamlDocument", "parse_yaml", "read_text", "load_yaml"]

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_CONSTRUCTOR = yaml.SafeLoader("")  # used only for its scalar constructors and resolver

def read_text(path: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file (or '-' for standard input) with a precise message for every failure."""
    name = str(path)
    try:
        if name == "-":
            name = "<stdin>"
            if sys.stdin is None:  # started with `<&-`
                raise InputError(Problem(name, "standard input is closed; give the profile as a file"))
            raw = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise unreadable(name, exc, directory="is a directory, not a YAML file") from None
    return decode(raw, name, max_bytes=max_bytes)


def decode(raw: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> str:
    """Bytes -> text, refusing what is too large, binary or not UTF-8."""
    if len(raw) > max_bytes:
        raise InputError(Problem(name, f"is larger than {max_bytes // 1000} KB; refusing to read it"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem(name, "is UTF-16 encoded; save it as UTF-8"))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(Problem(name, "contains a NUL byte: this looks like a binary file", line))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            Problem(name, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8", line, column)
        ) from None


def load_yaml(path: str | Path, *, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Read and parse one YAML file."""
    name = "<stdin>" if str(path) == "-" else str(path)
    return parse_yaml(read_text(path, max_bytes=max_bytes), name)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse one YAML document from text; raise InputError naming the file and line."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise InputError(Problem(name, "is empty"))
    _refuse_tab_indentation(text, name)
    _refuse_deep_flow_nesting(text, name)
    builder = _Builder(name)
    loader = _Loader(text)
    try:
        while loader.check_event():
            builder.feed(loader.get_event())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context == "while scanning a quoted scalar" and exc.context_mark:  # point at the opening quote
            raise InputError(Problem(name, "YAML syntax error: a quoted value starts here but its closing quote "
                                     "is missing", exc.context_mark.line + 1, exc.context_mark.column + 1)) from None
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context})"
        opened = exc.context_mark or mark
        message += _syntax_hint(str(exc.problem or exc.context)).format(
            line=opened.line + 1 if opened else "?", column=opened.column + 1 if opened else "?")
        raise InputError(
            Problem(name, message, mark.line + 1 if mark else None, mark.column + 1 if mark else None)
        ) from None
    except yaml.reader.ReaderError as exc:  # a control character; it carries a position, not a mark
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        raise InputError(Problem(
            name, f"contains the control character U+{exc.character:04X}, which YAML does not allow; remove it",
            line, column)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(name, f"YAML error: {exc}")) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise InputError(builder.problems)
    if builder.result is None:
        raise InputError(Problem(name, "holds no data (only '---', '~' or 'null')", 1, 1))
    return YamlDocument(name, builder.result, builder.values, builder.keys)


# PyYAML's English problem texts, mapped to advice: the one place that depends on that wording.
# tests/load/test_yamlio.py feeds a sample for each key to the installed PyYAML and asserts that the
# problem text still starts with it, so a release that rewords one fails a test, not a user.
_HINTS = {
    "mapping values are not allowed": "; a value that contains ': ' must be put in quotes",
    "did not find expected key": "; check this line's indentation against the lines above",
    "did not find expected '-' indicator": "; check this line's indentation against the lines above",
    "did not find expected ',' or ']'": "; the '[' at line {line}, column {column} is not closed",
    "did not find expected ',' or '}'": "; the '{{' at line {line}, column {column} is not closed",
    "could not find expected ':'": "; a key needs ': ' after it (or quote a value that spans lines)",
    "found character that cannot start any token": "; a value that starts with '@', '`' or a tab must be put in quotes",
}


def _tag_name(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' -> '!!python/object', as it was written."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _syntax_hint(problem: str) -> str:
    return next((hint for start, hint in _HINTS.items() if problem.startswith(start)), "")


def _refuse_tab_indentation(text: str, name: str) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            raise InputError(
                Problem(name, "a tab in the indentation; YAML indents with spaces only", number,
                        indent.index("\t") + 1)
            )


_FLOW_TOKENS = re.compile(r"""[\[\]{}"'#]""")
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")
_BLOCK_VALUE_STARTS = frozenset(":-?")  # where `[` opens a flow collection, not plain text
_FLOW_VALUE_STARTS = frozenset(":?[{,")


def _refuse_deep_flow_nesting(text: str, name: str) -> None:
    """Refuse flow collections (`[`, `{`) nested deeper than MAX_DEPTH, before any parser runs.

    The parser's own builder bounds depth as events arrive, but libyaml's scanner reads a whole
    run of `[[[[...` ahead of the first event and, depending on the release, either crashes the
    C composer or stops with its own message at 1,000 levels. A lexical pass that knows quotes
    and comments keeps the project's limit and message the same on every PyYAML release.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    position = 0
    line_start = 0
    while (match := _FLOW_TOKENS.search(text, position)) is not None:
        start, token = match.start(), match.group()
        position = start + 1
        line_start = text.rfind("\n", line_start, start) + 1 or line_start
        previous = start - 1
        while previous >= line_start and text[previous] == " ":
            previous -= 1
        value_starts = _FLOW_VALUE_STARTS if depth else _BLOCK_VALUE_STARTS
        at_value_start = previous < line_start or text[previous] in value_starts
        if token == "#":
            if start == line_start or text[start - 1] in " \t":  # a comment runs to the end of the line
                end = text.find("\n", start)
                position = len(text) if end < 0 else end
        elif token in "\"'":
            if at_value_start:  # a quoted scalar: brackets inside it are text
                quoted = (_DOUBLE_QUOTED if token == '"' else _SINGLE_QUOTED).match(text, start)
                position = quoted.end() if quoted else len(text)
        elif token in "[{":
            if depth > 0 or at_value_start:
                depth += 1
                if depth > MAX_DEPTH:
                    raise InputError(Problem(name, f"nests deeper than {MAX_DEPTH} levels; refusing to read it",
                                             text.count("\n", 0, start) + 1, start - line_start + 1))
        elif depth > 0:
            depth -= 1


class _Frame:
    __slots__ = ("container", "path", "key", "key_mark", "seen", "anchor", "nodes")

    def __init__(self, container: Any, path: Path_, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.key_mark: tuple[int, int] = (0, 0)
        self.seen: dict[Any, int] = {}
        self.anchor = anchor
        self.nodes = 1


_NO_KEY = object()


class _Builder:
    """Turns parser events into plain Python data, recording positions as it goes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.result: Any = None
        self.documents = 0
        self.expanded = 0

    def fail(self, message: str, mark: Any) -> NoReturn:
        path = self.here()
        field = format_path(path) if len(path) <= 8 else None  # not forty `[0]`s for a nesting bomb
        raise InputError(Problem(self.name, message, mark.line + 1, mark.column + 1, field or None))

    def here(self) -> Path_:
        """The path of the value about to be placed (for messages)."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        return frame.path if frame.key is _NO_KEY else (*frame.path, frame.key)

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail("holds more than one YAML document (a second '---')", event.start_mark)
        elif isinstance(event, yaml.ScalarEvent):
            self.add(self.scalar(event), event, 1)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.check_tag(event)
            if len(self.stack) >= MAX_DEPTH:
                self.fail(f"nests deeper than {MAX_DEPTH} levels; refusing to read it", event.start_mark)
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self.add(container, event, 0)
            self.stack.append(_Frame(container, path, event.anchor))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.anchors[frame.anchor] = (frame.container, frame.nodes)
            if self.stack:
                self.stack[-1].nodes += frame.nodes
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor is None or event.anchor not in self.anchors:
                self.fail(f"alias *{event.anchor} refers to no anchor defined before it", event.start_mark)
            value, nodes = self.anchors[event.anchor]
            self.expanded += nodes
            if self.expanded > MAX_NODES:
                self.fail("aliases expand to too many values (an alias bomb?); refusing it", event.start_mark)
            self.add(value, event, nodes)

    def check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag and not event.implicit and tag not in (
            "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!",
        ):
            self.fail(f"the tag {_tag_name(tag)!r} is not allowed; write plain values", event.start_mark)

    def scalar(self, event: Any) -> Any:
        if event.tag and not event.implicit[0] and not event.implicit[1] and event.tag != "!":
            tag = event.tag
            if tag not in _ALLOWED_TAGS:
                self.fail(f"the tag {_tag_name(tag)!r} is not allowed; write plain values", event.start_mark)
        elif event.implicit[0]:
            tag = _CONSTRUCTOR.resolve(yaml.ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
            if tag == "tag:yaml.org,2002:merge":
                self.fail("merge keys ('<<') are not supported; write the keys out", event.start_mark)
            if tag not in _ALLOWED_TAGS:  # '=' (the value key) stays a plain string
                tag = "tag:yaml.org,2002:str"
        else:
            tag = "tag:yaml.org,2002:str"
        if tag == "tag:yaml.org,2002:str":  # most values: PyYAML's str constructor returns the text as is
            if event.anchor is not None:
                self.anchors[event.anchor] = (event.value, 1)
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except (ValueError, yaml.YAMLError) as exc:
            kind = {"timestamp": "date", "int": "whole number", "float": "number"}.get(tag.rsplit(":", 1)[-1], "value")
            if kind == "whole number" and "int_max_str_digits" in str(exc):
                self.fail(f"a whole number of {len(event.value):,} digits is far too large for any value here",
                          event.start_mark)
            shown = event.value if len(event.value) <= 40 else event.value[:37] + "..."
            self.fail(f"{shown!r} is not a real {kind} ({exc})", event.start_mark)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        return value

    def add(self, value: Any, event: Any, nodes: int) -> Path_:
        """Place a value in the current container; returns its path."""
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.result = value
            self.values[()] = position
            return ()
        frame = self.stack[-1]
        frame.nodes += nodes
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            self.values[path] = position
            return path
        if frame.key is _NO_KEY:  # this value is a key
            if isinstance(value, (dict, list)):
                self.fail("a mapping key must be a plain value", event.start_mark)
            if value in frame.seen:
                self.problems.append(
                    Problem(self.name, f"duplicate key {value!r} (first at line {frame.seen[value]})",
                            position[0], position[1], format_path((*frame.path, value)))
                )
            else:
                frame.seen[value] = position[0]
            frame.key, frame.key_mark = value, position
            return frame.path
        path = (*frame.path, frame.key)
        if frame.key not in frame.container:
            frame.container[frame.key] = value
        self.values[path] = position
        self.keys[path] = frame.key_mark
        frame.key = _NO_KEY
        return path
