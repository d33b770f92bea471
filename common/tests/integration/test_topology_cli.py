"""`antena topology` (and `antena migrate`) declare every consumer queue up front,
so an event published before its consumer first starts waits in its queue."""
import os
import subprocess
import sys

import pytest
from kombu import Connection, Queue

from antena_common import bus

pytestmark = pytest.mark.integration


def test_queues_exist_before_any_service_starts(amqp_url, tmp_path):
    env = {**os.environ, "ANTENA_BROKER_URL": amqp_url, "ANTENA_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "antena_common.cli", "topology"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr

    with bus.connect(amqp_url) as conn:
        publisher = bus.Publisher(amqp_url)
        publisher.publish_raw("sales.order_requested", '{"early": true}')
        publisher.close()
        channel = conn.channel()
        queue = Queue("orders.sales.order_requested", channel=channel)
        _, message_count, _ = queue.queue_declare(passive=True)
        assert message_count == 1
        # A queue nobody declared would have raised on a passive declare.
        with pytest.raises(Exception):
            Queue("nobody.sales.order_requested", channel=conn.channel()).queue_declare(passive=True)
