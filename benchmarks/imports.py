"""Benchmark of checking an import file: peak memory and time, 5 MB and 50 MB CSV.

    .venv/bin/python benchmarks/imports.py [--sizes 5 50] [--raised-bytes 64]

Four files are generated per size: valid rows (organisations with a description of a
few hundred characters) and rows that each hold several errors (an unknown KvK number,
province, sector and flag). Each run is a separate subprocess on its own SQLite
database, so that its peak memory is its own:

- upload: ``import_job_create`` with the file as it arrives (a temporary file on disk,
  as Django stores large uploads): the synchronous size and content checks;
- check: ``import_job_validate``, the worker's part (read, check every row, store the
  first problems and the preview).

Runs use the default caps (OLIEVLEK_IMPORT_MAX_BYTES 20 MB, 50,000 rows), so that a
50 MB file shows its refusal, and again with the caps raised (--raised-bytes MB,
1,000,000 rows) to show that the check of a large file stays flat in memory.

Peak RSS is the subprocess's maximum resident set (interpreter, Django and the
database included); "base" is that maximum just before the measured step, so the
difference is what the step itself added. Seconds are wall clock.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
COLUMNS = [
    "naam",
    "kvk",
    "plaats",
    "provincie",
    "sector",
    "grootteklasse",
    "website",
    "email",
    "telefoon",
    "omschrijving",
    "koploper",
    "ambassadeur",
    "partner",
    "ervaring",
    "hulpvraag",
]
DESCRIPTION = (
    "Wij werken aan duurzame inzetbaarheid met loopbaangesprekken, een vitaliteitsbudget "
    "en ruimte om te leren; medewerkers kiezen zelf wat past bij hun fase van leven. "
) * 3


def _row(n: int, *, bad: bool) -> list[str]:
    if bad:
        return [
            f"Werkgever {n}",
            f"KVK-{n}-onbekend",
            "Amersfoort",
            "Atlantis",
            "ZZ",
            "reusachtig",
            "geen adres",
            "geen-email",
            "033 123 4567",
            "",
            "misschien",
            "soms",
            "nooit",
            "gezondheid;vrije tijd",
            "onbekend",
        ]
    return [
        f"Werkgever {n}",
        f"{10_000_000 + n:08d}",
        "Amersfoort",
        "NL-UT",
        "C",
        "klein",
        f"https://werkgever{n}.example.nl",
        f"info{n}@example.nl",
        "033 123 4567",
        DESCRIPTION,
        "nee",
        "nee",
        "nee",
        "gezondheid;apk",
        "ontwikkeling",
    ]


def generate(path: Path, *, megabytes: int, bad: bool) -> int:
    """Write rows until the file reaches `megabytes`; returns the number of rows."""
    target = megabytes * 2**20
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(COLUMNS)
        while handle.tell() < target:
            rows += 1
            writer.writerow(_row(rows, bad=bad))
    return rows


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str) -> None:
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import TemporaryUploadedFile
    from django.core.management import call_command

    from olievlek.accounts.models import User
    from olievlek.network.imports import import_job_create, import_job_validate

    call_command("migrate", verbosity=0)
    actor = User.objects.create_user(email="bench@olievlek.test", password="x")
    size = os.path.getsize(path)
    upload = TemporaryUploadedFile("organisaties.csv", "text/csv", size, "utf-8")
    with open(path, "rb") as source:
        while chunk := source.read(2**20):
            upload.write(chunk)
    upload.seek(0)
    result = {"base_mb": _maxrss_mb()}
    start = time.perf_counter()
    try:
        job = import_job_create(uploaded_file=upload, actor=actor)
    except ValidationError as error:
        result.update(
            upload_s=time.perf_counter() - start,
            outcome="refused at upload: " + " ".join(error.messages)[:60],
            peak_mb=_maxrss_mb(),
        )
        print(json.dumps(result))
        return
    result["upload_s"] = time.perf_counter() - start
    result["base_mb"] = _maxrss_mb()
    start = time.perf_counter()
    job = import_job_validate(job=job)
    result["check_s"] = time.perf_counter() - start
    result["peak_mb"] = _maxrss_mb()
    result["outcome"] = (
        f"{job.state}: {job.total_rows} rows, {job.error_count} problems "
        f"({len(job.errors)} kept, {len(json.dumps(job.errors)) / 1024:.0f} kB)"
    )
    if job.error_count == 1 and job.errors:
        result["outcome"] = f"{job.state}: {job.errors[0]['message'][:60]}"
    print(json.dumps(result))


def run(path: Path, *, max_bytes: int | None, max_rows: int | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="olievlek-bench-imports-") as var_dir:
        env = {
            **os.environ,
            "OLIEVLEK_VAR_DIR": var_dir,
            "DJANGO_SETTINGS_MODULE": "olievlek.site.settings",
            "OLIEVLEK_TASK_BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "PYTHONPATH": os.pathsep.join(
                [str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH", "")]
            ),
        }
        env.pop("DATABASE_URL", None)
        for name in ("OLIEVLEK_IMPORT_MAX_BYTES", "OLIEVLEK_IMPORT_MAX_ROWS"):
            env.pop(name, None)
        if max_bytes:
            env["OLIEVLEK_IMPORT_MAX_BYTES"] = str(max_bytes)
        if max_rows:
            env["OLIEVLEK_IMPORT_MAX_ROWS"] = str(max_rows)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            env=env,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        return {"outcome": "crashed: " + done.stderr.strip().splitlines()[-1][:80]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50], help="MB")
    parser.add_argument("--raised-bytes", type=int, default=64, help="MB, for the raised run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    header = (
        f"{'file':<22} {'rows':>7} {'caps':<8} {'upload s':>8} {'check s':>8} "
        f"{'base MB':>8} {'peak MB':>8} {'added MB':>8}  outcome"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="olievlek-bench-files-") as folder:
        for megabytes in args.sizes:
            for bad in (False, True):
                name = f"{megabytes} MB {'errors' if bad else 'valid'}"
                path = Path(folder) / f"{megabytes}-{'bad' if bad else 'good'}.csv"
                rows = generate(path, megabytes=megabytes, bad=bad)
                runs = [("default", None, None)]
                if megabytes * 2**20 > 20 * 2**20 or rows > 50_000:
                    runs.append(("raised", args.raised_bytes * 2**20, 1_000_000))
                for caps, max_bytes, max_rows in runs:
                    r = run(path, max_bytes=max_bytes, max_rows=max_rows)
                    added = r["peak_mb"] - r["base_mb"] if "peak_mb" in r else None
                    print(
                        f"{name:<22} {rows:>7} {caps:<8} "
                        f"{_num(r.get('upload_s'), 2):>8} {_num(r.get('check_s'), 2):>8} "
                        f"{_num(r.get('base_mb'), 0):>8} {_num(r.get('peak_mb'), 0):>8} "
                        f"{_num(added, 0):>8}  {r['outcome']}",
                        flush=True,
                    )


def _num(value, digits: int) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    main()
