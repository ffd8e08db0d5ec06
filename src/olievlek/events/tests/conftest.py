import pytest


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on-commit hooks (mails, tasks) at the end of the block, as after a request."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
