# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

LOCK   := requirements.lock

.PHONY: run test install lock package package-smoke bench check-qt clean

# Our own installs come from the lock (exact versions, hashes checked), with the pip that `python -m venv`
# bundles; pyproject.toml keeps loose ranges for people who install the package.
$(STAMP): pyproject.toml setup.py $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "timeline-app needs Python 3.11 or newer on PATH")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@# Byte-compile now: start-up must not pay for it, even where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q timeline_app
	touch $(STAMP)

install: $(STAMP)

## Refreshes requirements.lock from pyproject.toml (newest versions its ranges allow, with hashes).
lock:
	test -x .lock-venv/bin/pip-compile || ($(PYTHON) -m venv .lock-venv && .lock-venv/bin/python -m pip install --quiet pip-tools)
	.lock-venv/bin/pip-compile --quiet --upgrade --generate-hashes --extra dev --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml

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
	rm -rf build dist $(VENV) .lock-venv
