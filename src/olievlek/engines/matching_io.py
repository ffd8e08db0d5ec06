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

Reading the file and the command itself (writing atomically, exit codes) are in
:mod:`olievlek.engines.jsonfile`, shared with the grouping engine.
"""

from __future__ import annotations

import json
import os
from typing import Any

from olievlek.engines.jsonfile import SolveCommand, expect_format, labelled_entries, load_json
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
    return instance_from_json(load_json(text_or_path, InstanceError))


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
    return labelled_entries(document, kind, InstanceError, entry_label)


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
    document = expect_format(document, INSTANCE_FORMAT, InstanceError)
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


# --------------------------------------------------------------------------- command


def _summary(instance: Instance, result: Result) -> str:
    return (
        f"matched {len(result.matches)} of {len(instance.learners)} learners, "
        f"total score {result.total_score}"
    )


_COMMAND = SolveCommand(
    prog="olievlek match",
    description="Pay it Forward: pair learner organisations with mentor organisations.",
    instance_format=INSTANCE_FORMAT,
    result_format=RESULT_FORMAT,
    result_note=" with a proven maximum total score",
    error=InstanceError,
    load=load_instance,
    solve=solve,
    to_json=result_to_json,
    summary=_summary,
)


def main(argv: list[str]) -> int:
    """``olievlek match solve --input FILE --output FILE``.

    Exit codes: 0 written; 2 bad input or usage (nothing written); 1 output not writable.
    """
    return _COMMAND.main(argv)
