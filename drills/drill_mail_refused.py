"""Drill: the mail server refuses (421 at the greeting) while mails are queued, then
accepts again.

Expected: every mail stays a row (RETRYING, with the reason and its next attempt), nothing
is lost, and once the server accepts, each mail is delivered exactly once. The retry waits
1 minute first; the drill moves the due times forward instead of waiting ("as if the
minute passed"), which is what the clock would do.
"""

from __future__ import annotations

import socketserver
import threading

from harness import Env, Row, as_json, free_port, say, wait_for

COUNT = 5
QUEUE = """
import json
from olievlek.mail.services import mail_queue
ids = [mail_queue(recipient=f"lid{{n}}@drill.example.nl", subject=f"Drill {{n}}",
                  text=f"Bericht {{n}}", kind="drill").pk for n in range({count})]
print(json.dumps(ids))
"""


class SmtpServer(socketserver.ThreadingTCPServer):
    """A minimal SMTP server on 127.0.0.1: `refusing` answers 421 and hangs up; otherwise
    it takes every message and keeps it in `received`."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int):
        self.refusing = True
        self.received: list[bytes] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), SmtpHandler)


class SmtpHandler(socketserver.StreamRequestHandler):
    timeout = 10

    def send(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        server: SmtpServer = self.server
        if server.refusing:
            self.send("421 drill.example.nl Service not available, try again later")
            return
        self.send("220 drill.example.nl ESMTP")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.send("250 drill.example.nl")
            elif command == b"DATA":
                self.send("354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk
                with server.lock:
                    server.received.append(data)
                self.send("250 OK queued")
            elif command == b"QUIT":
                self.send("221 Bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.send("250 OK")


def run() -> list[Row]:
    port = free_port()
    smtp = SmtpServer(port)
    thread = threading.Thread(target=smtp.serve_forever, kwargs={"poll_interval": 0.2})
    thread.start()
    try:
        with Env("mail") as env:
            env.env.update(
                OLIEVLEK_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                OLIEVLEK_EMAIL_HOST="127.0.0.1",
                OLIEVLEK_EMAIL_PORT=str(port),
                OLIEVLEK_EMAIL_TIMEOUT="5",
            )
            env.start_postgres()
            env.setup_site(demo=False)
            env.start_worker("drill-mail-worker")
            ids = as_json(env.python(QUEUE.format(count=COUNT)))

            def states():
                return dict(
                    env.sql(
                        "SELECT state, count(*) FROM mail_outboundmail WHERE kind = 'drill' "
                        "GROUP BY state"
                    )
                )

            wait_for(lambda: states() == {"retrying": COUNT}, timeout=60, what="mails retrying")
            error = env.sql(
                "SELECT last_error FROM mail_outboundmail WHERE kind = 'drill' LIMIT 1"
            )[0][0]
            say(f"server refusing: {states()}, reason recorded: {error[:70]!r}")
            say(f"received by the server so far: {len(smtp.received)}")
            smtp.refusing = False
            # As if the first retry delay (1 minute) had passed.
            env.sql("UPDATE mail_outboundmail SET next_attempt_at = now() WHERE kind = 'drill'")
            env.sql(
                "UPDATE django_tasks_database_dbtaskresult SET run_after = now() "
                "WHERE status = 'READY' AND task_path LIKE %s",
                ("%deliver_mail",),
            )
            wait_for(lambda: states() == {"sent": COUNT}, timeout=60, what="mails sent")
            env.stop("worker")
            attempts = env.sql(
                "SELECT min(attempts), max(attempts) FROM mail_outboundmail WHERE kind = 'drill'"
            )[0]
            recipients = sorted(
                line.split(b":", 1)[1].strip().decode()
                for message in smtp.received
                for line in message.splitlines()
                if line.lower().startswith(b"to:")
            )
            say(f"server accepting: {states()}, attempts {attempts}, received {len(recipients)}")
            expected = sorted(f"lid{n}@drill.example.nl" for n in range(COUNT))
            ok = recipients == expected and len(ids) == COUNT
            return [
                Row(
                    "mail server refuses",
                    f"{COUNT} mails kept as 'retrying' with the reason while refused; "
                    f"delivered on attempt {attempts[1]} when it accepted, each once",
                    "nothing" if ok else f"SEE LOG (received {recipients})",
                    ok,
                )
            ]
    finally:
        smtp.shutdown()
        smtp.server_close()
        thread.join(timeout=10)


if __name__ == "__main__":
    for row in run():
        print(row)
