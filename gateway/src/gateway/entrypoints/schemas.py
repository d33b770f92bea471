"""Request bodies several routers share (they mirror antena.common.v1 Address and GeoPoint)."""
from __future__ import annotations

from pydantic import BaseModel, Field


class AddressIn(BaseModel):
    street: str = Field("", max_length=200)
    number: str = Field("", max_length=20)
    city: str = Field("", max_length=100)
    state: str = Field("", max_length=100)
    neighbourhood: str = Field("", max_length=100)
    postal_code: str = Field("", max_length=20)


class LocationIn(BaseModel):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
