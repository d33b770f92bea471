"""The gateway's ticket-list page cache, embedded and distributed: a repeated list
is answered from memory; a change made behind this gateway's back (another
replica, a service's event handler) reaches the list through sales.ticket_changed
long before the cache's max age; a change made through this gateway is read back
at once."""
import grpc
import pytest

from antena.sales.v1 import sales_pb2, sales_pb2_grpc
from antena_common import scenario
from antena_common.testing import EmbeddedSystem, distributed, metric_samples, system_env, wait_until

pytestmark = pytest.mark.e2e

SERVICES = ["sales", "billing", "gateway"]
LONG_MAX_AGE = {"ANTENA_GATEWAY_TICKET_LIST_CACHE_SECONDS": "600"}  # only an event can refresh a page


@pytest.fixture(params=["embedded", "distributed"])
def system(request, tmp_path):
    if request.param == "embedded":
        request.getfixturevalue("memory_bus_url")
        env = {**system_env(tmp_path / "data"), **LONG_MAX_AGE}
        embedded = EmbeddedSystem(env, only=SERVICES)
        yield embedded
        embedded.stop()
    else:
        with distributed(tmp_path, request.getfixturevalue("amqp_url"), only=SERVICES,
                         extra_env=LONG_MAX_AGE) as processes:
            yield processes


def lookups(api) -> dict[str, float]:
    page = api.get("/metrics").text
    return {labels["result"]: value
            for labels, value in metric_samples(page, "antena_page_cache_lookups_total", list="tickets")}


def test_pages_are_reused_until_a_ticket_changes(system):
    with system.client() as api:
        lead_id, (p1, p2) = scenario.desk_prospects(api, 2)
        first = api.post("/v1/tickets", json={"lead_id": lead_id, "prospect_id": p1, "assignee_id": "seller-1"})
        assert first.status_code == 201, first.text
        tid = first.json()["id"]

        def page(**params):
            r = api.get("/v1/tickets", params={"state": "pending", **params})
            assert r.status_code == 200, r.text
            return r.json()["items"]

        def served_from_memory():
            before = lookups(api).get("hit", 0)
            assert [t["id"] for t in page()] == [tid]
            return lookups(api).get("hit", 0) == before + 1

        # (until the gateway listens for changes, and after its own create's event went by)
        wait_until(served_from_memory, message="a repeated list comes from memory")

        # behind the gateway's back, as another gateway replica would: sales' event clears the page
        with grpc.insecure_channel(system.grpc_target("sales")) as channel:
            sales_pb2_grpc.SalesServiceStub(channel).AssignTicket(
                sales_pb2.AssignTicketRequest(ticket_id=tid, assignee_id="seller-9"), timeout=10)
        wait_until(lambda: page()[0]["assignee_id"] == "seller-9", timeout=5,
                   message="the list shows the change made elsewhere")

        # through this gateway: visible in the very next list, before any event
        second = api.post("/v1/tickets", json={"lead_id": lead_id, "prospect_id": p2})
        assert second.status_code == 201, second.text
        assert [t["id"] for t in page()] == [second.json()["id"], tid]
        assert api.post(f"/v1/tickets/{tid}/lose", json={"tag": "sin plan"}).status_code == 200
        assert [t["id"] for t in page()] == [second.json()["id"]]
        assert [t["id"] for t in page(state="lost")] == [tid]
