"""Tests of the grouping file formats and the `olievlek group solve` command."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from olievlek import cli
from olievlek.engines.grouping import solve
from olievlek.engines.grouping_io import InstanceError, load_instance, main, result_to_json

VALID: dict[str, Any] = {
    "format": "olievlek-grouping/1",
    "sessions": [{"id": "s-1", "capacity": 2}, {"id": "s-2", "capacity": 1}],
    "participants": [
        {"id": "p-3", "sector": "C", "available": ["s-1", "s-2"]},
        {"id": "p-1", "sector": "Q", "available": ["s-2"]},
        {"id": "p-2", "sector": "C", "available": ["s-1"]},
        {"id": "p-4", "sector": "Q", "available": []},
    ],
}


def edited(change) -> str:
    document = copy.deepcopy(VALID)
    change(document)
    return json.dumps(document)


def set_in(path: tuple, value: Any):
    def change(document: dict) -> None:
        *parents, last = path
        target = document
        for key in parents:
            target = target[key]
        target[last] = value

    return change


def delete_in(path: tuple):
    def change(document: dict) -> None:
        *parents, last = path
        target = document
        for key in parents:
            target = target[key]
        del target[last]

    return change


BAD_INPUTS = {
    "malformed JSON": ('{"format": "olievlek-grouping/1", "sessions": [', "malformed JSON"),
    "trailing comma": (json.dumps(VALID)[:-1] + ",}", "malformed JSON"),
    "NaN capacity": (
        json.dumps(VALID).replace('"capacity": 1', '"capacity": NaN'),
        "malformed JSON: NaN",
    ),
    "duplicate key": (
        json.dumps(VALID).replace('"capacity": 1', '"capacity": 1, "capacity": 5'),
        'key "capacity" appears twice',
    ),
    "top level is a list": ("[]", "expected a JSON object"),
    "wrong format": (
        edited(set_in(("format",), "olievlek-matching/1")),
        '"format" must be "olievlek-grouping/1", got "olievlek-matching/1"',
    ),
    "missing format": (edited(delete_in(("format",))), 'missing field "format"'),
    "missing sessions": (edited(delete_in(("sessions",))), 'instance: missing field "sessions"'),
    "participants not a list": (
        edited(set_in(("participants",), {})),
        'instance: "participants" must be a list',
    ),
    "session not an object": (edited(set_in(("sessions", 1), "s-2")), "sessions[1]: expected"),
    "session without id": (
        edited(delete_in(("sessions", 1, "id"))),
        'sessions[1]: missing field "id"',
    ),
    "missing capacity": (
        edited(delete_in(("sessions", 1, "capacity"))),
        'sessions[1] (id "s-2"): missing field "capacity"',
    ),
    "negative capacity": (
        edited(set_in(("sessions", 1, "capacity"), -3)),
        'sessions[1] (id "s-2"): capacity must be a whole number >= 0, got -3',
    ),
    "fractional capacity": (
        edited(set_in(("sessions", 0, "capacity"), 2.5)),
        'sessions[0] (id "s-1"): capacity must be a whole number >= 0, got 2.5',
    ),
    "text capacity": (
        edited(set_in(("sessions", 0, "capacity"), "25")),
        'sessions[0] (id "s-1"): capacity must be a whole number >= 0, got "25"',
    ),
    "boolean capacity": (
        edited(set_in(("sessions", 0, "capacity"), True)),
        'sessions[0] (id "s-1"): capacity must be a whole number >= 0, got true',
    ),
    "duplicate session id": (
        edited(set_in(("sessions", 1, "id"), "s-1")),
        'sessions[1] (id "s-1"): duplicate id',
    ),
    "numeric session id": (
        edited(set_in(("sessions", 1, "id"), 2)),
        'sessions[1] (id 2): "id" must be a string',
    ),
    "duplicate participant id": (
        edited(set_in(("participants", 2, "id"), "p-3")),
        'participants[2] (id "p-3"): duplicate id',
    ),
    "unknown session": (
        edited(set_in(("participants", 1, "available"), ["s-2", "s-9"])),
        'participants[1] (id "p-1"): unknown session "s-9"',
    ),
    "session listed twice": (
        edited(set_in(("participants", 1, "available"), ["s-2", "s-2"])),
        'participants[1] (id "p-1"): session "s-2" listed twice',
    ),
    "available not a list": (
        edited(set_in(("participants", 1, "available"), "s-2")),
        'participants[1] (id "p-1"): "available" must be a list',
    ),
    "available holds a number": (
        edited(set_in(("participants", 1, "available"), [2])),
        'participants[1] (id "p-1"): available[0] must be a session id',
    ),
    "unknown sector": (
        edited(set_in(("participants", 3, "sector"), "Z")),
        'participants[3] (id "p-4"): unknown sector "Z"',
    ),
    "lower-case sector": (
        edited(set_in(("participants", 3, "sector"), "q")),
        'participants[3] (id "p-4"): unknown sector "q"',
    ),
    "missing sector": (
        edited(delete_in(("participants", 0, "sector"))),
        'participants[0] (id "p-3"): missing field "sector"',
    ),
    "missing available": (
        edited(delete_in(("participants", 2, "available"))),
        'participants[2] (id "p-2"): missing field "available"',
    ),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_refused_with_the_entry_named(name: str) -> None:
    text, message = BAD_INPUTS[name]
    with pytest.raises(InstanceError) as refused:
        load_instance(text)
    assert message in str(refused.value)


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_command_refuses_bad_input_and_writes_nothing(name: str, tmp_path: Path, capsys) -> None:
    text, message = BAD_INPUTS[name]
    source = tmp_path / "instance.json"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "result.json"
    assert main(["solve", "--input", str(source), "--output", str(target)]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instance.json"]


def test_bad_input_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    source = tmp_path / "instance.json"
    source.write_text(BAD_INPUTS["unknown session"][0], encoding="utf-8")
    target = tmp_path / "result.json"
    target.write_text("previous result", encoding="utf-8")
    assert main(["solve", "--input", str(source), "--output", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "previous result"


def test_missing_input_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "result.json"
    code = main(["solve", "--input", str(tmp_path / "nope.json"), "--output", str(target)])
    assert code == 2
    assert "nope.json: cannot read" in capsys.readouterr().err
    assert not target.exists()


def test_input_that_is_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "instance.json"
    source.write_bytes(json.dumps(VALID).replace("p-1", "p-\xe9").encode("latin-1"))
    with pytest.raises(InstanceError, match="not UTF-8"):
        load_instance(source)


def test_usage_errors_exit_2_and_help_exits_0(capsys) -> None:
    assert main([]) == 2
    assert main(["solve", "--input", "x.json"]) == 2
    assert main(["--help"]) == 0
    assert "olievlek group" in capsys.readouterr().out


def test_unwritable_output_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(VALID), encoding="utf-8")
    target = tmp_path / "missing-dir" / "result.json"
    assert main(["solve", "--input", str(source), "--output", str(target)]) == 1
    assert not target.parent.exists()


def test_end_to_end(tmp_path: Path, capsys) -> None:
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(VALID, indent=2), encoding="utf-8")
    target = tmp_path / "result.json"
    assert main(["solve", "--input", str(source), "--output", str(target)]) == 0
    assert "placed 3 of 4" in capsys.readouterr().out
    written = json.loads(target.read_text(encoding="utf-8"))

    assert list(written) == ["format", "assignments", "unplaced", "placed", "imbalance"]
    assert written["format"] == "olievlek-grouping-result/1"
    # p-1 (Q) only fits s-2 (1 seat), so both C go to s-1: three groups of one.
    assert written["assignments"] == [
        {"participant": "p-1", "session": "s-2"},
        {"participant": "p-2", "session": "s-1"},
        {"participant": "p-3", "session": "s-1"},
    ]
    assert written["unplaced"] == ["p-4"]
    assert (written["placed"], written["imbalance"]) == (3, 1 + 2**2)
    assert written == result_to_json(solve(load_instance(source)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instance.json", "result.json"]


def test_top_level_command_dispatches_to_the_engine(tmp_path: Path) -> None:
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(VALID), encoding="utf-8")
    target = tmp_path / "result.json"
    assert cli.main(["group", "solve", "--input", str(source), "--output", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["placed"] == 3


def test_load_instance_accepts_text_and_paths(tmp_path: Path) -> None:
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(VALID), encoding="utf-8")
    from_text = load_instance(json.dumps(VALID))
    assert from_text == load_instance(source) == load_instance(str(source))
    assert [p.id for p in from_text.participants] == ["p-3", "p-1", "p-2", "p-4"]
    assert from_text.participants[0].available == ("s-1", "s-2")
