"""Contract attachments on PostgreSQL: stored with the contract, listed, read back, named on the PDF."""
import shutil
import subprocess

import pytest

from antena_common.errors import InvalidArgument, NotFound
from billing.app import contracts, invoices

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.4\n% scanned ID\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_attachments_stored_listed_read_and_printed(svc, tmp_path):
    plan, _, _, profile = svc.setup_catalog()
    msg = svc.request_contract(plan, profile)
    cid = msg.contract_id

    a = contracts.add_attachment(svc.uow(), contract_id=cid, filename="../../dni frente.pdf", content=PDF,
                                 max_bytes=1000, uploaded_by="u-1")
    b = contracts.add_attachment(svc.uow(), contract_id=cid, filename="firma.png", content=PNG, max_bytes=1000)
    assert (a.filename, a.content_type, a.size) == ("dni frente.pdf", "application/pdf", len(PDF))
    assert b.content_type == "image/png"

    listed = contracts.list_attachments(svc.uow(), cid)
    assert [x.id for x in listed] == [a.id, b.id] and listed[0].uploaded_by == "u-1"
    got, content = contracts.get_attachment(svc.uow(), cid, a.id)
    assert content == PDF and got.filename == "dni frente.pdf"

    with pytest.raises(InvalidArgument) as exc:
        contracts.add_attachment(svc.uow(), contract_id=cid, filename="x.txt", content=b"hola", max_bytes=1000)
    assert "file" in exc.value.field_errors
    with pytest.raises(InvalidArgument):
        contracts.add_attachment(svc.uow(), contract_id=cid, filename="big.pdf", content=PDF + b"0" * 2000,
                                 max_bytes=1000)
    with pytest.raises(NotFound):
        contracts.add_attachment(svc.uow(), contract_id="nope", filename="a.pdf", content=PDF, max_bytes=1000)
    with pytest.raises(NotFound):
        contracts.list_attachments(svc.uow(), "nope")
    with pytest.raises(NotFound):
        contracts.get_attachment(svc.uow(), cid, "nope")
    assert len(contracts.list_attachments(svc.uow(), cid)) == 2  # rejected files left nothing behind

    pdf, _ = invoices.contract_pdf(svc.uow(), cid)
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf)
    assert shutil.which("pdftotext")
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert "Documentación adjunta" in text and "dni frente.pdf" in text and "firma.png" in text
