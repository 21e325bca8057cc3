import os
import sys
from pathlib import Path

# Headless Qt before anything imports it; without this pytest-qt aborts with a misleading xcb message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "armenia_azerbaijan_clashes.txt"
sys.path.insert(0, str(ROOT))
