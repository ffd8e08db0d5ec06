"""JSON files in and out of the engines, and their ``solve`` command.

Shared by `grouping_io` and `matching_io`, which keep only what is their own: the
checks on the fields, building the instance, the result's shape and the words of the
command. Like the engines it needs no Django.

Reading raises the engine's own error class (its ``InstanceError``), passed in by the
caller, so each engine's callers catch one exception whatever went wrong.

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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_WRITE_FAILED",
    "SolveCommand",
    "expect_format",
    "labelled_entries",
    "load_json",
    "write_json_atomically",
]

EXIT_OK = 0
EXIT_WRITE_FAILED = 1
EXIT_BAD_INPUT = 2


# --------------------------------------------------------------------------- reading


def load_json(
    text_or_path: str | os.PathLike[str],
    error: type[Exception],
    *,
    escape_keys: bool = False,
) -> Any:
    """The parsed JSON of a text or a file; every refusal is an `error`.

    A `Path` (or other path-like) is read as a UTF-8 file; a string is taken as JSON
    text when it starts with ``{`` or ``[`` (after white space), else as a file name.
    `escape_keys` writes non-ASCII characters of a key named twice as ``\\uXXXX`` in
    the message, as the grouping engine always has.
    """
    if isinstance(text_or_path, str) and text_or_path.lstrip().startswith(("{", "[")):
        text = text_or_path
    else:
        text = _read_file(Path(text_or_path), error)
    return _parse_json(text, error, escape_keys=escape_keys)


def _read_file(path: Path, error: type[Exception]) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as problem:
        raise error(f"{path}: not UTF-8 text ({problem.reason} at byte {problem.start})") from None
    except OSError as problem:
        raise error(f"{path}: cannot read ({problem.strerror or problem})") from None


def _parse_json(text: str, error: type[Exception], *, escape_keys: bool) -> Any:
    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # json.loads silently keeps the last of two equal keys; a file that says
        # "capacity" twice is ambiguous, so refuse it.
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                quoted = json.dumps(key, ensure_ascii=escape_keys)
                raise error(f"malformed JSON: key {quoted} appears twice in an object")
            result[key] = value
        return result

    def refuse_constant(name: str) -> None:
        raise error(f"malformed JSON: {name} is not a number")

    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_constant=refuse_constant)
    except json.JSONDecodeError as problem:
        raise error(
            f"malformed JSON: {problem.msg} (line {problem.lineno}, column {problem.colno})"
        ) from None


def expect_format(document: Any, expected: str, error: type[Exception]) -> dict[str, Any]:
    """`document` itself, once it is an object whose ``format`` tag is `expected`."""
    if not isinstance(document, dict):
        raise error("instance: expected a JSON object at the top level")
    if "format" not in document:
        raise error(f'instance: missing field "format" (expected "{expected}")')
    if document["format"] != expected:
        raise error(
            f'instance: "format" must be "{expected}", '
            f"got {json.dumps(document['format'], ensure_ascii=False)}"
        )
    return document


def labelled_entries(
    document: dict[str, Any],
    kind: str,
    error: type[Exception],
    label: Callable[[str, int, object], str],
) -> list[tuple[dict[str, Any], str]]:
    """The entries of the top-level list `kind`, each with its label for messages.

    `label` is the engine's ``entry_label``, used when the entry has an id.
    """
    if kind not in document:
        raise error(f"instance: missing field {json.dumps(kind)}")
    entries = document[kind]
    if not isinstance(entries, list):
        raise error(f"instance: {json.dumps(kind)} must be a list")
    labelled = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise error(f"{kind}[{index}]: expected a JSON object")
        where = label(kind, index, entry["id"]) if "id" in entry else f"{kind}[{index}]"
        labelled.append((entry, where))
    return labelled


# --------------------------------------------------------------------------- writing


def write_json_atomically(path: Path, content: dict[str, Any]) -> None:
    """Write `content` so that `path` is either untouched or completely written."""
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


@dataclass(frozen=True)
class SolveCommand:
    """``<prog> solve --input FILE --output FILE`` for one engine.

    `load` reads an instance file and raises `error` on bad input; `solve` and
    `to_json` make the result file's content; `summary` says in one line on stdout
    what was solved (the output path is added after it).
    """

    prog: str
    description: str
    instance_format: str
    result_format: str
    error: type[Exception]
    load: Callable[[Path], Any]
    solve: Callable[[Any], Any]
    to_json: Callable[[Any], dict[str, Any]]
    summary: Callable[[Any, Any], str]
    result_note: str = ""  # added to the solve description, after the result format

    def main(self, argv: list[str]) -> int:
        """Exit codes: 0 written; 2 bad input or usage (nothing written); 1 output not writable."""
        try:
            arguments = self._parser().parse_args(argv)
        except SystemExit as stop:  # argparse exits on --help and on usage errors
            return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
        return self._solve(arguments.input, arguments.output)

    def _parser(self) -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser(prog=self.prog, description=self.description)
        commands = parser.add_subparsers(dest="command", required=True)
        solve_command = commands.add_parser(
            "solve",
            help="solve an instance file and write the result file",
            description=f"Read a {self.instance_format} file, "
            f"write a {self.result_format} file{self.result_note}.",
        )
        solve_command.add_argument("--input", required=True, type=Path, help="instance file (JSON)")
        solve_command.add_argument("--output", required=True, type=Path, help="result file (JSON)")
        return parser

    def _solve(self, input_path: Path, output_path: Path) -> int:
        try:
            instance = self.load(input_path)
        except self.error as problem:
            print(f"{self.prog}: {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
        result = self.solve(instance)
        try:
            write_json_atomically(output_path, self.to_json(result))
        except OSError as problem:
            print(f"{self.prog}: cannot write {output_path}: {problem}", file=sys.stderr)
            return EXIT_WRITE_FAILED
        print(f"{self.summary(instance, result)}: {output_path}")
        return EXIT_OK
