"""La Smala dashboard: the router. Page config, shared sidebar, navigation; pages do the rest."""

from pathlib import Path

import streamlit as st

from analytics.config import ConfigError
from analytics.store.checks import engine_limit
from analytics.store.location import is_remote
from smala_ui import fmt, presentation, theme
from smala_ui.cache.store import catalogue, quality_problems, settings
from smala_ui.findings import md_escape
from smala_ui.login import account, banner, gate_screen, note_login, viewer_policy
from smala_ui.navigation import NO_SNAPSHOT_PAGES, PAGES, pages_for
from smala_ui.process import keep_finished_pages_out_of_gc, keep_imports_out_of_gc, page_ran
from smala_ui.session import (
    keep_address_across_pages,
    land_unknown_address,
    lang,
    language_selector,
    remember_address,
    require_router,
    snapshot_selectors,
    t,
)
from smala_ui.text import plural
from smala_ui.widgets import problem_text

require_router()  # before anything is drawn: see its docstring
keep_address_across_pages()  # before any widget reads the address
keep_imports_out_of_gc()
keep_finished_pages_out_of_gc()
# A local icon: a material icon as favicon is fetched from Google's font servers on every load.
FAVICON = str(Path(__file__).resolve().parent / "smala_ui" / "static" / "favicon.png")
st.set_page_config(page_title="La Smala", page_icon=FAVICON, layout="wide")
theme.register()
theme.style_tiles()

try:
    settings = settings()
except ConfigError as exc:
    st.error(t("state.config_error", error=exc))
    st.stop()
st.session_state["settings"] = settings
language_selector(settings.default_language)
catalogue = catalogue(settings.data_dir)
# Who is viewing decides which pages exist for them: a page their role may not open is not in
# their navigation, so its address is no page for them (analytics.access.policy, smala_ui.login).
policy = viewer_policy(settings, catalogue.valid)
note_login(policy, settings.data_dir)  # the audit trail: a login, a role changed
# Every snapshot below is handed over in the viewer's scope: a table, a list or a name the role may
# not see is refused or left out by the models and queries themselves (analytics.store.scope.Scope).
catalogue = catalogue.seen_by(policy.scope)
allowed = pages_for(policy.role)
if not allowed:  # logged out while login is configured, or logged in without a role
    land_unknown_address(("login",))  # any address shows this screen
    st.navigation([st.Page(gate_screen, title=t("access.login"), url_path="login")], position="hidden").run()
    st.stop()
pages: dict[str, list] = {}
for spec in allowed:  # the first page is the default, served at /
    pages.setdefault(t(spec.section), []).append(
        st.Page(
            spec.file,
            title=t(f"page.{spec.title}"),
            icon=spec.icon,
            url_path=spec.key,
            default=spec is allowed[0],
        )
    )
presenting = presentation.toggle()
unknown_address = land_unknown_address(tuple(spec.key for spec in allowed))
# expanded: never Streamlit's English "View N more" button, however many pages a role has
navigation = st.navigation(pages, position="top" if presenting else "sidebar", expanded=True)
account(policy)
forbidden = {spec.key: spec for spec in PAGES if spec not in allowed}
if unknown_address in forbidden:
    page_title = t(f"page.{forbidden[unknown_address].title}")
    st.info(t("access.page_forbidden", page=page_title), icon=":material/lock:")
elif unknown_address is not None:  # typed by whoever opened the link: escaped
    address, first = md_escape(unknown_address), allowed[0]
    notice = (
        t("state.unknown_address", address=address)
        if first is PAGES[0]
        else t("state.unknown_address_other", address=address, page=t(f"page.{first.title}"))
    )
    st.info(notice, icon=":material/explore:")
banner(policy)

selection = snapshot_selectors(catalogue)
if catalogue.invalid:
    st.warning(
        plural(
            lang(),
            "state.invalid_snapshots",
            len(catalogue.invalid),
            dates=", ".join(
                f"{fmt.date(s.as_of, lang())} ({md_escape(s.path.name)})" for s in catalogue.invalid
            ),
        ),
        icon=":material/warning:",
    )
if catalogue.strays:
    # folder names come from the disk: escaped before Markdown draws them
    st.warning(
        plural(
            lang(),
            "state.stray_folders",
            len(catalogue.strays),
            folders=", ".join(md_escape(p.file) for p in catalogue.strays),
        ),
        icon=":material/warning:",
    )
if catalogue.leftovers:  # on object storage: files uploaded without their manifest, the commit
    left = "state.upload_left" if is_remote(settings.data_dir) else "state.staging_left"
    st.warning(
        t(left, folders=", ".join(md_escape(f) for f in catalogue.leftovers)),
        icon=":material/warning:",
    )
st.session_state["catalogue"] = catalogue
if selection is None and navigation.url_path not in NO_SNAPSHOT_PAGES:
    st.error(t("state.no_snapshot", folder=settings.data_dir))
    st.stop()
if selection is not None and navigation.url_path not in NO_SNAPSHOT_PAGES:
    # A snapshot can be intact yet break the contract's rules; its figures may then be off.
    broken = [p for p in quality_problems(selection.as_of) if p.is_error]
    # Values no query can handle (an amount that overflows a sum, a text of a megabyte): the page
    # is not drawn, the findings are named instead of the engine's error (issue 33).
    limits = [p for p in broken if engine_limit(p)]
    if limits:
        where = " ".join(f"{problem_text(p)}." for p in limits[:3])
        st.error(plural(lang(), "state.engine_limit", len(limits), where=where), icon=":material/block:")
        st.stop()
    if broken:
        st.warning(plural(lang(), "state.rules_broken", len(broken)), icon=":material/rule:")

if presenting:
    presentation.apply(navigation.url_path or allowed[0].key)
try:
    navigation.run()
finally:  # st.stop and st.rerun raise through run(): the address is noted all the same
    remember_address()
# reached only when the page ran to its end (st.stop and reruns raise through run())
page_ran(navigation.url_path or allowed[0].key)
