"""La Smala dashboard: the router. Page config, shared sidebar, navigation; pages do the rest."""

import streamlit as st

from analytics.config import ConfigError
from smala_ui import state, theme
from smala_ui.state import t

st.set_page_config(page_title="La Smala", page_icon=":material/diversity_3:", layout="wide")
theme.register()

try:
    settings = state.settings()
except ConfigError as exc:
    st.error(t("state.config_error", error=exc))
    st.stop()
st.session_state["settings"] = settings
state.language_selector(settings.default_language)
pages = {
    t("nav.dashboard"): [
        st.Page(
            "views/overview.py",
            title=t("page.overview"),
            icon=":material/dashboard:",
            url_path="overview",
            default=True,
        ),
    ],
    t("nav.activities"): [
        st.Page(
            "views/cooperative.py",
            title=t("page.cooperative"),
            icon=":material/groups:",
            url_path="cooperative",
        ),
        st.Page("views/support.py", title=t("page.support"), icon=":material/handshake:", url_path="support"),
        st.Page(
            "views/consultancy.py",
            title=t("page.consultancy"),
            icon=":material/work:",
            url_path="consultancy",
        ),
    ],
    t("nav.fund"): [
        st.Page("views/fund.py", title=t("page.fund"), icon=":material/savings:", url_path="fund"),
        st.Page(
            "views/capped_returns.py",
            title=t("page.capped"),
            icon=":material/percent:",
            url_path="capped-returns",
        ),
    ],
    t("nav.impact"): [
        st.Page("views/impact.py", title=t("page.impact"), icon=":material/eco:", url_path="impact"),
        st.Page("views/studio.py", title=t("page.studio"), icon=":material/lightbulb:", url_path="studio"),
    ],
    t("nav.data"): [
        st.Page("views/data.py", title=t("page.data"), icon=":material/database:", url_path="data"),
    ],
}
navigation = st.navigation(pages)

catalogue = state.catalogue(settings.data_dir)
selection = state.snapshot_selectors(catalogue)
if catalogue.invalid:
    st.warning(
        t("state.invalid_snapshots", dates=", ".join(s.label for s in catalogue.invalid)),
        icon=":material/warning:",
    )
if catalogue.leftovers:
    st.warning(t("state.staging_left", folders=", ".join(catalogue.leftovers)), icon=":material/warning:")
st.session_state["catalogue"] = catalogue
if selection is None and navigation.url_path != "data":
    st.error(t("state.no_snapshot", folder=settings.data_dir))
    st.stop()

navigation.run()
