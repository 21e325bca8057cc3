"""The main window: timeline on top, each party's account and the reactions below, the article beside.

Selecting in any of them selects the same event in the others (through the Document).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDockWidget, QFileDialog, QLabel, QMainWindow,
                               QMessageBox, QProgressDialog, QToolBar, QVBoxLayout, QWidget)

from .. import __version__
from .. import project
from ..corrections import CorrectedTimeline, ReorderParties
from ..ingest import OPEN_DIALOG_FILTER, content_key
from ..layout.lanes import build_lanes
from ..model import Timeline
from .article_view import ArticleView
from .document import Document
from .editing import EditController
from .export_options import ImageExportOptions
from .loader import LoadJob, LoadRequest
from .panels import AccountsPanel, Entry, ReactionsPanel
from .project_io import PROJECT_FILTER, ProjectController
from .timeline_view import TimelineView

EXPORT_FILTERS = {
    "png": "PNG image (*.png)", "svg": "SVG image (*.svg)", "pdf": "PDF document (*.pdf)",
    "json": "Timeline JSON (*.json)", "csv": "CSV table (*.csv)", "timelinejs": "TimelineJS JSON (*.json)",
}
#: A load shorter than this shows no progress dialog at all.
PROGRESS_DELAY_MS = 400


class MainWindow(QMainWindow):
    #: A load (open or re-resolve) ended, in success or failure.
    loadFinished = Signal()

    def __init__(self, settings=None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document = Document(self)
        self.current_path: Optional[Path] = None
        self._job: Optional[LoadJob] = None       # the load whose result the window waits for
        self._running: set[LoadJob] = set()       # every started thread, until it finishes
        self._progress: Optional[QProgressDialog] = None
        self._message_box: Optional[QMessageBox] = None
        #: Width (logical px) and pixel ratio of the last image export.
        self._image_size: tuple[int, float] = (2400, 2.0)
        self.setWindowTitle("Timeline")
        self.setAcceptDrops(True)
        self.resize(1400, 900)

        self.timeline_view = TimelineView()
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#banner { background: #fff4ce; color: #5c4500; padding: 6px; }")
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.timeline_view, 1)
        self.setCentralWidget(central)

        self.accounts = AccountsPanel()
        self.reactions = ReactionsPanel()
        self.article_view = ArticleView()
        self.accounts_dock = self._dock("Accounts of the parties", self.accounts, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.reactions_dock = self._dock("International reactions", self.reactions,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.article_dock = self._dock("Article", self.article_view, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.accounts_dock, self.reactions_dock], [420, 260], Qt.Orientation.Horizontal)
        self.resizeDocks([self.accounts_dock], [300], Qt.Orientation.Vertical)
        self.resizeDocks([self.article_dock], [420], Qt.Orientation.Horizontal)

        self.projects = ProjectController(self)
        self._build_actions()
        self.editing = EditController(self)
        self._connect()
        self.statusBar().showMessage("Open an article to begin (File > Open).")
        #: Said once, with the first article: things the user should know about the start itself.
        self._startup_notes: list[str] = []
        recovered = getattr(settings, "recovered_from", None)
        if recovered is not None:
            self._startup_notes.append(f"Your settings file was damaged; it was set aside as {recovered} and "
                                       "default settings are in use.")
            self.banner.setText(self._startup_notes[0])
            self.banner.show()

    # ----------------------------------------------------------------- construction
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open…", lambda: self.open_dialog(), QKeySequence.StandardKey.Open)
        self.export_png_action = self._action("Export &PNG…", lambda: self.export_dialog("png"), "Ctrl+E")
        self.export_actions = {fmt: self._action(f"Export as {label.split(' (')[0]}…",
                                                 lambda _=False, f=fmt: self.export_dialog(f))
                               for fmt, label in EXPORT_FILTERS.items() if fmt != "png"}
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.reopen_action = self._action("Reopen last article on start", self._toggle_reopen, checkable=True)
        self.reopen_action.setChecked(bool(getattr(self.settings, "reopen_last", False)))
        self.fit_action = self._action("&Fit all", self.timeline_view.fit_all, "Ctrl+0")

        menu = self.menuBar().addMenu("&File")
        menu.addAction(self.open_action)
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addAction(self.projects.save_action)
        menu.addAction(self.projects.save_as_action)
        menu.addSeparator()
        menu.addAction(self.export_png_action)
        for action in self.export_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.reopen_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

        view = self.menuBar().addMenu("&View")
        view.addAction(self.fit_action)
        for dock in (self.accounts_dock, self.reactions_dock, self.article_dock):
            view.addAction(dock.toggleViewAction())
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard and mouse", self._navigation_help, QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self._action("&About", self._about))

        bar = QToolBar("Main")
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.addAction(self.open_action)
        bar.addAction(self.export_png_action)
        bar.addSeparator()
        bar.addAction(self.fit_action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Reference date: "))
        self.reference_edit = QDateEdit()
        self.reference_edit.setObjectName("reference-date")
        self.reference_edit.setCalendarPopup(True)
        self.reference_edit.setDisplayFormat("ddd d MMM yyyy")
        self.reference_edit.setToolTip("The day relative expressions (“on Tuesday”, “last year”) are resolved "
                                       "against. Changing it re-resolves every date and is remembered for "
                                       "this article.")
        self.reference_edit.setEnabled(False)
        bar.addWidget(self.reference_edit)
        self.reference_source_label = QLabel()
        bar.addWidget(self.reference_source_label)
        bar.addSeparator()
        self.compress_box = QCheckBox("Compress empty stretches")
        self.compress_box.setChecked(True)
        bar.addWidget(self.compress_box)
        self.addToolBar(bar)

    def _connect(self) -> None:
        self.document.timelineChanged.connect(self._on_timeline_changed)
        self.document.timelineEdited.connect(self._on_timeline_edited)
        self.document.selectionChanged.connect(self._on_selection_changed)
        self.timeline_view.eventActivated.connect(self.document.select)
        self.accounts.entryActivated.connect(self._on_entry_activated)
        self.reactions.entryActivated.connect(self._on_entry_activated)
        self.article_view.offsetClicked.connect(self._on_text_clicked)
        self.reference_edit.editingFinished.connect(self._on_reference_edited)
        self.reference_edit.dateChanged.connect(self._on_reference_date_changed)
        self.compress_box.toggled.connect(self.timeline_view.set_compress_gaps)
        self.timeline_view.laneOrderChanged.connect(self._on_lane_order_changed)

    # ----------------------------------------------------------------- opening
    def open_dialog(self) -> None:
        start = str(self.current_path.parent) if self.current_path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open article or project", start,
                                              f"{PROJECT_FILTER};;{OPEN_DIALOG_FILTER}")
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, reference_date: Optional[dt.date] = None) -> None:
        """Read and extract ``path`` (or open the project ``path``) off the GUI thread; the window
        updates when it is done. Unsaved corrections are saved or discarded first (the user says)."""
        if not self.projects.confirm_close():
            return
        if project.is_project_path(path):
            self._cancel_job()
            self.projects.open(Path(path))
            return
        self._start_job(LoadRequest(path=Path(path), reference_date=reference_date,
                                    remembered_date=self._remembered_date), f"Reading {Path(path).name}…")

    def set_reference_date(self, day: dt.date) -> None:
        """Re-resolve every relative time against ``day`` and remember it for this article."""
        timeline = self.document.timeline
        if timeline is None or day == timeline.article.reference_date:
            return
        if self.settings is not None:
            self.settings.set_reference_date(content_key(timeline.article), day)
            self._save_settings()
        self._start_job(LoadRequest(path=None, article=timeline.article, reference_date=day),
                        "Re-resolving dates…")

    def _remembered_date(self, article) -> Optional[dt.date]:
        if self.settings is None:
            return None
        return self.settings.reference_date_for(content_key(article))

    def _start_job(self, request: LoadRequest, label: str) -> None:
        self._cancel_job()
        job = LoadJob(request, self)
        job.loaded.connect(lambda timeline, j=job, p=request.path: self._on_loaded(j, timeline, p))
        job.failed.connect(lambda message, j=job, p=request.path: self._on_failed(j, message, p))
        job.finished.connect(lambda j=job: self._running.discard(j))
        job.finished.connect(job.deleteLater)
        self._job = job
        self._running.add(job)
        self._progress = QProgressDialog(label, "Cancel", 0, 0, self)
        self._progress.setWindowTitle("Timeline")
        self._progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self._progress.setAutoClose(True)
        self._progress.canceled.connect(self._cancel_job)
        self.statusBar().showMessage(label)
        job.start()

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.statusBar().showMessage("Cancelled.", 3000)
        self._close_progress()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._cancel_job)
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def is_loading(self) -> bool:
        return self._job is not None or self.projects.is_opening()

    def show_when_loaded(self, deadline_ms: int) -> None:
        """Show the window once the current load is done, so its first paint has the timeline,
        but no later than ``deadline_ms`` (a big file then shows its progress in the open window)."""
        if not self.is_loading():
            self.show()
            return
        self.loadFinished.connect(self.show, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(deadline_ms, self.show)

    def _on_loaded(self, job: LoadJob, timeline: Timeline, path: Optional[Path]) -> None:
        if job is not self._job:
            return  # a cancelled or superseded load
        self._job = None
        self._close_progress()
        if path is not None:
            self.current_path = path
            self.document.set_timeline(timeline)
            self.projects.loaded_article(path)
        else:
            self._reapply_corrections(timeline)
        self.loadFinished.emit()
        if path is not None and self.settings is not None:
            # After the article is on screen: writing settings (fsync) must not delay its first paint.
            QTimer.singleShot(0, lambda p=str(path): self._remember_recent(p))

    def _reapply_corrections(self, timeline: Timeline) -> None:
        """The same article extracted again (another reference date): the user's corrections stay."""
        previous = self.document.corrected
        corrections = previous.corrections if previous is not None else []
        corrected = CorrectedTimeline.start(timeline)
        skipped = corrected.apply_all(corrections + [s.correction for s in self.document.not_applied])
        self.document.set_timeline(None, corrected=corrected, not_applied=skipped)
        if corrections:
            self.projects.dirty = True
            self.projects.update_modified()

    def _remember_recent(self, path: str) -> None:
        self.settings.add_recent(path)
        self._save_settings()

    def _on_failed(self, job: LoadJob, message: str, path: Optional[Path]) -> None:
        if job is not self._job:
            return
        self._job = None
        self._close_progress()
        self.statusBar().showMessage("Could not open the article.", 5000)
        self.show_error("Could not open the article", message)
        self.loadFinished.emit()

    # ----------------------------------------------------------------- document -> widgets
    def _on_timeline_changed(self) -> None:
        timeline = self.document.timeline
        if timeline is None:
            return
        article = timeline.article
        self.update_title()
        self.timeline_view.set_timeline(timeline)
        order = self._lane_order()
        if order:
            self.timeline_view.set_lane_order(order)
        self.accounts.set_timeline(timeline, {lane.id: lane.color for lane in build_lanes(timeline)})
        self.reactions.set_timeline(timeline)
        self.article_view.set_text(article.text)
        self._show_reference(article)
        dated = sum(1 for e in timeline.events if e.time is not None)
        notes, self._startup_notes = self._startup_notes, []
        if article.reference_source == "file-mtime":
            notes.append("The article does not state its date: relative dates are resolved against the file's "
                         f"modification date ({article.reference_date}), an assumption. Set the right day in "
                         "“Reference date”.")
        if dated == 0:
            notes.append("No dated events were found in this article.")
        notes.extend(article.warnings)
        self.banner.setText("  ".join(notes))
        self.banner.setVisible(bool(notes))
        self._show_counts()

    def _show_counts(self) -> None:
        timeline = self.document.timeline
        dated = sum(1 for e in timeline.events if e.time is not None)
        self.statusBar().showMessage(
            f"{dated} dated events · {len(timeline.parties)} parties · {len(timeline.accounts)} statements · "
            f"{len(timeline.reactions)} reactions")

    def _lane_order(self) -> list[str]:
        """Lanes as the user ordered them: by a correction (Parties > Lane up/down), else by
        dragging lane names in the view (kept per article in the settings)."""
        timeline = self.document.timeline
        if any(isinstance(x, ReorderParties) for x in self.document.corrected.corrections):
            return [p.id for p in timeline.parties]
        order = self.settings.lane_order_for(content_key(timeline.article)) if self.settings is not None else None
        return list(order or [])

    def update_title(self) -> None:
        """The project's or article's name; "[*]" shows unsaved changes the platform's way."""
        timeline = self.document.timeline
        if self.projects.path is not None:
            name = self.projects.path.name
        elif timeline is not None:
            name = timeline.article.title or Path(timeline.article.path or "Untitled").name
        else:
            name = "Untitled"
        self.setWindowTitle(f"{name}[*] — Timeline")

    def _on_timeline_edited(self, changes) -> None:
        """A correction, its undo or redo: everything shown follows the corrected timeline, and
        only what the change touched is rebuilt (an edit on 10,000 events stays one frame)."""
        timeline = self.document.timeline
        if "parties" in changes.lists:
            self.timeline_view.set_lane_order(self._lane_order())   # lanes renamed, merged, reordered
        else:
            self.timeline_view.timeline_edited(changes.event_ids)
        if changes.lists & {"parties", "actors", "accounts", "reactions"}:
            self.accounts.set_timeline(timeline, {lane.id: lane.color for lane in build_lanes(timeline)})
            self.reactions.set_timeline(timeline)
        self._on_selection_changed(self.document.selected)
        self._show_counts()

    def _show_reference(self, article) -> None:
        self.reference_edit.blockSignals(True)
        day = article.reference_date
        if day is not None:
            self.reference_edit.setDate(QDate(day.year, day.month, day.day))
        self.reference_edit.setEnabled(True)
        self.reference_edit.blockSignals(False)
        source = {"user": "set by you", "text": "stated in the article", "html-meta": "from the page's metadata",
                  "sidecar": "from the article's metadata file",
                  "file-mtime": "assumed: file date"}.get(article.reference_source or "", "")
        self.reference_source_label.setText(f"  ({source})" if source else "")
        if article.reference_note:
            self.reference_source_label.setToolTip(article.reference_note)

    def _on_selection_changed(self, event_id: Optional[str]) -> None:
        timeline = self.document.timeline
        self.timeline_view.select_event(event_id)
        entries = self.accounts.select_event(event_id) + self.reactions.select_event(event_id)
        event = timeline.event(event_id) if (timeline and event_id) else None
        self.article_view.highlight(tuple(event.span) if event else None, [e.span for e in entries])

    def _on_entry_activated(self, entry: Entry) -> None:
        if entry.event is not None and entry.event != self.document.selected:
            self.document.select(entry.event)
        else:
            self.article_view.highlight(None, [entry.span])

    def _on_text_clicked(self, offset: int) -> None:
        event_id = self.document.event_at(offset)
        if event_id is not None:
            self.document.select(event_id)

    def _on_lane_order_changed(self, order: list) -> None:
        if self.settings is not None and self.document.timeline is not None:
            self.settings.set_lane_order(content_key(self.document.timeline.article), list(order))
            self._save_settings()

    def _on_reference_date_changed(self, _date: QDate) -> None:
        # Keyboard edits finish with editingFinished; a calendar pick applies at once.
        if not self.reference_edit.hasFocus():
            self._on_reference_edited()

    def _on_reference_edited(self) -> None:
        q = self.reference_edit.date()
        self.set_reference_date(dt.date(q.year(), q.month(), q.day()))

    # ----------------------------------------------------------------- export
    def export_dialog(self, fmt: str) -> None:
        if self.document.timeline is None:
            self.show_error("Nothing to export", "Open an article first.")
            return
        stem = Path(self.current_path or "timeline").stem
        suffix = "timelinejs.json" if fmt == "timelinejs" else fmt   # *.timeline.json is a project
        start = str((self.current_path.parent if self.current_path else Path.home()) / f"{stem}.{suffix}")
        width, scale = self._image_size
        if fmt == "png":
            options = ImageExportOptions(width, scale, self)
            if options.exec() != ImageExportOptions.DialogCode.Accepted:
                return
            width, scale = self._image_size = options.values()
        path, _ = QFileDialog.getSaveFileName(self, f"Export {fmt.upper()}", start, EXPORT_FILTERS[fmt])
        if path:
            self.export_to(path, fmt, width=width, scale=scale)

    def export_to(self, path: str | Path, fmt: str, width: int = 2400, scale: float = 1.0) -> bool:
        from .. import export
        try:
            export.write(self.document.timeline, Path(path), fmt, width=width, scale=scale)
        except (OSError, export.ExportError) as exc:
            self.show_error("Could not export", f"{getattr(exc, 'strerror', None) or exc} ({path})")
            return False
        self.statusBar().showMessage(f"Exported {path}", 5000)
        return True

    # ----------------------------------------------------------------- recent files, drag and drop
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = list(getattr(self.settings, "recent_files", []) or [])
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _toggle_reopen(self, checked: bool) -> None:
        if self.settings is not None:
            self.settings.reopen_last = checked
            self._save_settings()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # ----------------------------------------------------------------- misc
    def show_error(self, title: str, message: str) -> None:
        """A window-modal message that never blocks the event loop (so tests and loads keep running)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error-dialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._message_box = box
        box.open()

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:  # a full disk must not take the window down
            self.statusBar().showMessage(f"Could not save settings: {exc}", 5000)

    def _navigation_help(self) -> None:
        from .timeline_view import NAVIGATION_HELP
        QMessageBox.information(self, "Keyboard and mouse", NAVIGATION_HELP)

    def _about(self) -> None:
        QMessageBox.about(self, "About timeline-app",
                          f"timeline-app {__version__}\nRead a news article; see what happened when, what each "
                          "side says, and how the world reacted.")

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.projects.confirm_close():
            event.ignore()
            return
        self.projects.wait()
        self._cancel_job()
        for job in list(self._running):  # a QThread destroyed while running aborts the process
            job.wait()
        super().closeEvent(event)

