"""Background tasks of meetings (run by `olievlek db_worker`)."""

from django_tasks import task

from .choices import DivisionState
from .models import Division
from .services import divisions


@task()
def solve_division(division_id: int) -> None:
    division = Division.objects.get(pk=division_id)
    try:
        divisions.division_solve(division=division)
    except Exception:
        Division.objects.filter(pk=division_id).update(state=DivisionState.FAILED)
        raise
