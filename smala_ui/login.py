"""Who is viewing: Streamlit's login (``st.login``, ``st.user``, ``st.logout``) read into the
policy of ``analytics.access``, the screens of a viewer with no page, the sidebar's account and
the banner of a server open without login.

The router computes the policy once per run (:func:`viewer_policy`) and keeps it in the session;
the pages and everything under them read it from there (:func:`current_policy`).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from analytics.access import Basis, Policy, policy_for
from analytics.config import Settings
from analytics.demo import SOURCE_PATTERN
from analytics.store import Snapshot
from smala_ui.escape import md_escape
from smala_ui.session import t

POLICY_KEY = "policy"


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
    """Return this run's viewer's policy (see ``analytics.access.policy_for``), kept in the
    session for the pages."""
    policy = policy_for(settings.access, _claims(), login_configured(), demo_only(snapshots))
    st.session_state[POLICY_KEY] = policy
    return policy


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
