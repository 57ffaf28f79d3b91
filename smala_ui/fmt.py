"""Numbers, money, percentages and dates in each interface language's own conventions (CLDR).

French follows ``fr_BE`` (``1 234 567,89 €``, ``850 k €``, ``3,0 %``), English follows ``en_GB``
(``€1,234,567.89``, ``€850k``, ``3.0%``): the patterns Babel gives for these locales, a test checks
them against Babel. Dates and quarters too (``30 sept. 2026`` / ``30 Sept 2026``, ``T3 2026`` /
``Q3 2026``). Streamlit's own ``format="euro"`` follows the viewer's browser, so figures are
pre-formatted here.

Every function takes the language as ``lang``; without it, the language of the session this run
draws (``smala_ui.session.lang``), and French outside a Streamlit run (the CLI, a test).

Rounding of amounts, one rule per kind of place (the README's *Rounding* states it for users):
- a tile, a sentence (captions, helps, what changed, banners) and a chart's own text:
  :func:`money_short`, read at a glance and the same wherever one figure appears
  (``231 582 €`` shows as ``232 k €`` on every tile and in every sentence);
- a table, a chart's hover and a download: :func:`money`, to the euro (invoices to the cent),
  where a figure is looked up or added up. Axis ticks are round values (``figures.fund.round_money``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel import Locale
from babel.dates import format_date

from smala_ui.text import CATALOGUE, translate

DATE_LOCALES = {"fr": "fr_BE", "en": "en_GB"}
QUARTER_PREFIX = {"fr": "T", "en": "Q"}
Number = int | float | Decimal
LANGS = tuple(DATE_LOCALES)


_run_context = None  # Streamlit's get_script_run_ctx, imported at the first call (not by the CLI)


def current_language() -> str:
    """Return the language of the Streamlit session this run draws (``smala_ui.session.lang``'s
    rule: the sidebar's choice, else the configured default, else French), French outside a run.
    Read straight from the run's session state: a table formats thousands of cells."""
    global _run_context
    if _run_context is None:
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        _run_context = get_script_run_ctx
    ctx = _run_context(suppress_warning=True)
    if ctx is None:
        return "fr"
    state = ctx.session_state
    for key in ("lang", "default_language"):  # session.LANG_KEY, then the configured default
        if key in state:
            value = state[key]
            return value if value in DATE_LOCALES else "fr"
    return "fr"


def _lang(lang: str | None) -> str:
    return current_language() if lang is None else lang


def _half_up(value: Number, decimals: int) -> Decimal:
    """Round as people do by hand (Babel alone rounds half to even: 2,965 -> 2,96)."""
    exact = Decimal(str(value)) if not isinstance(value, Decimal) else value
    # enough digits for any value: an implausible amount (a rule reports it) must still print
    digits = max(28, exact.adjusted() + decimals + 10)
    with localcontext(prec=digits):
        return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


# fr_BE groups digits with a narrow no-break space and uses a decimal comma; en_GB groups with
# a comma and uses a decimal point, as Python does. Python's own formatting (its two characters
# swapped for French) gives Babel's output (a test checks it on thousands of values) about 50
# times faster, which matters for tables of thousands of cells.
_SEPARATORS = {"fr": str.maketrans({",": "\u202f", ".": ","}), "en": str.maketrans({})}


# What a figure that is not a number (NaN, an infinity, from data that breaks a rule) shows.
NOT_A_FIGURE = "–"


def number(value: Number, decimals: int = 0, lang: str | None = None) -> str:
    """Return ``value`` grouped, with the language's decimal sign: ``1 234,5`` / ``1,234.5``; a
    dash for a NaN or an infinity, which the rules banner explains."""
    if isinstance(value, float) and not math.isfinite(value):
        return NOT_A_FIGURE
    return f"{_half_up(value, decimals):,.{decimals}f}".translate(_SEPARATORS[_lang(lang)])


# Where each language writes the euro sign and the thousands' and millions' short forms (CLDR's
# standard and short currency patterns of fr_BE and en_GB).
_EURO = {"fr": "{}\u00a0€", "en": "€{}"}
_THOUSANDS = {"fr": "{}\u00a0k\u00a0€", "en": "€{}k"}
_MILLIONS = {"fr": "{}\u00a0M\u00a0€", "en": "€{}m"}


def _euro(figure: str, pattern: str) -> str:
    """Return a formatted figure in a currency pattern, its minus sign before the euro sign."""
    if figure == NOT_A_FIGURE:
        return figure
    sign, digits = ("-", figure[1:]) if figure.startswith("-") else ("", figure)
    return sign + pattern.format(digits)


def money(value: Number, decimals: int = 0, lang: str | None = None) -> str:
    """Return an amount in EUR: ``1 234 568 €`` / ``€1,234,568`` (``decimals=2`` keeps the
    cents)."""
    lang = _lang(lang)
    return _euro(number(value, decimals, lang), _EURO[lang])


def money_short(value: Number, lang: str | None = None) -> str:
    """Return a rounded amount in EUR for a KPI tile or a sentence: ``6,41 M €``, ``850 k €``,
    ``9 400 €`` (``€6.41m``, ``€850k``, ``€9,400``).

    Millions keep two decimals, so a board sees 2,97 M € rather than a rounded 3 M €.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return NOT_A_FIGURE
    lang = _lang(lang)
    if abs(_half_up(value, -3)) >= 1_000_000:  # 999 999 rounds to 1 000 k: say 1,00 M
        return _euro(number(float(value) / 1_000_000, 2, lang), _MILLIONS[lang])
    if abs(value) >= 10_000:
        return _euro(number(float(value) / 1_000, 0, lang), _THOUSANDS[lang])
    return money(value, 0, lang)


def short_as_shown(value: Number) -> Decimal:
    """Return the amount :func:`money_short` shows, as a number: 477 412 shows as 477 000."""
    unit = 10_000 if abs(_half_up(value, -3)) >= 1_000_000 else 1_000 if abs(value) >= 10_000 else 1
    return _half_up(Decimal(str(value)) / unit, 0) * unit


def parts_add_up(parts: Iterable[Number], total: Number) -> bool:
    """Return True when ``parts``, each as :func:`money_short` shows it, add up to ``total`` as
    shown: 211 600 + 265 800 show as 212 k + 266 k, 478 k, under a total of 477 k: False."""
    return sum((short_as_shown(p) for p in parts), Decimal(0)) == short_as_shown(total)


def hours(value: Number, lang: str | None = None) -> str:
    """Return a number of hours, rounded to the hour (half up): ``758 h`` / ``1,758 h``."""
    return _unit(number(value, 0, lang), "\u00a0h")


_PERCENT = {"fr": "\u00a0%", "en": "%"}


def percent(ratio: float, decimals: int = 1, lang: str | None = None) -> str:
    """Return a ratio as a percentage: ``3,0 %`` in French, ``3.0%`` in English."""
    lang = _lang(lang)
    return _unit(number(ratio * 100, decimals, lang), _PERCENT[lang])


def _unit(figure: str, unit: str) -> str:
    """Return a formatted figure with its unit; the dash of a non-figure stands alone."""
    return figure if figure == NOT_A_FIGURE else figure + unit


def signed(text: str) -> str:
    """Prefix an already formatted delta with + unless it is negative or shows as zero.

    Works on the text, so a delta of -0,4 h shown as "0 h" reads as no change.
    """
    if is_zero(text):
        return text.lstrip("-")
    return text if text.startswith("-") else "+" + text


def is_zero(text: str) -> bool:
    """Return True when a formatted figure shows no non-zero digit ("0 €", "-0,0 h")."""
    return not any(ch.isdigit() and ch != "0" for ch in text)


def date(day: dt.date, lang: str) -> str:
    """Return a date in the interface language: ``30 sept. 2026``."""
    return format_date(day, "medium", locale=DATE_LOCALES[lang])


def month(day: dt.date, lang: str) -> str:
    """Return the month of ``day`` in the interface language: ``déc. 2026`` / ``Dec 2026``."""
    return format_date(day, "MMM y", locale=DATE_LOCALES[lang])


def numeric_date(day: dt.date) -> str:
    """Return a date as digits, the same in every language: ``30/09/2026`` (the Belgian order)."""
    return day.strftime("%d/%m/%Y")


def dates_line(as_of: dt.date, compare: dt.date | None, lang: str) -> str:
    """Return the subtitle of every page and slide: the as-of date, and the comparison date when
    there is one ("Situation au 30 sept. 2026 · comparée au 31 mars 2026")."""
    if compare is None:
        return translate(lang, "common.as_of", date=date(as_of, lang))
    return translate(lang, "common.as_of_compared", date=date(as_of, lang), compare=date(compare, lang))


def quarter(day: dt.date, lang: str) -> str:
    """Return the calendar quarter of ``day``: ``T3 2026`` in French, ``Q3 2026`` in English."""
    return f"{QUARTER_PREFIX[lang]}{(day.month - 1) // 3 + 1} {day.year}"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))  # None, NaN, inf


def multiple(value: float | None, lang: str) -> str:
    """Return a multiple (of paid-in, of cost): ``1,25 ×``; ``n.d.`` / ``n/a`` when missing."""
    return translate(lang, "common.na") if _missing(value) else number(value, 2, lang) + "\u00a0×"


def rate(value: float | None, lang: str) -> str:
    """Return an annual rate (IRR): ``12,3 %``; ``n.d.`` / ``n/a`` when missing."""
    return translate(lang, "common.na") if _missing(value) else percent(value, 1, lang)


def plural_form(lang: str, shown: Decimal | int) -> str:
    """Return CLDR's plural category ("one" or "other") of a figure as it is shown: French says
    "1,5 point" and "0 point" (one: below 2), English "1 point" but "1.0 points"."""
    return "one" if Locale.parse(lang).plural_form(abs(shown)) == "one" else "other"


def with_unit(lang: str, key: str, value: Number, decimals: int = 0) -> str:
    """Return ``value`` formatted into ``key``'s text (its ``{x}``); when the catalogue has the
    key's ``.one`` and ``.other`` forms, the one that agrees with the figure as shown ("1,5 an",
    "2 ans"; "1 year", "1.5 years")."""
    if f"{key}.one" in CATALOGUE[lang]:
        key = f"{key}.{plural_form(lang, _half_up(value, decimals))}"
    return translate(lang, key, x=number(value, decimals, lang))


def points(value: float | None, lang: str, decimals: int = 1) -> str:
    """Return a difference of two rates in percentage points: ``5,9 points``, ``-1,0 point``
    (the singular by the language's plural rule, on the figure as shown)."""
    if _missing(value):
        return translate(lang, "common.na")
    return with_unit(lang, "common.points", value * 100, decimals)
