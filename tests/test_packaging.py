"""Every install gives the same app: the wheel and sdist carry resources/ and seeds/, an installed copy
exports the seed exactly as the checkout does, and a missing resource is one loud line, not empty data."""
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED

BUNDLED = ("resources/gazetteer/gazetteer.json", "resources/fonts/SourceSansPro-Regular.ttf",
           "resources/fonts/OFL.txt", f"seeds/{SEED.name}", "seeds/armenia_azerbaijan_clashes.meta.json")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--wheel-dir", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return next(out.glob("timeline_app-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel unpacked as pip would lay it out in site-packages."""
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _export(site: Path, out: Path, cache: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(site), TIMELINE_APP_CACHE_DIR=str(cache), PYTHONDONTWRITEBYTECODE="1")
    code = ("import sys, timeline_app, timeline_app.cli as cli\n"
            f"assert timeline_app.__file__.startswith({str(site)!r}), timeline_app.__file__\n"
            "sys.exit(cli.main(sys.argv[1:]))\n")
    # Run from the output folder, so the checkout is not on sys.path: only the installed copy can be found.
    return subprocess.run([sys.executable, "-c", code, "export", str(SEED), "-o", str(out)], cwd=out.parent,
                          env=env, capture_output=True, text=True, timeout=120)


def test_the_wheel_carries_resources_and_seeds(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for item in BUNDLED:
        assert f"timeline_app/_bundle/{item}" in names, item
    assert not [n for n in names if n.endswith(".pyc")]


def test_the_sdist_carries_resources_and_seeds(tmp_path):
    code = "import sys, setuptools.build_meta as b; print(b.build_sdist(sys.argv[1]))"
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    archive = tmp_path / proc.stdout.strip().splitlines()[-1]
    with tarfile.open(archive) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert {"setup.py", "pyproject.toml", *BUNDLED} <= names


def test_an_installed_wheel_exports_what_the_checkout_exports(installed, tmp_path):
    out = tmp_path / "installed.json"
    proc = _export(installed, out, tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    ours = tmp_path / "checkout.json"
    subprocess.run([sys.executable, "-m", "timeline_app", "export", str(SEED), "-o", str(ours)], cwd=ROOT,
                   env=dict(os.environ, TIMELINE_APP_CACHE_DIR=str(tmp_path / "cache2")), check=True, timeout=120)
    wheel_doc, source_doc = (json.loads(p.read_text(encoding="utf-8")) for p in (out, ours))
    assert len(wheel_doc["parties"]) == 2
    for key in ("parties", "actors", "events", "accounts", "reactions"):
        assert wheel_doc[key] == source_doc[key], key


def test_a_missing_resource_is_one_loud_line(installed, tmp_path):
    gazetteer = installed / "timeline_app" / "_bundle" / "resources" / "gazetteer" / "gazetteer.json"
    moved = gazetteer.with_suffix(".moved")
    gazetteer.rename(moved)
    try:
        proc = _export(installed, tmp_path / "out.json", tmp_path / "cache")
    finally:
        moved.rename(gazetteer)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "missing resource" in proc.stderr and "gazetteer.json" in proc.stderr
    assert not (tmp_path / "out.json").exists()
