"""Lead validation, search normalization and the CSV reader."""
import pytest

from antena_common.errors import InvalidArgument
from sales.domain import model
from sales.domain.lead_import import parse_leads_csv


def test_name_is_required_and_fields_are_named():
    with pytest.raises(InvalidArgument) as exc:
        model.Lead.register(name="  ", email="not-an-email", phone="12", document="x" * 41)
    assert set(exc.value.field_errors) == {"name", "email", "phone", "document"}


def test_lead_is_cleaned_and_searchable_without_accents():
    lead = model.Lead.register(name="  José Gómez Núñez ", email="JOSE@Example.COM", phone="+54 (351) 555-1234",
                               document="30.111.222")
    assert lead.name == "José Gómez Núñez" and lead.email == "jose@example.com"
    for term in model.search_terms("gomez NUNEZ"):
        assert term in lead.search
    assert "543515551234" in lead.search and "30111222" in lead.search


def test_normalize():
    assert model.normalize("ÁÉÍÓÚ Ññ Ü") == "aeiou nn u"
    assert model.search_terms("  Gómez   ") == ["gomez"]


def test_csv_with_semicolons_spanish_headers_and_row_numbers():
    content = "Nombre;Teléfono;Correo\nAna;3515551234;ana@example.com\n\n;1;\n".encode()
    rows, errors = parse_leads_csv(content)
    assert [(r.row, r.values["name"], r.values["phone"]) for r in rows] == [(2, "Ana", "3515551234"), (4, "", "1")]
    assert errors == []


def test_csv_latin1_bom_and_extra_cells():
    content = "\ufeffname,email\nMaría,m@example.com\nPedro,p@example.com,extra\n".encode("utf-8")
    rows, errors = parse_leads_csv(content)
    assert rows[0].values["name"] == "María"
    assert [(e.row, e.field) for e in errors] == [(3, "row")]
    rows, _ = parse_leads_csv("nombre\nMaría\n".encode("cp1252"))
    assert rows[0].values["name"] == "María"


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x00\x00\x00", b"foo,bar\n1,2\n"])
def test_unreadable_files_are_one_clear_error(content):
    with pytest.raises(InvalidArgument) as exc:
        parse_leads_csv(content)
    assert "file" in exc.value.field_errors


def test_a_quoted_multiline_cell_is_reported_where_its_row_starts():
    content = b'name,notes\n"Ana","linea 1\nlinea 2"\nPedro,x\n'
    rows, errors = parse_leads_csv(content)
    assert [(r.row, r.values["name"]) for r in rows] == [(2, "Ana"), (4, "Pedro")]


def test_random_bytes_never_escape_as_anything_but_a_field_error():
    import random

    rng = random.Random(20261122)
    alphabet = b'name,email;\t"\r\n\x00\xff\xe1abc@.'
    for _ in range(500):
        content = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        if rng.random() < 0.5:
            content = b"name,email\n" + content
        try:
            rows, errors = parse_leads_csv(content)
        except InvalidArgument as exc:
            assert exc.field_errors
            continue
        for row in rows:
            try:
                model.Lead.register(**row.values)
            except InvalidArgument as exc:
                assert exc.field_errors
