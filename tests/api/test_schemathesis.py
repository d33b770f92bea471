"""API robustness: schemathesis fuzzes every operation of the gateway's OpenAPI
(embedded system, admin bearer token) and must see no server error (5xx)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ST = Path(sys.executable).with_name("st")

# Operations excluded because of known defects (named in the issue notes); none yet.
EXCLUDED_PATHS: list[str] = []


@pytest.mark.timeout(400)
def test_gateway_openapi_has_no_server_errors(embedded_system, tmp_path):
    token = embedded_system.token()
    cmd = [str(ST), "run", f"{embedded_system.gateway_url}/openapi.json",
           "--checks", "not_a_server_error", "--max-examples", "10", "--seed", "7",
           "--workers", "1", "--request-timeout", "20",
           "--phases", "examples,coverage,fuzzing",
           "-H", f"Authorization: Bearer {token}",
           "--report", "junit", "--report-dir", str(tmp_path)]
    for path in EXCLUDED_PATHS:
        cmd += ["--exclude-path", path]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=380)
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    print(run.stdout[-3000:])
