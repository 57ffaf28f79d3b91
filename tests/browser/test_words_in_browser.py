"""Words Streamlit draws itself, in a real browser (issue 29, item 10): the Import page's file
uploader says its button and its size and types line in the interface language, not Streamlit's
English ("Upload", "200MB per file • XLSX, XLSM, CSV, ZIP", and "Drag and drop files here" while a
file is dragged over it)."""

import os

import pytest

from smala_ui.browser import running_app
from smala_ui.text import CATALOGUE

from .test_pages import wait_for_page

DROPZONE = '[data-testid="stFileUploaderDropzone"]'
BUTTON_TEXT = f'{DROPZONE} button [data-testid="stMarkdownContainer"] p'
LIMIT_TEXT = '[data-testid="stFileUploaderDropzoneInstructions"] span'
# drawn over the dropzone while a file is dragged over it: a div with one span (no test id)
DRAG_TEXT = f"{DROPZONE} > div:not([data-testid]) > span"

# A file dragged over the dropzone, as the browser announces it (react-dropzone reads the types)
DRAG_ENTER = """zone => {
    const data = new DataTransfer();
    data.items.add(new File(["id"], "membres.csv", {type: "text/csv"}));
    zone.dispatchEvent(new DragEvent("dragenter", {bubbles: true, dataTransfer: data}));
}"""

# What the reader sees of an element: its own text when it has a size, else its ::after's.
SHOWN = """e => {
    const own = getComputedStyle(e), after = getComputedStyle(e, '::after');
    const content = after.content && after.content !== 'none' ? JSON.parse(after.content) : '';
    return {own: parseFloat(own.fontSize) > 0 ? e.innerText : '', after: content,
            afterSize: parseFloat(after.fontSize), width: e.getBoundingClientRect().width};
}"""


@pytest.fixture(scope="module")
def director_server(tmp_path_factory):
    """The app on the demo data, opened to a director (the Import page is theirs)."""
    config = tmp_path_factory.mktemp("words") / "smala.toml"
    config.write_text('[access]\nopen_access = "director"\n', encoding="utf-8")
    env = dict(os.environ, SMALA_CONFIG=str(config))
    with running_app(env) as url:
        yield url


@pytest.mark.parametrize(
    ("lang", "button", "limit", "drag"),
    [
        (
            "fr",
            "Choisir un fichier",
            "Jusqu'à 200\u00a0Mo par fichier · XLSX, XLSM, ODS, CSV, ZIP",
            "Déposez le fichier ici",
        ),
        (
            "en",
            "Choose a file",
            "Up to 200\u00a0MB per file · XLSX, XLSM, ODS, CSV, ZIP",
            "Drop the file here",
        ),
    ],
)
def test_the_uploader_speaks_the_interface_language(browser, director_server, lang, button, limit, drag):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        page.goto(f"{director_server}/importing?lang={lang}")
        wait_for_page(page, CATALOGUE[lang]["page.importing"])
        shown_button = page.locator(BUTTON_TEXT).evaluate(SHOWN)
        shown_limit = page.locator(LIMIT_TEXT).evaluate(SHOWN)
        # Streamlit's English is there but takes no room; ours is drawn in its place, readable
        assert (shown_button["own"], shown_button["after"]) == ("", button)
        assert (shown_limit["own"], shown_limit["after"]) == ("", limit)
        assert shown_button["afterSize"] >= 14 and shown_limit["afterSize"] >= 12
        assert shown_button["width"] > 60 and shown_limit["width"] > 200  # the words take their room
        # the style is the uploader's alone: the page's other paragraphs keep their size
        intro = page.locator('[data-testid="stMarkdownContainer"] p').first
        assert float(intro.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14
        # a file dragged over it: Streamlit's "Drag and drop files here" gives way to ours
        page.locator(DROPZONE).evaluate(DRAG_ENTER)
        page.wait_for_selector(DRAG_TEXT, timeout=10_000)
        shown_drag = page.locator(DRAG_TEXT).evaluate(SHOWN)
        assert (shown_drag["own"], shown_drag["after"]) == ("", drag)
        assert shown_drag["afterSize"] >= 12 and shown_drag["width"] > 100
        # Odoo's format: the crosswalk's uploader under the exports' says the same words
        page.get_by_text(CATALOGUE[lang]["importing.format.odoo"]).click()
        mapping = page.locator(".st-key-import_mapping_uploader")
        mapping.wait_for(timeout=30_000)
        shown = mapping.locator(BUTTON_TEXT).evaluate(SHOWN)
        assert (shown["own"], shown["after"]) == ("", button)
        limit_csv = mapping.locator(LIMIT_TEXT).evaluate(SHOWN)["after"]
        assert limit_csv == limit.replace("XLSX, XLSM, ODS, CSV, ZIP", "CSV, XLSX")
    finally:
        page.close()
