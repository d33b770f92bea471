"""Reading a CSV file of leads: plain Python, no I/O. Every problem is reported
per row (row number, field, message); nothing here raises on a bad file except
when the file as a whole cannot be read as CSV."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from antena_common.errors import InvalidArgument

from .model import normalize

MAX_ROWS = 20000
FIELDS = ("name", "document", "phone", "email", "source", "notes")
ALIASES = {
    "name": "name", "nombre": "name", "nombre completo": "name", "full name": "name",
    "document": "document", "documento": "document", "dni": "document", "cuit": "document", "rut": "document",
    "phone": "phone", "telefono": "phone", "celular": "phone", "movil": "phone", "whatsapp": "phone",
    "email": "email", "e-mail": "email", "correo": "email", "correo electronico": "email", "mail": "email",
    "source": "source", "origen": "source", "canal": "source", "channel": "source",
    "notes": "notes", "notas": "notes", "observaciones": "notes", "comentarios": "notes",
}


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str


@dataclass(frozen=True)
class ParsedRow:
    row: int
    values: dict


def _decode(content: bytes) -> str:
    if b"\x00" in content[:4096]:
        raise InvalidArgument("file: not a CSV text file", field_errors={"file": "not a CSV text file (binary content)"})
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _dialect(sample: str):
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def parse_leads_csv(content: bytes) -> tuple[list[ParsedRow], list[RowError]]:
    """Rows with the line they start on (the header is row 1), and row-level problems."""
    if not content or not content.strip():
        raise InvalidArgument("file: is empty", field_errors={"file": "is empty"})
    text = _decode(content)
    lines = text.splitlines()
    sample = "\n".join(lines[:20])
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(sample))
    errors: list[RowError] = []
    rows: list[ParsedRow] = []
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InvalidArgument("file: no header row", field_errors={"file": f"no header row ({exc})"}) from None
    columns = [ALIASES.get(normalize(h).strip().strip('"'), "") for h in header]
    if "name" not in columns:
        raise InvalidArgument("file: the header has no 'name' column",
                              field_errors={"file": "the header row needs a 'name' (or 'nombre') column"})
    while True:
        row_no = reader.line_num + 1  # where the record starts (a quoted cell may span lines)
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(row_no, "row", f"unreadable CSV: {exc}"))
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(RowError(row_no, "file", f"more than {MAX_ROWS} rows: the rest was not read"))
            break
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            errors.append(RowError(row_no, "row", f"{len(cells)} cells but the header has {len(columns)} columns"))
            continue
        values = {f: "" for f in FIELDS}
        for col, cell in zip(columns, cells):
            if col:
                values[col] = cell.strip()
        rows.append(ParsedRow(row_no, values))
    return rows, errors
