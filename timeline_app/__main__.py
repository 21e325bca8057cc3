"""`python -m timeline_app`, and the entry script of the frozen app (so the import is absolute)."""
import sys

from timeline_app.cli import main

sys.exit(main())
