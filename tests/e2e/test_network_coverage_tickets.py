"""Done-when of the network issue, through the gateway (embedded mode): NAP
boxes set up over HTTP; a sales-desk ticket at covered and at uncovered
coordinates records network's coverage answer (CheckCoverage over gRPC)."""
import pytest

pytestmark = pytest.mark.e2e


def test_ticket_records_coverage(embedded_system):
    with embedded_system.client() as api:
        olt = api.post("/v1/olts", json={"name": "OLT Centro"}).json()
        box = api.post("/v1/nap-boxes", json={"code": "CTO-CENTRO-7", "olt_id": olt["id"], "ports": 16,
                                              "lat": -31.4201, "lon": -64.1888})
        assert box.status_code == 201, box.text
        lead = api.post("/v1/leads", json={"name": "Marta Díaz", "phone": "351 555 0101"}).json()

        def ticket(lat, lon):
            prospect = api.post("/v1/prospects", json={
                "lead_id": lead["id"], "address": {"street": "San Martín", "number": "100", "city": "Córdoba"},
                "location": {"lat": lat, "lon": lon}})
            assert prospect.status_code == 201, prospect.text
            t = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect.json()["id"],
                                              "create": "ticket"})
            assert t.status_code == 201, t.text
            return api.get(f"/v1/tickets/{t.json()['id']}").json()["coverage"]

        near = ticket(-31.4203, -64.1889)          # about 24 m away
        assert near["status"] == "covered" and near["covered"] is True
        assert near["nearest"]["code"] == "CTO-CENTRO-7" and near["nearest"]["free_ports"] == 16
        assert 15 < near["nearest"]["distance_m"] < 35
        far = ticket(-31.4500, -64.1888)           # about 3.3 km away
        assert far["status"] == "not_covered" and far["covered"] is False
