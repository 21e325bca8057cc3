"""House rules (DESIGN.md): layers never import upward; model, ingest, extract and layout never import Qt."""
import subprocess
import sys

from conftest import ROOT



def test_import_contracts_hold():
    """pyproject.toml's import-linter contracts: layers never import upward; the core never imports Qt."""
    from importlinter.cli import lint_imports
    assert lint_imports(no_cache=True) == 0, "import-linter found a broken contract (run .venv/bin/lint-imports)"


def test_the_contracts_see_imports_made_inside_functions():
    """The cli imports the window inside a function: the graph the contracts check must contain it."""
    import grimp
    graph = grimp.build_graph("timeline_app", include_external_packages=True, cache_dir=None)
    assert graph.direct_import_exists(importer="timeline_app.cli", imported="timeline_app.ui.app")


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
