"""Who may see what: the roles, read from the configuration's ``[access]`` table, and the policy
that one viewer gets. No Streamlit here: the router passes who is logged in as a plain mapping
(the ID token's claims), and every layer below it is handed the resulting :class:`Policy`.

The roles (issue 12):

- ``director``: everything, members' and individual investors' names, importing and publishing;
- ``board``: every page, the board pack and the downloads, without personal data; no import;
- ``member``: the Cooperative, Support and Impact pages, aggregates only;
- anyone else who logs in has no access and sees no figure.

Without login configured (no ``[auth]`` in the secrets) nobody is logged in, and what a visitor
gets depends on the data folder (:func:`policy_for`). Personal data needs a real login, always.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from analytics.access.audit import ANONYMOUS
from analytics.store.schema import TABLES
from analytics.store.scope import Scope


class Role(StrEnum):
    DIRECTOR = "director"
    BOARD = "board"
    MEMBER = "member"


class Basis(StrEnum):
    """Why a viewer has the policy they have (what the screen tells them)."""

    LOGIN = "login"  # logged in, and named in [access] or by the roles claim
    DEMO = "demo"  # no login configured, only the demo generator's snapshots: open as before
    OPEN_ACCESS = "open_access"  # no login configured, open_access = "director" in [access]
    AGGREGATES = "aggregates"  # no login configured, real data: aggregates only, until it is
    LOGIN_REQUIRED = "login_required"  # login configured, not logged in
    NO_ACCESS = "no_access"  # logged in, but in no role


# Tables each role may read. A member's pages (Cooperative, Support, Impact) are drawn from these;
# the fund's, the consultancy's and the studio's tables are not theirs.
ROLE_TABLES: dict[Role, frozenset[str]] = {
    Role.DIRECTOR: frozenset(TABLES),
    Role.BOARD: frozenset(TABLES),
    Role.MEMBER: frozenset(("members", "shares", "services", "impact")),
}


@dataclass(frozen=True)
class Access:
    """The configuration's ``[access]`` table: e-mail addresses per role (lower case), the name of
    an ID-token claim that may carry role names, and whether a data folder is served openly to a
    director on their own machine when no login is configured."""

    directors: tuple[str, ...] = ()
    board: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    roles_claim: str | None = None
    open_access: Role | None = None  # only Role.DIRECTOR is accepted (config.py checks it)

    def role_of(self, claims: Mapping[str, object]) -> Role | None:
        """Return the role of a logged-in user from their ID token's ``claims``: by their e-mail
        address in the lists (a director's list first), else by the roles claim (the highest role
        it names), else None."""
        email = str(claims.get("email") or "").strip().lower()
        if email:
            for role, addresses in (
                (Role.DIRECTOR, self.directors),
                (Role.BOARD, self.board),
                (Role.MEMBER, self.members),
            ):
                if email in addresses:
                    return role
        if self.roles_claim:
            named = _claim_values(claims.get(self.roles_claim))
            for role in Role:  # highest first
                if role.value in named:
                    return role
        return None


def _claim_values(value: object) -> set[str]:
    """Return a claim's values, lower case: a provider sends a list, or one string."""
    if isinstance(value, str):
        return {value.strip().lower()}
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        return {str(v).strip().lower() for v in value}
    return set()


@dataclass(frozen=True)
class Policy:
    """What one viewer may see: their ``role`` (None: nothing), whether they may see personal data
    (members' and individual investors' names), and why (``basis``, what the screen says). Equal
    policies see the same data, so a cache keyed by the policy never mixes two viewers' views."""

    role: Role | None
    personal_data: bool
    basis: Basis
    email: str = ""

    @property
    def who(self) -> str:
        """The viewer as the audit trail names them: their address, else ``anonymous``."""
        return self.email or ANONYMOUS

    @property
    def role_name(self) -> str:
        """The role's name, empty without a role (the audit trail's ``role``)."""
        return self.role.value if self.role else ""

    @property
    def can_publish(self) -> bool:
        """True when this viewer may import and publish a snapshot."""
        return self.role is Role.DIRECTOR

    @property
    def can_save_scenarios(self) -> bool:
        """True when this viewer may save a what-if scenario in the data folder: a director or
        the board, not a visitor of real data served without login."""
        return self.role in (Role.DIRECTOR, Role.BOARD) and self.basis is not Basis.AGGREGATES

    @property
    def scope(self) -> Scope:
        """Return what this viewer's queries may read (see :class:`Scope`): their role's tables
        (none without a role); lists one by one for a director or the board, but not on real data
        served without login; people's names only with ``personal_data``."""
        tables = ROLE_TABLES.get(self.role, frozenset()) if self.role else frozenset()
        rows = self.role in (Role.DIRECTOR, Role.BOARD) and self.basis is not Basis.AGGREGATES
        return Scope(tables, rows, self.personal_data)


def policy_for(
    access: Access,
    claims: Mapping[str, object] | None,
    login_configured: bool,
    demo_only: bool,
) -> Policy:
    """Return the policy of a viewer.

    ``claims`` are the logged-in user's ID-token claims (None when nobody is logged in);
    ``login_configured`` says whether the secrets hold an ``[auth]`` table; ``demo_only`` whether
    every snapshot of the data folder was written by the demo generator.
    """
    if claims is not None:
        email = str(claims.get("email") or "").strip().lower()
        role = access.role_of(claims)
        if role is None:
            return Policy(None, False, Basis.NO_ACCESS, email)
        return Policy(role, role is Role.DIRECTOR, Basis.LOGIN, email)
    if login_configured:
        return Policy(None, False, Basis.LOGIN_REQUIRED)
    # Nobody can log in: names stay hidden whatever the folder holds.
    if demo_only:
        return Policy(Role.DIRECTOR, False, Basis.DEMO)
    if access.open_access is Role.DIRECTOR:
        return Policy(Role.DIRECTOR, False, Basis.OPEN_ACCESS)
    return Policy(Role.BOARD, False, Basis.AGGREGATES)
