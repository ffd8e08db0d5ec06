"""Files in and out of the grouping engine, and the `olievlek group` command.

Formats: shared/specs/grouping.md. Reading checks the *shape* of the JSON (types,
required fields, the `format` tag); the rules about the content (duplicate ids,
unknown sessions or sectors, capacities) live in `grouping.Instance`, so callers that
build an instance in Python get exactly the same checks. Every refusal is an
`InstanceError` whose message names the offending entry, e.g.
``participants[7] (id "p-8"): unknown session "s-9"``.

The command writes its output only after a successful solve, through a temporary
file in the same directory and `os.replace`, so a reader never sees half a file and a
refused input never leaves one behind.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from olievlek.engines.grouping import (
    Instance,
    InstanceError,
    Participant,
    Result,
    Session,
    entry_label,
    solve,
)

__all__ = ["InstanceError", "load_instance", "main", "result_to_json", "write_json_atomically"]

INSTANCE_FORMAT = "olievlek-grouping/1"
RESULT_FORMAT = "olievlek-grouping-result/1"

EXIT_OK = 0
EXIT_WRITE_FAILED = 1
EXIT_BAD_INPUT = 2


# --------------------------------------------------------------------------- reading


def load_instance(text_or_path: str | os.PathLike[str]) -> Instance:
    """Parse and validate an instance.

    A `Path` (or other path-like) is read as a UTF-8 file; a string is taken as JSON
    text when it starts with ``{`` or ``[`` (after white space), else as a file name.
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


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads silently keeps the last of two equal keys; a file that says
    # "capacity" twice is ambiguous, so refuse it.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InstanceError(f"malformed JSON: key {json.dumps(key)} appears twice in an object")
        result[key] = value
    return result


def _reject_constant(name: str) -> None:
    raise InstanceError(f"malformed JSON: {name} is not a number")


def _parse_json(text: str) -> Any:
    try:
        return json.loads(
            text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as error:
        raise InstanceError(
            f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None


def _require(entry: dict[str, Any], field: str, kind: type, where: str) -> Any:
    if field not in entry:
        raise InstanceError(f"{where}: missing field {json.dumps(field)}")
    value = entry[field]
    if not isinstance(value, kind):
        expected = {str: "a string", list: "a list"}[kind]
        raise InstanceError(f"{where}: {json.dumps(field)} must be {expected}")
    return value


def _entries(document: dict[str, Any], field: str) -> list[tuple[dict[str, Any], str]]:
    """The entries of a top-level list, each with a label for messages."""
    entries = _require(document, field, list, "instance")
    labelled = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise InstanceError(f"{field}[{index}]: expected a JSON object")
        where = entry_label(field, index, entry["id"]) if "id" in entry else f"{field}[{index}]"
        labelled.append((entry, where))
    return labelled


def _session_from_json(entry: dict[str, Any], where: str) -> Session:
    identifier = _require(entry, "id", str, where)
    if "capacity" not in entry:
        raise InstanceError(f'{where}: missing field "capacity"')
    # The capacity's type and value are checked by Instance, with the same message
    # for file and Python callers.
    return Session(id=identifier, capacity=entry["capacity"])


def _participant_from_json(entry: dict[str, Any], where: str) -> Participant:
    identifier = _require(entry, "id", str, where)
    sector = _require(entry, "sector", str, where)
    available = _require(entry, "available", list, where)
    for position, session_id in enumerate(available):
        if not isinstance(session_id, str):
            raise InstanceError(f"{where}: available[{position}] must be a session id (a string)")
    return Participant(id=identifier, sector=sector, available=tuple(available))


def instance_from_json(document: Any) -> Instance:
    """Build an `Instance` from already parsed JSON (a dict), checking everything."""
    if not isinstance(document, dict):
        raise InstanceError("instance: expected a JSON object at the top level")
    if "format" not in document:
        raise InstanceError(f'instance: missing field "format" (expected "{INSTANCE_FORMAT}")')
    if document["format"] != INSTANCE_FORMAT:
        raise InstanceError(
            f'instance: "format" must be "{INSTANCE_FORMAT}", '
            f"got {json.dumps(document['format'], ensure_ascii=False)}"
        )
    sessions = [_session_from_json(e, w) for e, w in _entries(document, "sessions")]
    participants = [_participant_from_json(e, w) for e, w in _entries(document, "participants")]
    return Instance(sessions=tuple(sessions), participants=tuple(participants))


# --------------------------------------------------------------------------- writing


def result_to_json(result: Result) -> dict[str, Any]:
    """The result file's content (`assignments` already sorted by participant id)."""
    return {
        "format": RESULT_FORMAT,
        "assignments": [
            {"participant": a.participant, "session": a.session} for a in result.assignments
        ],
        "unplaced": list(result.unplaced),
        "placed": result.placed,
        "imbalance": result.imbalance,
    }


def write_json_atomically(path: Path, content: dict[str, Any]) -> None:
    """Write `content` so that `path` is either untouched or completely written."""
    directory = path.resolve().parent
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False
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
        prog="olievlek group",
        description="Divide participants over sessions: most placed, then sectors evenly spread.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    solve_command = commands.add_parser(
        "solve",
        help="solve an instance file and write the result file",
        description=f"Read a {INSTANCE_FORMAT} file, write a {RESULT_FORMAT} file.",
    )
    solve_command.add_argument("--input", required=True, type=Path, help="instance file (JSON)")
    solve_command.add_argument("--output", required=True, type=Path, help="result file (JSON)")
    return parser


def _solve_command(input_path: Path, output_path: Path) -> int:
    try:
        instance = load_instance(input_path)
    except InstanceError as error:
        print(f"olievlek group: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = solve(instance)
    try:
        write_json_atomically(output_path, result_to_json(result))
    except OSError as error:
        print(f"olievlek group: cannot write {output_path}: {error}", file=sys.stderr)
        return EXIT_WRITE_FAILED
    total = len(instance.participants)
    print(f"placed {result.placed} of {total}, imbalance {result.imbalance}: {output_path}")
    return EXIT_OK


def main(argv: list[str]) -> int:
    """`olievlek group solve --input FILE --output FILE`.

    Exit codes: 0 written; 2 bad input or usage (nothing written); 1 output not writable.
    """
    try:
        arguments = _parser().parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help and on usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
    return _solve_command(arguments.input, arguments.output)
