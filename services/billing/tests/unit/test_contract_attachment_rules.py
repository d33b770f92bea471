import pytest

from antena_common.errors import InvalidArgument
from billing.domain.model import ContractAttachment


@pytest.mark.parametrize("content, kind", [(b"%PDF-1.7 ...", "application/pdf"), (b"\x89PNG\r\n\x1a\n...", "image/png"),
                                           (b"\xff\xd8\xff\xe0...", "image/jpeg")])
def test_types_recognised_by_content_not_name(content, kind):
    a = ContractAttachment.accept(contract_id="c", filename="x.txt", content=content, max_bytes=100)
    assert a.content_type == kind


def test_accept_checks_size_type_and_cleans_the_name():
    a = ContractAttachment.accept(contract_id="c", filename="C:\\docs\\dni<1>.pdf", content=b"%PDF-x", max_bytes=10)
    assert (a.filename, a.size, a.content_type) == ("dni_1_.pdf", 6, "application/pdf")
    assert ContractAttachment.accept(contract_id="c", filename="..", content=b"%PDF-", max_bytes=9).filename == "archivo"
    for content, max_bytes, message in ((b"%PDF-" + b"0" * 10, 10, "at most 10 bytes"),
                                        (b"hola", 10, "must be a PDF, PNG or JPEG file"),
                                        (b"GIF89a", 10, "must be a PDF, PNG or JPEG file"), (b"", 10, "is empty")):
        with pytest.raises(InvalidArgument) as exc:
            ContractAttachment.accept(contract_id="c", filename="a.pdf", content=content, max_bytes=max_bytes)
        assert exc.value.field_errors == {"file": message} and exc.value.detail == f"file: {message}"
