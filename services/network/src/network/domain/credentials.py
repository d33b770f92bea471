"""The ISP's rules for subscriber credentials, as small templates.

Seed 004: PPPoE user = main phone; password = phone + "M"; Wi-Fi password =
the surname in lower case + "2024MB". Every rule is configurable; the fields a
template may use are listed in FIELDS."""
from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

from antena_common.errors import InvalidArgument

FIELDS = ("phone", "first_name", "last_name", "first_name_lower", "last_name_lower", "document", "contract_short")


@dataclass(frozen=True)
class CredentialRules:
    pppoe_username: str = "{phone}"
    pppoe_password: str = "{phone}M"
    wifi_ssid: str = "{last_name}"
    wifi_password: str = "{last_name_lower}2024MB"

    def validate(self) -> None:
        for name in ("pppoe_username", "pppoe_password", "wifi_ssid", "wifi_password"):
            template = getattr(self, name)
            for _, field, spec, conv in string.Formatter().parse(template):
                if field is not None and (field not in FIELDS or spec or conv):
                    raise InvalidArgument(f"credential rule {name}: unknown field {{{field}}}",
                                          field_errors={name: f"allowed fields: {', '.join(FIELDS)}"})


@dataclass(frozen=True)
class Subscriber:
    name: str
    phone: str
    document: str
    contract_id: str


@dataclass(frozen=True)
class Credentials:
    pppoe_username: str
    pppoe_password: str
    wifi_ssid: str
    wifi_password: str


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _word(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", _ascii(text))


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone or "")


def generate(rules: CredentialRules, who: Subscriber) -> Credentials:
    parts = [p for p in (who.name or "").split() if p]
    first = _word(parts[0]) if parts else ""
    # "Juan Cocom", "Juan Cocom Pérez" -> Cocom; "María José Cocom Pérez" -> Cocom
    last = _word(parts[-2] if len(parts) >= 4 else parts[1]) if len(parts) >= 2 else first
    values = {
        "phone": digits(who.phone) or "c" + who.contract_id.replace("-", "")[-10:],
        "first_name": first.capitalize(),
        "last_name": last.capitalize(),
        "first_name_lower": first.lower(),
        "last_name_lower": last.lower(),
        "document": _word(who.document),
        "contract_short": who.contract_id.replace("-", "")[-8:],
    }
    out = {k: getattr(rules, k).format(**values) for k in ("pppoe_username", "pppoe_password", "wifi_ssid", "wifi_password")}
    if not out["pppoe_username"]:
        out["pppoe_username"] = "c" + values["contract_short"]
    return Credentials(**out)
