"""JSON log lines carry the bound correlation id (own process: logging is configured once)."""
import json
import subprocess
import sys

SCRIPT = """
from antena_common.logs import configure, correlation, get_logger
configure("INFO", "json")
with correlation("req-123"):
    get_logger("t").info("inside", service="sales")
get_logger("t").info("outside")
"""


def test_json_log_lines_carry_the_correlation_id():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=True)
    lines = [json.loads(line) for line in out.stderr.splitlines() if line.startswith("{")]
    inside, outside = lines
    assert inside["event"] == "inside" and inside["correlation_id"] == "req-123" and inside["service"] == "sales"
    assert "correlation_id" not in outside
