"""Background tasks of Pay it Forward (run by `olievlek db_worker`)."""

from django_tasks import task

from olievlek.site.worker import on_abandon

from .models import MatchRound
from .services import rounds


@task()
def run_match_round(round_id: int) -> None:
    match_round = MatchRound.objects.get(pk=round_id)
    try:
        rounds.round_run(match_round=match_round)
    except Exception as error:
        rounds.round_fail(round_id=round_id, error=f"{type(error).__name__}: {error}")
        raise


@on_abandon(run_match_round)
def _round_abandoned(round_id: int) -> None:
    rounds.round_fail(
        round_id=round_id, error="WorkerLost: the task worker stopped while calculating it."
    )


@task()
def expire_matches() -> int:
    from .services import matches_expire

    return matches_expire()
