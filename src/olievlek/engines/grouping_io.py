"""Files in and out of the grouping engine, and the `olievlek group` command.

Formats: shared/specs/grouping.md. Reading checks the *shape* of the JSON (types,
required fields, the `format` tag); the rules about the content (duplicate ids,
unknown sessions or sectors, capacities) live in `grouping.Instance`, so callers that
build an instance in Python get exactly the same checks. Every refusal is an
`InstanceError` whose message names the offending entry, e.g.
``participants[7] (id "p-8"): unknown session "s-9"``.

Reading the file and the command itself (writing atomically, exit codes) are in
`jsonfile`, shared with the matching engine.
"""

from __future__ import annotations

import json
import os
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
from olievlek.engines.jsonfile import (
    SolveCommand,
    expect_format,
    labelled_entries,
    load_json,
    write_json_atomically,
)

__all__ = ["InstanceError", "load_instance", "main", "result_to_json", "write_json_atomically"]

INSTANCE_FORMAT = "olievlek-grouping/1"
RESULT_FORMAT = "olievlek-grouping-result/1"


# --------------------------------------------------------------------------- reading


def load_instance(text_or_path: str | os.PathLike[str]) -> Instance:
    """Parse and validate an instance.

    A `Path` (or other path-like) is read as a UTF-8 file; a string is taken as JSON
    text when it starts with ``{`` or ``[`` (after white space), else as a file name.
    """
    # The duplicate-key message has always escaped non-ASCII here (json.dumps
    # default); kept so that messages stay the same.
    return instance_from_json(load_json(text_or_path, InstanceError, escape_keys=True))


def _require(entry: dict[str, Any], field: str, kind: type, where: str) -> Any:
    if field not in entry:
        raise InstanceError(f"{where}: missing field {json.dumps(field)}")
    value = entry[field]
    if not isinstance(value, kind):
        expected = {str: "a string", list: "a list"}[kind]
        raise InstanceError(f"{where}: {json.dumps(field)} must be {expected}")
    return value


def _entries(document: dict[str, Any], field: str) -> list[tuple[dict[str, Any], str]]:
    return labelled_entries(document, field, InstanceError, entry_label)


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
    document = expect_format(document, INSTANCE_FORMAT, InstanceError)
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


# --------------------------------------------------------------------------- command


def _summary(instance: Instance, result: Result) -> str:
    total = len(instance.participants)
    return f"placed {result.placed} of {total}, imbalance {result.imbalance}"


_COMMAND = SolveCommand(
    prog="olievlek group",
    description="Divide participants over sessions: most placed, then sectors evenly spread.",
    instance_format=INSTANCE_FORMAT,
    result_format=RESULT_FORMAT,
    error=InstanceError,
    load=load_instance,
    solve=solve,
    to_json=result_to_json,
    summary=_summary,
)


def main(argv: list[str]) -> int:
    """`olievlek group solve --input FILE --output FILE`.

    Exit codes: 0 written; 2 bad input or usage (nothing written); 1 output not writable.
    """
    return _COMMAND.main(argv)
