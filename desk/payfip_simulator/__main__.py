"""``python -m desk.payfip_simulator --port N --data FILE``: the PayFiP simulator (as ``desk-payfip``)."""

import sys

from desk.payfip_simulator.server import main

if __name__ == "__main__":
    sys.exit(main())
