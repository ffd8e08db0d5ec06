"""Importing organisations from a spreadsheet (CSV or XLSX): all rows or none."""

from .service import (
    import_job_create,
    import_job_execute,
    import_job_fail,
    import_job_start,
    import_job_validate,
    import_jobs_fail_stale,
)

__all__ = [
    "import_job_create",
    "import_job_execute",
    "import_job_fail",
    "import_job_start",
    "import_job_validate",
    "import_jobs_fail_stale",
]
