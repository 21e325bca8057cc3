"""Project files in the window: Save / Save As, opening a project (off the GUI thread: it re-reads and
re-extracts the article), the offer of an article's project, autosave after a few idle seconds, and
recovery of the autosave after a crash. The file format is timeline_app.project."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .. import project
from ..appdirs import data_dir

#: Autosave this long after the last edit (milliseconds of idle).
AUTOSAVE_IDLE_MS = 3000
PROJECT_FILTER = "Timeline project (*.timeline.json)"


def autosave_dir() -> Path:
    return data_dir() / "autosave"


class OpenProjectJob(QThread):
    """project.open_project in a worker thread (it may extract a long article)."""
    opened = Signal(object)   # project.OpenedProject
    failed = Signal(str)

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.path = path

    def run(self) -> None:  # worker thread: no widgets here
        try:
            self.opened.emit(project.open_project(self.path))
        except project.ProjectError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug in extraction must not take the window down
            self.failed.emit(f"could not open the project: {type(exc).__name__}: {exc} ({self.path})")


class ProjectController(QObject):
    """The window's project: where it is saved, whether it has unsaved changes, its autosave."""
    #: A project finished opening (True) or failed to (False).
    projectOpened = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.path: Optional[Path] = None            # the project file, once saved or opened
        self.article_path: Optional[Path] = None    # the article it refers to
        #: Unsaved work that is not on the undo stack (after a recovery, or corrections re-applied to a
        #: new extraction when the reference date changed).
        self.dirty = False
        self._job: Optional[OpenProjectJob] = None
        self._pending_title: Optional[str] = None
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_IDLE_MS)
        self._autosave.timeout.connect(self.autosave)
        self.document.historyChanged.connect(self._on_edited)

        w = window
        self.save_action = QAction("&Save project", w)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(lambda _=False: self.save())
        self.save_as_action = QAction("Save project &as…", w)
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_as_action.triggered.connect(lambda _=False: self.save_as_dialog())

    # ----------------------------------------------------------------- state
    def is_modified(self) -> bool:
        return self.dirty or not self.document.undo_stack.isClean()

    def update_modified(self) -> None:
        self.window.setWindowModified(self.is_modified())

    def loaded_article(self, path: Optional[Path]) -> None:
        """An article (not a project) is now shown: no project file yet."""
        self.path, self.article_path, self.dirty = None, path, False
        self.document.undo_stack.setClean()
        self.update_modified()
        if path is not None:
            QTimer.singleShot(0, lambda p=path: self._offer_project_of(p))

    def _on_edited(self) -> None:
        self.update_modified()
        if self.is_modified():
            self._autosave.start()
        else:
            self._autosave.stop()
            self.remove_autosave()

    # ----------------------------------------------------------------- saving
    def save(self) -> bool:
        if self.path is None:
            return self.save_as_dialog()
        return self.save_to(self.path)

    def save_as_dialog(self) -> bool:
        if self.document.timeline is None:
            self.window.show_error("Nothing to save", "Open an article first.")
            return False
        start = self.path or (project.project_path_for(self.article_path) if self.article_path
                              else Path.home() / f"timeline{project.SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save project", str(start), PROJECT_FILTER)
        if not path:
            return False
        if not project.is_project_path(path):
            path = path.removesuffix(".json") + project.SUFFIX
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        doc = self.document
        try:
            project.save(path, doc.timeline, doc.corrected.corrections, [s.correction for s in doc.not_applied],
                         article_path=self.article_path)
        except project.ProjectError as exc:
            self.window.show_error("Could not save the project", str(exc))
            return False
        self.remove_autosave()
        self.path, self.dirty = path, False
        doc.undo_stack.setClean()
        self.update_modified()
        self.window.update_title()
        self.window.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    # ----------------------------------------------------------------- autosave and recovery
    def autosave_path(self) -> Path:
        """One autosave per project (or article): named by a hash of where the work belongs."""
        identity = str(self.path or self.article_path or "untitled")
        return autosave_dir() / f"{hashlib.sha256(identity.encode()).hexdigest()[:16]}{project.SUFFIX}"

    def autosave(self) -> None:
        doc = self.document
        if doc.timeline is None or not self.is_modified():
            return
        target = self.autosave_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            project.save(target, doc.timeline, doc.corrected.corrections, [s.correction for s in doc.not_applied],
                         article_path=self.article_path, autosave_of=str(self.path or self.article_path or ""))
        except (OSError, project.ProjectError) as exc:   # autosave must never interrupt the user
            self.window.statusBar().showMessage(f"Could not autosave: {exc}", 5000)

    def remove_autosave(self) -> None:
        self._autosave.stop()
        self.autosave_path().unlink(missing_ok=True)

    @staticmethod
    def pending_recoveries() -> list[Path]:
        folder = autosave_dir()
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"*{project.SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)

    def offer_recovery(self) -> bool:
        """After a crash: ask whether to recover the latest autosave (returns whether one was offered)."""
        found = self.pending_recoveries()
        if not found:
            return False
        latest = found[0]
        box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved work",
                          "Timeline did not close properly last time. Recover the unsaved corrections?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard, self.window)
        box.setObjectName("recovery-dialog")
        self.recovery_box = box

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self.recover(latest)
            else:
                for path in found:
                    path.unlink(missing_ok=True)
        box.finished.connect(answered)
        box.open()
        return True

    def recover(self, autosave: Path) -> None:
        self.open(autosave, recovering=True)

    # ----------------------------------------------------------------- opening
    def open(self, path: Path, recovering: bool = False) -> None:
        """Open a project file off the GUI thread; the window shows it when it is ready."""
        job = OpenProjectJob(Path(path), self)
        job.opened.connect(lambda opened, j=job: self._on_opened(j, opened, recovering))
        job.failed.connect(lambda message, j=job: self._on_failed(j, message))
        job.finished.connect(job.deleteLater)
        self._job = job
        self.window.statusBar().showMessage(f"Opening {Path(path).name}…")
        job.start()

    def is_opening(self) -> bool:
        return self._job is not None

    def wait(self) -> None:
        if self._job is not None:
            self._job.wait()

    def _on_opened(self, job, opened: project.OpenedProject, recovering: bool) -> None:
        if job is not self._job:
            return
        self._job = None
        if recovering:
            opened.path.unlink(missing_ok=True)   # its content is in the window now (and autosaved again)
            origin = Path(opened.autosave_of) if opened.autosave_of else None
            self.path = origin if origin is not None and project.is_project_path(origin) else None
        else:
            self.path = opened.path
        self.article_path = opened.article_path
        self.window.current_path = opened.article_path or self.path
        self.document.set_timeline(None, corrected=opened.corrected, not_applied=opened.not_applied)
        self.dirty = recovering
        self.update_modified()
        if recovering:
            self.autosave()
        self.window.update_title()
        notes = opened.notes + (["Recovered unsaved corrections: save them to keep them."] if recovering else [])
        if notes:
            self.window.banner.setText("  ".join(notes))
            self.window.banner.show()
        if not recovering and self.window.settings is not None:
            QTimer.singleShot(0, lambda p=str(opened.path): self.window._remember_recent(p))
        self.projectOpened.emit(True)
        self.window.loadFinished.emit()

    def _on_failed(self, job, message: str) -> None:
        if job is not self._job:
            return
        self._job = None
        self.window.statusBar().showMessage("Could not open the project.", 5000)
        self.window.show_error("Could not open the project", message)
        self.projectOpened.emit(False)
        self.window.loadFinished.emit()

    def _offer_project_of(self, article_path: Path) -> None:
        """Opening an article that has a project beside it offers the project."""
        candidate = project.project_path_for(article_path)
        timeline = self.document.timeline
        if not candidate.is_file() or timeline is None:
            return
        try:
            saved = project.read(candidate)
        except project.ProjectError:
            return   # not ours to judge here: the user opened the article
        if saved.article.sha256 != project.text_hash(timeline.article.text):
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Open the project?",
                          f"This article has a saved project with your corrections ({candidate.name}). Open it?",
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Ignore, self.window)
        box.setObjectName("project-offer-dialog")
        self.offer_box = box
        box.finished.connect(lambda button: button == QMessageBox.StandardButton.Open and self.open(candidate))
        box.open()

    # ----------------------------------------------------------------- closing
    def confirm_close(self) -> bool:
        """Before the window closes or another file replaces the work: save, discard or cancel."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save and not self.save():
            return False
        # Discarded (or saved): the work is settled, so a later close does not ask again.
        self.remove_autosave()
        self.dirty = False
        self.document.undo_stack.setClean()
        return True

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self.window, "Unsaved corrections", "Save your corrections to this timeline as a project?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
