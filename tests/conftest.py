import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# Headless Qt before anything imports it; without this pytest-qt aborts with a misleading xcb message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read or write the user's own settings and cache from tests.
_SANDBOX = tempfile.mkdtemp(prefix="timeline-app-tests-")
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
os.environ["TIMELINE_APP_DATA_DIR"] = os.path.join(_SANDBOX, "data")
os.environ["TIMELINE_APP_CACHE_DIR"] = os.path.join(_SANDBOX, "cache")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "armenia_azerbaijan_clashes.txt"
sys.path.insert(0, str(ROOT))
#: Set by .ci/run: CI always has ../shared, so a test that would skip for want of it fails instead.
REQUIRE_SHARED = os.environ.get("TIMELINE_APP_REQUIRE_SHARED") == "1"


def shared_data(*parts: str) -> Path:
    """``../shared/data/<parts>``; without it the test skips, naming the missing folder (fails in CI)."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        reason = f"needs {path} (the project's shared data folder beside the checkout is missing)"
        if REQUIRE_SHARED:
            pytest.fail(reason + "; TIMELINE_APP_REQUIRE_SHARED=1 forbids skipping", pytrace=False)
        pytest.skip(reason)
    return path


#: The seed's timeline as the window shows it, fixed (tests/data/view/make_seed_timeline.py makes it).
VIEW_FIXTURE = ROOT / "tests" / "data" / "view" / "seed_timeline.json"


@pytest.fixture
def seed_window(qtbot, tmp_path, monkeypatch):
    """The main window, shown, with the fixed seed timeline and settings of its own."""
    from PySide6.QtWidgets import QApplication

    from timeline_app.model import Timeline
    from timeline_app.ui.app import create_main_window
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    window = create_main_window(QApplication.instance())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.document.set_timeline(Timeline.from_json(VIEW_FIXTURE.read_bytes()))
    return window
