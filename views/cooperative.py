"""Cooperative page: coming in a later issue; says so plainly, with no made-up numbers."""

from smala_ui.pages import coming_soon

coming_soon("cooperative")
