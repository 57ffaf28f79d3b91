"""What one browser session chose: the language, the as-of and comparison snapshots, the
widgets whose values live in the URL, and who is viewing."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from analytics.store.snapshots import Snapshot
from smala_ui import fmt
from smala_ui.cache.store import Catalogue
from smala_ui.text import LANGUAGE_NAMES, translate

LANG_KEY, AS_OF_KEY, COMPARE_KEY = "lang", "as_of", "compare"
NO_COMPARISON = "-"


def lang() -> str:
    """Return the interface language chosen in the sidebar (the configured default, else French)."""
    value = st.session_state.get(LANG_KEY, st.session_state.get("default_language"))
    return value if value in LANGUAGE_NAMES else "fr"


def t(key: str, **values: object) -> str:
    """Return the text of ``key`` in the interface language."""
    return translate(lang(), key, **values)


@dataclass(frozen=True)
class Selection:
    """The snapshots the pages show: as-of, and the comparison (None when there is none)."""

    as_of: Snapshot
    compare: Snapshot | None


def _previous_label(labels: list[str], label: str) -> str:
    earlier = [x for x in labels if x < label]
    return earlier[-1] if earlier else NO_COMPARISON


def url_widget(
    widget, label: str, options: list[str], default: str, key: str, aliases: dict | None = None, **kwargs
) -> str:
    """Draw ``widget`` (selectbox, radio, select_slider, ...) with its value kept in the URL.

    The URL holds the raw option (``as_of=2026-06-30``, ``lang=en``, ``cap_rate=3``), not its
    translated label, so a shared link means the same in both languages. A value from the URL
    that is not an option is ignored; a value left at its default leaves the URL.

    On the browser's back and forward buttons the address wins over the session: the value goes
    back to the one the address held (see :func:`keep_address_across_pages`).

    ``aliases`` maps the option's labels in every language back to the option. A selectbox's
    browser side keeps the label it showed: after a language switch it sends the label of the
    other language, which Streamlit hands back as is (not an option). Without the alias the
    value fell back to the default (the as-of to the latest, the comparison lost).
    """
    from_url = st.query_params.get(key)
    opened = key not in st.session_state  # a link opened: a default it names stays in the address
    if opened or is_history_navigation():  # the address is what was asked
        st.session_state[key] = from_url if from_url in options else default
    elif st.session_state[key] not in options:  # a label of the other language, or a snapshot gone
        st.session_state[key] = (aliases or {}).get(st.session_state[key], default)
    value = widget(label, options, key=key, **kwargs)
    # Only a change is written: each write sends the browser a message, on every rerun.
    if value == default:
        # (removing it on opening would add a history entry, and back would meet the page twice)
        if key in st.query_params and not (opened and from_url == value):
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value
    return value


_ADDRESS = "_address"  # the query of the address as the last run left it


def is_history_navigation() -> bool:
    """Return True when this run was started by the browser's back or forward button."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.is_history_navigation)


def keep_address_across_pages() -> None:
    """Put back in the address what a click in the navigation took out of it. Call first.

    Streamlit starts a page chosen in its navigation with an empty query (it keeps only the
    parameters of widgets bound with ``bind="query-params"``, whose URL values are their labels,
    not raw values). Written back one by one, as-of then comparison, each write made the browser
    push a history entry for the page being left: a board pressing back then met the same page two
    or three times ("the back button sticks", issue 29). Written back at once, the query is the
    one the address already shows, so the browser adds nothing; the next history entry is the new
    page's. On the back and forward buttons the address is left as the browser restored it.
    """
    last = st.session_state.get(_ADDRESS)
    if not last or is_history_navigation():
        return
    now = st.query_params.to_dict()
    if last | now != now:
        st.query_params.from_dict(last | now)


def remember_address() -> None:
    """Note the address's query as this run leaves it (for :func:`keep_address_across_pages`)."""
    st.session_state[_ADDRESS] = st.query_params.to_dict()


def write_address(changes: dict[str, str | None]) -> None:
    """Set (a value) or drop (None) several query parameters in one write: one history entry."""
    now = st.query_params.to_dict()
    wanted = {k: v for k, v in (now | changes).items() if v is not None}
    if wanted != now:
        st.query_params.from_dict(wanted)


def _url_selectbox(label: str, options: list[str], default: str, key: str, **kwargs) -> str:
    return url_widget(st.sidebar.selectbox, label, options, default, key, **kwargs)


def language_selector(default: str) -> str:
    """Draw the language choice (kept in the URL) and return the language."""
    st.session_state["default_language"] = default
    if LANG_KEY not in st.session_state and st.query_params.get(LANG_KEY) in LANGUAGE_NAMES:
        st.session_state[LANG_KEY] = st.query_params[LANG_KEY]  # label below in that language
    _url_selectbox(
        translate(lang(), "sidebar.language"),
        list(LANGUAGE_NAMES),
        default,
        LANG_KEY,
        format_func=LANGUAGE_NAMES.get,
    )
    return lang()


def snapshot_selectors(cat: Catalogue) -> Selection | None:
    """Draw the as-of and comparison choices (kept in the URL); return the selection, or None."""
    labels = [s.label for s in cat.valid]
    if not labels:
        st.session_state["selection"] = None
        return None
    newest_first = labels[::-1]
    language = lang()  # bound now: format_func may be called outside this run

    def date_label(label: str) -> str:
        # The same in both languages (30/09/2026): the browser keeps a selectbox's label and sends
        # it back after a language switch; a label that changed with the language no longer
        # matched its date, and the as-of and the comparison fell back to their defaults.
        if label == NO_COMPARISON:
            return translate(language, "sidebar.none")
        return fmt.numeric_date(cat.by_label(label).as_of)

    def reset_comparison() -> None:
        chosen = st.session_state[AS_OF_KEY]
        st.session_state[COMPARE_KEY] = _previous_label(labels, chosen)
        # both in one write (the comparison back to its default leaves the address): one entry
        write_address({AS_OF_KEY: None if chosen == labels[-1] else chosen, COMPARE_KEY: None})

    # "no comparison" is written in the interface's language: its label in the other one, back
    aliases = {translate(code, "sidebar.none"): NO_COMPARISON for code in LANGUAGE_NAMES}

    as_of_label = _url_selectbox(
        t("sidebar.as_of"),
        newest_first,
        labels[-1],
        AS_OF_KEY,
        format_func=date_label,
        help=t("sidebar.as_of_help"),
        on_change=reset_comparison,
        aliases=aliases,
    )
    # A link from before the last board became the comparison date names it ?board=: it is the
    # comparison, read once, and the parameter leaves the address.
    if "board" in st.query_params:
        board = st.query_params["board"]
        takes = COMPARE_KEY not in st.session_state and COMPARE_KEY not in st.query_params and board in labels
        takes = takes and board != _previous_label(labels, as_of_label)  # a default stays out
        write_address({"board": None} | ({COMPARE_KEY: board} if takes else {}))
    compare_label = _url_selectbox(
        t("sidebar.compare"),
        [*newest_first, NO_COMPARISON],
        _previous_label(labels, as_of_label),
        COMPARE_KEY,
        format_func=date_label,
        help=t("sidebar.compare_help"),
        aliases=aliases,
    )
    selection = Selection(cat.by_label(as_of_label), cat.by_label(compare_label))
    st.session_state["selection"] = selection
    return selection


def require_router() -> None:
    """Rerun at once through the router if Streamlit started this run in ``pages/`` folder mode.

    Streamlit 1.67 treats a ``pages/`` folder beside the entry script as an old-style multipage app
    until ``st.navigation`` is first called in the process (AppTest resets that at every run). In
    that mode a deep link opened first on a fresh server runs ``pages/<page>.py`` without the router,
    and the router's own widgets get other ids, so the next run loses them. The router calls this
    first, and so do the pages (through ``header`` and ``selection``); a real-browser test opens a
    deep link first on a fresh server.
    """
    if PagesManager.uses_pages_directory is not False:
        PagesManager.uses_pages_directory = False
        st.rerun()


def land_unknown_address(page_keys: tuple[str, ...]) -> str | None:
    """Send an address that names no page to the first page; return the name asked, to say so.

    ``page_keys`` are the pages' URL names, the first page's first. Streamlit serves the first page
    at ``/`` only, and for any other name it does not know (``/overview`` included) it showed its
    own English "Page not found" dialog. Forgetting the name this run was asked for makes
    ``st.navigation`` run the first page without it. Returns None when the address is a page's.
    Call before ``st.navigation``.
    """
    ctx = get_script_run_ctx()
    manager = ctx.pages_manager if ctx is not None else None
    # a click in the menu names the page by its hash; only an address typed or followed gives a name
    if manager is None or manager.intended_page_script_hash or not manager.intended_page_name:
        return None
    asked = manager.intended_page_name
    if asked in page_keys[1:]:
        return None
    manager.set_script_intent("", "")
    return None if asked == page_keys[0] else asked


def selection() -> Selection | None:
    """Return the selection the router made for this run (None when no snapshot is valid)."""
    require_router()
    return st.session_state.get("selection")
