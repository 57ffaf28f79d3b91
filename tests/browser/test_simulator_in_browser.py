"""The Simulator in a real browser: moving a lever updates the target dates, says a scenario is on,
and puts the lever in the address."""

from playwright.sync_api import expect

from .test_pages import open_page, problems_on

TILE = '[data-testid="stMetric"]'


def test_moving_a_lever_updates_the_target_dates(page, server):
    open_page(page, server, "simulator", "fr")
    fund_date = page.locator(TILE).nth(1).locator('[data-testid="stMetricValue"]')
    before = fund_date.inner_text()
    lever = (
        page.locator('[data-testid="stSlider"]')
        .filter(has_text="Engagements fermes privés")
        .get_by_role("slider")
    )
    # one key at a time, each waited for (as the cap rate's test): under load a press sent before
    # the slider was ready was lost, and the date stayed "pas avant l'horizon"
    start = int(lever.get_attribute("value", timeout=30_000))
    lever.focus()
    for step in range(1, 9):  # eight steps of 25 000 EUR a quarter more
        lever.press("ArrowRight")
        expect(lever).to_have_value(str(start + step), timeout=30_000)
    expect(fund_date).not_to_have_text(before, timeout=30_000)
    expect(page.get_by_text("Scénario : ces chiffres supposent des leviers modifiés")).to_be_visible()
    page.wait_for_function("() => location.search.includes('sim_private_commitments_eur=')", timeout=10_000)
    assert not problems_on(page)
