"""Who is acting, and what their role allows; enforced in the services, not only in the UI."""

from __future__ import annotations

from dataclasses import dataclass

from desk.db.enums import Role
from desk.errors import DeskError

ROLE_LABELS = {Role.AGENT: "agent", Role.CASHIER: "régisseur", Role.ADMIN: "administrateur"}

# What each role may do beyond an agent's work; an admin has the régisseur's rights too.
CASHIER_ROLES = frozenset({Role.CASHIER, Role.ADMIN})


@dataclass(frozen=True)
class Actor:
    """The agent on whose behalf a service acts."""

    agent_id: int | None
    role: Role
    name: str = ""

    @property
    def is_cashier(self) -> bool:
        return self.role in CASHIER_ROLES


class PermissionDeniedError(DeskError):
    def __init__(self, action: str, message: str, hint: str = "Demandez à un régisseur.") -> None:
        super().__init__(message, hint)
        self.action = action


def require_cashier(actor: Actor, action: str, message: str) -> None:
    """Refuse ``action`` unless the actor is a régisseur (or an administrator)."""
    if not actor.is_cashier:
        raise PermissionDeniedError(action, message)


def require_admin(actor: Actor, action: str, message: str) -> None:
    """Refuse ``action`` unless the actor is an administrator."""
    if actor.role is not Role.ADMIN:
        raise PermissionDeniedError(action, message)
