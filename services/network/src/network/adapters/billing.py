"""Billing over gRPC: the plan's rates (GetPlan), for the simple queue and RADIUS."""
from __future__ import annotations

import grpc

from antena.billing.v1 import billing_pb2, billing_pb2_grpc
from antena_common.rpc import channel

from ..domain.model import mbps


class BillingPlans:
    def __init__(self, target: str, timeout: float = 5.0):
        self.target = target
        self.timeout = timeout
        self._stub = None

    def _get(self):
        if self._stub is None:
            self._stub = billing_pb2_grpc.BillingServiceStub(channel(self.target))
        return self._stub

    def rates(self, plan_id: str) -> tuple[str, str] | None:
        """(download, upload) like ("50M", "10M"); None when billing does not know the plan."""
        try:
            plan = self._get().GetPlan(billing_pb2.GetByIdRequest(id=plan_id), timeout=self.timeout)
        except grpc.RpcError as exc:
            if exc.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                return None
            raise ConnectionError(f"billing: {exc.code().name}") from None
        down, up = mbps(plan.download_mbps), mbps(plan.upload_mbps)
        return (down, up) if down and up else None

    def contract_states(self, states=("active", "suspended", "terminated")) -> dict[str, str]:
        """contract id -> state, for the contracts in these states (all pages)."""
        found: dict[str, str] = {}
        stub = self._get()
        for state in states:
            cursor = ""
            while True:
                try:
                    resp = stub.ListContracts(billing_pb2.ListContractsRequest(
                        state=state, page={"limit": 200, "cursor": cursor}), timeout=self.timeout * 4)
                except grpc.RpcError as exc:
                    raise ConnectionError(f"billing: {exc.code().name}") from None
                for c in resp.items:
                    found[c.id] = c.state
                cursor = resp.next_cursor
                if not cursor:
                    break
        return found
