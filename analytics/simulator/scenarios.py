"""Saved what-if scenarios: the simulator's levers kept under a name, in
``<data folder>/scenarios/<name>.toml``, to reopen from a list, show as a slide or put in the
board pack. No Streamlit here.

A file holds the title as typed, who saved it and when, the as-of date it was saved on, and the
levers as the URL holds them (raw values, only those moved from the measured pace, plus the
horizon). Reopened on another snapshot, a lever not saved follows that snapshot's measured pace.

A scenario is written whole or not at all (a temporary file, synced, then linked to its name,
which fails if the name exists), and never replaces another silently: saving under a name in use
raises :class:`ScenarioExists`. A file that cannot be read (hand-edited, truncated, a symlink) is
reported with its file and key and left out of the list, never deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from analytics.store.location import as_location, is_remote
from analytics.store.publish import fsync_dir

SCENARIO_FOLDER = "scenarios"
TITLE_MAX = 80  # characters of a title
NAME_MAX = 60  # characters of a file name (without .toml)
# A lever's key is a simulator URL parameter; its value a raw option (a number, as text).
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_VALUE = re.compile(r"^-?[0-9]{1,15}(\.[0-9]{1,10})?$")
_LIGATURES = str.maketrans({"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss"})
NAME = re.compile(rf"^[a-z0-9][a-z0-9-]{{0,{NAME_MAX - 1}}}$")


class ScenarioError(ValueError):
    """A title that gives no usable name, or a scenario file that cannot be read: the message
    names the file and the key."""


class ScenarioExists(ScenarioError):
    """A scenario of that name is already saved: it is never replaced silently."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class SavedScenario:
    """One saved scenario: its ``name`` (the file's stem), its ``title`` as typed, the ``as_of``
    date it was saved on, the ``levers`` as raw URL values (key to value), who saved it and when."""

    name: str
    title: str
    as_of: dt.date
    levers: dict[str, str]
    saved_by: str = ""
    saved_at: dt.datetime = field(default_factory=_now)


def scenarios_dir(data_dir: Path) -> Path:
    return as_location(data_dir) / SCENARIO_FOLDER


def name_for(title: str) -> str:
    """Return the file name (without .toml) for ``title``: lower-case ASCII letters and digits
    joined by hyphens (``Accélération 2027`` gives ``acceleration-2027``). Raise ScenarioError when
    the title is empty, too long, or has no letter or digit."""
    title = title.strip()
    if not title:
        raise ScenarioError("a scenario needs a title")
    if len(title) > TITLE_MAX:
        raise ScenarioError(f"a title has at most {TITLE_MAX} characters, this one {len(title)}")
    spelt = title.translate(_LIGATURES)  # letters that no decomposition turns into ASCII
    ascii_text = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:NAME_MAX].strip("-")
    if not name:
        raise ScenarioError(f"the title {title!r} has no letter or digit to name its file")
    return name


def _toml_string(text: str) -> str:
    """Return ``text`` as a TOML basic string (quotes, backslashes and control characters
    escaped; TOML forbids them raw)."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def to_toml(scenario: SavedScenario) -> str:
    """Return the scenario's file text."""
    lines = [
        "# A what-if scenario saved from the Smala dashboard's simulator (its levers as raw values).",
        f"title = {_toml_string(scenario.title)}",
        f"as_of = {scenario.as_of.isoformat()}",
        f"saved_by = {_toml_string(scenario.saved_by)}",
        f"saved_at = {scenario.saved_at.isoformat().replace('+00:00', 'Z')}",
        "",
        "[levers]",
    ]
    for key, value in sorted(scenario.levers.items()):
        if not _KEY.match(key) or not _VALUE.match(value):
            raise ScenarioError(f"lever {key!r} = {value!r} is not a lever's raw value")
        lines.append(f'{key} = "{value}"')
    return "\n".join(lines) + "\n"


def save(data_dir: Path, scenario: SavedScenario) -> Path:
    """Write ``scenario`` to ``scenarios/<name>.toml`` and return the file. Raise ScenarioExists
    when that name is taken (nothing is written), ScenarioError for a bad name or lever, and
    OSError when the folder cannot be written."""
    if not NAME.match(scenario.name):
        raise ScenarioError(f"{scenario.name!r} is not a scenario name (lower-case letters, digits, hyphens)")
    folder = scenarios_dir(data_dir)
    if folder.is_symlink():  # scenarios stay in the data folder, not wherever a link points
        raise ScenarioError(f"{folder} is a symbolic link: no scenario is written through it")
    text = to_toml(scenario)
    final = folder / f"{scenario.name}.toml"
    if is_remote(folder):  # one object, written only if absent: never replaced there either
        try:
            final.fs.pipe_file(str(final), text.encode("utf-8"), mode="create")
        except FileExistsError:
            raise ScenarioExists(f"{final}: a scenario of this name is already saved") from None
        return final
    folder.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=".toml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(temporary, final)  # atomic, and fails if the name exists: never overwritten
        except FileExistsError:
            raise ScenarioExists(f"{final}: a scenario of this name is already saved") from None
        fsync_dir(folder)
    finally:
        os.unlink(temporary)
    return final


def load(path: Path) -> SavedScenario:
    """Read one scenario file. Raise ScenarioError naming the file (and the key) when it is not
    one: unreadable, not TOML, a key missing or of the wrong type, a lever that is not a number."""
    path = as_location(path)
    if path.is_symlink():
        raise ScenarioError(f"{path.name}: a symbolic link, not read")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ScenarioError(f"{path.name}: not a readable scenario file ({exc})") from exc
    kinds = {"title": str, "as_of": dt.date, "saved_by": str, "saved_at": dt.datetime, "levers": dict}
    for key, kind in kinds.items():
        if key not in data:
            raise ScenarioError(f"{path.name}: key {key!r} is missing")
        # a TOML datetime is a date too: as_of must be a plain date
        if not isinstance(data[key], kind) or (key == "as_of" and isinstance(data[key], dt.datetime)):
            raise ScenarioError(f"{path.name}: key {key!r} is not a {kind.__name__}")
    title = data["title"].strip()
    if not title or len(title) > TITLE_MAX:
        raise ScenarioError(f"{path.name}: key 'title' is empty or longer than {TITLE_MAX} characters")
    levers = {}
    for key, value in data["levers"].items():
        if not _KEY.match(key) or not isinstance(value, str) or not _VALUE.match(value):
            raise ScenarioError(f"{path.name}: key 'levers.{key}' is not a lever's raw value")
        levers[key] = value
    return SavedScenario(path.stem, title, data["as_of"], levers, data["saved_by"], data["saved_at"])


def saved_scenarios(data_dir: Path) -> tuple[list[SavedScenario], list[str]]:
    """Return the saved scenarios, by title, and a message for each file that could not be read
    (naming the file and the key); such a file is left in place."""
    folder = scenarios_dir(data_dir)
    if not folder.is_dir() or folder.is_symlink():
        return [], ([f"{folder}: a symbolic link, not read"] if folder.is_symlink() else [])
    found, problems = [], []
    for path in sorted(folder.glob("*.toml")):
        if path.name.startswith(".") or not NAME.match(path.stem):
            problems.append(f"{path.name}: not a scenario's file name (lower-case letters, digits, hyphens)")
            continue
        try:
            found.append(load(path))
        except ScenarioError as exc:
            problems.append(str(exc))
    return sorted(found, key=lambda s: (s.title.casefold(), s.name)), problems
