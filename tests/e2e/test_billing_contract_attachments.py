"""Contract attachments through the gateway (embedded): upload, list, download, 415/413/404, roles,
and the contract PDF naming the attached files."""
import shutil
import subprocess

import pytest

from antena.common.v1 import common_pb2
from antena.orders.v1 import events_pb2 as orders_events
from antena_common import events as ev
from antena_common.bus import Publisher
from antena_common.ids import new_id
from antena_common.testing import EmbeddedSystem, system_env, wait_until

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n% contrato firmado escaneado\n"


@pytest.fixture
def system(memory_bus_url, tmp_path):
    s = EmbeddedSystem(system_env(tmp_path / "data"), only=["billing", "gateway"])
    yield s
    s.stop()


def test_contract_attachments(system, memory_bus_url, tmp_path):
    with system.client() as api:
        assert api.put("/v1/company", json={"legal_name": "Red Andina S.A.", "currency": "ARS"}).status_code == 200
        plan = api.post("/v1/plans", json={"name": "Fibra 300", "download_mbps": 300, "upload_mbps": 100,
                                           "price": "12000.00", "currency": "ARS"}).json()
        profile = api.post("/v1/billing-profiles", json={
            "name": "Mensual", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount", "late_fee_value": "0",
            "suspend_after_days": 5, "prorate": True}).json()
        contract_id = new_id()
        pub = Publisher(memory_bus_url)
        try:
            pub.publish(ev.new_envelope("orders", "contract_requested", orders_events.ContractRequested(
                request_id=new_id(), order_id=new_id(), ticket_id=new_id(), contract_id=contract_id,
                billing_profile_id=profile["id"], plan_id=plan["id"], currency="ARS",
                customer=orders_events.ContractCustomer(name="Ana Gómez", document="30111222",
                                                        email="ana@example.com",
                                                        address=common_pb2.Address(street="Belgrano", city="Mendoza")))))
        finally:
            pub.close()
        wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").status_code == 200, timeout=20,
                   message="contract created")

        r = api.post(f"/v1/contracts/{contract_id}/attachments",
                     files={"file": ("contrato-firmado.pdf", PDF, "application/octet-stream")})
        assert r.status_code == 201, r.text
        att = r.json()
        assert att["content_type"] == "application/pdf" and att["size"] == len(PDF)
        assert att["filename"] == "contrato-firmado.pdf" and att["contract_id"] == contract_id

        listed = api.get(f"/v1/contracts/{contract_id}/attachments")
        assert listed.status_code == 200 and [x["id"] for x in listed.json()["items"]] == [att["id"]]
        down = api.get(f"/v1/contracts/{contract_id}/attachments/{att['id']}")
        assert down.status_code == 200 and down.content == PDF
        assert down.headers["content-type"] == "application/pdf"
        assert "contrato-firmado.pdf" in down.headers["content-disposition"]

        # a text file claiming to be a PDF is refused by its content
        bad = api.post(f"/v1/contracts/{contract_id}/attachments",
                       files={"file": ("falso.pdf", b"no soy un pdf", "application/pdf")})
        assert bad.status_code == 415
        big = api.post(f"/v1/contracts/{contract_id}/attachments",
                       files={"file": ("grande.pdf", PDF + b"0" * (10 * 1024 * 1024), "application/pdf")})
        assert big.status_code == 413
        assert api.post("/v1/contracts/nope/attachments",
                        files={"file": ("a.pdf", PDF, "application/pdf")}).status_code == 404
        assert api.get("/v1/contracts/nope/attachments").status_code == 404
        assert api.get(f"/v1/contracts/{contract_id}/attachments/nope").status_code == 404
        assert len(api.get(f"/v1/contracts/{contract_id}/attachments").json()["items"]) == 1

        doc = api.get(f"/v1/contracts/{contract_id}/document")
        assert doc.status_code == 200
        path = tmp_path / "contract.pdf"
        path.write_bytes(doc.content)
        assert shutil.which("pdftotext")
        text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
        assert "Documentación adjunta" in text and "contrato-firmado.pdf" in text

        r = api.post("/v1/users", json={"username": "vendedor", "password": "pw-vendedor-1",
                                        "full_name": "Vendedor", "roles": ["sales"]})
        assert r.status_code == 201, r.text
    with system.client(system.token("vendedor", "pw-vendedor-1")) as sales:
        assert sales.get(f"/v1/contracts/{contract_id}/attachments").status_code == 200
        assert sales.get(f"/v1/contracts/{contract_id}/attachments/{att['id']}").content == PDF
        assert sales.post(f"/v1/contracts/{contract_id}/attachments",
                          files={"file": ("b.pdf", PDF, "application/pdf")}).status_code == 403
