import pytest

from antena_common.errors import InvalidArgument
from billing.domain.model import ContractAttachment, sniff_attachment


def test_types_recognised_by_content_not_name():
    assert sniff_attachment(b"%PDF-1.7 ...") == "application/pdf"
    assert sniff_attachment(b"\x89PNG\r\n\x1a\n...") == "image/png"
    assert sniff_attachment(b"\xff\xd8\xff\xe0...") == "image/jpeg"
    assert sniff_attachment(b"GIF89a") == "" and sniff_attachment(b"") == ""


def test_accept_checks_size_type_and_cleans_the_name():
    a = ContractAttachment.accept(contract_id="c", filename="C:\\docs\\dni<1>.pdf", content=b"%PDF-x", max_bytes=10)
    assert (a.filename, a.size, a.content_type) == ("dni_1_.pdf", 6, "application/pdf")
    assert ContractAttachment.accept(contract_id="c", filename="..", content=b"%PDF-", max_bytes=9).filename == "archivo"
    for content, max_bytes in ((b"%PDF-" + b"0" * 10, 10), (b"hola", 10), (b"", 10)):
        with pytest.raises(InvalidArgument) as exc:
            ContractAttachment.accept(contract_id="c", filename="a.pdf", content=content, max_bytes=max_bytes)
        assert "file" in exc.value.field_errors
