"""Configuration in one place: the built-in defaults, overridden by a TOML file, then by the
environment.

Order of precedence (last wins):
1. the defaults below;
2. the file named by ``SMALA_CONFIG``, else ``smala.toml`` in the working directory, if present;
3. ``SMALA_DATA_DIR`` for the data folder.

The data folder is a local folder or, written ``s3://bucket/prefix``, S3-compatible object
storage (``analytics.store.location``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from analytics.access.policy import Access, Role
from analytics.cooperative.register import PER_MEMBER, VOTING_RULES
from analytics.fund.cap import CapParams
from analytics.store.location import setting as data_setting
from analytics.store.schema import METRICS

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / "data"
LANGUAGES = ("fr", "en")


class ConfigError(ValueError):
    """The configuration file or environment holds a value that cannot be used."""


@dataclass(frozen=True)
class Settings:
    """Targets, cap parameters and data location used across the app."""

    data_dir: Path | str = DEFAULT_DATA_DIR  # a local Path, or the text s3://bucket/prefix
    supported_target: int = 100  # supported entrepreneurs the cooperative aims to help
    fund_target_eur: float = 10_000_000.0  # first closing target of the impact fund, EUR
    cap_rate: float = 0.03  # capital-gain cap, annual rate
    cap_basis: str = "simple"  # simple | compound | total
    excess_to: str = "impact_reserve"  # impact_reserve | entrepreneur
    default_language: str = "fr"
    # How the share register counts votes: per_member (one member, one vote) | per_share (one per share).
    voting: str = PER_MEMBER
    # The statutes' delay for refunding a member who left: months after the close of the
    # financial year (the calendar year) in which they left.
    refund_months: int = 6
    # DuckDB's memory budget for queries, MB: a larger query spills to a temporary folder instead
    # of growing the server (at scale 1000 the impact series alone took 400 MB without a budget).
    query_memory_mb: int = 128
    # How often a server lists a data folder on object storage, seconds: a snapshot published by
    # another replica or the command line shows within this period; each listing is one request.
    catalogue_refresh_s: int = 10
    # Who may see what once logged in (the [access] table; see analytics.access.policy).
    access: Access = field(default_factory=Access)
    # Impact targets: metric key of the catalogue -> value aimed at for the latest period
    # (summed over members, or averaged for a percentage). Pages show actuals against them.
    impact_targets: tuple[tuple[str, float], ...] = (
        ("jobs_created_fte", 90.0),  # FTE created, latest quarter
        ("ghg_avoided_tco2e", 1000.0),  # tCO2e avoided in the latest quarter
        ("women_in_leadership_pct", 50.0),  # mean over reporting members
    )

    def impact_target(self, metric: str) -> float | None:
        """Return the configured target of an impact metric, or None."""
        return dict(self.impact_targets).get(metric)

    @property
    def cap(self) -> CapParams:
        """The configured cap: the actual figures, and the default of every what-if."""
        return CapParams(rate=self.cap_rate, basis=self.cap_basis, excess_to=self.excess_to)

    def validate(self) -> Settings:
        try:  # the cap model checks its own parameters
            self.cap  # noqa: B018
        except ValueError as exc:
            raise ConfigError(f"cap_rate, cap_basis or excess_to: {exc}") from exc
        unknown = sorted(set(dict(self.impact_targets)) - set(METRICS))
        if unknown:
            raise ConfigError(f"impact_targets: {', '.join(unknown)} not in the metric catalogue")
        if self.default_language not in LANGUAGES:
            raise ConfigError(f"default_language must be one of {LANGUAGES}, not {self.default_language!r}")
        if self.voting not in VOTING_RULES:
            raise ConfigError(f"voting must be one of {VOTING_RULES}, not {self.voting!r}")
        if not 0 <= self.refund_months <= 60:
            raise ConfigError("refund_months must be between 0 and 60 (months after the year's close)")
        if self.catalogue_refresh_s < 1:
            raise ConfigError("catalogue_refresh_s must be at least 1 (second)")
        if self.query_memory_mb < 64:
            raise ConfigError("query_memory_mb must be at least 64 (MB)")
        if self.supported_target <= 0 or self.fund_target_eur <= 0:
            raise ConfigError("targets must be positive")
        not_positive = sorted(key for key, value in self.impact_targets if not value > 0)
        if not_positive:
            raise ConfigError(f"impact_targets: {', '.join(not_positive)} must be positive")
        return self


# The TOML type each setting takes (an integer is accepted where a number is expected).
TOML_TYPES: dict[str, tuple[type, ...]] = {
    "data_dir": (str,),
    "supported_target": (int,),
    "fund_target_eur": (int, float),
    "cap_rate": (int, float),
    "cap_basis": (str,),
    "excess_to": (str,),
    "default_language": (str,),
    "voting": (str,),
    "refund_months": (int,),
    "query_memory_mb": (int,),
    "catalogue_refresh_s": (int,),
    "access": (dict,),
    "impact_targets": (dict,),
}
# The [access] table's keys: e-mail lists per role, the roles claim, open access.
ACCESS_LISTS = ("directors", "board", "members")
REPLACED = {"personal_data_viewers": "[access] directors"}


def _access(path: Path, raw: dict) -> Access:
    """Return the ``[access]`` table of ``path`` read into an :class:`Access`, or raise
    ConfigError naming the key at fault."""
    unknown = sorted(set(raw) - {*ACCESS_LISTS, "roles_claim", "open_access"})
    if unknown:
        raise ConfigError(f"{path}: [access]: unknown key(s) {', '.join(unknown)}")
    values: dict = {}
    for key in ACCESS_LISTS:
        addresses = raw.get(key, [])
        if not isinstance(addresses, list) or not all(isinstance(a, str) and "@" in a for a in addresses):
            raise ConfigError(f"{path}: [access] {key} must be a list of e-mail addresses")
        values[key] = tuple(a.strip().lower() for a in addresses)
    claim = raw.get("roles_claim")
    if claim is not None and (not isinstance(claim, str) or not claim.strip()):
        raise ConfigError(f"{path}: [access] roles_claim must be the name of a claim")
    values["roles_claim"] = claim.strip() if claim else None
    opened = raw.get("open_access")
    if opened is not None and opened != Role.DIRECTOR.value:
        raise ConfigError(f'{path}: [access] open_access can only be "director" (got {opened!r})')
    values["open_access"] = Role.DIRECTOR if opened else None
    return Access(**values)


def _from_toml(path: Path, raw: dict, settings: Settings) -> Settings:
    """Return ``settings`` updated from a parsed TOML file, refusing unknown keys and wrong types."""
    replaced = sorted(set(raw) & set(REPLACED))
    if replaced:
        raise ConfigError(
            f"{path}: " + ", ".join(f"{key} is replaced by {REPLACED[key]}" for key in replaced)
        )
    unknown = sorted(set(raw) - set(TOML_TYPES))
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    values = {}
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, TOML_TYPES[name]):
            raise ConfigError(f"{path}: {name} has the wrong type ({type(value).__name__}: {value!r})")
        values[name] = value
    if "data_dir" in values:
        try:
            values["data_dir"] = data_setting(values["data_dir"], base=path.parent)
        except ValueError as exc:
            raise ConfigError(f"{path}: data_dir: {exc}") from exc
    if "access" in values:
        values["access"] = _access(path, values["access"])
    if "impact_targets" in values:
        targets = values["impact_targets"]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in targets.values()):
            raise ConfigError(f"{path}: impact_targets values must be numbers")
        values["impact_targets"] = tuple((str(k), float(v)) for k, v in targets.items())
    for name in ("fund_target_eur", "cap_rate"):
        if name in values:
            values[name] = float(values[name])
    try:
        return replace(settings, **values).validate()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_settings(config_file: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Return the settings from defaults, the TOML file and the environment (see module doc)."""
    env = os.environ if environ is None else environ
    settings = Settings()
    path = config_file or (Path(env["SMALA_CONFIG"]) if env.get("SMALA_CONFIG") else Path("smala.toml"))
    if path.is_file():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        settings = _from_toml(path, raw, settings)
    if env.get("SMALA_DATA_DIR"):
        try:
            settings = replace(settings, data_dir=data_setting(env["SMALA_DATA_DIR"]))
        except ValueError as exc:
            raise ConfigError(f"SMALA_DATA_DIR: {exc}") from exc
    return settings.validate()
