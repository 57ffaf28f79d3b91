"""The import, as a treasurer does it in a real browser: upload a file with a mistake, see it
located, upload the corrected file, publish, and find the new snapshot on the Overview."""

import datetime as dt
import io
import os
import zipfile

import pyarrow as pa
from fixture_data import tables_b, write_fixture
from playwright.sync_api import expect

from analytics.output.export import to_csv_bytes
from smala_ui import fmt
from smala_ui.browser import running_app
from smala_ui.findings import last_quarter_end
from smala_ui.text import CATALOGUE

from .test_pages import ERROR, EXCEPTION, IDLE, wait_for_page

FR = CATALOGUE["fr"]


def zip_of_csv(tables: dict) -> bytes:
    """The nine tables as a zip of Belgian CSV files, as a spreadsheet export would give them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, table in tables.items():
            archive.writestr(f"{name}.csv", to_csv_bytes(table))
    return buffer.getvalue()


def upload(page, path) -> None:
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    page.wait_for_timeout(500)  # the rerun starts after the upload request
    page.wait_for_selector(IDLE, state="attached", timeout=60_000)


def test_upload_a_mistake_fix_it_publish_and_see_it_on_the_overview(browser, tmp_path):
    data_dir = tmp_path / "data"
    write_fixture(data_dir)
    good = zip_of_csv(tables_b())
    bad_tables = tables_b()
    roles = bad_tables["members"]["role"].to_pylist()
    roles[2] = "chef"  # spreadsheet row 4: the header is row 1
    bad_tables["members"] = bad_tables["members"].set_column(
        bad_tables["members"].schema.get_field_index("role"), "role", pa.array(roles)
    )
    (tmp_path / "export_faux.zip").write_bytes(zip_of_csv(bad_tables))
    (tmp_path / "export.zip").write_bytes(good)
    new_date = last_quarter_end(dt.date.today())  # the page's default date

    # a director on their own laptop, no login configured: the import is theirs (README, Login)
    config = tmp_path / "smala.toml"
    config.write_text('[access]\nopen_access = "director"\n', encoding="utf-8")
    env = dict(os.environ, SMALA_CONFIG=str(config), SMALA_DATA_DIR=str(data_dir))
    with running_app(env) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"{url}/importing?lang=fr")
        wait_for_page(page, FR["page.importing"])

        upload(page, tmp_path / "export_faux.zip")
        alert = page.locator(ERROR).first
        expect(alert).to_contain_text("1 erreur", timeout=30_000)
        publish = page.get_by_role(
            "button", name=FR["importing.publish"].format(date=fmt.date(new_date, "fr"))
        )
        expect(publish).to_be_disabled()

        upload(page, tmp_path / "export.zip")
        expect(page.locator(ERROR)).to_have_count(0, timeout=30_000)
        expect(publish).to_be_enabled(timeout=30_000)
        publish.click()
        page.wait_for_timeout(500)
        page.wait_for_selector(IDLE, state="attached", timeout=60_000)
        expect(page.get_by_text(f"as_of={new_date.isoformat()}", exact=False).first).to_be_visible(
            timeout=30_000
        )
        assert (data_dir / "snapshots" / f"as_of={new_date.isoformat()}" / "manifest.json").is_file()

        page.goto(f"{url}/?lang=fr")
        wait_for_page(page, FR["page.overview"])
        expect(page.get_by_text(fmt.date(new_date, "fr")).first).to_be_visible(timeout=30_000)
        assert page.locator(EXCEPTION).count() == 0
        page.close()
