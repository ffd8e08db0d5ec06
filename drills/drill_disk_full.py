"""Drill: the disk for uploads is full. The private storage (story images, imports,
campaign files) is a small tmpfs, filled up to the last few kilobytes; the demo employer
uploads a photo to its draft story through the site, as a browser would.

Expected: 507 with a clear Dutch page, no partial file on the disk, no image row; after
space is freed the same upload succeeds. (Mounting needs root; `make drills` runs as root
in CI, as the test command does.)
"""

from __future__ import annotations

import io
import os
import random

from harness import Env, Row, as_json, login, say
from PIL import Image

STORY = """
import json
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.models import ContactPerson
contact = ContactPerson.objects.get(user__email="werkgever@olievlek.test")
story = StoryFactory(organisation=contact.organisation, title="Drill-verhaal", slug="drill-verhaal")
print(json.dumps(story.pk))
"""


def _photo() -> bytes:
    """A 1200×900 JPEG of noise: it stays large after the site re-encodes it."""
    rng = random.Random(14)
    image = Image.frombytes(
        "RGB", (1200, 900), bytes(rng.getrandbits(8) for _ in range(1200 * 900 * 3))
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def _files(root) -> set[str]:
    return {
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    }


def _upload(session, url: str, story: int, photo: bytes):
    page = f"{url}/mijn/verhalen/{story}/afbeeldingen"
    session.get(page, timeout=10)
    return session.post(
        page,
        data={
            "alt_text": "Medewerkers in de bakkerij",
            "caption": "",
            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
        },
        files={"image": ("bakkerij.jpg", photo, "image/jpeg")},
        headers={"Referer": page},
        timeout=30,
        allow_redirects=False,
    )


def run() -> list[Row]:
    with Env("disk") as env:
        private = env.dir / "var" / "private"
        env.mount_tmpfs(private, "4m")
        env.start_postgres()
        env.setup_site()
        story = as_json(env.python(STORY))
        photo = _photo()
        # Fill the disk up to the last 64 KB.
        stat = os.statvfs(private)
        free = stat.f_bavail * stat.f_frsize
        filler = private / "filler.bin"
        filler.write_bytes(b"\0" * (free - 64 * 1024))
        before = _files(private)
        say(
            f"private storage: {free // 1024} KB free before filling, 64 KB left; "
            f"photo {len(photo) // 1024} KB"
        )
        url = env.start_web(workers=1, threads=2)
        member = login(url)

        refused = _upload(member, url, story, photo)
        after = _files(private)
        rows = env.sql("SELECT count(*) FROM knowledge_storyimage WHERE story_id = %s", (story,))[
            0
        ][0]
        dutch = "De opslag voor bestanden is vol" in refused.text
        say(f"upload on the full disk: {refused.status_code}, Dutch message: {dutch}, "
            f"new files: {sorted(after - before) or 'none'}, image rows: {rows}")  # fmt: skip

        filler.unlink()
        accepted = _upload(member, url, story, photo)
        rows_after = env.sql("SELECT file FROM knowledge_storyimage WHERE story_id = %s", (story,))
        stored = [private / name for (name,) in rows_after]
        complete = all(path.is_file() and path.stat().st_size > 0 for path in stored)
        say(f"after freeing space: {accepted.status_code}, image rows {len(rows_after)}, "
            f"file complete: {complete}")  # fmt: skip
        ok = (
            refused.status_code == 507
            and dutch
            and after == before
            and rows == 0
            and accepted.status_code == 302
            and len(rows_after) == 1
            and complete
        )
        return [
            Row(
                "disk full for uploads",
                f"upload answered {refused.status_code} with a Dutch 'storage is full' page; "
                f"no partial file, no image row; the same upload worked once space was freed",
                "nothing (the upload was refused whole; the member can send it again)"
                if ok
                else "SEE LOG",
                ok,
            )
        ]


if __name__ == "__main__":
    for row in run():
        print(row)
