"""The coverage client when network cannot be reached: "unknown", never an error."""
import time

import pytest

from antena_common.testing import free_port
from sales.adapters.clients import BillingCatalog, NetworkCoverage

pytestmark = pytest.mark.integration


def test_unreachable_network_gives_unknown_coverage():
    started = time.monotonic()
    coverage = NetworkCoverage(f"127.0.0.1:{free_port()}")(-31.4, -64.2)
    assert coverage.status == "unknown" and "unavailable" in coverage.detail
    assert time.monotonic() - started < 10


def test_unreachable_billing_leaves_ids_unchecked():
    assert BillingCatalog(f"127.0.0.1:{free_port()}")("plan-1", [], []) is False
    assert BillingCatalog(f"127.0.0.1:{free_port()}")("", [], []) is True  # nothing to check
