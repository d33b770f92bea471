"""bus.Listener: every process hears every event on its own transient queue, and
says when it may have missed some (connection lost), on both transports."""
import threading

import pytest

from antena_common.bus import Listener
from antena_common.events import new_envelope

pytestmark = pytest.mark.integration


class Heard:
    def __init__(self):
        self.keys: list[str] = []
        self.live: list[bool] = []
        self.lock = threading.Lock()

    def on_event(self, key: str) -> None:
        with self.lock:
            self.keys.append(key)

    def on_live(self, live: bool) -> None:
        self.live.append(live)


@pytest.fixture(params=["memory", "rabbitmq"])
def broker_url(request):
    return request.getfixturevalue("memory_bus_url" if request.param == "memory" else "amqp_url")


def start_listener(url: str, heard: Heard, types=("sales.ticket_changed",)) -> Listener:
    listener = Listener(url, "cache", list(types), on_event=heard.on_event, on_live=heard.on_live)
    listener.start()
    assert listener.ready.wait(10)
    return listener


def test_every_replica_hears_each_event_it_listens_for(broker_url, raw_publish, wait_until):
    a, b = Heard(), Heard()
    listeners = [start_listener(broker_url, a), start_listener(broker_url, b)]
    try:
        for name in ("ticket_changed", "lead_created", "ticket_changed"):
            raw_publish(broker_url, f"sales.{name}", new_envelope("sales", name, {}).to_json())
        wait_until(lambda: len(a.keys) == 2 and len(b.keys) == 2, message="both replicas heard both changes")
        assert a.keys == b.keys == ["sales.ticket_changed"] * 2
        assert a.live == b.live == [True]
    finally:
        for listener in listeners:
            listener.stop()
    assert a.live == [True, False]


def test_a_lost_connection_is_reported_then_listening_resumes(broker_proxy, raw_publish, amqp_url, wait_until):
    url, proxy = broker_proxy
    heard = Heard()
    listener = start_listener(url, heard)
    try:
        proxy.cut()
        wait_until(lambda: heard.live[-1] is False, message="the listener noticed")
        raw_publish(amqp_url, "sales.ticket_changed", new_envelope("sales", "ticket_changed", {}).to_json())
        proxy.restore()
        wait_until(lambda: heard.live[-1] is True, timeout=20, message="listening again")
        assert heard.live == [True, False, True]
        raw_publish(amqp_url, "sales.ticket_changed", new_envelope("sales", "ticket_changed", {}).to_json())
        wait_until(lambda: heard.keys, message="an event after the reconnection")
        # the event sent while it was away went to a queue that was deleted with its
        # connection: it was missed, which is why the listener reported the gap
        assert heard.keys == ["sales.ticket_changed"]
    finally:
        listener.stop()
