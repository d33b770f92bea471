"""Gateway routes for the orders area (see ../shared/API.md)."""
from fastapi import APIRouter

router = APIRouter(prefix="/v1")
