"""A FAKE MikroTik RouterOS API server, for tests and benchmarks only.

RouterOS has no installable simulator, so this speaks the RouterOS API wire
protocol itself (length-prefixed words, sentences ending in an empty word,
replies !re/!done/!trap) well enough for librouteros to talk to it unmodified:
/login (plain), and print (with .proplist and ? queries), add, set and remove
on /ppp/secret, /queue/simple, /ip/firewall/address-list and
/ip/dhcp-server/lease. It keeps its
tables in memory and mimics a few real behaviours (a duplicate name is a
!trap, max-limit is printed in bits per second). It is not RouterOS: no
firewall, no PPP, nothing is routed. The service never uses it."""
from __future__ import annotations

import itertools
import socket
import socketserver
import threading
import time

TABLES = ("/ppp/secret", "/queue/simple", "/ip/firewall/address-list", "/ip/dhcp-server/lease")
UNIQUE = {"/ppp/secret": ("name",), "/queue/simple": ("name",), "/ip/firewall/address-list": ("list", "address"),
          "/ip/dhcp-server/lease": ("mac-address",)}
DEFAULTS = {
    "/ppp/secret": {"service": "any", "profile": "default", "disabled": "false", "comment": ""},
    "/queue/simple": {"max-limit": "0/0", "disabled": "false", "comment": ""},
    "/ip/firewall/address-list": {"disabled": "false", "comment": ""},
    "/ip/dhcp-server/lease": {"server": "all", "disabled": "false", "comment": ""},
}


def encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    if n < 0x4000:
        return (n | 0x8000).to_bytes(2, "big")
    if n < 0x200000:
        return (n | 0xC00000).to_bytes(3, "big")
    if n < 0x10000000:
        return (n | 0xE0000000).to_bytes(4, "big")
    return b"\xf0" + n.to_bytes(4, "big")


def _read_exact(sock: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("client closed")
        buf += chunk
    return buf


def read_length(sock: socket.socket) -> int:
    b0 = _read_exact(sock, 1)[0]
    if b0 < 0x80:
        return b0
    if b0 < 0xC0:
        return ((b0 & 0x3F) << 8) | _read_exact(sock, 1)[0]
    if b0 < 0xE0:
        return ((b0 & 0x1F) << 16) | int.from_bytes(_read_exact(sock, 2), "big")
    if b0 < 0xF0:
        return ((b0 & 0x0F) << 24) | int.from_bytes(_read_exact(sock, 3), "big")
    return int.from_bytes(_read_exact(sock, 4), "big")


def read_sentence(sock: socket.socket) -> list[str]:
    words = []
    while True:
        n = read_length(sock)
        if n == 0:
            return words
        words.append(_read_exact(sock, n).decode("utf-8", "replace"))


def encode_sentence(*words: str) -> bytes:
    out = b""
    for w in words:
        data = w.encode("utf-8")
        out += encode_length(len(data)) + data
    return out + b"\x00"


def _bps(rate: str) -> str:
    mult = {"k": 1000, "K": 1000, "M": 1_000_000, "G": 1_000_000_000}

    def one(x: str) -> str:
        x = x.strip()
        if x and x[-1] in mult:
            return str(int(float(x[:-1]) * mult[x[-1]]))
        return x
    return "/".join(one(p) for p in rate.split("/"))


class _Trap(Exception):
    pass


class FakeRouterOS:
    """Start with .start(); .port is where it listens. Tables are lists of dicts."""

    def __init__(self, username: str = "admin", password: str = "secret", *, hang: bool = False):
        self.username = username
        self.password = password
        self.hang = hang            # accept connections but never answer (a router that times out)
        self.tables: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.lock = threading.Lock()
        self._ids = itertools.count(1)
        self.writes = 0             # add/set/remove commands that changed something
        self.logins = 0
        self.failed_logins = 0
        self.server: socketserver.ThreadingTCPServer | None = None

    # ---- test helpers ----------------------------------------------------------
    def rows(self, table: str) -> list[dict]:
        with self.lock:
            return [dict(r) for r in self.tables[table]]

    def delete_where(self, table: str, **match) -> int:
        """Delete entries behind the system's back (drift)."""
        with self.lock:
            before = len(self.tables[table])
            self.tables[table] = [r for r in self.tables[table] if any(r.get(k) != v for k, v in match.items())]
            return before - len(self.tables[table])

    def set_where(self, table: str, match: dict, **values) -> int:
        with self.lock:
            n = 0
            for r in self.tables[table]:
                if all(r.get(k) == v for k, v in match.items()):
                    r.update(values)
                    n += 1
            return n

    # ---- server ------------------------------------------------------------------
    def start(self) -> "FakeRouterOS":
        fake = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                fake._serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def _serve(self, sock: socket.socket) -> None:
        logged_in = False
        try:
            while True:
                words = read_sentence(sock)
                if not words:
                    continue
                if self.hang:
                    time.sleep(30)
                    return
                cmd, args, queries = words[0], {}, []
                tag = None
                for w in words[1:]:
                    if w.startswith("="):
                        k, _, v = w[1:].partition("=")
                        args[k] = v
                    elif w.startswith("?"):
                        queries.append(w[1:])
                    elif w.startswith(".tag="):
                        tag = w[5:]
                extra = (f".tag={tag}",) if tag else ()
                try:
                    if cmd == "/login":
                        if args.get("name") == self.username and args.get("password") == self.password:
                            logged_in = True
                            self.logins += 1
                            sock.sendall(encode_sentence("!done", *extra))
                        else:
                            self.failed_logins += 1
                            sock.sendall(encode_sentence("!trap", "=message=invalid user name or password (6)", *extra)
                                         + encode_sentence("!done", *extra))
                        continue
                    if not logged_in:
                        raise _Trap("not logged in")
                    replies = self._command(cmd, args, queries)
                    out = b"".join(encode_sentence("!re", *(f"={k}={v}" for k, v in r.items()), *extra)
                                   for r in replies.get("re", []))
                    done = ("!done",) + tuple(f"={k}={v}" for k, v in replies.get("done", {}).items()) + extra
                    sock.sendall(out + encode_sentence(*done))
                except _Trap as exc:
                    sock.sendall(encode_sentence("!trap", f"=message={exc}", *extra)
                                 + encode_sentence("!done", *extra))
        except (ConnectionError, OSError):
            return

    # ---- commands ------------------------------------------------------------------
    def _command(self, cmd: str, args: dict, queries: list[str]) -> dict:
        if cmd == "/system/resource/print":
            return {"re": [{"uptime": "1d", "version": "7.x-fake", "board-name": "FakeRouterOS"}]}
        path, _, verb = cmd.rpartition("/")
        if path not in self.tables:
            raise _Trap("no such command prefix")
        with self.lock:
            table = self.tables[path]
            if verb == "print":
                rows = [r for r in table if _matches(r, queries)]
                props = [p for p in args.get(".proplist", "").split(",") if p]
                return {"re": [{k: v for k, v in r.items() if not props or k in props} for r in rows]}
            if verb == "add":
                row = {**DEFAULTS[path], **args}
                if path == "/queue/simple" and "max-limit" in row:
                    row["max-limit"] = _bps(row["max-limit"])
                for r in table:
                    if all(r.get(k) == row.get(k) for k in UNIQUE[path]):
                        if path in ("/ip/firewall/address-list", "/ip/dhcp-server/lease"):
                            raise _Trap("failure: already have such entry")
                        raise _Trap(f"failure: {path.rsplit('/', 1)[1]} with the same name already exists")
                row[".id"] = f"*{next(self._ids):X}"
                table.append(row)
                self.writes += 1
                return {"done": {"ret": row[".id"]}}
            if verb == "set":
                ids = args.pop(".id", "").split(",")
                targets = [r for r in table if r[".id"] in ids]
                if len(targets) != len(ids) or not ids:
                    raise _Trap("no such item")
                if path == "/queue/simple" and "max-limit" in args:
                    args["max-limit"] = _bps(args["max-limit"])
                for r in targets:
                    clash = [o for o in table if o is not r and "name" in args and o.get("name") == args["name"]]
                    if clash and "name" in UNIQUE[path]:
                        raise _Trap("failure: entry with the same name already exists")
                    r.update(args)
                self.writes += 1
                return {}
            if verb == "remove":
                ids = args.get(".id", "").split(",")
                if not ids or any(all(r[".id"] != i for r in table) for i in ids):
                    raise _Trap("no such item")
                self.tables[path] = [r for r in table if r[".id"] not in ids]
                self.writes += 1
                return {}
        raise _Trap("no such command")


def _matches(row: dict, queries: list[str]) -> bool:
    """RouterOS API query words evaluated on a stack (see the API manual)."""
    if not queries:
        return True
    stack: list[bool] = []
    for q in queries:
        if q.startswith("#"):
            for op in q[1:]:
                if op == "!":
                    stack.append(not stack.pop())
                elif op == "&":
                    b, a = stack.pop(), stack.pop()
                    stack.append(a and b)
                elif op == "|":
                    b, a = stack.pop(), stack.pop()
                    stack.append(a or b)
                elif op.isdigit():
                    stack.append(stack[-1 - int(op)])
            continue
        if q.startswith("="):
            q = q[1:]
        if q.startswith("-"):
            stack.append(q[1:] not in row)
        elif q.startswith("<") or q.startswith(">"):
            k, _, v = q[1:].partition("=")
            have = row.get(k, "")
            try:
                res = float(have) < float(v) if q[0] == "<" else float(have) > float(v)
            except ValueError:
                res = have < v if q[0] == "<" else have > v
            stack.append(res)
        elif "=" in q:
            k, _, v = q.partition("=")
            stack.append(row.get(k) == v)
        else:
            stack.append(q in row)
    return all(stack)
