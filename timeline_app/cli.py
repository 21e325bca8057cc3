"""Command line (CONTRACT.md): open the window, ``export``, ``timexes``, ``--version``.

Exit status: 0 done, 2 bad usage, 1 the input or output could not be used. Errors are one line on
stderr (``timeline-app: error: <what> (<file>)``), never a traceback. Heavy modules (Qt, the
extractor) are imported only by the command that needs them, so each command starts fast.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .resources import ResourceError

PROG = "timeline-app"
EXPORT_FORMATS = ("png", "svg", "pdf", "json", "timelinejs", "csv")


class UserError(Exception):
    """A problem with the user's input or output; printed as one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line under the program's own name (CONTRACT.md), exit 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _number_in(kind: type, low: float, high: float, what: str):
    """An argparse type: a number of ``kind`` from ``low`` to ``high``, or a one-line usage error."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} from {low:g} to {high:g}: {text!r}")
        return value
    return parse


_width = _number_in(int, 16, 32768, "width must be a whole number of pixels")
_scale = _number_in(float, 0.1, 8, "scale must be a number")


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Article to timeline, headless commands.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    export = sub.add_parser("export", help="extract FILE (or open the project FILE.timeline.json) and write "
                                           "the timeline to OUT")
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--format", choices=EXPORT_FORMATS,
                        help="output format (default: from OUT's suffix)")
    export.add_argument("--reference-date", type=_iso_date, metavar="YYYY-MM-DD")
    export.add_argument("--width", type=_width, default=1600, metavar="PX",
                        help="image width in logical pixels (png/svg/pdf; default 1600)")
    export.add_argument("--page", choices=("a4", "letter"), default=None,
                        help="pdf only: landscape pages of this paper, as many as needed (default: one page "
                             "sized to the timeline)")
    export.add_argument("--scale", type=_scale, default=1.0, metavar="S",
                        help="pixel ratio for png (2 = twice as many pixels; default 1)")

    timexes = sub.add_parser("timexes", help="print the time expressions in FILE as JSON")
    timexes.add_argument("file", metavar="FILE")
    timexes.add_argument("--reference-date", type=_iso_date, metavar="YYYY-MM-DD")
    return parser


def _window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG, description="Open the timeline window on FILE (default: the bundled sample article).",
        epilog="Headless commands: 'timeline-app export FILE -o OUT', 'timeline-app timexes FILE'.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("file", nargs="?", metavar="FILE")
    parser.add_argument("--reference-date", type=_iso_date, metavar="YYYY-MM-DD")
    return parser


def export_format(output: str, explicit: Optional[str]) -> str:
    if explicit:
        return explicit
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix in EXPORT_FORMATS:
        return suffix
    if suffix in ("htm", "html") or output.lower().endswith(".timeline.json"):
        return "timelinejs"
    raise UserError(f"cannot tell the format from the suffix of OUT, use --format ({output})")


def _load_article(path: str, reference_date: Optional[dt.date]):
    from .ingest import IngestError, load
    try:
        return load(path, reference_date=reference_date)
    except IngestError as exc:
        raise UserError(str(exc)) from None


def _timeline_of(path: str, reference_date: Optional[dt.date]):
    """The timeline to export, and its lane order: a project's corrected timeline with the order its
    corrections gave the lanes, or an article's extraction (lanes in their own order: None)."""
    from . import project
    if project.is_project_path(path):
        if reference_date is not None:
            raise UserError(f"--reference-date does not apply to a project: set it in the window ({path})")
        try:
            opened = project.open_project(path)
        except project.ProjectError as exc:
            raise UserError(str(exc)) from None
        return opened.timeline, opened.corrected.lane_order()
    from .cache import extract_cached
    return extract_cached(_load_article(path, reference_date)), None


def _run_export(args: argparse.Namespace) -> int:
    fmt = export_format(args.output, args.format)
    out = Path(args.output)
    if out.is_dir():
        raise UserError(f"output is a directory ({out})")
    if not out.parent.is_dir():
        raise UserError(f"output folder does not exist ({out.parent})")
    timeline, lane_order = _timeline_of(args.file, args.reference_date)
    if fmt in ("png", "svg", "pdf") and not os.environ.get("QT_QPA_PLATFORM"):
        # Images need a QGuiApplication but never a screen: offscreen works anywhere.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from . import export
    try:
        export.write(timeline, out, fmt, width=args.width, scale=args.scale, page=args.page, lane_order=lane_order)
    except OSError as exc:
        raise UserError(f"cannot write output: {exc.strerror or exc} ({out})") from None
    except export.ExportError as exc:
        raise UserError(str(exc)) from None
    return 0


def _run_timexes(args: argparse.Namespace) -> int:
    article = _load_article(args.file, args.reference_date)
    from .extract.timex import tag
    found = [t.as_contract() for t in tag(article.text, article.reference_date)]
    sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=1) + "\n")
    return 0


def _run_window(args: argparse.Namespace) -> int:
    from .qtcheck import no_display
    if no_display():
        raise UserError("no display to open the window on (DISPLAY is not set): make images and data without one "
                        f"with '{PROG} export FILE -o OUT.png' (or .svg .pdf .json .csv), or run the window under "
                        f"xvfb-run ({args.file or 'the bundled sample article'})")
    from .ui.app import run_app
    return run_app(args.file, reference_date=args.reference_date)


def main(argv: Optional[Sequence[str]] = None) -> int:
    # No cyclic garbage collection while modules load and the window is built: the collector would
    # walk the growing heap dozens of times (~25 ms of start-up) and find almost nothing. The window
    # turns it back on once its first article is shown; a command runs without it (measured: the same
    # peak memory on a 1 MB article), and it is on again when main returns.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Optional[Sequence[str]]) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    is_command = bool(argv) and argv[0] in ("export", "timexes")
    parser = _command_parser() if is_command else _window_parser()
    args = parser.parse_args(argv)  # exits 2 with a one-line "timeline-app: error: ..." on bad usage
    try:
        if not is_command:
            return _run_window(args)
        return _run_export(args) if args.command == "export" else _run_timexes(args)
    except (UserError, ResourceError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug must still end in one line, not a traceback (CONTRACT.md)
        where = getattr(args, "file", None) or "-"
        print(f"{PROG}: error: internal error: {type(exc).__name__}: {exc} ({where})", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
