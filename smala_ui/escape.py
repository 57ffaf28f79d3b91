"""The one helper that makes a string from the data safe where Streamlit draws Markdown.

A company, investor or client name, an idea title, a member id, a file, sheet or folder name, a
manifest's ``source``, an error message that quotes a file: anything the data (or a file a user
chose) decides is passed through ``md_escape`` before it reaches ``st.markdown``, ``st.caption``,
``st.info`` / ``warning`` / ``error`` / ``success``, a subheader, a ``st.metric`` label or a bullet
list. Our own texts and formatted numbers are not escaped (they are Markdown on purpose).

No Streamlit here: the helper is pure, so it is unit-tested and used by non-page modules. The board
pack is HTML, not Markdown: it escapes with ``html.escape`` instead (``smala_ui.slides.pack``).
"""

from __future__ import annotations

import re

# Characters Markdown (and Streamlit's :directives:, $math$ and raw HTML) would read as markup.
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~$:=&@")
# Line breaks and tabs would end a bullet or a paragraph: a name is drawn on one line.
LINE_BREAKS = str.maketrans(dict.fromkeys("\r\n\t\v\f\x85\u2028\u2029", " "))


# GitHub-flavoured Markdown turns bare "https://...", "www...." and "a@b.c" into links after the
# escapes are read, so a backslash does not stop it: an invisible word joiner after the ":" of a
# scheme, after "www" and after "@" breaks the pattern and leaves the text as it looks.
WORD_JOINER = "\u2060"
AUTOLINK_STARTS = re.compile(r"(:(?=//)|@|\bwww(?=\.))", re.IGNORECASE)


def md_escape(text: object) -> str:
    """Return ``text`` (any value, drawn with ``str``) with every Markdown special character
    backslash-escaped, line breaks turned into spaces and bare links broken by an invisible word
    joiner: it then shows as written, with no link, image, emphasis, heading, HTML, formula or
    colour directive."""
    text = AUTOLINK_STARTS.sub(lambda m: m.group(1) + WORD_JOINER, str(text).translate(LINE_BREAKS))
    return "".join(f"\\{c}" if c in MARKDOWN_SPECIALS else c for c in text)


def plotly_escape(text: object) -> str:
    """Return ``text`` for a Plotly label, hover or bar text: Plotly reads ``<a href>``, ``<b>``,
    ``<br>``... in text as markup (a company named ``<a href=...>`` became a live link on a
    chart), and shows ``&lt;`` ``&gt;`` ``&amp;`` as the characters, so these three are escaped."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# What an XML 1.0 document cannot hold (C0 controls but tab, line feed and carriage return; lone
# surrogates; U+FFFE and U+FFFF), and the C1 controls, which it holds but no reader shows.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """Return ``text`` (any value, drawn with ``str``) without the characters an XML document
    (a DOCX) cannot hold: python-docx refuses them, and one in a name would stop the download."""
    return XML_UNSAFE.sub("", str(text))


# What a terminal acts on rather than shows: control characters (a line feed in a file's name
# started a line of its own, "Erreur : ..." forged under the real report; an escape sequence
# recolours it), the Unicode line separators and the bidi controls that reorder what follows.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_text(text: object) -> str:
    """Return ``text`` (any value, drawn with ``str``) safe to print as one terminal line: each
    character of ``TERMINAL_CONTROLS`` written as its escape (``\\n``, ``\\x1b``, ``\\u202e``),
    everything else as it is."""

    def escaped(match: re.Match) -> str:
        c = match.group()
        return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")

    return TERMINAL_CONTROLS.sub(escaped, str(text))
