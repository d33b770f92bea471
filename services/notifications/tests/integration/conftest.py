"""Real peers for notifications: an HTTP server that records what the sms/whatsapp
providers receive (the SMTP server is antena_common.testing's `smtp_sink`)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Recorder:
    def __init__(self):
        self.requests: list[dict] = []
        self.fail_next: dict[str, list[int]] = {}  # per path: status codes to answer before succeeding
        self.lock = threading.Lock()

    def json_bodies(self, path: str | None = None) -> list[dict]:
        with self.lock:
            return [json.loads(r["body"]) for r in self.requests if r["status"] < 300 and (path is None or r["path"] == path)]


@pytest.fixture
def http_recorder():
    rec = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def _handle(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode()
            with rec.lock:
                queue = rec.fail_next.get(self.path) or []
                status = queue.pop(0) if queue else 200
                rec.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                     "body": body, "status": status})
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"ok": true}' if status < 300 else b'{"error": "provider trouble"}')

        do_POST = do_PUT = _handle

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    rec.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield rec
    server.shutdown()
    server.server_close()
