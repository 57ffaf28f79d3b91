"""Texts of the import: the Import page, the located problems and the preview (French and English).

``import.<code>`` is the message of a finding of that code (``smala_ui.findings.finding_text``):
what is wrong and what was expected, in the treasurer's terms. The value found, the sheet, row
and column are shown beside it, so a message does not repeat them. Placeholders: the finding's
params, plus ``value``, ``header``, ``sheet`` (the sheet of ``table``), ``target`` (the sheet and
column a reference points to), ``minimum`` (formatted).
"""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "page.importing": "Importer",
        # the page
        "importing.intro": "Chargez les tableaux de la coopérative pour publier un nouvel instantané. "
        "Rien n'est publié avant que vous ne cliquiez sur « Publier ».",
        "importing.howto": "Comment faire",
        "importing.steps": "1. Téléchargez le modèle (classeur Excel) sur la page **Données**.\n"
        "2. Remplissez-le : une feuille par table, une ligne par élément (la ligne 1 garde les en-têtes).\n"
        "3. Choisissez la date de situation et déposez le fichier ici.\n"
        "4. Corrigez dans votre fichier chaque problème listé (feuille, ligne, colonne), puis "
        "déposez-le à nouveau.\n"
        "5. Vérifiez l'aperçu, puis cliquez sur « Publier ».",
        "importing.formats": "Formats acceptés : le modèle **.xlsx** (ou tout classeur avec les mêmes "
        "feuilles, aussi en **.ods** de LibreOffice) ; un **.zip** de fichiers CSV, un par table (les noms "
        "que LibreOffice donne à chaque feuille, `modele-Parts.csv`, sont reconnus) ; un seul **CSV** "
        "nommé d'après une table "
        "(`membres.csv`, `members.csv`, ...). CSV belge (`;` et virgule décimale) ou international "
        "(`,` et point), UTF-8 ou Windows-1252. En-têtes en français ou en anglais. Une table absente "
        "est reprise du dernier instantané. Les exports du module coopérateur d'Odoo : choisissez le "
        "format « Exports Odoo » et déposez ensemble les coopérateurs, le registre de souscription et, "
        "si besoin, les types de part et le complément des membres (CSV ou XLSX).",
        "importing.format": "Format",
        "importing.format.template": "Modèle ou CSV de la coopérative",
        "importing.format.odoo": "Exports Odoo (module coopérateur)",
        "importing.odoo_files": "Fichiers exportés d'Odoo",
        "importing.odoo_help": "Les coopérateurs et le registre de souscription, plus, si besoin, les types "
        "de part et le complément des membres : les exports à faire sont décrits dans docs/import-odoo.md.",
        "importing.as_of": "Date de situation",
        "importing.as_of_help": "L'instantané décrit l'état de toutes les tables à cette date "
        "(en général la fin d'un trimestre).",
        "importing.file": "Fichier à importer",
        "importing.file_button": "Choisir un fichier",
        "importing.file_drop": "Déposez le fichier ici",
        "importing.file_limit": "Jusqu'à {size}\u00a0Mo par fichier · {types}",
        "importing.file_help": "Classeur .xlsx ou .ods, zip de CSV ou CSV nommé d'après une table.",
        "importing.date_exists": "Un instantané du {date} existe déjà.",
        "importing.replace": "Remplacer l'instantané existant de cette date (il est d'abord archivé)",
        "importing.replace_help": "L'ancien instantané est déplacé dans les archives : rien n'est perdu.",
        "importing.preparing": "Lecture et contrôle de {file}…",
        "importing.failed": "L'import de {file} a échoué de façon inattendue : {error}. Rien n'a été publié.",
        "importing.waiting": "Déposez un fichier pour voir ses contrôles et l'aperçu.",
        # the report
        "importing.report": "Contrôles de {file}",
        "importing.counts": "{errors}, {warnings}.",
        "importing.errors.one": "{n} erreur",
        "importing.errors.other": "{n} erreurs",
        "importing.warnings.one": "{n} avertissement",
        "importing.warnings.other": "{n} avertissements",
        "importing.all_good": "Aucun problème trouvé.",
        "importing.errors_block": "Les erreurs empêchent la publication : corrigez-les dans votre "
        "fichier et déposez-le à nouveau.",
        "importing.warnings_only": "Les avertissements n'empêchent pas la publication.",
        "importing.personal_caption": "Ce tableau montre les valeurs trouvées dans votre fichier, dont "
        "des noms de personnes : ne le partagez qu'avec qui peut les voir.",
        "importing.download_report": "Télécharger les problèmes (CSV)",
        "importing.col.severity": "Gravité",
        "importing.col.origin": "Fichier ou feuille",
        "importing.col.row": "Ligne",
        "importing.col.column": "Colonne",
        "importing.col.value": "Valeur trouvée",
        "importing.col.problem": "Problème",
        "importing.severity.error": "Erreur",
        "importing.severity.warning": "Avertissement",
        # the preview
        "importing.preview": "Aperçu de ce qui serait publié",
        "importing.preview_caption": "Aperçu : ces chiffres ne sont pas encore publiés. Ils comparent "
        "l'instantané importé du {date} au dernier instantané publié ({latest}).",
        "importing.preview_errors": "Aperçu indicatif : le fichier a des erreurs, cet instantané ne "
        "peut pas être publié tel quel.",
        "importing.tables": "Lignes par table",
        "importing.col.table": "Table",
        "importing.col.rows": "Lignes importées",
        "importing.col.latest_rows": "Lignes au {date}",
        "importing.col.source": "Source",
        "importing.from_latest": "pris du dernier instantané ({date})",
        "importing.missing": "absente",
        "importing.published_empty": "absente du fichier : publiée vide",
        "importing.from_latest_note": "Tables absentes du fichier, reprises telles quelles du dernier "
        "instantané ({date}) : {tables}.",
        "importing.kpis": "Indicateurs clés (écart avec le {date})",
        "importing.changes": "Ce qui change depuis le {date}",
        "importing.no_changes": "Aucun changement de membres, de capital, d'engagements, "
        "d'investissements ni de factures.",
        "importing.no_latest": "Aucun instantané publié : pas de comparaison possible.",
        # publishing
        "importing.publish": "Publier l'instantané du {date}",
        "importing.publish_blocked": "Publication impossible tant qu'il reste des erreurs.",
        "importing.publish_needs_replace": "Cochez « Remplacer » pour publier à une date qui existe "
        "déjà, ou choisissez une autre date.",
        "importing.published": "Instantané publié : {folder}.",
        "importing.published_replaced": "L'ancien instantané de cette date a été archivé.",
        "importing.go_overview": "Voir la vue d'ensemble",
        "importing.publish_failed": "La publication a échoué ; rien n'a été modifié.",
        # findings: what is wrong and what was expected (sheet, row, column and value shown beside)
        "import.bad_date": "attendu : une date comme 31/12/2026",
        "import.bad_int": "attendu : un nombre entier comme 3",
        "import.bad_double": "attendu : un nombre comme 1,5",
        "import.bad_decimal": "attendu : un montant en euros comme 1 234,50",
        "import.bad_bool": "attendu : oui ou non",
        "import.bad_company_number": "attendu : un numéro d'entreprise (BCE) comme 0123.456.749 : "
        "10 chiffres, les deux derniers égaux à 97 moins le reste des huit premiers divisés par 97",
        "import.rule_null": "cellule vide dans une colonne obligatoire : attendu une valeur",
        "import.rule_allowed": "valeur inconnue : attendu une des valeurs : {allowed}",
        "import.rule_positive": "attendu : un nombre strictement positif",
        "import.rule_minimum": "attendu : au moins {minimum}",
        "import.rule_future": "date postérieure à la date de situation de l'import",
        "import.rule_reference": "identifiant introuvable dans {target}",
        "import.rule_unique": "identifiant en double : chaque ligne doit avoir le sien",
        "import.rule_formula": "texte commençant par = + - ou @, qu'un tableur prendrait pour une formule",
        "import.as_of_future": "date de situation {date}, plus d'un an après aujourd'hui : une faute de "
        "frappe dans la date ?",
        "import.rule_control": "texte contenant un caractère de contrôle invisible (caractère nul, saut "
        "de ligne, tabulation…) : retirez-le à la source",
        "import.formula_like_text": "texte commençant par = + - ou @, gardé tel quel : les téléchargements "
        "l'écrivent précédé d'une apostrophe, pour qu'un tableur ne le prenne pas pour une formule",
        "import.rule_introduction": "rempli alors que le service n'est pas une introduction : "
        "laissez vide, ou choisissez le type introduction",
        "import.rule_cooperator": "l'entreprise n'était pas membre active à la date de l'investissement "
        "(règle « coopérateurs seulement ») : publié, mais signalé",
        "import.rule_status": "ne correspond pas au statut : un ticket actif a une juste valeur, sans date "
        "de sortie ni produits ; un ticket sorti ou perdu a une date de sortie et des produits, sans "
        "juste valeur",
        "import.rule_ticket_flow": "montant reçu daté avant l'investissement du ticket ou après sa sortie, "
        "ou reçus d'un ticket terminé au-delà de son produit",
        "import.rule_dividend_cnc": "dividende au-delà de 6 % de la valeur nominale des parts, le "
        "plafond du CNC : publié, mais signalé",
        "import.rule_dividend_year": "exercice postérieur à l'année de la date de situation de l'import",
        "import.rule_dividend_paid": "payé avant la date de décision : vérifiez les deux dates",
        "import.rule_no_shares": "membre actuel sans aucune ligne dans la feuille Parts",
        "import.rule_company_number": "numéro d'entreprise (BCE) invalide : attendu 10 chiffres, les deux "
        "derniers égaux à 97 moins le reste des huit premiers divisés par 97",
        "import.rule_language": "langue inconnue : attendu un code à deux lettres (fr, en, nl ; fr_BE "
        "donne fr) ; le relevé de ce membre sera écrit en français",
        "import.rule_unreadable": "contrôle impossible",
        "import.more_rows.one": "et {count} autre ligne avec le même problème dans cette colonne",
        "import.more_rows.other": "et {count} autres lignes avec le même problème dans cette colonne",
        "import.more_cells.one": "et {count} autre cellule illisible dans cette colonne",
        "import.more_cells.other": "et {count} autres cellules illisibles dans cette colonne",
        "import.unknown_column": "colonne inconnue : laissée de côté",
        "import.duplicate_column": "colonne en double (déjà donnée par « {first} ») : gardez-en une",
        "import.missing_column": "colonne obligatoire absente : ajoutez la colonne « {header} »",
        "import.missing_optional_column": "colonne facultative absente : elle est prise vide",
        "import.symlink": "lien symbolique : non suivi",
        "import.not_found": "fichier ou dossier introuvable",
        "import.too_large": "fichier trop volumineux",
        "import.empty_file": "fichier vide (0 octet)",
        "import.protected_workbook": "classeur protégé par mot de passe ou ancien fichier .xls : "
        "enregistrez-le en .xlsx sans mot de passe",
        "import.zip_bomb": "archive refusée : elle se décompresse en bien plus qu'un vrai fichier "
        "(bombe zip)",
        "import.zip_forged": "archive refusée : {member} se décompresse en plus que les {declared} "
        "octets que l'archive annonce (archive falsifiée ou endommagée)",
        "import.zip_too_large": "archive refusée : elle se décompresse en plus de {limit_mb} Mo, la "
        "limite (dépassée à {member})",
        "import.memory_limit": "lecture arrêtée : le fichier demande plus de {limit_mb} Mo de mémoire, "
        "la limite ; rien n'est publié. Scindez-le, ou supprimez les lignes et colonnes vides",
        "import.damaged_file": "fichier endommagé ou tronqué : ouvrez-le et enregistrez-le à nouveau",
        "import.wrong_format": "le contenu du fichier ne correspond pas à son extension",
        "import.zip_not_workbook": "une archive zip, pas un classeur : renommez-la en .zip si elle contient "
        "les fichiers CSV, ou enregistrez le classeur en .xlsx",
        "import.unknown_file": "pas un fichier CSV : laissé de côté",
        "import.table_twice": "la table {sheet} est déjà donnée par {first} : ce fichier est laissé de côté",
        "import.unknown_table": "le nom ne correspond à aucune table (Membres, Parts, ...) : laissé de côté",
        "import.not_text": "pas un fichier texte : ce n'est pas un CSV",
        "import.no_header": "pas d'en-têtes en ligne 1",
        "import.unreadable_csv": "fichier CSV illisible",
        "import.wrong_field_count.one": "{found} valeur sur cette ligne, l'en-tête en a {expected} : ligne "
        "laissée de côté",
        "import.wrong_field_count.other": "{found} valeurs sur cette ligne, l'en-tête en a {expected} : "
        "ligne laissée de côté",
        "import.encoding_cp1252": "lu en Windows-1252 (pas en UTF-8) : vérifiez les accents",
        "import.unknown_sheet": "le nom de la feuille ne correspond à aucune table : laissée de côté",
        "import.column_kept_from_latest.one": "pas de colonne « {header} » : sa valeur ({count} ligne) est "
        "reprise du dernier instantané",
        "import.column_kept_from_latest.other": "pas de colonne « {header} » : ses valeurs ({count} lignes) "
        "sont reprises du dernier instantané",
        "import.unknown_sheet_blocks": "le nom ne correspond à aucune table, alors que {sheets} serai(en)t "
        "repris du dernier instantané : nommez la feuille d'après sa table, ou retirez-la",
        "import.table_by_headers": "le nom ne correspond à aucune table, mais les en-têtes sont ceux de "
        "{sheet} : lue comme cette table",
        "import.table_empty": "la feuille {sheet} n'est pas dans le fichier et aucun instantané ne l'a : "
        "publiée vide (les pages diront qu'il n'y a encore rien)",
        "import.merged_cells": "cellules fusionnées : défusionnez-les et remplissez chaque cellule",
        "import.formula_uncomputed": "formule jamais calculée (le fichier n'a pas été enregistré par "
        "Excel) : ouvrez-le et enregistrez-le dans Excel, ou collez les valeurs",
        "import.formula_error": "formule dont le résultat est une erreur : corrigez-la ou collez la valeur",
        "import.formula_value.one": "{count} cellule de cette colonne contient une formule : la valeur "
        "calculée par Excel est reprise",
        "import.formula_value.other": "{count} cellules de cette colonne contiennent une formule : la valeur "
        "calculée par Excel est reprise",
        "import.no_table": "aucune feuille ni aucun fichier nommé d'après une table (Membres, Parts, ...)",
        "import.table_missing": "la table {sheet} manque et aucun instantané publié ne peut la fournir",
        "import.no_preview": "aperçu impossible à calculer",
        "import.empty_sheet": "aucune ligne sous les en-têtes : la table {sheet} est reprise du dernier "
        "instantané",
        # the store's checks of the staged snapshot
        "import.already_exists": "un instantané de cette date existe déjà et n'est jamais écrasé",
        "import.replace_unavailable": "remplacer un instantané n'est pas possible sur un stockage objet "
        "(l'ancien devrait être effacé, et un instantané ne l'est jamais) : publiez-le à une autre date",
        "import.as_of_mismatch": "la date du manifeste ({found}) diffère du nom du dossier ({expected})",
        "import.checksum_mismatch": "l'empreinte sha256 ne correspond pas au manifeste",
        "import.column_missing": "colonne absente",
        "import.column_type": "type {found}, attendu : {expected}",
        "import.file_missing": "le fichier de la table {sheet} est absent",
        "import.manifest_entry": "entrée du manifeste incomplète pour la table {sheet}",
        "import.manifest_invalid": "manifeste illisible",
        "import.manifest_missing": "le fichier manifest.json est absent",
        "import.parquet_unreadable": "fichier Parquet illisible",
        "import.text_encoding": "texte qui n'est pas de l'UTF-8 valide",
        "import.row_count_mismatch": "{found} lignes, le manifeste en annonce {expected}",
        "import.schema_version": "version de schéma {found}, attendue : {expected}",
        # the export of Odoo's cooperator module
        "import.odoo_ambiguous_partner": "plusieurs coopérateurs portent ce nom : exportez aussi le "
        "numéro de coopérateur ou l'identifiant externe",
        "import.odoo_blank_sheet": "feuille vide (ni en-têtes ni lignes) : laissée de côté",
        "import.odoo_duplicate_file": "un second export du même type (le premier est {first})",
        "importing.odoo_mapping": "Correspondances numéro → identifiant membre (facultatif)",
        "importing.odoo_mapping_help": "En passant à Odoo : le fichier des correspondances proposées, "
        "vérifié (deux colonnes : Numéro de coopérateur, Identifiant membre). Les autres tables gardent "
        "ainsi leurs références.",
        "importing.odoo_proposals": "Télécharger les correspondances proposées",
        "importing.odoo_proposals_help": "Chaque numéro de coopérateur et le membre qui lui correspond "
        "(même identifiant, numéro d'entreprise, puis nom) : vérifiez chaque ligne, complétez ou videz "
        "l'identifiant, puis déposez le fichier ci-dessus.",
        "import.odoo_ids_differ": "{count} numéros de coopérateur sur {total} ne sont l'identifiant "
        "d'aucun membre du dernier instantané (ses identifiants ressemblent à {example}) : téléchargez les "
        "correspondances proposées (ou ./smala import --propose-map FICHIER), vérifiez-les, puis importez "
        "avec ce fichier (--map FICHIER)",
        "import.crosswalk_unreadable": "fichier de correspondances illisible ou vide",
        "import.crosswalk_missing_column": "colonne « {value} » absente : le fichier a deux colonnes, le "
        "numéro de coopérateur et l'identifiant membre",
        "import.crosswalk_number_twice": "ce numéro de coopérateur est déjà donné plus haut",
        "import.crosswalk_unknown_member": "aucun membre du dernier instantané n'a cet identifiant",
        "import.crosswalk_member_twice": "cet identifiant membre est déjà donné pour le numéro {first}",
        "import.odoo_empty_export": "l'export a des en-têtes mais aucune ligne : dans Odoo, retirez les "
        "filtres qui cachent les lignes, cochez la case de l'en-tête pour toutes les sélectionner, puis "
        "exportez à nouveau",
        "import.odoo_conversion_price_unknown": "le prix du type de part après conversion ne figure nulle "
        "part (Odoo n'écrit pas le « Prix du type de part après conversion ») : exportez le champ "
        "« Nom du type de part après conversion › Prix de vente », ou ajoutez au dossier l'export des "
        "types de part (Coopérateurs › Configuration › Type de part : Nom, Nom court, Prix de vente)",
        "import.odoo_conversion_value_changed": "la conversion ne garde pas la valeur des parts : "
        "{quantity} × {unit} = {out} sortent, {quantity_to} × {price} = {into} entrent (prix de "
        "{share_type} lu dans {source}) : corrigez ce prix, celui de la date de la conversion",
        "import.odoo_founder_class_unknown": "le registre nomme les types de part par leur nom court "
        "seulement : la classe fondateur ne peut pas être lue (elle est dans le nom complet du type, "
        "comme « Part A - Founder »), chaque part est lue comme ordinaire ; ajoutez l'export des types "
        "de part (Coopérateurs > Configuration > Type de part : Nom, Nom court, Prix de vente)",
        "import.odoo_group_header": "l'en-tête d'un groupe (la liste a été exportée regroupée par un "
        "champ) : laissé de côté ; exportez la liste sans « Regrouper par » pour être sûr que chaque "
        "ligne y est",
        "import.odoo_grouped_unclear": "cette ligne se lit comme l'en-tête d'un groupe (une liste "
        "exportée regroupée par un champ), mais les lignes en dessous ne font pas son compte : dans "
        "Odoo, retirez le « Regrouper par » et exportez à nouveau",
        "import.odoo_incomplete_conversion": "une conversion demande le nouveau type de part et son "
        "nombre de parts (exportez « Nom du type de part après conversion » et « Nombre de parts à »)",
        "import.odoo_left_on_unknown": "ancien coopérateur selon Odoo, mais sans opération au registre : "
        "la date de départ ne peut pas être datée",
        "import.odoo_missing_column": "colonne absente : {column} (exportée sous : {spellings})",
        "import.odoo_missing_file": "export manquant dans le dossier (coopérateurs ou registre des "
        "souscriptions)",
        "import.odoo_missing_read_only_column": "colonne absente : {column} (exportée sous : {spellings}). "
        "L'export compatible avec l'import cache ce champ en lecture seule : exportez à nouveau sans "
        "cocher « Je souhaite mettre à jour des données (export compatible avec l'import) »",
        "import.odoo_import_compatible": "export compatible avec l'import : les champs en lecture seule "
        "({columns}) sont cachés, les dates d'entrée et de sortie viennent du seul registre ; exportez à "
        "nouveau sans cocher « Je souhaite mettre à jour des données (export compatible avec l'import) »",
        "import.odoo_member_without_number": "coopérateur effectif selon Odoo, mais sans numéro de "
        "coopérateur (l'identifiant membre) : il n'est pas importé comme membre ; donnez-lui son numéro "
        "dans Odoo, ou exportez le champ « Numéro de coopérateur »",
        "import.odoo_missing_operation_number": "le numéro d'opération est vide",
        "import.odoo_missing_partner": "le coopérateur est vide",
        "import.odoo_missing_register_number": "ce coopérateur n'a pas de numéro de coopérateur "
        "(l'identifiant membre), alors que {register} le cite en ligne {register_row}",
        "import.odoo_share_lines_ignored": "les lignes de parts ne sont pas utilisées : le registre des "
        "souscriptions contient chaque opération",
        "import.odoo_status_disagrees": "Odoo et le registre ne disent pas la même chose du départ de ce "
        "coopérateur : la date de départ reste vide",
        "import.odoo_transfer_without_receiver": "un transfert sans bénéficiaire (exportez le champ "
        "« Transféré à »)",
        "import.odoo_unknown_file": "pas un export connu : laissé de côté",
        "import.odoo_unknown_operation": "type d'opération inconnu : attendu souscription, transfert, "
        "revente ou conversion",
        "import.odoo_unknown_partner": "ce coopérateur n'est pas dans le fichier des coopérateurs "
        "{partners_file} : s'il est parti, la liste des coopérateurs telle qu'elle s'ouvre ne montre que les "
        "coopérateurs actuels ; exportez à nouveau les coopérateurs avec les filtres « Coopérateurs » et "
        "« Anciens coopérateurs » (Odoo 16 : Coopérateurs > Contacts > Coopérateurs ; Odoo 12 et 14 : "
        "Facturation > Clients > Clients, sans le filtre « Clients »)",
        "import.odoo_zip_without_province": "aucune province ne se lit dans ce code postal : attendu un "
        "code postal belge de 4 chiffres, ou le pays d'une adresse à l'étranger (exportez le champ "
        "Pays) ; ou donnez la province dans le fichier complémentaire",
        "import.odoo_unreadable_file": "fichier vide, trop volumineux ou illisible",
    },
    "en": {
        "page.importing": "Import",
        "importing.intro": "Upload the cooperative's spreadsheets to publish a new snapshot. Nothing is "
        "published until you click “Publish”.",
        "importing.howto": "How to",
        "importing.steps": "1. Download the template (an Excel workbook) from the **Data** page.\n"
        "2. Fill it in: one sheet per table, one line per item (row 1 keeps the headers).\n"
        "3. Choose the as-of date and upload the file here.\n"
        "4. Fix each problem listed (sheet, row, column) in your file, then upload it again.\n"
        "5. Check the preview, then click “Publish”.",
        "importing.formats": "Accepted formats: the **.xlsx** template (or any workbook with the same "
        "sheets, LibreOffice's **.ods** too); a **.zip** of CSV files, one per table (the names "
        "LibreOffice gives each sheet, `modele-Parts.csv`, are recognised); a single **CSV** named "
        "after a table "
        "(`members.csv`, `membres.csv`, ...). Belgian CSV (`;` and decimal comma) or international "
        "(`,` and point), UTF-8 or Windows-1252. Headers in French or English. A table left out "
        "is taken from the latest snapshot. The exports of Odoo's cooperator module: choose the "
        "“Odoo exports” format and drop the cooperators, the subscription register and, if needed, the "
        "share types and the members complement together (CSV or XLSX).",
        "importing.format": "Format",
        "importing.format.template": "The cooperative's template or CSV",
        "importing.format.odoo": "Odoo exports (cooperator module)",
        "importing.odoo_files": "Files exported from Odoo",
        "importing.odoo_help": "The cooperators and the subscription register, plus, if needed, the share "
        "types and the members complement: the exports to make are described in docs/import-odoo.md.",
        "importing.as_of": "As-of date",
        "importing.as_of_help": "The snapshot holds the state of every table on this date (usually the "
        "end of a quarter).",
        "importing.file": "File to import",
        "importing.file_button": "Choose a file",
        "importing.file_drop": "Drop the file here",
        "importing.file_limit": "Up to {size}\u00a0MB per file · {types}",
        "importing.file_help": "An .xlsx or .ods workbook, a zip of CSV files or a CSV named after a table.",
        "importing.date_exists": "A snapshot of {date} exists already.",
        "importing.replace": "Replace the existing snapshot of this date (it is archived first)",
        "importing.replace_help": "The old snapshot is moved to the archive: nothing is lost.",
        "importing.preparing": "Reading and checking {file}…",
        "importing.failed": "The import of {file} failed unexpectedly: {error}. Nothing was published.",
        "importing.waiting": "Upload a file to see its checks and the preview.",
        "importing.report": "Checks of {file}",
        "importing.counts": "{errors}, {warnings}.",
        "importing.errors.one": "{n} error",
        "importing.errors.other": "{n} errors",
        "importing.warnings.one": "{n} warning",
        "importing.warnings.other": "{n} warnings",
        "importing.all_good": "No problem found.",
        "importing.errors_block": "Errors block the publish: fix them in your file and upload it again.",
        "importing.warnings_only": "Warnings do not block the publish.",
        "importing.personal_caption": "This table shows the values found in your file, people's names "
        "among them: share it only with those allowed to see them.",
        "importing.download_report": "Download the problems (CSV)",
        "importing.col.severity": "Severity",
        "importing.col.origin": "File or sheet",
        "importing.col.row": "Row",
        "importing.col.column": "Column",
        "importing.col.value": "Value found",
        "importing.col.problem": "Problem",
        "importing.severity.error": "Error",
        "importing.severity.warning": "Warning",
        "importing.preview": "Preview of what would be published",
        "importing.preview_caption": "Preview: these figures are not published yet. They compare the "
        "imported snapshot of {date} with the latest published snapshot ({latest}).",
        "importing.preview_errors": "Indicative preview: the file has errors, this snapshot cannot be "
        "published as it is.",
        "importing.tables": "Rows per table",
        "importing.col.table": "Table",
        "importing.col.rows": "Rows imported",
        "importing.col.latest_rows": "Rows on {date}",
        "importing.col.source": "Source",
        "importing.from_latest": "taken from the latest snapshot ({date})",
        "importing.missing": "missing",
        "importing.published_empty": "not in the file: published empty",
        "importing.from_latest_note": "Tables the file lacks, taken as they are from the latest "
        "snapshot ({date}): {tables}.",
        "importing.kpis": "Headline KPIs (change since {date})",
        "importing.changes": "What changes since {date}",
        "importing.no_changes": "No change in members, capital, commitments, investments or invoices.",
        "importing.no_latest": "No published snapshot: nothing to compare with.",
        "importing.publish": "Publish the snapshot of {date}",
        "importing.publish_blocked": "Publishing is not possible while errors remain.",
        "importing.publish_needs_replace": "Tick “Replace” to publish on a date that exists, or choose "
        "another date.",
        "importing.published": "Snapshot published: {folder}.",
        "importing.published_replaced": "The former snapshot of this date was archived.",
        "importing.go_overview": "See the Overview",
        "importing.publish_failed": "The publish failed; nothing was changed.",
        "import.bad_date": "expected: a date such as 31/12/2026",
        "import.bad_int": "expected: a whole number such as 3",
        "import.bad_double": "expected: a number such as 1,5",
        "import.bad_decimal": "expected: an amount in euros such as 1 234,50",
        "import.bad_bool": "expected: yes or no (oui or non)",
        "import.bad_company_number": "expected: a Belgian company number (BCE/KBO) such as 0123.456.749: "
        "10 digits, the last two equal to 97 minus the first eight modulo 97",
        "import.rule_null": "empty cell in a required column: a value is expected",
        "import.rule_allowed": "unknown value: expected one of: {allowed}",
        "import.rule_positive": "expected: a number greater than zero",
        "import.rule_minimum": "expected: at least {minimum}",
        "import.rule_future": "dated after the import's as-of date",
        "import.rule_reference": "id not found in {target}",
        "import.rule_unique": "duplicate id: each row needs its own",
        "import.rule_formula": "text starting with = + - or @, which a spreadsheet would run as a formula",
        "import.as_of_future": "as-of date {date}, more than a year after today: a typo in the date?",
        "import.rule_control": "text holding an invisible control character (a NUL, a line break, a "
        "tab…): remove it at the source",
        "import.formula_like_text": "text starting with = + - or @, kept as it is: downloads write it "
        "after an apostrophe, so that a spreadsheet never takes it for a formula",
        "import.rule_introduction": "filled in although the service is not an introduction: leave it "
        "empty, or choose the kind introduction",
        "import.rule_cooperator": "the company was not an active member on the investment date "
        "(cooperators-only rule): published, but flagged",
        "import.rule_status": "does not match the status: an active ticket has a fair value, no exit "
        "date and no proceeds; an exited or written-off ticket has an exit date and proceeds, no fair "
        "value",
        "import.rule_ticket_flow": "a receipt dated before its ticket's investment or after its exit, or an "
        "ended ticket's receipts above its proceeds",
        "import.rule_dividend_cnc": "a dividend above 6% of the shares' nominal value, the CNC's "
        "ceiling: published, but flagged",
        "import.rule_dividend_year": "a financial year after the year of the import's as-of date",
        "import.rule_dividend_paid": "paid before the date it was decided: check both dates",
        "import.rule_no_shares": "a current member without any line in the Shares sheet",
        "import.rule_company_number": "not a valid Belgian company number (BCE/KBO): 10 digits expected, "
        "the last two equal to 97 minus the first eight modulo 97",
        "import.rule_language": "unknown language: a two-letter code is expected (fr, en, nl; fr_BE "
        "gives fr); this member's statement will be written in French",
        "import.rule_unreadable": "could not be checked",
        "import.more_rows.one": "and {count} more row with the same problem in this column",
        "import.more_rows.other": "and {count} more rows with the same problem in this column",
        "import.more_cells.one": "and {count} more unreadable cell in this column",
        "import.more_cells.other": "and {count} more unreadable cells in this column",
        "import.unknown_column": "unknown column: left out",
        "import.duplicate_column": "column given twice (already given by “{first}”): keep one",
        "import.missing_column": "required column missing: add the column “{header}”",
        "import.missing_optional_column": "optional column missing: it is taken as empty",
        "import.symlink": "symbolic link: not followed",
        "import.not_found": "no such file or folder",
        "import.too_large": "the file is too large",
        "import.empty_file": "the file is empty (0 bytes)",
        "import.protected_workbook": "a password-protected workbook or an old .xls file: save it as .xlsx "
        "without a password",
        "import.zip_bomb": "archive refused: it unpacks to far more than a real file (zip bomb)",
        "import.zip_forged": "archive refused: {member} unpacks to more than the {declared} bytes the "
        "archive declares (a forged or damaged archive)",
        "import.zip_too_large": "archive refused: it unpacks to more than {limit_mb} MB, the limit "
        "(passed at {member})",
        "import.memory_limit": "reading stopped: the file needs more than {limit_mb} MB of memory, the "
        "limit; nothing is published. Split it, or delete its empty rows and columns",
        "import.damaged_file": "a damaged or truncated file: open it and save it again",
        "import.wrong_format": "the file's content does not match its extension",
        "import.zip_not_workbook": "a zip archive, not a workbook: rename it .zip if it holds the CSV files, "
        "or save the workbook as .xlsx",
        "import.unknown_file": "not a CSV file: left out",
        "import.table_twice": "table {sheet} is already given by {first}: this file is left out",
        "import.unknown_table": "the name is not one of the tables (Members, Shares, ...): left out",
        "import.not_text": "not a text file: this is not a CSV",
        "import.no_header": "no headers on row 1",
        "import.unreadable_csv": "the CSV file cannot be read",
        "import.wrong_field_count.one": "{found} value on this row, the header has {expected}: the row is "
        "left out",
        "import.wrong_field_count.other": "{found} values on this row, the header has {expected}: the row is "
        "left out",
        "import.encoding_cp1252": "read as Windows-1252 (not UTF-8): check the accents",
        "import.unknown_sheet": "the sheet's name is not one of the tables: left out",
        "import.column_kept_from_latest.one": 'no column "{header}": its value ({count} row) is kept from '
        "the latest snapshot",
        "import.column_kept_from_latest.other": 'no column "{header}": its values ({count} rows) are kept '
        "from the latest snapshot",
        "import.unknown_sheet_blocks": "the name is not one of the tables, while {sheets} would be taken "
        "from the latest snapshot: name the sheet after its table, or remove it",
        "import.table_by_headers": "the name is not one of the tables, but its headers are those of "
        "{sheet}: read as that table",
        "import.table_empty": "sheet {sheet} is not in the file and no snapshot has it: published empty "
        "(the pages will say nothing is there yet)",
        "import.merged_cells": "merged cells: unmerge them and fill each cell",
        "import.formula_uncomputed": "a formula never computed (the file was not saved by Excel): open "
        "and save it in Excel, or paste the values",
        "import.formula_error": "a formula whose result is an error: fix it or paste the value",
        "import.formula_value.one": "{count} cell of this column holds a formula: the value Excel computed "
        "is taken",
        "import.formula_value.other": "{count} cells of this column hold a formula: the value Excel computed "
        "is taken",
        "import.no_table": "no sheet or file named after a table (Members, Shares, ...)",
        "import.table_missing": "table {sheet} is missing and no published snapshot can provide it",
        "import.no_preview": "the preview could not be computed",
        "import.empty_sheet": "no row under the headers: table {sheet} is taken from the latest snapshot",
        "import.already_exists": "a snapshot of this date exists already and is never overwritten",
        "import.replace_unavailable": "a snapshot cannot be replaced on object storage (the old one "
        "would have to be deleted, and a snapshot never is): publish it under another date",
        "import.as_of_mismatch": "the manifest's date ({found}) differs from the folder name ({expected})",
        "import.checksum_mismatch": "the sha256 does not match the manifest",
        "import.column_missing": "column missing",
        "import.column_type": "type {found}, expected {expected}",
        "import.file_missing": "the file of table {sheet} is missing",
        "import.manifest_entry": "incomplete manifest entry for table {sheet}",
        "import.manifest_invalid": "the manifest cannot be read",
        "import.manifest_missing": "manifest.json is missing",
        "import.parquet_unreadable": "unreadable Parquet file",
        "import.text_encoding": "text that is not valid UTF-8",
        "import.row_count_mismatch": "{found} rows, the manifest says {expected}",
        "import.schema_version": "schema version {found}, expected {expected}",
        "import.odoo_ambiguous_partner": "several cooperators have this name: export the cooperator "
        "number or the external id too",
        "import.odoo_blank_sheet": "an empty sheet (no headers, no rows): left out",
        "import.odoo_duplicate_file": "a second export of the same kind (the first is {first})",
        "importing.odoo_mapping": "Cooperator number → member id matches (optional)",
        "importing.odoo_mapping_help": "When switching to Odoo: the file of proposed matches, checked (two "
        "columns: Cooperator number, Member id). The other tables then keep their references.",
        "importing.odoo_proposals": "Download the proposed matches",
        "importing.odoo_proposals_help": "Each cooperator number and the member it matches (same id, company "
        "number, then name): check each line, fill in or clear the id, then drop the file above.",
        "import.odoo_ids_differ": "{count} of {total} cooperator numbers are the id of no member of the "
        "latest snapshot (its ids look like {example}): download the proposed matches (or ./smala import "
        "--propose-map FILE), check them, then import with that file (--map FILE)",
        "import.crosswalk_unreadable": "the mapping file cannot be read, or is empty",
        "import.crosswalk_missing_column": 'no column "{value}": the file has two columns, the cooperator '
        "number and the member id",
        "import.crosswalk_number_twice": "this cooperator number is already given above",
        "import.crosswalk_unknown_member": "no member of the latest snapshot has this id",
        "import.crosswalk_member_twice": "this member id is already given for number {first}",
        "import.odoo_empty_export": "the export has headers but no rows: in Odoo, remove the filters that "
        "hide the lines, tick the header's box to select them all, then export again",
        "import.odoo_conversion_price_unknown": "the price of the share type after the conversion is "
        "nowhere (Odoo does not write the “Share to price”): export the field “Share to type › Sales "
        "Price”, or add the export of the share types to the folder (Cooperators › Configuration › "
        "Share type: Name, Short name, Sales Price)",
        "import.odoo_conversion_value_changed": "the conversion does not keep the shares' value: "
        "{quantity} × {unit} = {out} out, {quantity_to} × {price} = {into} in (the price of "
        "{share_type} read in {source}): correct that price to the one of the conversion's date",
        "import.odoo_founder_class_unknown": "the register names the share types by their short name "
        "only: the founder class cannot be read (it is in the type's full name, such as 'Part A - "
        "Founder'), every share is read as ordinary; add the export of the share types (Cooperators > "
        "Configuration > Share type: Name, Short name, Sales Price)",
        "import.odoo_group_header": "the header of a group (the list was exported grouped by a field): "
        "left out; export the list without Group By to be sure every line is there",
        "import.odoo_grouped_unclear": "this row reads as the header of a group (a list exported grouped "
        "by a field), but the rows below it do not add up to its count: in Odoo, remove the Group By "
        "and export again",
        "import.odoo_incomplete_conversion": "a conversion needs the new share type and its number of "
        "shares (export “Share to type” and “Number of share to”)",
        "import.odoo_left_on_unknown": "an old cooperator according to Odoo, but no operation in the "
        "register: the leaving date cannot be dated",
        "import.odoo_missing_column": "column missing: {column} (exported as: {spellings})",
        "import.odoo_missing_file": "an export is missing from the folder (cooperators or subscription "
        "register)",
        "import.odoo_missing_read_only_column": "column missing: {column} (exported as: {spellings}). "
        "The import-compatible export hides this read-only field: export again without ticking “I want "
        "to update data (import-compatible export)”",
        "import.odoo_import_compatible": "an import-compatible export: the read-only fields ({columns}) "
        "are hidden, the dates members joined and left come from the register alone; export again "
        "without ticking “I want to update data (import-compatible export)”",
        "import.odoo_member_without_number": "an effective cooperator in Odoo, but with no cooperator "
        "number (the member id): not imported as a member; give them their number in Odoo, or export "
        "the field “Cooperator Number”",
        "import.odoo_missing_operation_number": "the operation number is empty",
        "import.odoo_missing_partner": "the cooperator is empty",
        "import.odoo_missing_register_number": "this cooperator has no cooperator number (the member "
        "id), yet {register} names them on row {register_row}",
        "import.odoo_share_lines_ignored": "share lines are not used: the subscription register holds "
        "every operation",
        "import.odoo_status_disagrees": "Odoo and the register disagree on whether this cooperator left: "
        "the leaving date is left empty",
        "import.odoo_transfer_without_receiver": "a transfer with no receiver (export the field "
        "“Transferred to”)",
        "import.odoo_unknown_file": "not an export this import knows: left out",
        "import.odoo_unknown_operation": "unknown operation type: expected subscription, transfer, sell "
        "back or conversion",
        "import.odoo_unknown_partner": "this cooperator is not in the cooperators file {partners_file}: "
        "if they left, the Cooperators list as it opens shows current cooperators only; export the "
        "cooperators again with the filters “Cooperators” and “Old Cooperators” (Odoo 16: Cooperators > "
        "Contacts > Cooperators; Odoo 12 and 14: Invoicing > Customers > Customers, without the "
        "“Customers” filter)",
        "import.odoo_zip_without_province": "no province can be read from this postal code: expected a "
        "Belgian postal code of 4 digits, or the country of a foreign address (export the field "
        "Country); or give the province in the completion file",
        "import.odoo_unreadable_file": "the file is empty, too large or unreadable",
    },
}
