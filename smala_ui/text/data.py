"""Texts of the Data page's downloads and archive (French and English)."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "data.rows_count.one": "{count} ligne",
        "data.rows_count.other": "{count} lignes",
        "data.not_imported_yet.one": "Pas encore de données dans la table {sheets} : ces chiffres "
        "viendront avec son import (page Importer) ; d'ici là, un zéro ou un vide ici veut dire « pas "
        "encore importé ».",
        "data.not_imported_yet.other": "Pas encore de données dans les tables {sheets} : ces chiffres "
        "viendront avec leur import (page Importer) ; d'ici là, un zéro ou un vide ici veut dire « pas "
        "encore importé ».",
        "data.checks_warnings.one": "{n} avertissement : ce fait ne fausse aucun chiffre, mais mérite d'être "
        "vu.",
        "data.checks_warnings.other": "{n} avertissements : ces faits ne faussent aucun chiffre, mais "
        "méritent d'être vus.",
        "data.xlsx_help": "XLSX : un classeur Excel d'une feuille, avec de vrais nombres et de vraies "
        "dates ; aucune cellule n'y est une formule.",
        "data.template": "Modèle d'import",
        "data.template_help": "Un classeur Excel à remplir pour importer les données de la coopérative : une "
        "feuille par table, en-têtes en français, listes déroulantes, et une feuille « Lisez-moi » qui "
        "explique chaque colonne (type, unité, valeurs permises, exemple).",
        "data.template_empty": "Modèle vide",
        "data.template_filled": "Modèle rempli au {date}",
        "data.template_filled_help": "Le modèle rempli avec les lignes de l'instantané du {date} : partez du "
        "dernier état, modifiez-le, puis importez-le.",
        "data.template_personal_hidden": "Dans le modèle rempli, les données personnelles ({columns}) sont "
        "laissées vides : seules les personnes autorisées, connectées, les reçoivent. Complétez-les avant "
        "de réimporter le fichier.",
        "data.archive": "Instantanés archivés",
        "data.archive_help": "Un instantané remplacé par un import à la même date est déplacé dans le "
        "dossier d'archive, jamais effacé. Le tableau de bord ne les lit pas.",
        "data.archive_empty": "Aucun instantané archivé.",
        "data.xlsx_too_long": "Trop de lignes pour une feuille Excel ({max} au plus) : prenez le CSV ou le "
        "Parquet.",
        "data.col.replaced": "Remplacé le",
        "data.col.folder": "Dossier",
    },
    "en": {
        "data.rows_count.one": "{count} row",
        "data.rows_count.other": "{count} rows",
        "data.not_imported_yet.one": "No data yet in the table {sheets}: these figures come with its "
        'import (Import page); until then, a zero or a blank here means "not imported yet".',
        "data.not_imported_yet.other": "No data yet in the tables {sheets}: these figures come with their "
        'import (Import page); until then, a zero or a blank here means "not imported yet".',
        "data.checks_warnings.one": "{n} warning: this fact makes no figure wrong, but deserves to be seen.",
        "data.checks_warnings.other": "{n} warnings: these facts make no figure wrong, but deserve to be "
        "seen.",
        "data.xlsx_help": "XLSX: an Excel workbook of one sheet, with real numbers and dates; no cell in it "
        "is a formula.",
        "data.template": "Import template",
        "data.template_help": "An Excel workbook to fill in to import the cooperative's data: one sheet per "
        'table, French headers, dropdowns, and a "Read me" sheet that explains every column (type, unit, '
        "allowed values, example).",
        "data.template_empty": "Empty template",
        "data.template_filled": "Template filled as of {date}",
        "data.template_filled_help": "The template filled with the rows of the snapshot of {date}: start "
        "from the latest state, change it, then import it.",
        "data.template_personal_hidden": "In the filled template, personal data ({columns}) is left empty: "
        "only authorised, logged-in people get it. Fill it in before importing the file again.",
        "data.archive": "Archived snapshots",
        "data.archive_help": "A snapshot replaced by an import at the same date is moved to the archive "
        "folder, never deleted. The dashboard does not read them.",
        "data.archive_empty": "No archived snapshot.",
        "data.xlsx_too_long": "Too many rows for an Excel sheet ({max} at most): take the CSV or the "
        "Parquet.",
        "data.col.replaced": "Replaced",
        "data.col.folder": "Folder",
    },
}
