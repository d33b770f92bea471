"""The sales desk through the gateway, the whole system embedded: lead -> prospect
-> ticket with an installation order -> the ticket is order_in_progress and the
unscheduled order is in GET /v1/orders; comments, attachments, loss, reports."""
import pytest

from antena_common.testing import EmbeddedSystem, system_env, wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk_system(tmp_path, memory_bus_url):
    """The services the desk flow crosses (embedded): sales, orders, billing, network and the gateway."""
    system = EmbeddedSystem(system_env(tmp_path / "data"), only=["sales", "orders", "billing", "network", "gateway"])
    yield system
    system.stop()

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


def _catalog(api):
    plan = api.post("/v1/plans", json={"name": "Fibra 300", "download_mbps": 300, "upload_mbps": 100,
                                       "price": "12500.00", "currency": "ARS"})
    assert plan.status_code == 201, plan.text
    item = api.post("/v1/recurring-items", json={"name": "IP fija", "price": "1500", "period": "monthly"}).json()
    promo = api.post("/v1/discounts", json={"name": "50% por 3 meses", "kind": "percent", "value": "50",
                                            "months": 3}).json()
    return plan.json()["id"], item["id"], promo["id"]


def _lead_and_prospect(api, plan_id="", items=(), discounts=(), name="Ana Gómez"):
    lead = api.post("/v1/leads", json={"name": name, "document": "30111222", "phone": "+54 351 123-4567",
                                       "email": "ana@example.com", "source": "whatsapp"})
    assert lead.status_code == 201, lead.text
    lead = lead.json()
    prospect = api.post("/v1/prospects", json={
        "lead_id": lead["id"], "plan_id": plan_id, "recurring_item_ids": list(items), "discount_ids": list(discounts),
        "address": {"street": "San Martín", "number": "123", "city": "Córdoba", "state": "Córdoba"},
        "location": {"lat": -31.4167, "lon": -64.1833}})
    assert prospect.status_code == 201, prospect.text
    return lead, prospect.json()


def _desk_flow(system):
    with system.client() as api:
        plan_id, item_id, promo_id = _catalog(api)
        lead, prospect = _lead_and_prospect(api, plan_id, [item_id], [promo_id])
        assert prospect["catalog_checked"] is True
        assert prospect["location"] == {"lat": -31.4167, "lon": -64.1833}

        created = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"],
                                                "create": "installation", "assignee_id": "seller-1"})
        assert created.status_code == 201, created.text
        ticket = created.json()
        assert ticket["state"] == "pending" and ticket["source"] == "whatsapp"
        assert ticket["prospect_name"] == "Ana Gómez" and ticket["assignee_id"] == "seller-1"
        assert ticket["coverage"]["status"] == "not_covered" and ticket["coverage"]["covered"] is False  # no NAP box

        def in_progress():
            t = api.get(f"/v1/tickets/{ticket['id']}").json()
            return t if t["state"] == "order_in_progress" else None

        t = wait_until(in_progress, timeout=5, message="ticket order_in_progress")
        assert t["orders_count"] == 1 and len(t["order_ids"]) == 1
        assert [h["to_state"] for h in t["history"]] == ["pending", "order_in_progress"]
        orders = api.get("/v1/orders", params={"state": "unscheduled"}).json()["items"]
        order = next(o for o in orders if o["id"] == t["order_ids"][0])
        assert order["kind"] == "installation" and order["ticket_id"] == ticket["id"]

        # the list view, filtered by state
        listed = api.get("/v1/tickets", params={"state": "order_in_progress"}).json()["items"]
        assert [x["id"] for x in listed] == [ticket["id"]]
        assert listed[0]["orders_count"] == 1 and listed[0]["prospect_name"] == "Ana Gómez"
        assert api.get("/v1/tickets", params={"state": "pending"}).json()["items"] == []

        # a second installation order while one is open: 409
        again = api.post(f"/v1/tickets/{ticket['id']}/orders", json={"kind": "installation"})
        assert again.status_code == 409, again.text


def test_desk_flow_to_an_unscheduled_order(desk_system):
    _desk_flow(desk_system)


def test_desk_flow_distributed(distributed_system):
    """Every service its own process, RabbitMQ and one PostgreSQL database each."""
    _desk_flow(distributed_system)


def test_desk_follow_up_and_bad_input(desk_system):
    with desk_system.client() as api:
        lead, prospect = _lead_and_prospect(api, name="José Pérez Núñez")
        assert prospect["catalog_checked"] is True  # nothing to check
        # accent- and case-insensitive search
        found = api.get("/v1/leads", params={"q": "perez nunez"}).json()["items"]
        assert [x["id"] for x in found] == [lead["id"]]
        assert api.get("/v1/leads", params={"q": "3511234567"}).json()["items"][0]["id"] == lead["id"]

        ticket = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"],
                                               "create": "ticket"}).json()
        tid = ticket["id"]
        assert ticket["state"] == "pending" and ticket["order_ids"] == [] and ticket["scheduled_for"] is None

        comment = api.post(f"/v1/tickets/{tid}/comments", json={"text": "Llamar el lunes"})
        assert comment.status_code == 201 and comment.json()["author_name"] == "admin"
        upload = api.post(f"/v1/tickets/{tid}/attachments", files={"file": ("dni.png", PNG, "image/png")})
        assert upload.status_code == 201, upload.text
        att = upload.json()
        assert att["content_type"] == "image/png" and att["size"] == len(PNG)
        pdf = api.post(f"/v1/tickets/{tid}/attachments", files={"file": ("factura.pdf", PDF, "application/octet-stream")})
        assert pdf.status_code == 201 and pdf.json()["content_type"] == "application/pdf"
        got = api.get(f"/v1/tickets/{tid}/attachments/{att['id']}")
        assert got.status_code == 200 and got.content == PNG and got.headers["content-type"] == "image/png"
        fake = api.post(f"/v1/tickets/{tid}/attachments", files={"file": ("x.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")})
        assert fake.status_code == 415 and fake.headers["content-type"].startswith("application/problem+json")
        empty = api.post(f"/v1/tickets/{tid}/attachments", files={"file": ("a.pdf", b"", "application/pdf")})
        assert empty.status_code == 422 and "file" in empty.json()["errors"]
        assert api.post(f"/v1/tickets/{tid}/attachments", data={"description": "x"}).status_code == 422

        assigned = api.post(f"/v1/tickets/{tid}/assign", json={"assignee_id": "seller-2"}).json()
        assert assigned["assignee_id"] == "seller-2"
        detail = api.get(f"/v1/tickets/{tid}").json()
        assert [c["text"] for c in detail["comments"]] == ["Llamar el lunes"] and len(detail["attachments"]) == 2

        lost = api.post(f"/v1/tickets/{tid}/lose", json={"tag": "Sin Cobertura"})
        assert lost.status_code == 200, lost.text
        assert lost.json()["state"] == "lost" and lost.json()["tags"] == ["sin cobertura"]
        conflict = api.post(f"/v1/tickets/{tid}/orders", json={"kind": "installation"})
        assert conflict.status_code == 409
        assert api.get("/v1/tickets", params={"tag": "sin cobertura"}).json()["items"][0]["id"] == tid

        # bad input: 422 naming fields, 404 for unknown ids, never 500
        bad = api.post("/v1/prospects", json={"lead_id": lead["id"], "location": {"lat": 91, "lon": -200}})
        assert bad.status_code == 422 and {"location.lat", "location.lon"} <= set(bad.json()["errors"])
        assert api.post("/v1/tickets", json={"lead_id": "nope", "prospect_id": prospect["id"]}).status_code == 404
        bad_create = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"], "create": "x"})
        assert bad_create.status_code == 422 and "create" in bad_create.json()["errors"]
        assert api.get("/v1/tickets/unknown").status_code == 404
        assert api.get("/v1/tickets", params={"state": "closed"}).status_code == 422
        assert api.get("/v1/tickets", params={"cursor": "%%%"}).status_code == 422
        assert api.post("/v1/tickets/unknown/lose", json={"tag": "sin plan"}).status_code == 404
        assert api.post("/v1/prospects", json={"lead_id": "missing"}).status_code == 404
        unknown_plan = api.post("/v1/prospects", json={"lead_id": lead["id"], "plan_id": "no-such-plan"})
        assert unknown_plan.status_code == 422 and "plan_id" in unknown_plan.json()["errors"]  # billing said so
        paths = api.get("/openapi.json").json()["paths"]
        assert {"/v1/tickets", "/v1/tickets/{ticket_id}/lose", "/v1/leads/import", "/v1/reports/sales"} <= set(paths)

        report = api.get("/v1/reports/sales").json()
        assert report["tickets"] == 1 and {"key": "lost", "count": 1} in report["by_state"]
        assert report["by_loss_tag"] == [{"key": "sin cobertura", "count": 1}]
        csv_body = api.get("/v1/reports/sales", headers={"Accept": "text/csv"})
        assert csv_body.headers["content-type"].startswith("text/csv")
        assert "by_loss_tag,sin cobertura,1," in csv_body.text
        assert api.get("/v1/reports/sales", params={"from": "2026-13-01"}).status_code == 422


def test_csv_import(desk_system):
    content = ("nombre;teléfono;correo;origen\n"
               "María López;351 555 1234;maria@example.com;feria\n"
               ";3515551111;x@example.com;\n"
               "Pedro;12;no-es-mail;web\n").encode("utf-8")
    with desk_system.client() as api:
        r = api.post("/v1/leads/import", files={"file": ("leads.csv", content, "text/csv")})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["created"] == 1 and body["failed"] == 2
        assert {(e["row"], e["field"]) for e in body["errors"]} == {(3, "name"), (4, "phone"), (4, "email")}
        assert api.get("/v1/leads", params={"q": "maria lopez"}).json()["items"][0]["source"] == "feria"
        assert api.get("/v1/lead-sources").json()["items"] == [{"source": "feria", "leads": 1}]
        garbage = api.post("/v1/leads/import", files={"file": ("x.csv", b"\x00\x01\x02binary", "text/csv")})
        assert garbage.status_code == 422
        no_name = api.post("/v1/leads/import", files={"file": ("x.csv", b"foo,bar\n1,2\n", "text/csv")})
        assert no_name.status_code == 422 and "file" in no_name.json()["errors"]


def test_ticket_records_network_coverage(desk_system):
    from antena.network.v1 import network_pb2, network_pb2_grpc
    from antena_common import rpc

    net = network_pb2_grpc.NetworkServiceStub(rpc.channel(desk_system.grpc_target("network")))
    olt = net.CreateOlt(network_pb2.CreateOltRequest(name="OLT centro", host="10.0.0.2"), timeout=5)
    nap = net.CreateNapBox(network_pb2.CreateNapBoxRequest(code="NAP-001", olt_id=olt.id, ports=16, lat=-31.4168,
                                                           lon=-64.1834), timeout=5)
    with desk_system.client() as api:
        lead, prospect = _lead_and_prospect(api)
        ticket = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"]}).json()
        coverage = ticket["coverage"]
        assert coverage["status"] == "covered" and coverage["covered"] is True
        assert coverage["nearest"]["nap_box_id"] == nap.id and coverage["nearest"]["code"] == "NAP-001"
        assert coverage["nearest"]["distance_m"] < 50 and coverage["nearest"]["free_ports"] == 16


def test_attachment_size_limits(desk_system):
    with desk_system.client() as api:
        lead, prospect = _lead_and_prospect(api)
        tid = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"]}).json()["id"]
        big = PNG + b"\x00" * (6 * 1024 * 1024)  # above gRPC's default 4 MiB message
        ok = api.post(f"/v1/tickets/{tid}/attachments", files={"file": ("plano.png", big, "image/png")})
        assert ok.status_code == 201, ok.text
        assert api.get(f"/v1/tickets/{tid}/attachments/{ok.json()['id']}").content == big
        too_big = api.post(f"/v1/tickets/{tid}/attachments",
                           files={"file": ("x.png", PNG + b"\x00" * (10 * 1024 * 1024), "image/png")})
        assert too_big.status_code == 413
        assert api.post("/v1/tickets/nope/attachments", files={"file": ("a.png", PNG, "image/png")}).status_code == 404


def test_portal_installation_request_over_grpc(desk_system):
    from antena.sales.v1 import sales_pb2, sales_pb2_grpc
    from antena_common import rpc

    stub = sales_pb2_grpc.SalesServiceStub(rpc.channel(desk_system.grpc_target("sales")))
    req = sales_pb2.SubmitInstallationRequestRequest(
        request_id="portal-req-1", isp="mi-isp", name="Lucía Fernández", phone="3515550000", email="lucia@example.com",
        address={"street": "Belgrano", "number": "55", "city": "Córdoba", "state": "Córdoba"},
        documents=[sales_pb2.UploadedDocument(filename="dni.pdf", content_type="application/pdf", content=PDF,
                                              description="DNI")])
    first = stub.SubmitInstallationRequest(req, timeout=10)
    again = stub.SubmitInstallationRequest(req, timeout=10)
    assert not first.replayed and again.replayed and again.ticket_id == first.ticket_id
    assert first.ticket.source == "portal" and first.ticket.state == "pending"
    with desk_system.client() as api:
        ticket = api.get(f"/v1/tickets/{first.ticket_id}").json()
        assert ticket["source"] == "portal" and ticket["coverage"]["status"] == "unknown"  # no coordinates given
        att = ticket["attachments"][0]
        assert att["content_type"] == "application/pdf" and att["description"] == "DNI"
    content = stub.GetTicketAttachment(sales_pb2.GetTicketAttachmentRequest(
        ticket_id=first.ticket_id, attachment_id=att["id"]), timeout=10)
    assert content.content == PDF and content.attachment.filename == "dni.pdf"
    import grpc
    with pytest.raises(grpc.RpcError) as exc:
        stub.SubmitInstallationRequest(sales_pb2.SubmitInstallationRequestRequest(request_id="", name=""), timeout=10)
    assert exc.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_roles(desk_system):
    with desk_system.client() as admin:
        for username, roles in (("vendedor", ["sales"]), ("operador", ["operations"]), ("tecnico", ["technician"])):
            r = admin.post("/v1/users", json={"username": username, "password": "clave-segura-123",
                                              "full_name": username, "roles": roles})
            assert r.status_code == 201, r.text
    seller = desk_system.client(desk_system.token("vendedor", "clave-segura-123"))
    ops = desk_system.client(desk_system.token("operador", "clave-segura-123"))
    tech = desk_system.client(desk_system.token("tecnico", "clave-segura-123"))
    with seller, ops, tech:
        lead, prospect = _lead_and_prospect(seller)
        ticket = seller.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"]})
        assert ticket.status_code == 201
        assert ops.get(f"/v1/tickets/{ticket.json()['id']}").status_code == 200
        assert ops.get("/v1/tickets").status_code == 200
        assert ops.post("/v1/leads", json={"name": "X"}).status_code == 403
        assert ops.post(f"/v1/tickets/{ticket.json()['id']}/lose", json={"tag": "sin plan"}).status_code == 403
        assert tech.get("/v1/tickets").status_code == 403
        assert ops.get("/v1/reports/sales").status_code == 403
        assert seller.get("/v1/reports/sales").status_code == 200
