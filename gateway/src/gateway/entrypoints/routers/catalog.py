"""Gateway routes for the catalog area (see ../shared/API.md)."""
from fastapi import APIRouter

router = APIRouter(prefix="/v1")
