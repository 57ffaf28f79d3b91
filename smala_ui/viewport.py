"""The size of the viewer's window, reported by the browser (the server cannot know it), so that
presentation mode cuts a slide for this screen (``navigation.screen_for``).

A small ``st.components.v2`` component, drawn out of sight, sends ``window.innerWidth`` and
``innerHeight`` once it is mounted and again when the window changes size (then the app runs
again); it is given the size the server knows, so it sends only what is new. Until it has
spoken (the first run, or AppTest, which has no browser) the size is unknown: the smallest
screen is assumed, whose parts fit every screen.
"""

from __future__ import annotations

import streamlit as st

from smala_ui.navigation import screen_for

KEY = "smala_viewport"  # the component's key: its state holds the size sent
_SIZE = "_viewport_size"  # (width, height) last reported, kept for the session

# The window's size, sent when it differs from the size the server knows (``data``); the element
# carries the size the server knows (``data-viewport``), for a test to wait on.
_JS = """
// One listener for the page's life (the module is imported once): Streamlit calls the function
// again when ``data`` changes without undoing the call before, so the state lives up here.
let known = "";
let sent = null;
let sentAt = 0;
let send = null;
let listening = false;
// sent again if the server still does not know the size a while later (a message lost in a rerun)
const report = () => {
    const now = `${window.innerWidth}x${window.innerHeight}`;
    if (send && now !== known && (now !== sent || Date.now() - sentAt > 3000)) {
        sent = now;
        sentAt = Date.now();
        send({ width: window.innerWidth, height: window.innerHeight });
    }
};
export default function ({ data, parentElement, setStateValue }) {
    known = data ? `${data.width}x${data.height}` : "";
    const mine = (size) => setStateValue("size", size);
    send = mine;
    let mark = parentElement.querySelector("[data-viewport]");
    if (!mark) {
        mark = document.createElement("div");
        parentElement.appendChild(mark);
    }
    mark.setAttribute("data-viewport", known);
    if (!listening) {
        listening = true;
        let timer = null;
        window.addEventListener("resize", () => {
            clearTimeout(timer);
            timer = setTimeout(report, 150);
        });
        setInterval(report, 1000);
    }
    report();
    // unmounted (presenting is over), unless a newer mount already took over
    return () => {
        if (send === mine) send = null;
    };
}
"""

_component = st.components.v2.component("smala_viewport", js=_JS, isolate_styles=False)


def measure() -> None:
    """Draw the component (hidden by presentation's CSS) and keep the size the window reported."""
    known = st.session_state.get(_SIZE)
    data = {"width": known[0], "height": known[1]} if known else None
    result = _component(key=KEY, data=data, on_size_change=_changed)
    _keep(getattr(result, "size", None))


def _changed() -> None:
    _keep(st.session_state.get(KEY, {}).get("size"))


def _keep(size: object) -> None:
    if isinstance(size, dict) and isinstance(size.get("width"), int) and isinstance(size.get("height"), int):
        st.session_state[_SIZE] = (size["width"], size["height"])


def size() -> tuple[int, int] | None:
    """Return the window's (width, height) in CSS pixels, or None while it has not said."""
    return st.session_state.get(_SIZE)


def screen() -> str:
    """Return the screen the window is (``navigation.SCREENS``), the smallest while unknown."""
    known = size()
    return screen_for(known[1] if known else None)
