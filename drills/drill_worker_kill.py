"""Drill: the task worker is killed (SIGKILL) in the middle of a match round and in the
middle of an import, then started again with the same worker id.

Expected: the round completes once (drafts written all at once, never half), the import
writes every row once (never part of the file), and no mail is sent twice.
"""

from __future__ import annotations

import signal
import time

from harness import Env, Row, as_json, say, wait_for

POOL = """
import json
from olievlek.payitforward.tests.factories import HelpRequestFactory, OfferFactory
OfferFactory.create_batch({offers})
HelpRequestFactory.create_batch({requests})
print(json.dumps(True))
"""

START_ROUND = """
import json
from django.contrib.auth import get_user_model
from olievlek.accounts.tests.support import as_team
from olievlek.payitforward.services import round_start
staff = as_team(get_user_model().objects.get(email="projectteam@olievlek.test"))
print(json.dumps(round_start(actor=staff).pk))
"""

UPLOAD = """
import json
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from olievlek.accounts.tests.support import as_team
from olievlek.network.imports import import_job_create
from olievlek.network.tests.import_helpers import csv_bytes, org_row
staff = as_team(get_user_model().objects.get(email="projectteam@olievlek.test"))
rows = [org_row(n, naam=f"Drillbedrijf {{n}}", kvk=f"{{70000000 + n:08d}}",
                contactpersoon_naam=f"Contact {{n}}",
                contactpersoon_email=f"contact{{n}}@drill.example.nl") for n in range({rows})]
job = import_job_create(uploaded_file=SimpleUploadedFile("drill.csv", csv_bytes(rows)), actor=staff)
print(json.dumps(job.pk))
"""

START_IMPORT = """
import json
from django.contrib.auth import get_user_model
from olievlek.accounts.tests.support import as_team
from olievlek.network.imports import import_job_start
from olievlek.network.models import ImportJob
staff = as_team(get_user_model().objects.get(email="projectteam@olievlek.test"))
print(json.dumps(import_job_start(job=ImportJob.objects.get(pk={job}), actor=staff).pk))
"""


def _mail_duplicates(env: Env) -> int:
    return env.sql(
        "SELECT count(*) FROM (SELECT recipient, subject, body_text FROM mail_outboundmail "
        "GROUP BY 1, 2, 3 HAVING count(*) > 1) d"
    )[0][0]


def _kill_round(env: Env) -> Row:
    env.python(POOL.format(offers=600, requests=1500), timeout=600)
    mails_before = env.sql("SELECT count(*) FROM mail_outboundmail")[0][0]
    round_id = as_json(env.python(START_ROUND))
    env.start_worker("drill-worker-1")

    def mid_round():
        state, progress = env.sql(
            "SELECT state, progress FROM payitforward_matchround WHERE id = %s", (round_id,)
        )[0]
        return state == "running" and 0 < progress < 1

    started = time.monotonic()
    wait_for(mid_round, timeout=120, interval=0.02, what="the round calculating")
    env.stop("worker", signal.SIGKILL)
    state, progress = env.sql(
        "SELECT state, progress FROM payitforward_matchround WHERE id = %s", (round_id,)
    )[0]
    drafts_at_kill = env.sql(
        "SELECT count(*) FROM payitforward_match WHERE round_id = %s", (round_id,)
    )[0][0]
    say(f"killed the worker {time.monotonic() - started:.1f} s into the round "
        f"(progress {progress:.0%}): state {state}, {drafts_at_kill} drafts written")  # fmt: skip

    env.start_worker("drill-worker-1")
    wait_for(
        lambda: (
            env.sql("SELECT state FROM payitforward_matchround WHERE id = %s", (round_id,))[0][0]
            in ("ready", "failed")
        ),
        timeout=300,
        what="the round finishing after the restart",
    )
    env.stop("worker")
    state = env.sql("SELECT state FROM payitforward_matchround WHERE id = %s", (round_id,))[0][0]
    drafts, distinct = env.sql(
        "SELECT count(*), count(DISTINCT (offer_id, request_id)) FROM payitforward_match "
        "WHERE round_id = %s",
        (round_id,),
    )[0]
    tasks = env.sql(
        "SELECT status, jsonb_array_length(worker_ids) FROM django_tasks_database_dbtaskresult "
        "WHERE task_path LIKE %s",
        ("%run_match_round",),
    )
    mails_after = env.sql("SELECT count(*) FROM mail_outboundmail")[0][0]
    say(f"after the restart: round {state}, {drafts} drafts ({distinct} distinct), "
        f"task {tasks}, {mails_after - mails_before} new mails")  # fmt: skip
    ok = (
        drafts_at_kill == 0
        and state == "ready"
        and drafts == distinct > 0
        and _mail_duplicates(env) == 0
    )
    return Row(
        "worker killed mid match round",
        f"killed at {progress:.0%}: no drafts; restarted worker re-ran the task "
        f"(attempt {tasks[0][1]}), round {state} with {drafts} drafts",
        "nothing" if ok else "SEE LOG",
        ok,
    )


def _kill_import(env: Env, rows: int = 3000) -> Row:
    job = as_json(env.python(UPLOAD.format(rows=rows)))
    env.start_worker("drill-worker-2")
    wait_for(
        lambda: (
            env.sql("SELECT state FROM network_importjob WHERE id = %s", (job,))[0][0] == "valid"
        ),
        timeout=300,
        what="the file checked",
    )
    env.stop("worker")
    env.python(START_IMPORT.format(job=job))
    env.start_worker("drill-worker-2")

    def writing():
        (status,) = env.sql(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s "
            "ORDER BY enqueued_at DESC LIMIT 1",
            ("%execute_import",),
        )[0]
        return status == "RUNNING"

    wait_for(writing, timeout=120, interval=0.02, what="the import running")
    time.sleep(1.0)  # into the check and the write of the rows
    env.stop("worker", signal.SIGKILL)
    state = env.sql("SELECT state FROM network_importjob WHERE id = %s", (job,))[0][0]
    written = env.sql(
        "SELECT count(*) FROM network_organisation WHERE name LIKE 'Drillbedrijf %%'"
    )[0][0]
    mails = env.sql("SELECT count(*) FROM mail_outboundmail WHERE recipient LIKE '%%@drill.%%'")[0][
        0
    ]
    say(f"killed the worker during the import: job {state}, {written} rows written, "
        f"{mails} invitation mails")  # fmt: skip

    env.start_worker("drill-worker-2")
    wait_for(
        lambda: (
            env.sql("SELECT state FROM network_importjob WHERE id = %s", (job,))[0][0]
            in ("done", "failed", "invalid")
        ),
        timeout=300,
        what="the import finishing after the restart",
    )
    wait_for(
        lambda: (
            env.sql(
                "SELECT count(*) FROM mail_outboundmail WHERE recipient LIKE '%%@drill.%%' "
                "AND state <> 'sent'"
            )[0][0]
            == 0
        ),
        timeout=300,
        what="the invitations sent",
    )
    env.stop("worker")
    final = env.sql("SELECT state FROM network_importjob WHERE id = %s", (job,))[0][0]
    written_after = env.sql(
        "SELECT count(*), count(DISTINCT kvk_number) FROM network_organisation "
        "WHERE name LIKE 'Drillbedrijf %%'"
    )[0]
    invited = env.sql(
        "SELECT count(*), count(DISTINCT recipient) FROM mail_outboundmail "
        "WHERE recipient LIKE '%%@drill.%%'"
    )[0]
    say(f"after the restart: job {final}, rows {written_after}, invitations {invited}")
    ok = (
        written == 0
        and final == "done"
        and written_after == (rows, rows)
        and invited[0] == invited[1] == rows
        and _mail_duplicates(env) == 0
    )
    return Row(
        "worker killed mid import",
        f"killed while importing: 0 of {rows} rows written; restarted worker wrote "
        f"{written_after[0]} rows, {invited[0]} invitations, each once",
        "nothing" if ok else "SEE LOG",
        ok,
    )


def run() -> list[Row]:
    with Env("worker") as env:
        env.start_postgres()
        env.setup_site()
        return [_kill_round(env), _kill_import(env)]


if __name__ == "__main__":
    for row in run():
        print(row)
