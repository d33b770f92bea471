"""Gateway routes for the notifications area (see ../shared/API.md)."""
from fastapi import APIRouter

router = APIRouter(prefix="/v1")
