"""Portal domain rules (no I/O): files by content, the installation form, links, passwords."""
import datetime as dt

import pytest

from antena_common import files
from antena_common.errors import InvalidArgument
from portal.domain import model

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 20
PDF = b"%PDF-1.7\n" + b"\0" * 20


@pytest.mark.parametrize("data, mime", [(PNG, "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf")])
def test_files_are_recognized_by_content(data, mime):
    assert model.sniff(data, "f", 1000)[0] == mime


@pytest.mark.parametrize("data, message", [(b"", "vacío"), (b"GIF89a....", "debe ser"), (b"<html>%PDF-", "debe ser"),
                                           (PNG + b"\0" * 2000, "supera")])
def test_bad_files_are_refused_naming_the_field(data, message):
    with pytest.raises(InvalidArgument) as err:
        model.sniff(data, "id_front", 1000)
    assert message in err.value.field_errors["id_front"]


def test_bad_files_keep_the_english_detail():
    for data, detail in ((b"", "id_front: empty file"), (b"GIF89a", "id_front: not a PDF, PNG, JPG"),
                         (PNG * 100, "id_front: too large")):
        with pytest.raises(InvalidArgument, match=f"^{detail}$"):
            model.sniff(data, "id_front", 1000)
    with pytest.raises(InvalidArgument) as big:
        model.sniff(PNG * 100, "id_front", 5 * 1024 * 1024 // 2048)
    assert big.value.field_errors == {"id_front": f"supera {5 / 2048:g} MB"}


def test_signature_must_be_png():
    assert model.sniff(PNG, "signature", 1000, allowed=(files.PNG,)) == ("image/png", "png")
    with pytest.raises(InvalidArgument) as err:
        model.sniff(JPEG, "signature", 1000, allowed=(files.PNG,))
    assert err.value.field_errors == {"signature": "debe ser PNG"}


def _form(**kw):
    base = dict(first_name="Ana", last_name="Gómez", document="30111222", phone="+54 351 555-0101", street="Belgrano",
                number="10", city="Córdoba")
    base.update(kw)
    return model.InstallationForm(**base)


def test_complete_form_passes_and_reports_document_kinds():
    kinds = _form(lat="-31.4", lon="-64,18").validate({"id_front": PNG, "id_back": JPEG, "proof_of_address": PDF},
                                                     ["id_front", "id_back"], 1000)
    assert kinds == {"id_front": ("image/png", "png"), "id_back": ("image/jpeg", "jpg"),
                     "proof_of_address": ("application/pdf", "pdf")}
    assert _form(lat="-31.4", lon="-64,18").location() == (-31.4, -64.18)


def test_form_errors_name_every_field():
    with pytest.raises(InvalidArgument) as err:
        _form(first_name="", email="no-mail", lat="91", lon="0", phone="abc").validate(
            {"id_front": b"text"}, ["id_front", "id_back"], 1000)
    errors = err.value.field_errors
    assert set(errors) == {"first_name", "email", "lat", "phone", "id_front", "id_back"}
    assert errors["id_back"] == "es obligatorio"


def test_required_documents_are_configurable():
    assert _form().validate({}, [], 1000) == {}


def test_links_are_single_use_and_expire():
    token, secret = model.Token.issue(model.RESET, "acc-1", dt.timedelta(minutes=5))
    assert len(secret) >= 40 and token.token_hash == model.digest(secret) and secret not in token.token_hash
    assert token.usable()
    assert not token.usable(model.now() + dt.timedelta(minutes=6))
    token.use()
    assert not token.usable()


def test_password_rules():
    model.check_password("una-clave-larga", "una-clave-larga")
    with pytest.raises(InvalidArgument) as err:
        model.check_password("corta", "otra")
    assert set(err.value.field_errors) == {"password", "confirm"}
