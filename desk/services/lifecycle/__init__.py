"""The money core: the only code that changes booking states, place counts, baskets, payments and credits.

- ``bookings``: every booking transition and every move of an open day's place count;
- ``baskets``: the planning click, clearing a basket, the sweep of holds that ran out;
- ``payments``: paying a basket at the counter, and recording any payment (counter or online);
- ``credits``: cancelling paid bookings, refunding credits, correcting an account;
- ``online``: the PayFiP operation of a basket, from start to a checked answer;
- ``locks``: the one order in which all of them take their locks.

Whether a cell can be booked is decided by one rule, ``booking_rules.cell_verdict``,
which the planning grid and ``baskets.toggle_booking`` both ask. Every money
movement is vouched for by a journal entry (``journal``, ``evidence``), and
``verification`` checks all of it. The generator (``scale_data``) bulk-writes
history of the same shape for measurements, and is checked the same way.
"""
