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
        "problem.column_undecodable": "page de données abîmée, impossible à décoder ({detail}) : aucune "
        "page ne pourrait lire cette colonne",
        "problem.publish_read_only": "dossier sur un disque en lecture seule : rien n'a été publié, les "
        "instantanés déjà là sont intacts",
        "problem.publish_no_permission": "pas le droit d'écrire dans ce dossier : rien n'a été publié, les "
        "instantanés déjà là sont intacts",
        "problem.publish_disk_full": "plus de place sur le disque : rien n'a été publié, les instantanés "
        "déjà là sont intacts",
        "problem.publish_write_failed": "écriture impossible ({detail}) : rien n'a été publié, les "
        "instantanés déjà là sont intacts",
        "import.column_undecodable": "page de données abîmée, impossible à décoder",
        "problem.replace_interrupted": "un remplacement de cette date a été interrompu et n'a pas pu être "
        "achevé ({detail}) : le nouvel instantané attend dans {staging}",
        "import.replace_interrupted": "un remplacement de cette date a été interrompu : le nouvel "
        "instantané attend dans {staging}",
        "import.publish_read_only": "dossier sur un disque en lecture seule : rien n'a été publié",
        "import.publish_no_permission": "pas le droit d'écrire dans ce dossier : rien n'a été publié",
        "import.publish_disk_full": "plus de place sur le disque : rien n'a été publié",
        "import.publish_write_failed": "écriture impossible ({detail}) : rien n'a été publié",
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
        "problem.column_undecodable": "a damaged data page that cannot be decoded ({detail}): no page "
        "could read this column",
        "problem.publish_read_only": "the folder is on a read-only disk: nothing was published, the "
        "snapshots already there are unchanged",
        "problem.publish_no_permission": "no permission to write in this folder: nothing was published, "
        "the snapshots already there are unchanged",
        "problem.publish_disk_full": "no space left on the disk: nothing was published, the snapshots "
        "already there are unchanged",
        "problem.publish_write_failed": "could not write ({detail}): nothing was published, the snapshots "
        "already there are unchanged",
        "import.column_undecodable": "a damaged data page that cannot be decoded",
        "problem.replace_interrupted": "a replacement of this date was cut short and could not be "
        "completed ({detail}): the new snapshot waits in {staging}",
        "import.replace_interrupted": "a replacement of this date was cut short: the new snapshot waits "
        "in {staging}",
        "import.publish_read_only": "the folder is on a read-only disk: nothing was published",
        "import.publish_no_permission": "no permission to write in this folder: nothing was published",
        "import.publish_disk_full": "no space left on the disk: nothing was published",
        "import.publish_write_failed": "could not write ({detail}): nothing was published",
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
