"""The site's URLs plus an upload view whose file meets a full disk, for the 507 tests."""

import errno

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse
from django.urls import path

from olievlek.site.urls import handler404, handler500  # noqa: F401
from olievlek.site.urls import urlpatterns as site_patterns


class DiskFillsUp(File):
    """Content of which the disk takes the first chunk and then has no room left."""

    def __init__(self):
        super().__init__(None, name="verslag.pdf")

    def chunks(self, chunk_size=None):
        yield b"%PDF-1.7 " * 1000
        raise OSError(errno.ENOSPC, "No space left on device")


def upload(request):
    from olievlek.network.tests.factories import OrganisationFactory

    with transaction.atomic():
        OrganisationFactory(name="Upload in een transactie")
        default_storage.save("verhalen/verslag.pdf", DiskFillsUp())
    return HttpResponse("saved")


urlpatterns = [
    path("test-upload-disk-full", upload),
    path("api/v1/test-upload-disk-full", upload),
    *site_patterns,
]
