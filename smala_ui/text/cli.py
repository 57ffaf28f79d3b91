"""Texts of the command line (``./smala import``, ``./smala template``), French and English."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "import.cli.read": "Lu : {name} (sha256 {sha}…)",
        "import.cli.no_proposals": "Aucune correspondance à proposer : il faut un instantané publié et un "
        "export des coopérateurs lisible.",
        "import.cli.proposals_written": "{count} correspondances proposées écrites dans {file} : vérifiez "
        "chaque ligne (complétez ou videz l'identifiant membre), puis importez avec --map {file}.",
        "import.cli.summary": "{errors}, {warnings}. Tables du nouvel instantané "
        "(lignes, entre parenthèses celles du dernier instantané, et leur origine) :",
        "import.cli.preview": "Aperçu : ce qui changerait par rapport à l'instantané du {date}",
        "import.cli.refused": "Rien n'est publié : corrigez les erreurs ci-dessus puis relancez l'import.",
        "import.cli.dry_run": "Essai à blanc : rien n'est publié.",
        "import.cli.use_replace": "Un instantané existe à cette date : ajoutez --replace pour le remplacer "
        "(l'ancien est archivé).",
        "import.cli.published": "Publié : {folder}",
        "import.cli.no_snapshot": "Aucun instantané valide au {date}.",
        "import.cli.template_written": "Modèle écrit : {file}",
    },
    "en": {
        "import.cli.read": "Read: {name} (sha256 {sha}…)",
        "import.cli.no_proposals": "No match to propose: it needs a published snapshot and a readable "
        "cooperators export.",
        "import.cli.proposals_written": "{count} proposed matches written to {file}: check each line (fill "
        "in or clear the member id), then import with --map {file}.",
        "import.cli.summary": "{errors}, {warnings}. Tables of the new snapshot (rows, "
        "in brackets those of the latest snapshot, and where they come from):",
        "import.cli.preview": "Preview: what would change against the snapshot of {date}",
        "import.cli.refused": "Nothing is published: fix the errors above and run the import again.",
        "import.cli.dry_run": "Dry run: nothing is published.",
        "import.cli.use_replace": "A snapshot of this date exists: add --replace to replace it (the old one "
        "is archived).",
        "import.cli.published": "Published: {folder}",
        "import.cli.no_snapshot": "No valid snapshot on {date}.",
        "import.cli.template_written": "Template written: {file}",
    },
}
