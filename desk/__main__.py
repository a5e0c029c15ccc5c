import sys

from desk.app import main

sys.exit(main())
