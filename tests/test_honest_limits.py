"""Honest limits: a non-English article says so (banner, JSON warning) instead of inventing parties;
with no display the window command says how to work headless."""
import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication

from timeline_app.extract.language import english_share, not_english_warning
from timeline_app.extract.pipeline import extract
from timeline_app.model import Article

# Written for this test (not from any article).
FRENCH = ("Le gouvernement a annoncé lundi que les troupes se sont retirées de la frontière après trois jours "
          "de combats. Selon le ministère, les négociations reprendront la semaine prochaine à Genève, sous "
          "l'égide des Nations unies. Un porte-parole a déclaré que la situation restait tendue dans la région "
          "et que de nouveaux affrontements n'étaient pas exclus. ") * 2
GERMAN = ("Die Regierung hat am Montag erklärt, dass die Truppen nach drei Tagen der Kämpfe von der Grenze "
          "abgezogen wurden. Nach Angaben des Ministeriums sollen die Verhandlungen in der kommenden Woche in "
          "Genf unter Vermittlung der Vereinten Nationen fortgesetzt werden. Ein Sprecher sagte, die Lage in "
          "der Region bleibe angespannt und neue Gefechte seien nicht ausgeschlossen. ") * 2


def test_english_is_told_from_other_languages():
    from conftest import SEED
    assert not_english_warning(SEED.read_text(encoding="utf-8")) is None
    assert english_share(SEED.read_text(encoding="utf-8"))[0] > 0.25
    for text in (FRENCH, GERMAN):
        assert english_share(text)[0] < 0.08
        assert "not seem to be in English" in not_english_warning(text)
    assert not_english_warning("Le chat.") is None        # too short to judge


def test_a_french_article_gets_no_made_up_parties_and_a_warning():
    timeline = extract(Article(text=FRENCH, title="Retrait des troupes"))
    assert timeline.parties == [] and timeline.events == []
    assert any("English" in w for w in timeline.article.warnings)
    assert "not seem to be in English" in json.loads(timeline.to_json())["article"]["warnings"][0]


def test_the_window_says_so_in_its_banner(qtbot, tmp_path, monkeypatch):
    from timeline_app.ui.app import create_main_window
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.show()
    win.document.set_timeline(extract(Article(text=GERMAN, title="Abzug")))
    assert win.banner.isVisible() and "English" in win.banner.text()
    assert win.timeline_view.geometry_snapshot().events == []


def test_no_display_one_line_and_exit_1(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "timeline_app"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "export" in lines[0]
