"""Real peers for the network tests, started in a temporary folder on free
ports: FreeRADIUS with rlm_sql on PostgreSQL, net-snmp's snmpd, snmpsim.
The Debian packages are listed in .ci/apt-packages/network.txt; snmpsim comes
with the package."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

FREERADIUS_CONF = Path("/etc/freeradius/3.0")
DICTIONARY_DIR = Path("/usr/share/freeradius")

SITE = """server antena {
  listen {
    type = auth
    ipaddr = 127.0.0.1
    port = %(port)d
  }
  authorize {
    preprocess
    sql
    pap
  }
  authenticate {
    Auth-Type PAP {
      pap
    }
  }
  post-auth {
    Post-Auth-Type REJECT {
      attr_filter.access_reject
    }
  }
}
"""


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_radius_schema(sqlalchemy_url: str) -> None:
    from sqlalchemy import create_engine

    schema = (FREERADIUS_CONF / "mods-config/sql/main/postgresql/schema.sql").read_text()
    engine = create_engine(sqlalchemy_url)
    with engine.begin() as conn:
        conn.exec_driver_sql(schema)
    engine.dispose()


class FreeRadius:
    """freeradius -f -d <tmp>/raddb with only an `antena` site: PAP against rlm_sql on PostgreSQL."""

    def __init__(self, workdir: Path, sqlalchemy_url: str, secret: str = "antena-test-secret"):
        self.workdir = Path(workdir)
        self.url = sqlalchemy_url
        self.secret = secret
        self.port = _free_udp_port()
        self.proc: subprocess.Popen | None = None

    def start(self) -> "FreeRadius":
        raddb = self.workdir / "raddb"
        shutil.copytree(FREERADIUS_CONF, raddb, symlinks=True)
        for name in ("logs", "run"):
            (self.workdir / name).mkdir(exist_ok=True)
        conf = (raddb / "radiusd.conf").read_text()
        conf = conf.replace("logdir = /var/log/freeradius", f"logdir = {self.workdir / 'logs'}")
        conf = conf.replace("run_dir = ${localstatedir}/run/${name}", f"run_dir = {self.workdir / 'run'}")
        conf = conf.replace("raddbdir = /etc/freeradius/3.0", f"raddbdir = {raddb}")
        conf = conf.replace("\tuser = freerad", "#\tuser = freerad").replace("\tgroup = freerad", "#\tgroup = freerad")
        conf = conf.replace("reject_delay = 1", "reject_delay = 0")
        (raddb / "radiusd.conf").write_text(conf)
        for p in (raddb / "sites-enabled").iterdir():
            p.unlink()
        for name in ("eap",):
            (raddb / "mods-enabled" / name).unlink(missing_ok=True)
        (raddb / "sites-enabled" / "antena").write_text(SITE % {"port": self.port})
        (raddb / "clients.conf").write_text(
            f"client localhost {{\n  ipaddr = 127.0.0.1\n  secret = {self.secret}\n}}\n")
        u = urlsplit(self.url.replace("postgresql+psycopg", "postgresql"))
        conninfo = f"dbname={u.path.lstrip('/')} host={u.hostname or '127.0.0.1'} port={u.port or 5432} " \
                   f"user={u.username or 'postgres'}" + (f" password={u.password}" if u.password else "")
        sql = (raddb / "mods-available" / "sql").read_text()
        sql = sql.replace('dialect = "sqlite"', 'dialect = "postgresql"')
        sql = sql.replace('driver = "rlm_sql_null"', 'driver = "rlm_sql_${dialect}"')
        sql = sql.replace('radius_db = "radius"', f'radius_db = "{conninfo}"')
        (raddb / "mods-available" / "sql").write_text(sql)
        link = raddb / "mods-enabled" / "sql"
        link.unlink(missing_ok=True)
        link.symlink_to("../mods-available/sql")
        self.log = open(self.workdir / "freeradius.out", "wb")
        self.proc = subprocess.Popen(["freeradius", "-f", "-d", str(raddb), "-l", "stdout"], stdout=self.log,
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("freeradius exited: " + (self.workdir / "freeradius.out").read_text()[-3000:])
            if b"Ready to process requests" in (self.workdir / "freeradius.out").read_bytes():
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("freeradius did not become ready: " + (self.workdir / "freeradius.out").read_text()[-3000:])

    def authenticate(self, username: str, password: str) -> tuple[bool, dict]:
        """PAP Access-Request with pyrad: (accepted, reply attributes)."""
        from pyrad.client import Client
        from pyrad.dictionary import Dictionary
        from pyrad.packet import AccessAccept, AccessRequest

        dictionary = Dictionary(str(Path(__file__).parent / "radius.dictionary"))
        client = Client(server="127.0.0.1", authport=self.port, secret=self.secret.encode(), dict=dictionary)
        client.timeout, client.retries = 2, 2
        req = client.CreateAuthPacket(code=AccessRequest, User_Name=username)
        req["User-Password"] = req.PwCrypt(password)
        reply = client.SendPacket(req)
        attrs = {}
        for key in reply.keys():
            values = reply[key]
            attrs[key if isinstance(key, str) else str(key)] = [v.decode() if isinstance(v, bytes) else str(v)
                                                                for v in values]
        return reply.code == AccessAccept, attrs

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if getattr(self, "log", None):
            self.log.close()


class Snmpd:
    """net-snmp's snmpd on a free UDP port of 127.0.0.1 (community `public`)."""

    def __init__(self, workdir: Path):
        self.workdir = Path(workdir)
        self.port = _free_udp_port()

    def start(self) -> "Snmpd":
        conf = self.workdir / "snmpd.conf"
        conf.write_text(f"agentAddress udp:127.0.0.1:{self.port}\nrocommunity public 127.0.0.1\n"
                        "sysLocation antena-test\n")
        self.pidfile = self.workdir / "snmpd.pid"
        (self.workdir / "snmp-persist").mkdir(exist_ok=True)
        subprocess.run(["/usr/sbin/snmpd", "-C", "-c", str(conf), "-p", str(self.pidfile), "-Lf",
                        str(self.workdir / "snmpd.log"), f"--persistentDir={self.workdir / 'snmp-persist'}"],
                       check=True, env={**os.environ, "MIBS": ""})
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not self.pidfile.exists():
            time.sleep(0.05)
        time.sleep(0.2)
        return self

    def stop(self) -> None:
        try:
            os.kill(int(self.pidfile.read_text().strip()), signal.SIGTERM)
        except (OSError, ValueError):
            pass


class SnmpSim:
    """snmpsim serving the .snmprec files of data_dir (community = file base name)."""

    def __init__(self, workdir: Path, data_dir: Path):
        self.workdir = Path(workdir)
        self.data_dir = Path(data_dir)
        self.port = _free_udp_port()

    def start(self) -> "SnmpSim":
        exe = Path(sys.executable).parent / "snmpsim-command-responder"
        (self.workdir / "snmpsim-cache").mkdir(exist_ok=True)
        self.log = open(self.workdir / "snmpsim.out", "wb")
        self.proc = subprocess.Popen(
            [str(exe), f"--data-dir={self.data_dir}", f"--cache-dir={self.workdir / 'snmpsim-cache'}",
             f"--agent-udpv4-endpoint=127.0.0.1:{self.port}"],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, "SNMPSIM_ALLOW_ROOT": "true"})
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("snmpsim exited: " + (self.workdir / "snmpsim.out").read_text()[-2000:])
            out = (self.workdir / "snmpsim.out").read_text(errors="replace")
            if "listening at" in out.lower():
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("snmpsim did not start: " + (self.workdir / "snmpsim.out").read_text(errors="replace")[-2000:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
