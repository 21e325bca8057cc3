"""House rule (DESIGN.md): model, ingest, extract and layout never import Qt."""
import subprocess
import sys

from conftest import ROOT

CORE = ["timeline_app/model.py", "timeline_app/ingest", "timeline_app/extract", "timeline_app/layout",
        "timeline_app/settings.py", "timeline_app/atomic.py", "timeline_app/cache.py",
        "timeline_app/corrections.py", "timeline_app/project.py", "timeline_app/user_time.py"]


def test_core_sources_do_not_mention_qt():
    offenders = []
    for item in CORE:
        path = ROOT / item
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for f in files:
            for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                if "PySide6" in line or "shiboken" in line.lower():
                    offenders.append(f"{f.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_core_imports_leave_qt_unloaded():
    code = ("import sys, pkgutil, importlib\n"
            "import timeline_app.model, timeline_app.ingest, timeline_app.extract.pipeline, timeline_app.layout\n"
            "import timeline_app.cache, timeline_app.settings, timeline_app.atomic\n"
            "import timeline_app.corrections, timeline_app.project, timeline_app.user_time\n"
            "import timeline_app.extract, timeline_app.layout as L\n"
            "for pkg in (timeline_app.extract, L, timeline_app.ingest):\n"
            "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
            "        importlib.import_module(m.name)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
