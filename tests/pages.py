"""Running one page of the app in AppTest, as the page tests do."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def open_page(key: str, lang="fr", as_of=None, data_dir=None, monkeypatch=None, **query) -> AppTest:
    """Run ``pages/<key>.py`` in ``lang`` at ``as_of`` (default: the latest snapshot), on
    ``data_dir`` (default: the demo data), and check it raised nothing and showed no error."""
    if data_dir is not None:
        monkeypatch.setenv("SMALA_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": lang, **({"as_of": as_of} if as_of else {}), **query})
    at.switch_page(str(ROOT / "pages" / f"{key}.py"))
    at.run()
    assert not at.exception
    assert not at.error
    return at
