"""A real login in a real browser (issue 12): a mock OpenID Connect provider on loopback
(``oidc-provider-mock``), the app served by a real Streamlit server configured against it in its
secrets, and Chromium logging in as a director, a board member and an unknown address."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import oidc_provider_mock
import pytest
from playwright.sync_api import expect

from analytics.access.audit import read_events
from smala_ui.browser import ROOT, free_port, running_server
from smala_ui.text import CATALOGUE

HEADING = '[data-testid="stHeading"]'
USERS = {
    "director": ("direction@example.org", "Dominique Directrice"),
    "board": ("conseil@example.org", "Bernard du Conseil"),
    "unknown": ("inconnu@example.org", "Ines Connue"),
}


@pytest.fixture(scope="module")
def provider():
    users = [
        oidc_provider_mock.User(sub=email, claims={"email": email, "name": name})
        for email, name in USERS.values()
    ]
    with oidc_provider_mock.run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def login_server(provider, tmp_path_factory):
    """The app, with login configured against ``provider`` and one address per role."""
    folder = tmp_path_factory.mktemp("login")
    port = free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-secret-that-is-long-enough-0123456789"\n'
        'client_id = "smala-dashboard"\n'
        'client_secret = "test-client-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    config = folder / "smala.toml"
    config.write_text(
        f'[access]\ndirectors = ["{USERS["director"][0]}"]\nboard = ["{USERS["board"][0]}"]\n',
        encoding="utf-8",
    )
    data_dir = folder / "data"  # a copy of the demo data: the audit trail is written beside it
    shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns("audit"))
    env = dict(os.environ, SMALA_CONFIG=str(config), SMALA_DATA_DIR=str(data_dir))
    with running_server(env, port=port, options=("--secrets.files", str(secrets))) as (url, _):
        yield url, data_dir


@pytest.fixture
def fresh(browser):
    """A page in a browser context of its own: no login cookie from another test."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    yield context.new_page()
    context.close()


def fr(key: str, **values) -> str:
    return CATALOGUE["fr"][key].format(**values)


def log_in(page, server: str, who: str) -> None:
    """Open the app, press its login button, and pick ``who`` on the provider's form."""
    page.goto(f"{server}/?lang=fr")
    expect(page.locator(HEADING).first).to_have_text(fr("access.login_title"), timeout=30_000)
    assert page.locator('[data-testid="stMetric"]').count() == 0  # no figure before login
    page.get_by_role("button", name=fr("access.login")).click()
    page.wait_for_url(re.compile(r"/oauth2/authorize"), timeout=30_000)
    page.get_by_role("button", name=USERS[who][0]).click()  # the provider's predefined user
    page.wait_for_url(re.compile(rf"^{re.escape(server)}/"), timeout=30_000)


def nav_labels(page) -> list[str]:
    links = page.locator('[data-testid="stSidebarNav"] a')
    expect(links.first).to_be_visible(timeout=30_000)
    return [text.split("\n")[-1].strip() for text in links.all_inner_texts()]  # after the icon


def test_a_director_logs_in_sees_every_page_and_logs_out(fresh, login_server):
    login_server, data_dir = login_server
    page = fresh
    log_in(page, login_server, "director")
    name = USERS["director"][1]
    sidebar = page.locator('[data-testid="stSidebar"]')
    signed_in = fr("access.signed_in", name=name, role=fr("access.role.director"))
    expect(sidebar.get_by_text(signed_in)).to_be_visible(timeout=30_000)
    labels = nav_labels(page)
    assert fr("page.importing") in labels and fr("page.fund") in labels
    expect(page.locator('[data-testid="stMetric"]').first).to_be_visible(timeout=30_000)
    logins = [e for e in read_events(data_dir)[0] if e.action == "login"]
    assert ("direction@example.org", "director") in [(e.who, e.role) for e in logins]
    sidebar.get_by_role("button", name=fr("access.logout")).click()
    # Streamlit ends the session at the provider too, whose mock asks to confirm
    page.wait_for_url(re.compile(r"/oauth2/end_session"), timeout=30_000)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(rf"^{re.escape(login_server)}/"), timeout=30_000)
    expect(page.locator(HEADING).first).to_have_text(fr("access.login_title"), timeout=30_000)
    assert page.locator('[data-testid="stMetric"]').count() == 0


def test_a_board_member_has_no_import_even_by_address_and_their_download_is_recorded(fresh, login_server):
    login_server, data_dir = login_server
    page = fresh
    log_in(page, login_server, "board")
    labels = nav_labels(page)
    assert fr("page.fund") in labels
    assert fr("page.importing") not in labels
    page.goto(f"{login_server}/importing?lang=fr")  # typed by hand
    notice = page.locator('[data-testid="stAlertContentInfo"]').first
    expect(notice).to_contain_text(fr("access.page_forbidden", page=fr("page.importing")), timeout=30_000)
    expect(page.locator(HEADING).first).to_have_text(fr("page.overview"))
    assert page.locator('[data-testid="stFileUploaderDropzone"]').count() == 0
    # a download of the members table: names left out, and a line in the trail
    page.goto(f"{login_server}/data?lang=fr")
    expect(page.locator(HEADING).first).to_have_text(fr("page.data"), timeout=30_000)
    button = page.locator(".st-key-download_csv_members button")
    with page.expect_download(timeout=30_000) as download:
        button.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].split(";")[:2] == ["member_id", "company"]  # no name column
    downloads = [e for e in read_events(data_dir)[0] if e.action == "download"]
    assert len(downloads) == 1
    assert (downloads[0].who, downloads[0].role) == ("conseil@example.org", "board")
    assert re.fullmatch(r"smala_members_\d{4}-\d{2}-\d{2}\.csv", downloads[0].detail)


def test_an_unknown_address_logs_in_and_sees_no_figure(fresh, login_server):
    login_server, data_dir = login_server
    page = fresh
    log_in(page, login_server, "unknown")
    expect(page.locator(HEADING).first).to_have_text(fr("access.no_access_title"), timeout=30_000)
    expect(page.get_by_text(USERS["unknown"][0].split("@")[0], exact=False).first).to_be_visible()
    tried = [(e.who, e.role, e.action) for e in read_events(data_dir)[0]]
    assert ("inconnu@example.org", "", "login") in tried  # an attempt without a role is recorded
    for address in ("/", "/fund", "/data"):
        page.goto(f"{login_server}{address}?lang=fr")
        expect(page.locator(HEADING).first).to_have_text(fr("access.no_access_title"), timeout=30_000)
        assert page.locator('[data-testid="stMetric"]').count() == 0
        assert page.locator(".js-plotly-plot").count() == 0
