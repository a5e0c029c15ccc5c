"""Distinct types for the ids the counter passes around, so a child's id cannot be handed where a family's goes.

They are plain ``int`` at run time; a type checker tells them apart.
"""

from __future__ import annotations

from typing import NewType

FamilyId = NewType("FamilyId", int)
ChildId = NewType("ChildId", int)
BasketId = NewType("BasketId", int)
PaymentId = NewType("PaymentId", int)
