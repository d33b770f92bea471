"""What orders asks billing by gRPC: plan names for the sheet, billing profile checks."""
from __future__ import annotations

import grpc

from antena_common import rpc
from antena_common.logs import get_logger

log = get_logger("antena.orders")


class BillingClient:
    def __init__(self, target: str, timeout: float = 2.0):
        self.target = target
        self.timeout = timeout
        self._stub = None

    def _billing(self):
        from antena.billing.v1 import billing_pb2, billing_pb2_grpc

        if self._stub is None:
            self._stub = billing_pb2_grpc.BillingServiceStub(rpc.channel(self.target))
        return self._stub, billing_pb2

    def plan_name(self, plan_id: str) -> str | None:
        """The plan's name and speeds, or None when billing does not answer."""
        if not plan_id:
            return None
        try:
            stub, pb = self._billing()
            plan = stub.GetPlan(pb.GetByIdRequest(id=plan_id), timeout=self.timeout)
        except (grpc.RpcError, ImportError, AttributeError) as exc:
            log.info("plan name unavailable", plan_id=plan_id, error=str(exc)[:200])
            return None
        return f"{plan.name} ({plan.download_mbps}/{plan.upload_mbps} Mbps)"

    def billing_profile_exists(self, profile_id: str) -> bool | None:
        """True/False when billing answers, None when it cannot be asked now."""
        try:
            stub, pb = self._billing()
            stub.GetBillingProfile(pb.GetByIdRequest(id=profile_id), timeout=self.timeout)
            return True
        except grpc.RpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                return False
            log.warning("billing unavailable to check a billing profile", error=exc.code().name)
            return None
        except (ImportError, AttributeError):
            return None
