"""Gateway routes for the network area (see ../shared/API.md)."""
from fastapi import APIRouter

router = APIRouter(prefix="/v1")
