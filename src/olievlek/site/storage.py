"""File storage that never leaves a partial file behind.

Django's FileSystemStorage writes an upload straight into its final name, so a disk that
fills up halfway (or a worker killed halfway) leaves a truncated file that looks real.
Here the content is written to a hidden temporary file beside its place, flushed to disk,
and only then linked under its name; on any error the temporary file is removed and the
error (ENOSPC: see site/errors.py) goes up, so the transaction that wanted the file rolls
back too.
"""

from __future__ import annotations

import os
import uuid

from django.core.files.storage import FileSystemStorage


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        temporary = os.path.join(directory, f".{uuid.uuid4().hex}.part")
        # 0o666 like FileSystemStorage: the umask decides, file_permissions_mode below.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk.encode() if isinstance(chunk, str) else chunk)
                out.flush()
                os.fsync(out.fileno())
            while True:
                try:
                    os.link(temporary, full_path)  # never replaces an existing file
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            if os.path.lexists(temporary):
                os.unlink(temporary)
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        self._ensure_location_group_id(full_path)
        return os.path.relpath(full_path, self.location).replace("\\", "/")
