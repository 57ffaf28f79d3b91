"""Texts of the Studio page, merged into ``smala_ui.i18n.CATALOGUE``."""

TEXT: dict[str, dict[str, str]] = {"fr": {}, "en": {}}
