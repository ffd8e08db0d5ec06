import uuid
from pathlib import PurePosixPath


def private_storage():
    """Uploads go to the private storage: nothing of ours is served from a file path;
    views check who asks before they hand out a file."""
    from django.core.files.storage import storages

    return storages["private"]


def random_name(folder: str, filename: str) -> str:
    """A stored name that reveals nothing and cannot be guessed; the original name is
    kept in the database where needed."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"knowledge/{folder}/{uuid.uuid4().hex}{suffix}"
