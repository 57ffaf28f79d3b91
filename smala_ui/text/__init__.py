"""The translation catalogue: every interface text, in French (default) and English.

The shell's texts are here; a large page keeps its own in ``text/<page>.py``, merged into
``CATALOGUE`` below (a key defined twice is an error).

``translate(lang, key, **values)`` fills ``{placeholders}``. Keys ending in ``.one`` / ``.other``
are plural forms, chosen by ``plural(lang, key, n)``. A test checks both languages have the same
keys and the same placeholders.
"""

from __future__ import annotations

from babel import Locale

from smala_ui.text.access import TEXT as ACCESS_TEXT
from smala_ui.text.board import TEXT as BOARD_TEXT
from smala_ui.text.capped import TEXT as CAPPED_TEXT
from smala_ui.text.cli import TEXT as CLI_TEXT
from smala_ui.text.consultancy import TEXT as CONSULTANCY_TEXT
from smala_ui.text.cooperative import TEXT as COOPERATIVE_TEXT
from smala_ui.text.data import TEXT as DATA_TEXT
from smala_ui.text.double_test import TEXT as DOUBLE_TEST_TEXT
from smala_ui.text.fund import TEXT as FUND_TEXT
from smala_ui.text.governance import TEXT as GOVERNANCE_TEXT
from smala_ui.text.histories import TEXT as HISTORIES_TEXT
from smala_ui.text.impact import TEXT as IMPACT_TEXT
from smala_ui.text.importing import TEXT as IMPORTING_TEXT
from smala_ui.text.integrity import TEXT as INTEGRITY_TEXT
from smala_ui.text.simulator import TEXT as SIMULATOR_TEXT
from smala_ui.text.special_report import TEXT as SPECIAL_REPORT_TEXT
from smala_ui.text.studio import TEXT as STUDIO_TEXT
from smala_ui.text.support import TEXT as SUPPORT_TEXT

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}

CATALOGUE: dict[str, dict[str, str]] = {
    "fr": {
        "app.title": "La Smala · tableau de bord",
        "nav.dashboard": "Tableau de bord",
        "nav.activities": "Activités",
        "nav.fund": "Fonds d'impact",
        "nav.impact": "Impact et studio",
        "nav.data": "Données",
        "page.overview": "Vue d'ensemble",
        "page.cooperative": "Coopérative",
        "page.governance": "Gouvernance",
        "page.support": "Accompagnement",
        "page.consultancy": "Consultance",
        "page.fund": "Fonds d'impact",
        "page.capped": "Rendements plafonnés",
        "page.impact": "Impact",
        "page.studio": "Studio",
        "page.data": "Données",
        "sidebar.language": "Langue",
        "sidebar.as_of": "Situation au",
        "sidebar.compare": "Comparer avec",
        "sidebar.as_of_help": "L'instantané affiché : l'état de toutes les tables à cette date.",
        "sidebar.compare_help": "Chaque écart compare le même indicateur calculé sur cet instantané.",
        "sidebar.none": "aucune comparaison",
        "state.no_snapshot": "Aucun instantané valide dans {folder}. Générez les données de démonstration "
        "(`python -m analytics.output.demo`) ou importez des données réelles (voir le README).",
        "state.invalid_snapshots.one": "Instantané écarté car invalide : {dates}. Détails sur la page "
        "Données.",
        "state.invalid_snapshots.other": "Instantanés écartés car invalides : {dates}. Détails sur la page "
        "Données.",
        "state.staging_left": "Une publication interrompue a laissé un dossier temporaire : {folders}. "
        "Il n'est pas lu ; vérifiez-le puis supprimez-le.",
        "state.upload_left": "Une publication interrompue a laissé dans le stockage objet des fichiers "
        "qu'aucun manifeste ne nomme : {folders}. Ils ne sont pas lus ; vérifiez-les puis supprimez-les.",
        "state.config_error": "Configuration invalide : {error}",
        "state.unknown_address": "Aucune page ne répond à l'adresse « /{address} » : voici la vue "
        "d'ensemble. Les pages sont dans le menu.",
        "state.unknown_address_other": "Aucune page ne répond à l'adresse « /{address} » : voici la page "
        "« {page} ». Vos pages sont dans le menu.",
        "state.rules_broken.one": "Cet instantané enfreint {n} règle du contrat de données : certains "
        "chiffres peuvent être faux. Le détail (fichier, ligne, colonne) est sur la page Données.",
        "state.rules_broken.other": "Cet instantané enfreint {n} règles du contrat de données : certains "
        "chiffres peuvent être faux. Le détail (fichier, ligne, colonne) est sur la page Données.",
        "state.query_error": "Impossible de lire l'instantané du {date} : {error}",
        "common.as_of": "Situation au {date}",
        "common.as_of_compared": "Situation au {date} · comparée au {compare}",
        "common.coming": "Cette page arrive bientôt. Elle montrera : {what}",
        "common.download": "Télécharger",
        "common.download_csv": "Télécharger (CSV)",
        "common.empty": "Aucune donnée pour cette date.",
        "common.na": "n.d.",
        "common.points.one": "{x}\u00a0point",
        "common.points.other": "{x}\u00a0points",
        "coming.cooperative": "les membres par rôle dans le temps, le capital par classe de parts, "
        "les fondateurs, la fidélisation, les provinces, les thèmes et la progression vers l'impact.",
        "coming.support": "les services gratuits par type et par mois, la couverture, la charge des "
        "mentors, le réseau de mentorat et d'introductions, et les membres sans aide depuis 90 jours.",
        "coming.consultancy": "le chiffre d'affaires par thème et par mois, l'année en cours contre "
        "l'an dernier, le pipeline, les créances et les clients membres ou non.",
        "coming.fund": "la progression vers 10 M€, privé et public, la date projetée d'atteinte de "
        "l'objectif, le portefeuille, les indicateurs du fonds et la règle « coopérateurs seulement ».",
        "coming.capped": "par ticket et pour le fonds, le rendement brut et plafonné, l'excédent et sa "
        "destination, avec des curseurs « et si ».",
        "coming.impact": "les résultats codés IRIS+ dans le temps, par euro investi, par ODD, et les "
        "cibles face aux réalisations.",
        "coming.studio": "les idées nées des mises en relation, par étape.",
        "kpi.supported": "Entrepreneurs soutenus",
        "kpi.supported.value": "{value} / {target}",
        "kpi.supported.help": "Membres actifs de rôle « soutenu » à la date de situation (entrés au plus "
        "tard ce jour-là, pas encore sortis). Objectif : {target}.",
        "kpi.supporting": "Entrepreneurs soutenants",
        "kpi.supporting.help": "Membres actifs de rôle « soutenant », qui apportent leur expérience.",
        "kpi.share_capital": "Capital social",
        "kpi.share_capital.help": "Somme du registre des parts jusqu'à la date de situation : quantité × "
        "valeur unitaire, en plus pour les souscriptions et cessions reçues, en moins pour les "
        "remboursements et cessions données.",
        "kpi.service_hours": "Accompagnement ({quarter})",
        "kpi.service_hours.help": "Heures de services gratuits (coups de pouce, mentorat, mises en "
        "relation, communication, animations) du début du trimestre à la date de situation.",
        "kpi.consultancy_ytd": "Consultance depuis le 1er janvier",
        "kpi.consultancy_ytd.help": "Montant des factures de consultance facturées ou payées, datées du "
        "1er janvier à la date de situation. Les devis et annulations ne comptent pas. Sa variation "
        "compare avec la même période de l'année précédente, pas avec la date de comparaison.",
        "kpi.year_before": "vs même période {year}",
        "kpi.since": "depuis le {date}",
        "kpi.fund_hard": "Fonds : engagements fermes",
        "kpi.fund_hard.help": "Engagements signés au plus tard à la date de situation, face à l'objectif "
        "de {target}. Les promesses (engagements souples) sont montrées à part, jamais additionnées.",
        "kpi.fund_soft": "Fonds : promesses",
        "kpi.fund_soft.help": "Engagements souples (promesses non encore signées) datés au plus tard à la "
        "date de situation.",
        "kpi.invested": "Montant investi",
        "kpi.invested.help": "Coût de tous les tickets investis par le fonds jusqu'à la date de "
        "situation, y compris ceux déjà sortis ou passés en perte.",
        "kpi.of_target": "{share} de l'objectif",
        "overview.progress": "Progression vers les objectifs",
        "overview.changes": "Ce qui a changé depuis le {date}",
        "overview.no_changes": "Aucun changement enregistré entre le {since} et le {date}.",
        "overview.no_compare": "Choisissez un instantané de comparaison antérieur pour voir les écarts.",
        "overview.compare_later": "L'instantané de comparaison ({date}) n'est pas antérieur à la date de "
        "situation : les écarts sont calculés, mais la liste des changements est vide.",
        "figure.supported": "Entrepreneurs soutenus",
        "figure.fund": "Fonds (engagements)",
        "figure.hard": "Ferme",
        "figure.soft": "Promesses",
        "figure.people": "{value} sur {target}",
        "figure.target": "Objectif",
        "changes.member_joined.one": "1 nouveau membre{names}.",
        "changes.member_joined.other": "{n} nouveaux membres{names}.",
        "changes.member_left.one": "1 départ{names}.",
        "changes.member_left.other": "{n} départs{names}.",
        "changes.commitment_signed.one": "1 engagement ferme au fonds, {amount}{names}.",
        "changes.commitment_signed.other": "{n} engagements fermes au fonds, {amount} au total{names}.",
        "changes.commitment_pledged.one": "1 promesse d'engagement, {amount}{names}.",
        "changes.commitment_pledged.other": "{n} promesses d'engagement, {amount} au total{names}.",
        "changes.commitment_cancelled.one": "1 engagement annulé, {amount}{names}.",
        "changes.commitment_cancelled.other": "{n} engagements annulés, {amount} au total{names}.",
        "changes.investment_made.one": "1 investissement du fonds, {amount}{names}.",
        "changes.investment_made.other": "{n} investissements du fonds, {amount} au total{names}.",
        "changes.investment_exited.one": "1 sortie, {amount} encaissés{names}.",
        "changes.investment_exited.other": "{n} sorties, {amount} encaissés au total{names}.",
        "changes.investment_written_off.one": "1 ticket passé en perte{names}.",
        "changes.investment_written_off.other": "{n} tickets passés en perte{names}.",
        "changes.names": " : {names}",
        "changes.individual": "un particulier",
        "changes.and": "et",
        "changes.more.one": "1 autre",
        "changes.more.other": "{n} autres",
        "data.snapshots": "Instantanés",
        "data.folder": "Dossier de données : {folder}",
        "data.col.as_of": "Date",
        "data.col.valid": "Valide",
        "data.col.source": "Source",
        "data.source.demo": "générateur de démonstration (graine {seed}, échelle {scale})",
        "data.col.created": "Créé le",
        "data.col.problems": "Problèmes",
        "data.valid": "oui",
        "data.invalid": "non",
        "data.problems_of": "Problèmes de l'instantané du {date}",
        "data.selected": "Instantané du {date}",
        "data.manifest": "Manifeste",
        "data.checks": "Contrôles de qualité des données",
        "data.checks_ok": "Toutes les règles du contrat de données sont respectées.",
        "data.checks_failed.one": "{n} règle non respectée :",
        "data.checks_failed.other": "{n} règles non respectées :",
        "data.downloads": "Télécharger les tables",
        "data.downloads_help": "CSV au format belge (séparateur « ; », virgule décimale), lisible par "
        "Excel, ou Parquet.",
        "data.personal_hidden": "Les colonnes de données personnelles ({columns}) sont retirées : seules "
        "les personnes autorisées, connectées, peuvent les télécharger.",
        "data.extra_columns": "Colonnes hors du contrat de données, jamais exportées : {columns}.",
        "data.table": "Table",
        "data.rows": "Lignes",
        "data.where": "{file}",
        "data.where_row": "{file}, ligne {row}",
        "data.where_col": "{file}, colonne {column}",
        "data.where_row_col": "{file}, ligne {row}, colonne {column}",
        "data.where_rows": "{file}, lignes {row}",
        "data.where_rows_col": "{file}, lignes {row}, colonne {column}",
        "problem.manifest_missing": "le fichier manifest.json est absent",
        "problem.manifest_invalid": "le manifeste est illisible ({detail})",
        "problem.schema_version": "version de schéma {found}, attendue : {expected}",
        "problem.manifest_entry": "l'entrée de la table « {table} » doit donner un nom de fichier, un "
        "nombre de lignes entier (rows) et une empreinte sha256",
        "problem.as_of_mismatch": "la date du manifeste ({found}) diffère du nom du dossier ({expected})",
        "problem.table_missing": "la table « {table} » manque",
        "problem.file_missing": "le fichier de la table « {table} » est absent",
        "problem.checksum_mismatch": "l'empreinte sha256 ne correspond pas au manifeste : fichier modifié "
        "ou abîmé",
        "problem.parquet_unreadable": "fichier Parquet illisible ({detail})",
        "problem.text_encoding": "texte qui n'est pas de l'UTF-8 valide (aucune page ne pourrait le lire)",
        "problem.row_count_mismatch": "{found} lignes, le manifeste en annonce {expected}",
        "problem.column_missing": "colonne absente",
        "problem.column_type": "type {found}, attendu : {expected}",
        "problem.already_exists": "cet instantané existe déjà et n'est jamais écrasé",
        "problem.replace_unavailable": "remplacer un instantané n'est pas possible sur un stockage objet "
        "(l'ancien devrait être effacé, et un instantané ne l'est jamais) : publiez-le à une autre date",
        "problem.rule_null.one": "{count} ligne : valeur vide dans une colonne obligatoire",
        "problem.rule_null.other": "{count} lignes : valeur vide dans une colonne obligatoire",
        "problem.rule_allowed.one": "{count} ligne : valeur hors de la liste autorisée ({allowed})",
        "problem.rule_allowed.other": "{count} lignes : valeur hors de la liste autorisée ({allowed})",
        "problem.rule_positive.one": "{count} ligne : la valeur doit être strictement positive",
        "problem.rule_positive.other": "{count} lignes : la valeur doit être strictement positive",
        "problem.rule_minimum.one": "{count} ligne : valeur inférieure à {minimum}",
        "problem.rule_minimum.other": "{count} lignes : valeur inférieure à {minimum}",
        "problem.rule_reference.one": "{count} ligne : identifiant introuvable dans {target} (orphelin)",
        "problem.rule_reference.other": "{count} lignes : identifiant introuvable dans {target} (orphelin)",
        "problem.rule_unique.one": "{count} ligne : identifiant en double",
        "problem.rule_unique.other": "{count} lignes : identifiant en double",
        "problem.rule_future.one": "{count} ligne : datée après la date de l'instantané",
        "problem.rule_future.other": "{count} lignes : datées après la date de l'instantané",
        "problem.rule_introduction.one": "{count} ligne : introduced_member_id rempli pour un service qui "
        "n'est pas une mise en relation",
        "problem.rule_introduction.other": "{count} lignes : introduced_member_id rempli pour un service qui "
        "n'est pas une mise en relation",
        "problem.rule_cooperator.one": "{count} ticket dans une entreprise qui n'était pas membre active à "
        "la date d'investissement (règle « coopérateurs seulement »)",
        "problem.rule_cooperator.other": "{count} tickets dans une entreprise qui n'était pas membre active "
        "à la date d'investissement (règle « coopérateurs seulement »)",
        "problem.rule_formula.one": "{count} texte commençant par = + - ou @, qu'un tableur exécuterait "
        "comme une formule (gardé comme texte ; neutralisé dans les téléchargements)",
        "problem.rule_formula.other": "{count} textes commençant par = + - ou @, qu'un tableur exécuterait "
        "comme une formule (gardé comme texte ; neutralisé dans les téléchargements)",
        "problem.as_of_future": "date de situation {date}, plus d'un an après aujourd'hui : une faute de "
        "frappe dans la date ?",
        "problem.rule_control.one": "{count} texte contenant un caractère de contrôle invisible (caractère "
        "nul, saut de ligne, tabulation…) : à retirer à la source",
        "problem.rule_control.other": "{count} textes contenant un caractère de contrôle invisible "
        "(caractère nul, saut de ligne, tabulation…) : à retirer à la source",
        "problem.rule_no_shares.one": "{count} membre actuel sans aucune ligne au registre des parts",
        "problem.rule_no_shares.other": "{count} membres actuels sans aucune ligne au registre des parts",
        "problem.rule_ticket_flow.one": "{count} ligne : un montant reçu daté avant l'investissement "
        "du ticket ou après sa sortie, ou des reçus d'un ticket terminé au-delà de son produit.",
        "problem.rule_ticket_flow.other": "{count} lignes : des montants reçus datés avant "
        "l'investissement du ticket ou après sa sortie, ou des reçus d'un ticket terminé au-delà de son "
        "produit.",
        "problem.rule_dividend_cnc.one": "{count} dividende au-delà de 6 % de la valeur nominale des "
        "parts (le plafond du CNC)",
        "problem.rule_dividend_cnc.other": "{count} dividendes au-delà de 6 % de la valeur nominale des "
        "parts (le plafond du CNC)",
        "problem.rule_dividend_year.one": "{count} ligne : un exercice postérieur à l'année de la date "
        "de situation",
        "problem.rule_dividend_year.other": "{count} lignes : un exercice postérieur à l'année de la "
        "date de situation",
        "problem.rule_dividend_paid.one": "{count} ligne : un dividende payé avant d'être décidé",
        "problem.rule_dividend_paid.other": "{count} lignes : des dividendes payés avant d'être décidés",
        "problem.rule_status.one": "{count} ligne : exited_on, proceeds_eur et fair_value_eur ne "
        "correspondent pas au statut",
        "problem.rule_status.other": "{count} lignes : exited_on, proceeds_eur et fair_value_eur ne "
        "correspondent pas au statut",
        "problem.rule_company_number.one": "{count} ligne : numéro d'entreprise (BCE) invalide (10 "
        "chiffres, les deux derniers égaux à 97 moins le reste des huit premiers divisés par 97)",
        "problem.rule_company_number.other": "{count} lignes : numéro d'entreprise (BCE) invalide (10 "
        "chiffres, les deux derniers égaux à 97 moins le reste des huit premiers divisés par 97)",
        "problem.rule_language.one": "{count} ligne : langue qui n'est pas un code à deux lettres (fr, "
        "en) : les documents de ce membre sont écrits en français",
        "problem.rule_language.other": "{count} lignes : langue qui n'est pas un code à deux lettres (fr, "
        "en) : les documents de ces membres sont écrits en français",
        "problem.rule_unreadable": "contrôle impossible",
    },
    "en": {
        "app.title": "La Smala · dashboard",
        "nav.dashboard": "Dashboard",
        "nav.activities": "Activities",
        "nav.fund": "Impact fund",
        "nav.impact": "Impact and studio",
        "nav.data": "Data",
        "page.overview": "Overview",
        "page.cooperative": "Cooperative",
        "page.governance": "Governance",
        "page.support": "Support",
        "page.consultancy": "Consultancy",
        "page.fund": "Impact fund",
        "page.capped": "Capped returns",
        "page.impact": "Impact",
        "page.studio": "Studio",
        "page.data": "Data",
        "sidebar.language": "Language",
        "sidebar.as_of": "As of",
        "sidebar.compare": "Compare with",
        "sidebar.as_of_help": "The snapshot shown: the state of every table on that date.",
        "sidebar.compare_help": "Every delta compares the same KPI computed on this snapshot.",
        "sidebar.none": "no comparison",
        "state.unknown_address": 'No page answers at "/{address}": here is the Overview. The pages '
        "are in the menu.",
        "state.unknown_address_other": 'No page answers at "/{address}": here is the page "{page}". Your '
        "pages are in the menu.",
        "state.no_snapshot": "No valid snapshot in {folder}. Generate the demo data "
        "(`python -m analytics.output.demo`) or import real data (see the README).",
        "state.invalid_snapshots.one": "Snapshot set aside as invalid: {dates}. Details on the Data page.",
        "state.invalid_snapshots.other": "Snapshots set aside as invalid: {dates}. Details on the Data page.",
        "state.staging_left": "An interrupted publish left a staging folder: {folders}. It is not read; "
        "check it, then delete it.",
        "state.upload_left": "An interrupted publish left files in object storage that no manifest "
        "names: {folders}. They are not read; check them, then delete them.",
        "state.config_error": "Invalid configuration: {error}",
        "state.rules_broken.one": "This snapshot breaks {n} rule of the data contract: some figures may be "
        "wrong. The details (file, row, column) are on the Data page.",
        "state.rules_broken.other": "This snapshot breaks {n} rules of the data contract: some figures may "
        "be wrong. The details (file, row, column) are on the Data page.",
        "state.query_error": "Could not read the snapshot of {date}: {error}",
        "common.as_of": "As of {date}",
        "common.as_of_compared": "As of {date} · compared with {compare}",
        "common.coming": "This page is coming soon. It will show: {what}",
        "common.download": "Download",
        "common.download_csv": "Download (CSV)",
        "common.empty": "No data for this date.",
        "common.na": "n/a",
        "common.points.one": "{x}\u00a0point",
        "common.points.other": "{x}\u00a0points",
        "coming.cooperative": "members by role over time, share capital by class, founders, retention, "
        "provinces, themes and progress toward an impact approach.",
        "coming.support": "free services by kind and month, coverage, mentor load, the mentoring and "
        "introduction network, and members not helped for 90 days.",
        "coming.consultancy": "revenue by theme and month, year to date against last year, pipeline, "
        "receivables, and member and non-member clients.",
        "coming.fund": "progress to €10m, private and public, the projected date to reach the target, "
        "the portfolio, fund metrics and the cooperators-only rule.",
        "coming.capped": "per ticket and for the fund, gross and capped returns, the excess and where it "
        "goes, with what-if sliders.",
        "coming.impact": "IRIS+-coded outcomes over time, per euro invested, by SDG, and targets against "
        "actuals.",
        "coming.studio": "ideas born from introductions, by stage.",
        "kpi.supported": "Supported entrepreneurs",
        "kpi.supported.value": "{value} / {target}",
        "kpi.supported.help": "Active members with the supported role on the as-of date (joined on or "
        "before it, not yet left). Target: {target}.",
        "kpi.supporting": "Supporting entrepreneurs",
        "kpi.supporting.help": "Active members with the supporting role, who bring their experience.",
        "kpi.share_capital": "Share capital",
        "kpi.share_capital.help": "Sum of the share register up to the as-of date: quantity × unit value, "
        "added for subscriptions and transfers in, subtracted for redemptions and transfers out.",
        "kpi.service_hours": "Support hours ({quarter})",
        "kpi.service_hours.help": "Hours of free services (boost sessions, mentoring, introductions, "
        "communication, events) from the start of the quarter to the as-of date.",
        "kpi.consultancy_ytd": "Consultancy since 1 January",
        "kpi.consultancy_ytd.help": "Amount of consultancy invoices invoiced or paid, dated from 1 January "
        "to the as-of date. Quotes and cancellations do not count. Its change compares with the same "
        "period of the previous year, not with the comparison date.",
        "kpi.year_before": "vs same period {year}",
        "kpi.since": "since {date}",
        "kpi.fund_hard": "Fund: hard commitments",
        "kpi.fund_hard.help": "Commitments signed on or before the as-of date, against the {target} "
        "target. Pledges (soft commitments) are shown apart, never added.",
        "kpi.fund_soft": "Fund: pledges",
        "kpi.fund_soft.help": "Soft commitments (pledges not yet signed) dated on or before the as-of date.",
        "kpi.invested": "Amount invested",
        "kpi.invested.help": "Cost of every ticket the fund invested up to the as-of date, including "
        "those already exited or written off.",
        "kpi.of_target": "{share} of target",
        "overview.progress": "Progress toward the targets",
        "overview.changes": "What changed since {date}",
        "overview.no_changes": "No change recorded between {since} and {date}.",
        "overview.no_compare": "Choose an earlier comparison snapshot to see the deltas.",
        "overview.compare_later": "The comparison snapshot ({date}) is not earlier than the as-of date: "
        "deltas are computed, but the list of changes is empty.",
        "figure.supported": "Supported entrepreneurs",
        "figure.fund": "Fund (commitments)",
        "figure.hard": "Hard",
        "figure.soft": "Pledged",
        "figure.people": "{value} of {target}",
        "figure.target": "Target",
        "changes.member_joined.one": "1 new member{names}.",
        "changes.member_joined.other": "{n} new members{names}.",
        "changes.member_left.one": "1 member left{names}.",
        "changes.member_left.other": "{n} members left{names}.",
        "changes.commitment_signed.one": "1 hard commitment to the fund, {amount}{names}.",
        "changes.commitment_signed.other": "{n} hard commitments to the fund, {amount} in all{names}.",
        "changes.commitment_pledged.one": "1 pledge, {amount}{names}.",
        "changes.commitment_pledged.other": "{n} pledges, {amount} in all{names}.",
        "changes.commitment_cancelled.one": "1 commitment cancelled, {amount}{names}.",
        "changes.commitment_cancelled.other": "{n} commitments cancelled, {amount} in all{names}.",
        "changes.investment_made.one": "1 investment by the fund, {amount}{names}.",
        "changes.investment_made.other": "{n} investments by the fund, {amount} in all{names}.",
        "changes.investment_exited.one": "1 exit, {amount} received{names}.",
        "changes.investment_exited.other": "{n} exits, {amount} received in all{names}.",
        "changes.investment_written_off.one": "1 ticket written off{names}.",
        "changes.investment_written_off.other": "{n} tickets written off{names}.",
        "changes.names": ": {names}",
        "changes.individual": "an individual",
        "changes.and": "and",
        "changes.more.one": "1 other",
        "changes.more.other": "{n} others",
        "data.snapshots": "Snapshots",
        "data.folder": "Data folder: {folder}",
        "data.col.as_of": "Date",
        "data.col.valid": "Valid",
        "data.col.source": "Source",
        "data.source.demo": "demo generator (seed {seed}, scale {scale})",
        "data.col.created": "Created",
        "data.col.problems": "Problems",
        "data.valid": "yes",
        "data.invalid": "no",
        "data.problems_of": "Problems of the snapshot of {date}",
        "data.selected": "Snapshot of {date}",
        "data.manifest": "Manifest",
        "data.checks": "Data-quality checks",
        "data.checks_ok": "Every rule of the data contract holds.",
        "data.checks_failed.one": "{n} rule broken:",
        "data.checks_failed.other": "{n} rules broken:",
        "data.downloads": "Download the tables",
        "data.downloads_help": "CSV in the Belgian format (';' separator, decimal comma), as Excel reads "
        "it, or Parquet.",
        "data.personal_hidden": "Personal-data columns ({columns}) are removed: only authorised, "
        "logged-in people can download them.",
        "data.extra_columns": "Columns outside the data contract, never exported: {columns}.",
        "data.table": "Table",
        "data.rows": "Rows",
        "data.where": "{file}",
        "data.where_row": "{file}, row {row}",
        "data.where_col": "{file}, column {column}",
        "data.where_row_col": "{file}, row {row}, column {column}",
        "data.where_rows": "{file}, rows {row}",
        "data.where_rows_col": "{file}, rows {row}, column {column}",
        "problem.manifest_missing": "manifest.json is missing",
        "problem.manifest_invalid": "the manifest cannot be read ({detail})",
        "problem.schema_version": "schema version {found}, expected {expected}",
        "problem.manifest_entry": "the entry of table '{table}' must give a file name, an integer row "
        "count (rows) and a sha256",
        "problem.as_of_mismatch": "the manifest's date ({found}) differs from the folder name ({expected})",
        "problem.table_missing": "table '{table}' is missing",
        "problem.file_missing": "the file of table '{table}' is missing",
        "problem.checksum_mismatch": "the sha256 does not match the manifest: the file was changed or "
        "damaged",
        "problem.parquet_unreadable": "unreadable Parquet file ({detail})",
        "problem.text_encoding": "text that is not valid UTF-8 (no page could read it)",
        "problem.row_count_mismatch": "{found} rows, the manifest says {expected}",
        "problem.column_missing": "column missing",
        "problem.column_type": "type {found}, expected {expected}",
        "problem.already_exists": "this snapshot exists already and is never overwritten",
        "problem.replace_unavailable": "a snapshot cannot be replaced on object storage (the old one "
        "would have to be deleted, and a snapshot never is): publish it under another date",
        "problem.rule_null.one": "{count} row: empty value in a required column",
        "problem.rule_null.other": "{count} rows: empty value in a required column",
        "problem.rule_allowed.one": "{count} row: value not in the allowed list ({allowed})",
        "problem.rule_allowed.other": "{count} rows: value not in the allowed list ({allowed})",
        "problem.rule_positive.one": "{count} row: the value must be greater than zero",
        "problem.rule_positive.other": "{count} rows: the value must be greater than zero",
        "problem.rule_minimum.one": "{count} row: value below {minimum}",
        "problem.rule_minimum.other": "{count} rows: value below {minimum}",
        "problem.rule_reference.one": "{count} row: id not found in {target} (orphan)",
        "problem.rule_reference.other": "{count} rows: id not found in {target} (orphan)",
        "problem.rule_unique.one": "{count} row: duplicate id",
        "problem.rule_unique.other": "{count} rows: duplicate id",
        "problem.rule_future.one": "{count} row: dated after the snapshot's as-of date",
        "problem.rule_future.other": "{count} rows: dated after the snapshot's as-of date",
        "problem.rule_introduction.one": "{count} row: introduced_member_id set on a service that is not an "
        "introduction",
        "problem.rule_introduction.other": "{count} rows: introduced_member_id set on a service that is not "
        "an introduction",
        "problem.rule_cooperator.one": "{count} ticket in a company that was not an active member on the "
        "investment date (cooperators-only rule)",
        "problem.rule_cooperator.other": "{count} tickets in a company that was not an active member on the "
        "investment date (cooperators-only rule)",
        "problem.rule_formula.one": "{count} text starting with = + - or @, which a spreadsheet would run as "
        "a formula (kept as text; neutralised in downloads)",
        "problem.rule_formula.other": "{count} texts starting with = + - or @, which a spreadsheet would run "
        "as a formula (kept as text; neutralised in downloads)",
        "problem.as_of_future": "as-of date {date}, more than a year after today: a typo in the date?",
        "problem.rule_control.one": "{count} text holding an invisible control character (a NUL, a line "
        "break, a tab…): remove it at the source",
        "problem.rule_control.other": "{count} texts holding an invisible control character (a NUL, a "
        "line break, a tab…): remove it at the source",
        "problem.rule_no_shares.one": "{count} current member without any line in the share register",
        "problem.rule_no_shares.other": "{count} current members without any line in the share register",
        "problem.rule_ticket_flow.one": "{count} row: a receipt dated before its ticket's investment or "
        "after its exit, or an ended ticket's receipts above its proceeds.",
        "problem.rule_ticket_flow.other": "{count} rows: receipts dated before their ticket's investment "
        "or after its exit, or an ended ticket's receipts above its proceeds.",
        "problem.rule_dividend_cnc.one": "{count} dividend above 6% of the shares' nominal value (the "
        "CNC's ceiling)",
        "problem.rule_dividend_cnc.other": "{count} dividends above 6% of the shares' nominal value (the "
        "CNC's ceiling)",
        "problem.rule_dividend_year.one": "{count} row: a financial year after the as-of date's year",
        "problem.rule_dividend_year.other": "{count} rows: a financial year after the as-of date's year",
        "problem.rule_dividend_paid.one": "{count} row: a dividend paid before it was decided",
        "problem.rule_dividend_paid.other": "{count} rows: dividends paid before they were decided",
        "problem.rule_status.one": "{count} row: exited_on, proceeds_eur and fair_value_eur do not match the "
        "status",
        "problem.rule_status.other": "{count} rows: exited_on, proceeds_eur and fair_value_eur do not match "
        "the status",
        "problem.rule_company_number.one": "{count} row: not a valid Belgian company number (BCE/KBO): "
        "10 digits, the last two equal to 97 minus the first eight modulo 97",
        "problem.rule_company_number.other": "{count} rows: not a valid Belgian company number (BCE/KBO): "
        "10 digits, the last two equal to 97 minus the first eight modulo 97",
        "problem.rule_language.one": "{count} row: a language that is not a two-letter code (fr, en): "
        "this member's documents are written in French",
        "problem.rule_language.other": "{count} rows: a language that is not a two-letter code (fr, en): "
        "these members' documents are written in French",
        "problem.rule_unreadable": "could not be checked",
    },
}


def _merge(*parts: dict[str, dict[str, str]]) -> None:
    """Add each page's texts (kept beside the page's code) to the one catalogue."""
    for part in parts:
        for lang, texts in part.items():
            clash = set(texts) & set(CATALOGUE[lang])
            if clash:
                raise KeyError(f"catalogue keys defined twice: {sorted(clash)}")
            CATALOGUE[lang].update(texts)


_merge(
    ACCESS_TEXT,
    BOARD_TEXT,
    FUND_TEXT,
    CAPPED_TEXT,
    COOPERATIVE_TEXT,
    SUPPORT_TEXT,
    CONSULTANCY_TEXT,
    IMPACT_TEXT,
    STUDIO_TEXT,
    GOVERNANCE_TEXT,
    DOUBLE_TEST_TEXT,
    SPECIAL_REPORT_TEXT,
    DATA_TEXT,
    IMPORTING_TEXT,
    CLI_TEXT,
    INTEGRITY_TEXT,
    SIMULATOR_TEXT,
    HISTORIES_TEXT,
)


def translate(lang: str, key: str, **values: object) -> str:
    """Return the text of ``key`` in ``lang`` with its placeholders filled."""
    return CATALOGUE[lang][key].format(**values)


def count_in(params: dict) -> int:
    """Return the count a problem's words agree with: its ``count``, else its ``found``, else 0."""
    return next((params[k] for k in ("count", "found") if isinstance(params.get(k), int)), 0)


def counted(lang: str, key: str, n: int, /, **values: object) -> str:
    """Return ``key``'s text for a count ``n``: its singular or plural form (``plural``) when the
    catalogue has them, else the text itself (a message that names no count)."""
    if f"{key}.one" in CATALOGUE[lang]:
        return plural(lang, key, n, **values)
    return translate(lang, key, **values)


def plural(lang: str, key: str, n: int, /, **values: object) -> str:
    """Return the singular (``key.one``) or plural (``key.other``) text for a count ``n``, by the
    language's own rule (CLDR, through Babel): French says "0 erreur", English "0 errors"."""
    from smala_ui.fmt import number  # fmt reads this catalogue: imported at call time

    form = "one" if Locale.parse(lang).plural_form(abs(n)) == "one" else "other"
    # the count written the language's way (1 234 / 1,234); a formatted n in values wins
    return translate(lang, f"{key}.{form}", **({"n": number(n, 0, lang)} | values))
