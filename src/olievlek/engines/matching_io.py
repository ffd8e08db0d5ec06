"""Files in and out of the matching engine, and the ``olievlek match`` command.

Formats: shared/specs/matching.md. Reading checks the *shape* of the JSON (types,
required fields, the ``format`` tag, list-level rules such as a theme named twice);
the rules about content (known codes, unique ids, capacities, exclusion ids) live in
:func:`olievlek.engines.matching.validate`, so Python callers get the same checks.
Every refusal is an :class:`InstanceError` whose message names the offending entry,
e.g. ``mentors[3] (id "m-4"): unknown theme "gezond"``.

Reading is strict: a field the format does not define is refused too, because a
misspelt optional field (``"capacty": 3``) would otherwise silently fall back to its
default and change the matching.

The command writes its output only after a successful solve, through a temporary file
in the same directory and ``os.replace``: a reader never sees half a file, and refused
input never leaves one behind.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from olievlek.engines.matching import (
    DEFAULT_CAPACITY,
    Instance,
    InstanceError,
    Learner,
    Mentor,
    Result,
    Weights,
    entry_label,
    solve,
    validate,
)

__all__ = ["InstanceError", "load_instance", "instance_from_json", "main", "result_to_json"]

INSTANCE_FORMAT = "olievlek-matching/1"
RESULT_FORMAT = "olievlek-matching-result/1"

EXIT_OK = 0
EXIT_WRITE_FAILED = 1
EXIT_BAD_INPUT = 2

_TOP_FIELDS = {"format", "mentors", "learners", "exclusions", "weights"}
_LEARNER_FIELDS = ("id", "organisation", "province", "sector", "size_class", "themes")
_MENTOR_FIELDS = (*_LEARNER_FIELDS, "capacity")
_WEIGHT_FIELDS = ("match", "theme", "sector", "size_class", "province")


def _quoted(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


# --------------------------------------------------------------------------- reading


def load_instance(text_or_path: str | os.PathLike[str]) -> Instance:
    """Parse and validate an instance.

    A path-like is read as a UTF-8 file; a string is JSON text when it starts with
    ``{`` or ``[`` (after white space), else a file name.
    """
    if isinstance(text_or_path, str) and text_or_path.lstrip().startswith(("{", "[")):
        text = text_or_path
    else:
        text = _read_file(Path(text_or_path))
    return instance_from_json(_parse_json(text))


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InstanceError(
            f"{path}: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except OSError as error:
        raise InstanceError(f"{path}: cannot read ({error.strerror or error})") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys silently; refuse such a file instead."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InstanceError(f"malformed JSON: key {_quoted(key)} appears twice in an object")
        result[key] = value
    return result


def _refuse_constant(name: str) -> None:
    raise InstanceError(f"malformed JSON: {name} is not a number")


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InstanceError(
            f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None


def _check_fields(entry: dict[str, Any], allowed: tuple[str, ...] | set[str], where: str) -> None:
    for name in entry:
        if name not in allowed:
            raise InstanceError(f"{where}: unknown field {_quoted(name)}")


def _string(entry: dict[str, Any], name: str, where: str) -> str:
    if name not in entry:
        raise InstanceError(f"{where}: missing field {_quoted(name)}")
    if not isinstance(entry[name], str):
        raise InstanceError(f"{where}: {_quoted(name)} must be a string")
    return entry[name]


def _themes(entry: dict[str, Any], where: str) -> frozenset[str]:
    if "themes" not in entry:
        raise InstanceError(f'{where}: missing field "themes"')
    themes = entry["themes"]
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        raise InstanceError(f'{where}: "themes" must be a list of strings')
    for position, theme in enumerate(themes):
        if theme in themes[:position]:
            raise InstanceError(f"{where}: theme {_quoted(theme)} is listed twice")
    return frozenset(themes)


def _labelled(document: dict[str, Any], kind: str) -> list[tuple[dict[str, Any], str]]:
    """The entries of a top-level list, each with its label for messages."""
    if kind not in document:
        raise InstanceError(f"instance: missing field {_quoted(kind)}")
    entries = document[kind]
    if not isinstance(entries, list):
        raise InstanceError(f"instance: {_quoted(kind)} must be a list")
    labelled = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise InstanceError(f"{kind}[{index}]: expected a JSON object")
        where = entry_label(kind, index, entry["id"]) if "id" in entry else f"{kind}[{index}]"
        labelled.append((entry, where))
    return labelled


def _profile(entry: dict[str, Any], where: str) -> dict[str, Any]:
    fields = {name: _string(entry, name, where) for name in _LEARNER_FIELDS[:-1]}
    return {**fields, "themes": _themes(entry, where)}


def _mentor(entry: dict[str, Any], where: str) -> Mentor:
    _check_fields(entry, _MENTOR_FIELDS, where)
    # The capacity's type and value are checked by validate(), as for Python callers.
    return Mentor(**_profile(entry, where), capacity=entry.get("capacity", DEFAULT_CAPACITY))


def _learner(entry: dict[str, Any], where: str) -> Learner:
    _check_fields(entry, _LEARNER_FIELDS, where)
    return Learner(**_profile(entry, where))


def _exclusions(document: dict[str, Any], mentors, learners) -> frozenset[tuple[str, str]]:
    raw = document.get("exclusions", [])
    if not isinstance(raw, list):
        raise InstanceError('instance: "exclusions" must be a list')
    mentor_ids = {m.id for m in mentors}
    learner_ids = {lr.id for lr in learners}
    pairs = set()
    for index, pair in enumerate(raw):
        where = f"exclusions[{index}]"
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        ):
            raise InstanceError(f"{where}: expected [mentor id, learner id]")
        mentor_id, learner_id = pair
        if mentor_id not in mentor_ids:
            raise InstanceError(f"{where}: unknown mentor id {_quoted(mentor_id)}")
        if learner_id not in learner_ids:
            raise InstanceError(f"{where}: unknown learner id {_quoted(learner_id)}")
        pairs.add((mentor_id, learner_id))
    return frozenset(pairs)


def _weights(document: dict[str, Any]) -> Weights:
    if "weights" not in document:
        return Weights()
    raw = document["weights"]
    if not isinstance(raw, dict):
        raise InstanceError('instance: "weights" must be an object')
    _check_fields(raw, _WEIGHT_FIELDS, "weights")
    for name in _WEIGHT_FIELDS:
        if name not in raw:
            raise InstanceError(f"weights: missing field {_quoted(name)}")
    # Types and ranges are checked by validate().
    return Weights(**{name: raw[name] for name in _WEIGHT_FIELDS})


def instance_from_json(document: Any) -> Instance:
    """Build a validated :class:`Instance` from parsed JSON."""
    if not isinstance(document, dict):
        raise InstanceError("instance: expected a JSON object at the top level")
    if "format" not in document:
        raise InstanceError(f'instance: missing field "format" (expected "{INSTANCE_FORMAT}")')
    if document["format"] != INSTANCE_FORMAT:
        raise InstanceError(
            f'instance: "format" must be "{INSTANCE_FORMAT}", got {_quoted(document["format"])}'
        )
    _check_fields(document, _TOP_FIELDS, "instance")
    mentors = tuple(_mentor(e, w) for e, w in _labelled(document, "mentors"))
    learners = tuple(_learner(e, w) for e, w in _labelled(document, "learners"))
    instance = Instance(
        mentors=mentors,
        learners=learners,
        exclusions=frozenset(),
        weights=_weights(document),
    )
    validate(instance)  # ids are unique from here on, so exclusions can be resolved
    exclusions = _exclusions(document, mentors, learners)
    return Instance(mentors, learners, exclusions, instance.weights)


# --------------------------------------------------------------------------- writing


def result_to_json(result: Result) -> dict[str, Any]:
    """The result file's content (``matches`` already sorted by mentor, then learner)."""
    return {
        "format": RESULT_FORMAT,
        "matches": [
            {"mentor": m.mentor, "learner": m.learner, "score": m.score} for m in result.matches
        ],
        "total_score": result.total_score,
        "unmatched_learners": list(result.unmatched_learners),
    }


def write_json_atomically(path: Path, content: dict[str, Any]) -> None:
    """Write ``content`` so that ``path`` is either untouched or completely written."""
    handle = tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        dir=path.resolve().parent,
        prefix=f".{path.name}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with handle:
            json.dump(content, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="olievlek match",
        description="Pay it Forward: pair learner organisations with mentor organisations.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    solve_command = commands.add_parser(
        "solve",
        help="solve an instance file and write the result file",
        description=f"Read a {INSTANCE_FORMAT} file, write a {RESULT_FORMAT} file "
        "with a proven maximum total score.",
    )
    solve_command.add_argument("--input", required=True, type=Path, help="instance file (JSON)")
    solve_command.add_argument("--output", required=True, type=Path, help="result file (JSON)")
    return parser


def _solve_command(input_path: Path, output_path: Path) -> int:
    try:
        instance = load_instance(input_path)
    except InstanceError as error:
        print(f"olievlek match: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = solve(instance)
    try:
        write_json_atomically(output_path, result_to_json(result))
    except OSError as error:
        print(f"olievlek match: cannot write {output_path}: {error}", file=sys.stderr)
        return EXIT_WRITE_FAILED
    print(
        f"matched {len(result.matches)} of {len(instance.learners)} learners, "
        f"total score {result.total_score}: {output_path}"
    )
    return EXIT_OK


def main(argv: list[str]) -> int:
    """``olievlek match solve --input FILE --output FILE``.

    Exit codes: 0 written; 2 bad input or usage (nothing written); 1 output not writable.
    """
    try:
        arguments = _parser().parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help and on usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
    return _solve_command(arguments.input, arguments.output)
