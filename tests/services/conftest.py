from datetime import datetime

import pytest

from desk.clock import PARIS, FrozenClock


@pytest.fixture
def clock() -> FrozenClock:
    """Thursday 26 November 2026, 10:00 in the town."""
    return FrozenClock(datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))
