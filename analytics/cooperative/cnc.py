"""The conditions of the CNC's accreditation (Royal Decree of 8 January 1962 fixing the conditions
of accreditation of cooperatives, as amended in 2016), checked for the board (issue 31, item 2).
Each check gives a figure, its limit and whether it holds: an aid to the board's judgement, never
the accountant's or the CNC's verdict.

This module holds the first: no dominant member. Under ``voting = "per_share"`` no member may have
more than a tenth of the votes attached to the shares present or represented at the general
meeting; the dashboard has no attendance, so it counts every vote of the register (all present):
the strictest reading a board can check ahead. Under ``"per_member"`` (one member, one vote) no
member can hold more than one vote, and the check says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.cooperative.register import PER_MEMBER, Register

DOMINANCE_LIMIT = 0.10  # a tenth of the votes present or represented


@dataclass(frozen=True)
class Dominance:
    """The largest member's part of the votes (a fraction; 0 when nobody votes), the limit
    (``DOMINANCE_LIMIT``), the voting rule, and whether the condition holds (``holds``).
    Under one member one vote it holds by the rule itself (``by_rule``)."""

    top_share: float
    limit: float
    voting: str
    holds: bool
    by_rule: bool


def dominance(register: Register) -> Dominance:
    """Return the no-dominant-member check of ``register`` (see the module's reading)."""
    share = register.top_votes / register.votes if register.votes else 0.0
    by_rule = register.voting == PER_MEMBER
    return Dominance(share, DOMINANCE_LIMIT, register.voting, by_rule or share <= DOMINANCE_LIMIT, by_rule)
