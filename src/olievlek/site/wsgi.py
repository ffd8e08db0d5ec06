import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "olievlek.site.settings")
django.setup(set_prefix=False)  # what get_wsgi_application() does, with our handler

from olievlek.site.resolving import Handler  # noqa: E402 (after setup)

application = Handler()
