"""Who is viewing: Streamlit's login (``st.login``, ``st.user``, ``st.logout``) read into the
policy of ``analytics.access.policy``, the screens of a viewer with no page, the sidebar's account and
the banner of a server open without login.

The router computes the policy once per run (:func:`viewer_policy`) and keeps it in the session;
the pages and everything under them read it from there (:func:`current_policy`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics.access.audit import ANONYMOUS, AnonymousLimiter, AuditError, Event, LoginGate, record
from analytics.access.policy import Basis, Policy, policy_for
from analytics.config import Settings
from analytics.output.demo import SOURCE_PATTERN
from analytics.store.snapshots import Snapshot
from smala_ui.escape import md_escape
from smala_ui.session import t

POLICY_KEY = "policy"
AUDITED_KEY = "_audited_as"  # (address, role) this session's login was recorded as
log = logging.getLogger(__name__)


def _auth_secrets() -> Mapping | None:
    """Return the secrets' ``[auth]`` table, or None when there is none (or no secrets file)."""
    try:
        auth = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets file at all
        return None
    except Exception:  # a secrets file Streamlit cannot read: locked, on the safe side
        return {}
    return auth if isinstance(auth, Mapping) else None


def login_configured() -> bool:
    """True when the secrets hold an ``[auth]`` table: then only a logged-in viewer sees data."""
    return _auth_secrets() is not None


def providers() -> list[str | None]:
    """Return the login providers configured: ``[None]`` for one unnamed provider (``[auth]``
    with its own ``client_id``), else the names of ``[auth.<name>]`` tables."""
    auth = _auth_secrets() or {}
    if "client_id" in auth:
        return [None]
    return [name for name, value in auth.items() if isinstance(value, Mapping)]


def _claims() -> dict | None:
    """Return the logged-in viewer's ID-token claims, or None when nobody is logged in."""
    try:
        if not st.user.is_logged_in:
            return None
        return dict(st.user.to_dict())
    except (AttributeError, KeyError):
        return None


def demo_only(snapshots: list[Snapshot]) -> bool:
    """True when there is at least one snapshot and the demo generator wrote each one (its
    manifest says so): data that is no one's, served openly when no login is configured."""
    return bool(snapshots) and all(
        SOURCE_PATTERN.fullmatch(str((s.manifest or {}).get("source", ""))) for s in snapshots
    )


def viewer_policy(settings: Settings, snapshots: list[Snapshot]) -> Policy:
    """Return this run's viewer's policy (see ``analytics.access.policy.policy_for``), kept in the
    session for the pages."""
    policy = policy_for(settings.access, _claims(), login_configured(), demo_only(snapshots))
    st.session_state[POLICY_KEY] = policy
    return policy


@st.cache_resource(show_spinner=False)
def audit_gates(data_dir: str) -> tuple[LoginGate, AnonymousLimiter]:
    """Return this server's login gate and anonymous-download limiter for ``data_dir``."""
    return LoginGate(), AnonymousLimiter()


def note_login(policy: Policy, data_dir: Path) -> None:
    """Record in the audit trail a login, once per address and role per half hour however many
    sessions (reloads) it opens, and a role change, when the role differs from the one last
    recorded for the address (``analytics.access.audit.LoginGate``)."""
    if policy.basis not in (Basis.LOGIN, Basis.NO_ACCESS):
        return
    role = policy.role_name
    seen = st.session_state.get(AUDITED_KEY)
    if seen == (policy.email, role):
        return
    try:
        # one login line per person and role per half hour: a reload is a new session
        new_session = seen is None or seen[0] != policy.email
        gate = audit_gates(str(data_dir))[0]
        for event in gate.note(data_dir, policy.email, role, new_session=new_session):
            record(data_dir, event)
    except AuditError as exc:  # the viewer is not stopped by the trail; the server log says it
        log.warning("audit trail: %s", exc)
    st.session_state[AUDITED_KEY] = (policy.email, role)


def current_policy() -> Policy | None:
    """Return the policy the router set for this run (None before the router ran)."""
    return st.session_state.get(POLICY_KEY)


def _display_name(policy: Policy) -> str:
    try:
        name = st.user.get("name") or policy.email
    except (AttributeError, KeyError):
        name = policy.email
    return md_escape(str(name))  # from the identity provider: escaped


def account(policy: Policy) -> None:
    """Draw, in the sidebar, who is logged in and in which role, and the logout button."""
    if policy.basis is not Basis.LOGIN:
        return
    role = t(f"access.role.{policy.role.value}")
    st.sidebar.caption(t("access.signed_in", name=_display_name(policy), role=role))
    if st.sidebar.button(t("access.logout"), key="logout", icon=":material/logout:"):
        st.logout()


def banner(policy: Policy) -> None:
    """Say on every page when real data is served without login."""
    if policy.basis is Basis.OPEN_ACCESS:
        st.warning(t("access.open_banner"), icon=":material/lock_open:")
    elif policy.basis is Basis.AGGREGATES:
        st.info(t("access.aggregates_banner"), icon=":material/lock:")


def gate_screen() -> None:
    """The only page of a viewer with no page: the login screen, or the no-access screen. It
    shows no figure."""
    policy = current_policy()
    if policy is not None and policy.basis is Basis.NO_ACCESS:
        st.title(t("access.no_access_title"))
        st.write(t("access.no_access_body", email=md_escape(policy.email or "?")))
        if st.button(t("access.logout"), key="logout_no_access", icon=":material/logout:"):
            st.logout()
        return
    st.title(t("access.login_title"))
    st.write(t("access.login_body"))
    for provider in providers():
        label = t("access.login") if provider is None else t("access.login_with", provider=provider.title())
        if st.button(label, key=f"login_{provider or 'default'}", icon=":material/login:", type="primary"):
            st.login() if provider is None else st.login(provider)


def audit_display(events: list[Event], lang: str) -> pd.DataFrame:
    """Return the audit trail's ``events`` as a table in ``lang``, newest first: when (UTC), who,
    role, action, snapshot, detail (plain text: a table draws no Markdown). A role or action the
    catalogue does not know (a line edited by hand) is shown as written."""
    from smala_ui.text import CATALOGUE

    words = CATALOGUE[lang]

    def word(key: str, raw: str) -> str:
        return words.get(key, raw) if raw else ""

    rows = [
        (
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            words["audit.anonymous"] if e.who == ANONYMOUS else e.who,
            word(f"access.role.{e.role}", e.role),
            word(f"audit.action.{e.action}", e.action),
            e.snapshot,
            word(f"access.role.{e.detail}", e.detail) if e.action == "role_change" else e.detail,
        )
        for e in reversed(events)
    ]
    columns = [words[f"audit.col.{c}"] for c in ("at", "who", "role", "action", "snapshot", "detail")]
    return pd.DataFrame(rows, columns=columns)
