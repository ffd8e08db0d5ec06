"""Tests of the matching engine's files and of the `olievlek match` command."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from olievlek import cli
from olievlek.engines.matching import Weights, eligible, score
from olievlek.engines.matching import solve as solve_instance
from olievlek.engines.matching_io import (
    InstanceError,
    load_instance,
    main,
    result_to_json,
)

GOOD = {
    "format": "olievlek-matching/1",
    "mentors": [
        {"id": "m-1", "organisation": "org-17", "province": "NL-UT", "sector": "C",
         "size_class": "midden", "themes": ["gezondheid", "apk"], "capacity": 2},
        {"id": "m-2", "organisation": "org-40", "province": "NL-ZH", "sector": "Q",
         "size_class": "groot", "themes": ["ontwikkeling"]},
        {"id": "m-3", "organisation": "org-50", "province": "NL-GR", "sector": "G",
         "size_class": "micro", "themes": ["apk"], "capacity": 0},
        {"id": "m-4", "organisation": "org-51", "province": "NL-NB", "sector": "G",
         "size_class": "micro", "themes": ["betrokkenheid"], "capacity": 1},
    ],
    "learners": [
        {"id": "l-1", "organisation": "org-40", "province": "NL-GE", "sector": "C",
         "size_class": "klein", "themes": ["gezondheid", "ontwikkeling"]},
        {"id": "l-2", "organisation": "org-41", "province": "NL-UT", "sector": "C",
         "size_class": "midden", "themes": ["apk"]},
        {"id": "l-3", "organisation": "org-42", "province": "NL-GR", "sector": "G",
         "size_class": "micro", "themes": ["apk"]},
        {"id": "l-9", "organisation": "org-43", "province": "NL-ZH", "sector": "Q",
         "size_class": "groot", "themes": ["ontwikkeling", "organisatie"]},
    ],
    "exclusions": [["m-1", "l-9"], ["m-2", "l-9"]],
}  # fmt: skip


def _with(change) -> dict:
    document = copy.deepcopy(GOOD)
    change(document)
    return document


def _set(path: tuple, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: tuple):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


BAD_DOCUMENTS = {
    "unknown theme": (
        _set(("mentors", 2, "themes"), ["apk", "gezond"]),
        'mentors[2] (id "m-3"): unknown theme "gezond"',
    ),
    "unknown learner theme": (
        _set(("learners", 1, "themes"), ["vitaliteit"]),
        'learners[1] (id "l-2"): unknown theme "vitaliteit"',
    ),
    "theme twice": (
        _set(("learners", 0, "themes"), ["apk", "apk"]),
        'learners[0] (id "l-1"): theme "apk" is listed twice',
    ),
    "unknown province": (
        _set(("learners", 3, "province"), "NL-XX"),
        'learners[3] (id "l-9"): unknown province "NL-XX"',
    ),
    "unknown sector": (
        _set(("mentors", 1, "sector"), "Z"),
        'mentors[1] (id "m-2"): unknown sector "Z"',
    ),
    "unknown size class": (
        _set(("mentors", 0, "size_class"), "reus"),
        'mentors[0] (id "m-1"): unknown size_class "reus"',
    ),
    "duplicate mentor id": (
        _set(("mentors", 3, "id"), "m-2"),
        'mentors[3] (id "m-2"): duplicate id',
    ),
    "duplicate learner id": (
        _set(("learners", 2, "id"), "l-1"),
        'learners[2] (id "l-1"): duplicate id',
    ),
    "negative capacity": (
        _set(("mentors", 1, "capacity"), -1),
        'mentors[1] (id "m-2"): capacity must be a whole number from 0 up, got -1',
    ),
    "fractional capacity": (
        _set(("mentors", 1, "capacity"), 1.5),
        'mentors[1] (id "m-2"): capacity must be a whole number from 0 up, got 1.5',
    ),
    "text capacity": (
        _set(("mentors", 1, "capacity"), "2"),
        'mentors[1] (id "m-2"): capacity must be a whole number from 0 up, got "2"',
    ),
    "boolean capacity": (
        _set(("mentors", 1, "capacity"), True),
        'mentors[1] (id "m-2"): capacity must be a whole number from 0 up, got true',
    ),
    "exclusion with unknown mentor": (
        _set(("exclusions", 1), ["m-7", "l-9"]),
        'exclusions[1]: unknown mentor id "m-7"',
    ),
    "exclusion with unknown learner": (
        _set(("exclusions", 0), ["m-1", "l-8"]),
        'exclusions[0]: unknown learner id "l-8"',
    ),
    "exclusion not a pair": (
        _set(("exclusions", 0), ["m-1"]),
        "exclusions[0]: expected [mentor id, learner id]",
    ),
    "missing organisation": (
        _delete(("learners", 2, "organisation")),
        'learners[2] (id "l-3"): missing field "organisation"',
    ),
    "missing themes": (
        _delete(("mentors", 0, "themes")),
        'mentors[0] (id "m-1"): missing field "themes"',
    ),
    "missing id": (_delete(("learners", 1, "id")), 'learners[1]: missing field "id"'),
    "number as id": (_set(("learners", 1, "id"), 7), 'learners[1] (id 7): "id" must be a string'),
    "misspelt field": (
        _set(("mentors", 1, "capacty"), 3),
        'mentors[1] (id "m-2"): unknown field "capacty"',
    ),
    "entry not an object": (_set(("learners", 0), "l-1"), "learners[0]: expected a JSON object"),
    "missing learners": (_delete(("learners",)), 'instance: missing field "learners"'),
    "wrong format": (
        _set(("format",), "olievlek-matching/2"),
        'instance: "format" must be "olievlek-matching/1", got "olievlek-matching/2"',
    ),
    "missing format": (_delete(("format",)), 'instance: missing field "format"'),
    "weights missing a key": (
        _set(("weights",), {"match": 100, "theme": 10, "sector": 3, "size_class": 2}),
        'weights: missing field "province"',
    ),
    "weights not whole": (
        _set(
            ("weights",), {"match": 100, "theme": 1.5, "sector": 3, "size_class": 2, "province": 2}
        ),
        "weights.theme: must be a whole number",
    ),  # fmt: skip
}


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_bad_document_is_refused_naming_the_entry(case):
    change, message = BAD_DOCUMENTS[case]
    with pytest.raises(InstanceError) as error:
        load_instance(json.dumps(_with(change)))
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "olievlek-matching/1", "mentors": [', "malformed JSON"),
        ("[1, 2]", "instance: expected a JSON object at the top level"),
        ('{"format": "olievlek-matching/1", "format": "x"}', 'key "format" appears twice'),
        ('{"format": "olievlek-matching/1", "mentors": [NaN]}', "NaN is not a number"),
    ],
)
def test_malformed_json_is_refused(text, message):
    with pytest.raises(InstanceError, match=message):
        load_instance(text)


def test_load_reads_text_and_files_alike(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    from_text = load_instance(json.dumps(GOOD))
    assert load_instance(path) == from_text == load_instance(str(path))
    assert from_text.mentors[1].capacity == 2  # missing means 2
    assert from_text.exclusions == {("m-1", "l-9"), ("m-2", "l-9")}
    assert from_text.weights == Weights()


def test_unreadable_file_is_an_instance_error(tmp_path):
    with pytest.raises(InstanceError, match="cannot read"):
        load_instance(tmp_path / "missing.json")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"format": "Fryslân"}'.encode("latin-1"))
    with pytest.raises(InstanceError, match="not UTF-8"):
        load_instance(latin)


def test_weights_object_is_used():
    document = _with(
        _set(("weights",), {"match": 1, "theme": 0, "sector": 0, "size_class": 0, "province": 0})
    )
    instance = load_instance(json.dumps(document))
    assert instance.weights == Weights(1, 0, 0, 0, 0)
    assert all(m.score == 1 for m in solve_instance(instance).matches)


def test_result_json_has_the_contract_shape():
    result = solve_instance(load_instance(json.dumps(GOOD)))
    document = result_to_json(result)
    assert list(document) == ["format", "matches", "total_score", "unmatched_learners"]
    assert document["format"] == "olievlek-matching-result/1"
    assert document["total_score"] == sum(m["score"] for m in document["matches"])
    assert all(list(m) == ["mentor", "learner", "score"] for m in document["matches"])
    # m-1 takes l-1 (neighbouring province: 100+10+3) and l-2 (alike: 100+10+3+2+2);
    # m-2 may not take l-1 (same organisation) nor l-9 (excluded), m-1 may not take l-9
    # (excluded) nor l-3 (Groningen is too far), m-3 has no places, nobody wants m-4.
    assert document["matches"] == [
        {"mentor": "m-1", "learner": "l-1", "score": 113},
        {"mentor": "m-1", "learner": "l-2", "score": 117},
    ]
    assert document["unmatched_learners"] == ["l-3", "l-9"]


# --------------------------------------------------------------------------- command


def _run(tmp_path: Path, document, runner=main) -> tuple[int, Path]:
    source = tmp_path / "in.json"
    source.write_text(document if isinstance(document, str) else json.dumps(document), "utf-8")
    target = tmp_path / "out.json"
    code = runner(["solve", "--input", str(source), "--output", str(target)])
    return code, target


def test_command_solves_end_to_end(tmp_path, capsys):
    code, target = _run(tmp_path, GOOD)
    assert code == 0
    written = json.loads(target.read_text("utf-8"))
    instance = load_instance(json.dumps(GOOD))
    assert written == result_to_json(solve_instance(instance))
    mentors = {m.id: m for m in instance.mentors}
    learners = {x.id: x for x in instance.learners}
    for match in written["matches"]:
        m, lr = mentors[match["mentor"]], learners[match["learner"]]
        assert eligible(m, lr, instance.exclusions) and match["score"] == score(m, lr)
    assert "matched 2 of 4 learners, total score 230" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "out.json"]


def test_olievlek_command_dispatches_to_match(tmp_path):
    code, target = _run(tmp_path, GOOD, runner=lambda argv: cli.main(["match", *argv]))
    assert code == 0 and json.loads(target.read_text("utf-8"))["total_score"] == 230


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_command_refuses_bad_input_and_writes_nothing(tmp_path, capsys, case):
    change, message = BAD_DOCUMENTS[case]
    code, target = _run(tmp_path, _with(change))
    assert code == 2
    assert message in capsys.readouterr().err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.json"]


def test_command_keeps_an_existing_output_on_bad_input(tmp_path, capsys):
    target = tmp_path / "out.json"
    target.write_text("earlier result", "utf-8")
    code, _ = _run(tmp_path, "{not json")
    assert code == 2 and "malformed JSON" in capsys.readouterr().err
    assert target.read_text("utf-8") == "earlier result"


def test_command_usage_errors_exit_2(tmp_path, capsys):
    assert main(["solve", "--input", str(tmp_path / "x.json")]) == 2
    assert main([]) == 2
    assert main(["solve", "--input", str(tmp_path / "x.json"), "--output", "o.json"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_command_reports_an_unwritable_output(tmp_path, capsys):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(GOOD), "utf-8")
    target = tmp_path / "missing-folder" / "out.json"
    assert main(["solve", "--input", str(source), "--output", str(target)]) == 1
    assert "cannot write" in capsys.readouterr().err
