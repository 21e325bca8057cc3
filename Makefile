# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test install package package-smoke bench check-qt clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "timeline-app needs Python 3.11 or newer on PATH")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# Byte-compile now: start-up must not pay for it, even where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q timeline_app
	touch $(STAMP)

install: $(STAMP)

## Start the window on the bundled seed article (needs a display; see README for system libraries).
run: $(STAMP) check-qt
	$(BIN)/timeline-app

## The whole test suite, headless.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## Checks that Qt's X11 platform plugin finds its system libraries, with the apt line to fix it.
check-qt: $(STAMP)
	@$(BIN)/python -m timeline_app.qtcheck

## PyInstaller one-dir app in dist/timeline-app/.
package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build.spec

## Runs the frozen app headless: exports the seed to PNG and JSON, fails on any traceback.
package-smoke: package
	$(BIN)/python tests/smoke_frozen.py dist/timeline-app

## Prints benchmark numbers (speed); not a test.
bench: $(STAMP)
	@for f in benchmarks/*.py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$f || exit 1; done

clean:
	rm -rf build dist $(VENV)
