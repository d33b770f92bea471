"""Gateway routes for the billing area (see ../shared/API.md)."""
from fastapi import APIRouter

router = APIRouter(prefix="/v1")
