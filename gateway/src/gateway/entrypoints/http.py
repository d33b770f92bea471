"""The gateway's FastAPI application."""
from __future__ import annotations

from fastapi import FastAPI

from . import problems
from .routers import auth, billing, catalog, network, notifications, orders, sales

ROUTERS = [auth, catalog, sales, orders, network, billing, notifications]


def create_app(state: dict) -> FastAPI:
    app = FastAPI(
        title="Antena staff API",
        version="1",
        description="The HTTP contract frontend teams build on. Errors are application/problem+json; "
                    "POST accepts an Idempotency-Key header; lists are paginated with ?limit=&cursor=.",
    )
    for key, value in state.items():
        setattr(app.state, key, value)
    problems.install(app)

    @app.get("/health", tags=["health"])
    def health() -> dict:
        return {"status": "ok"}

    for module in ROUTERS:
        app.include_router(module.router)
    return app
