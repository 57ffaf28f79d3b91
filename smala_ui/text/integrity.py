"""Texts about the data folder's integrity (stray folders, links, values out of range), fr and en."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "state.stray_folders.one": "Dossier ignoré sous snapshots/, qui n'est pas un instantané : {folders}. "
        "Le détail est sur la page Données.",
        "state.stray_folders.other": "Dossiers ignorés sous snapshots/, qui ne sont pas des instantanés : "
        "{folders}. Le détail est sur la page Données.",
        "data.stray_folders": "Dossiers ignorés sous snapshots/",
        "problem.symlink": "lien symbolique : un instantané ne contient que des fichiers ordinaires, "
        "jamais lus ailleurs",
        "problem.rule_finite.one": "{count} valeur qui n'est pas un nombre (non numérique ou infinie)",
        "problem.rule_finite.other": "{count} valeurs qui ne sont pas des nombres (non numériques ou "
        "infinies)",
        "problem.rule_maximum.one": "{count} valeur au-dessus du maximum plausible ({maximum})",
        "problem.rule_maximum.other": "{count} valeurs au-dessus du maximum plausible ({maximum})",
        "problem.rule_date_range.one": "{count} date implausible : avant le {low}, ou plus de {years} ans "
        "après la date de situation",
        "problem.rule_date_range.other": "{count} dates implausibles : avant le {low}, ou plus de {years} "
        "ans après la date de situation",
        "import.folder_name": "ce dossier n'est pas un instantané : son nom n'a pas la forme "
        "as_of=AAAA-MM-JJ",
        "import.folder_date": "{found} n'est pas une date",
        "import.rule_finite": "pas un nombre (non numérique ou infini) : un nombre réel est attendu",
        "import.rule_maximum": "au-dessus du maximum plausible ({maximum})",
        "import.rule_date_range": "date implausible : avant le {low}, ou plus de {years} ans après la "
        "date de situation",
    },
    "en": {
        "state.stray_folders.one": "Folder under snapshots/ that is not a snapshot, ignored: {folders}. "
        "Details on the Data page.",
        "state.stray_folders.other": "Folders under snapshots/ that are not snapshots, ignored: {folders}. "
        "Details on the Data page.",
        "data.stray_folders": "Folders under snapshots/ that are ignored",
        "problem.symlink": "a symbolic link: a snapshot holds regular files only, never read from elsewhere",
        "problem.rule_finite.one": "{count} value that is not a number (not-a-number or infinite)",
        "problem.rule_finite.other": "{count} values that are not numbers (not-a-number or infinite)",
        "problem.rule_maximum.one": "{count} value above the plausible maximum ({maximum})",
        "problem.rule_maximum.other": "{count} values above the plausible maximum ({maximum})",
        "problem.rule_date_range.one": "{count} implausible date: before {low}, or more than {years} years "
        "after the as-of date",
        "problem.rule_date_range.other": "{count} implausible dates: before {low}, or more than {years} "
        "years after the as-of date",
        "import.folder_name": "not a snapshot folder: its name is not as_of=YYYY-MM-DD",
        "import.folder_date": "{found} is not a date",
        "import.rule_finite": "not a number (not-a-number or infinite): a real number is expected",
        "import.rule_maximum": "above the plausible maximum ({maximum})",
        "import.rule_date_range": "implausible date: before {low}, or more than {years} years after "
        "the as-of date",
    },
}
