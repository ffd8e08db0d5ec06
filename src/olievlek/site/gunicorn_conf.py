"""gunicorn's settings for every deployment (systemd, the container, the two-server test):
`gunicorn --config python:olievlek.site.gunicorn_conf olievlek.site.wsgi ...`.

gunicorn's own lines (starting, booting workers, timeouts) are written in the format of
the application's (`LOG_FORMAT=json`: JSON lines, site/logs.py), so a log collector reads
one format. gunicorn writes no access log: the application writes one line per request
with its request id and without the client's address or personal data in the path; a
second line per request from gunicorn would carry the address.
"""

import os

from olievlek.site.logs import logging_config

_app = logging_config(
    log_format=os.environ.get("LOG_FORMAT", "text"),
    level=os.environ.get("OLIEVLEK_LOG_LEVEL", "INFO"),
)
logconfig_dict = {
    **_app,
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
        "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
    },
}
