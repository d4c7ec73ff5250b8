"""Look at an HTML page in a real headless browser: Chromium, as Qt WebEngine ships it (PySide6-WebEngine from
PyPI), offscreen. `python -m tests.report_page PAGE.html SHOT.png` loads the page at a laptop's width, saves a
screenshot and prints, as JSON, what the page looks like: its size, what overflows its width, how many groups
and tables it shows, and whether Chinese text is drawn with real glyphs (not the same empty box for every
character). Run in a child process: Qt wants its own main thread, and the tests never import it."""

from __future__ import annotations

import json
import os
import sys

WIDTH, HEIGHT = 1000, 1400
TIMEOUT_MS = 30_000

# Measured inside the page, with the page's own fonts: two different Chinese characters drawn with the font the
# page's body uses give different pixels, unless the browser has no glyph for them and draws its box for both.
MEASURE = """
(() => {
  const font = getComputedStyle(document.body).fontFamily;
  const ink = (text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 40; canvas.height = 40;
    const ctx = canvas.getContext('2d');
    ctx.font = '28px ' + font;
    ctx.fillText(text, 4, 32);
    return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
  };
  const width = document.documentElement.clientWidth;
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > width + 1).map(e => e.tagName);
  const chinese = Array.from(document.querySelectorAll('li, td')).filter(e => /[\\u4e00-\\u9fff]/.test(e.textContent));
  return JSON.stringify({
    width: width, scroll_width: document.documentElement.scrollWidth, height: document.body.scrollHeight,
    overflowing: wide, groups: document.querySelectorAll('ol.groups > li').length,
    tables: document.querySelectorAll('table').length, chinese_items: chinese.length,
    chinese_glyphs: ink('价') !== ink('格') && ink('价') !== ink(' '),
    title: document.title,
  });
})()
"""


def main(page: str, shot: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # as root (CI) Chromium refuses its sandbox; no GPU here
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
    from PySide6.QtCore import QSize, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    view = QWebEngineView()
    view.resize(QSize(WIDTH, HEIGHT))
    result: dict = {}

    def measured(found: str) -> None:
        result.update(json.loads(found))
        QTimer.singleShot(300, shoot)  # let the last paint land before the picture

    def shoot() -> None:
        result["screenshot"] = view.grab().save(shot)
        app.quit()

    def loaded(ok: bool) -> None:
        result["loaded"] = ok
        view.page().runJavaScript(MEASURE, 0, measured) if ok else app.quit()

    view.loadFinished.connect(loaded)
    view.load(QUrl.fromLocalFile(os.path.abspath(page)))
    view.show()
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    print(json.dumps(result))
    return 0 if result.get("screenshot") else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
