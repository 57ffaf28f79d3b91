"""The spreadsheet face of the data contract: sheet names, column headers in French and English,
and what each column means, for the workbook template and the import.

``analytics.store.schema`` says what a column is (type, rules); this module says how a treasurer sees it
in a spreadsheet. A test checks that every column of the contract has exactly one entry here.
Headers and sheet names are matched without regard to case, accents, spaces or punctuation
(``normalise``), in French, in English, or by the contract's own name.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from analytics.store.schema import TABLES


@dataclass(frozen=True)
class Sheet:
    """A table as a sheet (or a CSV file): its name in French and in English."""

    fr: str
    en: str


@dataclass(frozen=True)
class Header:
    """A column as a spreadsheet header, with its meaning and an example value as a treasurer
    would type it (French conventions: ``31/12/2026``, ``1 234,50``)."""

    fr: str
    en: str
    help_fr: str
    help_en: str
    example: str
    unit: str = ""


# The template's sheets that hold no table: written by ``template.py``, skipped by ``read.py``.
README_SHEET = "Lisez-moi - Read me"  # a sheet name cannot hold "/"
LISTS_SHEET = "Listes - Lists"  # hidden; only written when a dropdown's values exceed Excel's limit
TEMPLATE_SHEETS = (README_SHEET, LISTS_SHEET)

SHEETS: dict[str, Sheet] = {
    "members": Sheet("Membres", "Members"),
    "shares": Sheet("Parts", "Shares"),
    "services": Sheet("Services", "Services"),
    "consultancy": Sheet("Consultance", "Consultancy"),
    "commitments": Sheet("Engagements", "Commitments"),
    "fund_flows": Sheet("Flux du fonds", "Fund flows"),
    "investments": Sheet("Investissements", "Investments"),
    "ticket_flows": Sheet("Reçus des tickets", "Ticket receipts"),
    "fund_costs": Sheet("Frais du fonds", "Fund costs"),
    "accounts": Sheet("Comptes", "Accounts"),
    "dividends": Sheet("Dividendes", "Dividends"),
    "impact": Sheet("Impact", "Impact"),
    "ideas": Sheet("Idées", "Ideas"),
}

H = Header

HEADERS: dict[tuple[str, str], Header] = {
    # members
    ("members", "member_id"): H(
        "Identifiant membre",
        "Member id",
        "Code unique et stable du membre (texte : les zéros en tête sont gardés).",
        "Unique, stable member code (text: leading zeros are kept).",
        "M0042",
    ),
    ("members", "name"): H(
        "Nom",
        "Name",
        "Nom de la personne (donnée personnelle).",
        "The person's name (personal data).",
        "Anne Dupont",
    ),
    ("members", "company"): H(
        "Entreprise", "Company", "Nom de l'entreprise.", "Company name.", "Atelier Vert"
    ),
    ("members", "role"): H(
        "Rôle",
        "Role",
        "supporting : entrepreneur qui accompagne ; supported : entrepreneur accompagné.",
        "supporting: an entrepreneur who helps; supported: an entrepreneur who is helped.",
        "supported",
    ),
    ("members", "is_founder"): H(
        "Fondateur", "Founder", "Membre fondateur : oui ou non.", "Founding member: yes or no.", "non"
    ),
    ("members", "joined_on"): H(
        "Date d'entrée",
        "Joined on",
        "Date d'entrée dans la coopérative.",
        "Date the member joined.",
        "15/03/2024",
    ),
    ("members", "left_on"): H(
        "Date de sortie",
        "Left on",
        "Date de sortie ; vide tant que la personne est membre.",
        "Date the member left; empty while a member.",
        "",
    ),
    ("members", "province"): H(
        "Province",
        "Province",
        "Code ISO de la province (BE-WLG = Liège, BE-WNA = Namur, BE-WHT = Hainaut, BE-WBR = Brabant "
        "wallon, BE-WLX = Luxembourg, BE-BRU = Bruxelles) ou other.",
        "ISO code of the province (BE-WLG = Liège, BE-WNA = Namur, BE-WHT = Hainaut, BE-WBR = Walloon "
        "Brabant, BE-WLX = Luxembourg, BE-BRU = Brussels) or other.",
        "BE-WLG",
    ),
    ("members", "sector"): H(
        "Secteur NACE",
        "NACE sector",
        "Lettre de la section NACE (A à U).",
        "Letter of the NACE section (A to U).",
        "M",
    ),
    ("members", "impact_theme"): H(
        "Thème d'impact",
        "Impact theme",
        "planet, society, governance ou economy.",
        "planet, society, governance or economy.",
        "planet",
    ),
    ("members", "impact_stage"): H(
        "Stade d'impact",
        "Impact stage",
        "exploring (découvre), committed (engagé) ou advanced (avancé).",
        "exploring, committed or advanced.",
        "committed",
    ),
    ("members", "women_led"): H(
        "Dirigée par une femme",
        "Women-led",
        "L'entreprise est dirigée par une femme : oui ou non.",
        "The company is led by a woman: yes or no.",
        "oui",
    ),
    ("members", "company_number"): H(
        "Numéro d'entreprise (BCE)",
        "Company number (BCE/KBO)",
        "Numéro de l'entreprise à la Banque-Carrefour des Entreprises, écrit comme vous voulez "
        "(0123.456.749, BE0123456749) ; ses deux derniers chiffres sont contrôlés. Facultatif.",
        "The company's number at the Crossroads Bank for Enterprises (BCE/KBO), written as you like "
        "(0123.456.749, BE0123456749); its last two digits are checked. Optional.",
        "0123.456.749",
    ),
    ("members", "language"): H(
        "Langue",
        "Language",
        "La langue du membre, son code à deux lettres (fr, en, nl) ; fr_BE ou en_US donnent fr ou "
        "en. Son relevé est écrit en anglais pour en, en français sinon. Facultatif.",
        "The member's language, its two-letter code (fr, en, nl); fr_BE or en_US give fr or en. "
        "Their statement is written in English for en, in French otherwise. Optional.",
        "fr",
    ),
    # shares
    ("shares", "entry_id"): H(
        "Identifiant écriture",
        "Entry id",
        "Code unique de la ligne du registre des parts.",
        "Unique code of the share-register line.",
        "S0001",
    ),
    ("shares", "member_id"): H(
        "Identifiant membre",
        "Member id",
        "Le membre concerné (doit exister dans la feuille Membres).",
        "The member (must exist in the Members sheet).",
        "M0042",
    ),
    ("shares", "date"): H("Date", "Date", "Date de l'opération.", "Date of the operation.", "15/03/2024"),
    ("shares", "kind"): H(
        "Opération",
        "Kind",
        "subscription (souscription), redemption (remboursement), transfer_in ou transfer_out (cession).",
        "subscription, redemption, transfer_in or transfer_out.",
        "subscription",
    ),
    ("shares", "share_class"): H(
        "Catégorie de parts",
        "Share class",
        "founder (part de fondateur) ou ordinary (part ordinaire).",
        "founder or ordinary.",
        "ordinary",
    ),
    ("shares", "quantity"): H(
        "Nombre de parts",
        "Quantity",
        "Nombre entier de parts, plus grand que zéro (le sens vient de l'opération).",
        "Whole number of shares, greater than zero (the operation gives the direction).",
        "1",
        "parts / shares",
    ),
    ("shares", "unit_value_eur"): H(
        "Valeur unitaire (€)",
        "Unit value (EUR)",
        "Valeur d'une part en euros (1 000 € pour une part ordinaire).",
        "Value of one share in euros (EUR 1,000 for an ordinary share).",
        "1 000,00",
        "EUR",
    ),
    # services
    ("services", "service_id"): H(
        "Identifiant service",
        "Service id",
        "Code unique du service.",
        "Unique code of the service.",
        "SV0001",
    ),
    ("services", "date"): H("Date", "Date", "Date du service.", "Date of the service.", "02/10/2026"),
    ("services", "member_id"): H(
        "Membre aidé",
        "Member helped",
        "Identifiant du membre qui a reçu l'aide.",
        "Id of the member who was helped.",
        "M0042",
    ),
    ("services", "provider_id"): H(
        "Membre qui aide",
        "Provider id",
        "Identifiant du membre qui a donné l'aide ; vide quand c'est l'équipe.",
        "Id of the member who gave the help; empty when the staff did.",
        "M0007",
    ),
    ("services", "kind"): H(
        "Type de service",
        "Kind",
        "boost_session (coup de pouce), mentoring (mentorat), introduction (mise en relation), "
        "communication ou event (événement).",
        "boost_session, mentoring, introduction, communication or event.",
        "mentoring",
    ),
    ("services", "hours"): H(
        "Heures", "Hours", "Durée en heures (0 ou plus).", "Duration in hours (0 or more).", "1,5", "h"
    ),
    ("services", "introduced_member_id"): H(
        "Membre présenté",
        "Introduced member id",
        "Pour une mise en relation seulement : le membre présenté ; sinon vide.",
        "For an introduction only: the member introduced; otherwise empty.",
        "",
    ),
    ("services", "theme"): H(
        "Thème",
        "Theme",
        "Thème d'impact abordé (planet, society, governance, economy) ou vide.",
        "Impact theme covered (planet, society, governance, economy) or empty.",
        "planet",
    ),
    # consultancy
    ("consultancy", "invoice_id"): H(
        "Numéro de facture",
        "Invoice id",
        "Numéro unique du devis ou de la facture.",
        "Unique quote or invoice number.",
        "F2026-001",
    ),
    ("consultancy", "date"): H(
        "Date", "Date", "Date du devis ou de la facture.", "Date of the quote or invoice.", "30/09/2026"
    ),
    ("consultancy", "client_member_id"): H(
        "Client membre",
        "Client member id",
        "Identifiant du client s'il est membre ; vide pour un client extérieur.",
        "The client's member id; empty for a non-member client.",
        "M0042",
    ),
    ("consultancy", "client_name"): H(
        "Client", "Client name", "Nom du client.", "Client name.", "Commune de Namur"
    ),
    ("consultancy", "theme"): H(
        "Thème",
        "Theme",
        "planet, society, governance ou economy.",
        "planet, society, governance or economy.",
        "society",
    ),
    ("consultancy", "days"): H(
        "Jours",
        "Days",
        "Jours prestés, plus grand que zéro.",
        "Days worked, greater than zero.",
        "2,5",
        "jours / days",
    ),
    ("consultancy", "amount_eur"): H(
        "Montant (€)",
        "Amount (EUR)",
        "Montant hors TVA en euros (0 ou plus).",
        "Amount excluding VAT in euros (0 or more).",
        "2 250,00",
        "EUR",
    ),
    ("consultancy", "status"): H(
        "Statut",
        "Status",
        "quoted (devis), invoiced (facturé), paid (payé) ou cancelled (annulé).",
        "quoted, invoiced, paid or cancelled.",
        "invoiced",
    ),
    # commitments
    ("commitments", "commitment_id"): H(
        "Identifiant engagement",
        "Commitment id",
        "Code unique de l'engagement.",
        "Unique code of the commitment.",
        "C001",
    ),
    ("commitments", "investor_name"): H(
        "Investisseur",
        "Investor name",
        "Nom de l'investisseur (donnée personnelle pour une personne physique).",
        "Investor name (personal data for an individual).",
        "Région wallonne",
    ),
    ("commitments", "investor_type"): H(
        "Type d'investisseur", "Investor type", "private (privé) ou public.", "private or public.", "public"
    ),
    ("commitments", "investor_category"): H(
        "Catégorie d'investisseur",
        "Investor category",
        "individual, company, foundation, family_office, regional, federal, european ou municipal.",
        "individual, company, foundation, family_office, regional, federal, european or municipal.",
        "regional",
    ),
    ("commitments", "committed_eur"): H(
        "Montant engagé (€)",
        "Committed (EUR)",
        "Montant engagé en euros, plus grand que zéro.",
        "Amount committed in euros, greater than zero.",
        "500 000,00",
        "EUR",
    ),
    ("commitments", "signed_on"): H(
        "Date de signature",
        "Signed on",
        "Date de la promesse ou de la signature.",
        "Date of the pledge or signature.",
        "30/06/2026",
    ),
    ("commitments", "status"): H(
        "Statut",
        "Status",
        "pledged (promesse), signed (signé, ferme) ou cancelled (annulé).",
        "pledged (soft), signed (hard) or cancelled.",
        "signed",
    ),
    # fund_flows
    ("fund_flows", "flow_id"): H(
        "Identifiant flux", "Flow id", "Code unique du flux.", "Unique code of the flow.", "FL001"
    ),
    ("fund_flows", "date"): H("Date", "Date", "Date du flux.", "Date of the flow.", "15/07/2026"),
    ("fund_flows", "commitment_id"): H(
        "Identifiant engagement",
        "Commitment id",
        "L'engagement concerné (doit exister dans la feuille Engagements).",
        "The commitment (must exist in the Commitments sheet).",
        "C001",
    ),
    ("fund_flows", "kind"): H(
        "Type de flux", "Kind", "call (appel de fonds) ou distribution.", "call or distribution.", "call"
    ),
    ("fund_flows", "amount_eur"): H(
        "Montant (€)",
        "Amount (EUR)",
        "Montant en euros, plus grand que zéro.",
        "Amount in euros, greater than zero.",
        "100 000,00",
        "EUR",
    ),
    # investments
    ("investments", "investment_id"): H(
        "Identifiant investissement",
        "Investment id",
        "Code unique du ticket (un réinvestissement est une nouvelle ligne).",
        "Unique code of the ticket (a follow-on is a new line).",
        "I001",
    ),
    ("investments", "member_id"): H(
        "Identifiant membre",
        "Member id",
        "L'entreprise coopératrice financée (membre à la date d'investissement).",
        "The cooperator company invested in (a member on the investment date).",
        "M0042",
    ),
    ("investments", "instrument"): H(
        "Instrument",
        "Instrument",
        "equity (capital), quasi_equity (quasi-fonds propres), convertible ou loan (prêt).",
        "equity, quasi_equity, convertible or loan.",
        "equity",
    ),
    ("investments", "invested_on"): H(
        "Date d'investissement", "Invested on", "Date du versement.", "Date of the investment.", "01/02/2025"
    ),
    ("investments", "amount_eur"): H(
        "Montant investi (€)",
        "Amount (EUR)",
        "Coût du ticket en euros, plus grand que zéro.",
        "Cost of the ticket in euros, greater than zero.",
        "150 000,00",
        "EUR",
    ),
    ("investments", "status"): H(
        "Statut",
        "Status",
        "active (en portefeuille), exited (sorti) ou written_off (perdu).",
        "active, exited or written_off.",
        "active",
    ),
    ("investments", "exited_on"): H(
        "Date de sortie",
        "Exited on",
        "Date de sortie ; vide tant que le ticket est actif.",
        "Exit date; empty while active.",
        "",
    ),
    ("investments", "proceeds_eur"): H(
        "Produits (€)",
        "Proceeds (EUR)",
        "Montant brut récupéré (remboursements, intérêts, vente) ; vide tant que le ticket est actif.",
        "Gross cash received back (repayments, interest, sale); empty while active.",
        "",
        "EUR",
    ),
    ("investments", "fair_value_eur"): H(
        "Juste valeur (€)",
        "Fair value (EUR)",
        "Valorisation brute à la date de situation ; vide quand le ticket n'est plus actif.",
        "Gross valuation on the as-of date; empty when no longer active.",
        "165 000,00",
        "EUR",
    ),
    # ticket_flows (optional: cash received from a ticket before its end)
    ("ticket_flows", "ticket_flow_id"): H(
        "Identifiant reçu", "Receipt id", "Code unique du montant reçu.", "Unique code of a receipt.", "R001"
    ),
    ("ticket_flows", "investment_id"): H(
        "Identifiant investissement",
        "Investment id",
        "Le ticket qui a payé (doit exister dans la feuille Investissements).",
        "The ticket that paid (must exist in the Investments sheet).",
        "T001",
    ),
    ("ticket_flows", "date"): H("Date", "Date", "Date de réception.", "Date received.", "30/06/2026"),
    ("ticket_flows", "kind"): H(
        "Type",
        "Kind",
        "interest (intérêts), dividend (dividende) ou repayment (remboursement) reçus avant la fin du "
        "ticket. Pour un ticket terminé, ces montants font partie de son produit total.",
        "interest, dividend or repayment received before the ticket's end. For an ended ticket they are "
        "part of its total proceeds.",
        "interest",
    ),
    ("ticket_flows", "amount_eur"): H(
        "Montant (€)",
        "Amount (EUR)",
        "Montant reçu en euros, plus grand que zéro.",
        "Amount received in euros, greater than zero.",
        "2 500,00",
        "EUR",
    ),
    # fund_costs (optional: the fund's own costs)
    ("fund_costs", "cost_id"): H(
        "Identifiant frais", "Cost id", "Code unique du frais.", "Unique code of the cost.", "FR001"
    ),
    ("fund_costs", "date"): H("Date", "Date", "Date du paiement.", "Date paid.", "31/03/2026"),
    ("fund_costs", "kind"): H(
        "Type",
        "Kind",
        "management_fee (frais de gestion) ou expense (autres frais du fonds).",
        "management_fee or expense (the fund's other costs).",
        "management_fee",
    ),
    ("fund_costs", "amount_eur"): H(
        "Montant (€)",
        "Amount (EUR)",
        "Montant payé par le fonds en euros, plus grand que zéro.",
        "Amount the fund paid in euros, greater than zero.",
        "12 500,00",
        "EUR",
    ),
    # accounts (optional: the cooperative's figures, for the double test before a distribution)
    ("accounts", "period_end"): H(
        "Date des comptes",
        "Period end",
        "Date à laquelle les chiffres sont arrêtés ; une ligne par date.",
        "Date the figures are drawn up at; one row per date.",
        "31/12/2025",
    ),
    ("accounts", "kind"): H(
        "Type de comptes",
        "Kind",
        "closed (comptes annuels approuvés) ou interim (situation intermédiaire).",
        "closed (approved annual accounts) or interim (figures between two closings).",
        "closed",
    ),
    ("accounts", "net_assets_eur"): H(
        "Actif net (€)",
        "Net assets (EUR)",
        "Capitaux propres à cette date, en euros (peut être négatif).",
        "Equity at that date, in euros (may be negative).",
        "245 000,00",
        "EUR",
    ),
    ("accounts", "unavailable_reserves_eur"): H(
        "Capitaux propres indisponibles (€)",
        "Unavailable reserves (EUR)",
        "Part des capitaux propres que la loi ou les statuts rendent indisponible (0 ou plus).",
        "The part of equity that the law or the statutes make unavailable (0 or more).",
        "2 500,00",
        "EUR",
    ),
    ("accounts", "cash_eur"): H(
        "Trésorerie (€)",
        "Cash (EUR)",
        "Liquidités disponibles à cette date (0 ou plus).",
        "Cash available at that date (0 or more).",
        "61 000,00",
        "EUR",
    ),
    ("accounts", "inflows_12m_eur"): H(
        "Recettes attendues sur 12 mois (€)",
        "Inflows next 12 months (EUR)",
        "Recettes attendues sur les 12 mois suivants (0 ou plus).",
        "Receipts expected over the next 12 months (0 or more).",
        "152 000,00",
        "EUR",
    ),
    ("accounts", "outflows_12m_eur"): H(
        "Dépenses attendues sur 12 mois (€)",
        "Outflows next 12 months (EUR)",
        "Paiements attendus sur les 12 mois suivants, hors dividendes et remboursements de parts "
        "(0 ou plus).",
        "Payments expected over the next 12 months, dividends and refunds of shares excluded (0 or more).",
        "163 000,00",
        "EUR",
    ),
    ("accounts", "training_eur"): H(
        "Information et formation des membres (€)",
        "Members' training (EUR)",
        "Montant du résultat réservé à l'information et à la formation des membres ; vide si les "
        "comptes ne le disent pas.",
        "Amount of the year's income reserved for members' information and training; empty when "
        "the accounts do not say.",
        "2 650,00",
        "EUR",
    ),
    # dividends (optional: one row per financial year and share class)
    ("dividends", "dividend_id"): H(
        "Identifiant dividende",
        "Dividend id",
        "Code unique du dividende.",
        "Unique code of the dividend.",
        "D2025-O",
    ),
    ("dividends", "financial_year"): H(
        "Exercice",
        "Financial year",
        "Année de l'exercice dont le résultat est distribué (nombre entier).",
        "Year of the financial year whose income is paid out (a whole number).",
        "2025",
    ),
    ("dividends", "share_class"): H(
        "Catégorie de parts",
        "Share class",
        "founder (part de fondateur) ou ordinary (part ordinaire).",
        "founder or ordinary.",
        "ordinary",
    ),
    ("dividends", "rate"): H(
        "Taux",
        "Rate",
        "Dividende en fraction de la valeur nominale de la part, entre 0 et 1 (0,04 = 4 %). Au-delà "
        "de 0,06 (6 %, le plafond du CNC), un avertissement le signale.",
        "Dividend as a fraction of the share's nominal value, between 0 and 1 (0.04 = 4 %). Above "
        "0.06 (6 %, the CNC's ceiling), a warning says so.",
        "0,03",
    ),
    ("dividends", "amount_eur"): H(
        "Montant (€)",
        "Amount (EUR)",
        "Montant total du dividende de cette catégorie, en euros (0 ou plus).",
        "Total dividend of that class, in euros (0 or more).",
        "6 120,00",
        "EUR",
    ),
    ("dividends", "decided_on"): H(
        "Décidé le",
        "Decided on",
        "Date de la décision de l'assemblée générale ; vide si pas encore décidé.",
        "Date the general assembly decided it; empty until decided.",
        "21/05/2026",
    ),
    ("dividends", "paid_on"): H(
        "Payé le",
        "Paid on",
        "Date du paiement ; vide tant qu'il n'est pas payé. Pas avant la décision.",
        "Date paid; empty until paid. Not before the decision.",
        "15/06/2026",
    ),
    # impact
    ("impact", "member_id"): H(
        "Identifiant membre",
        "Member id",
        "Le membre qui rapporte le résultat.",
        "The member reporting the outcome.",
        "M0042",
    ),
    ("impact", "period_end"): H(
        "Fin de période",
        "Period end",
        "Dernier jour de la période mesurée.",
        "Last day of the period measured.",
        "30/06/2026",
    ),
    ("impact", "metric"): H(
        "Indicateur",
        "Metric",
        "jobs_fte (emplois, ETP), jobs_created_fte (emplois créés, ETP), ghg_avoided_tco2e (t éq. CO2 "
        "évitées), beneficiaries (bénéficiaires), individuals_trained (personnes formées), revenue_eur "
        "(chiffre d'affaires, €) ou women_in_leadership_pct (femmes à des postes de direction, %).",
        "jobs_fte, jobs_created_fte, ghg_avoided_tco2e, beneficiaries, individuals_trained, revenue_eur "
        "or women_in_leadership_pct.",
        "jobs_fte",
    ),
    ("impact", "value"): H(
        "Valeur",
        "Value",
        "La valeur, dans l'unité de l'indicateur.",
        "The value, in the metric's unit.",
        "3,5",
    ),
    # ideas
    ("ideas", "idea_id"): H(
        "Identifiant idée", "Idea id", "Code unique de l'idée.", "Unique code of the idea.", "ID001"
    ),
    ("ideas", "title"): H(
        "Titre", "Title", "Titre de l'idée.", "Title of the idea.", "Coopérative de livraison à vélo"
    ),
    ("ideas", "created_on"): H(
        "Date de création", "Created on", "Date où l'idée est née.", "Date the idea was born.", "12/05/2026"
    ),
    ("ideas", "origin_member_ids"): H(
        "Membres à l'origine",
        "Origin member ids",
        "Identifiants des membres à l'origine de l'idée, séparés par des virgules.",
        "Ids of the members the idea came from, separated by commas.",
        "M0042, M0007",
    ),
    ("ideas", "stage"): H(
        "Étape",
        "Stage",
        "idea, exploring, building, launched ou dropped.",
        "idea, exploring, building, launched or dropped.",
        "exploring",
    ),
    ("ideas", "stage_changed_on"): H(
        "Date du changement d'étape",
        "Stage changed on",
        "Date où l'idée a atteint son étape.",
        "Date the idea reached its stage.",
        "01/09/2026",
    ),
}


def normalise(text: str) -> str:
    """Return ``text`` lowercased, without accents and without anything but letters and digits,
    so that "Date d'entrée", "date_d_entree" and "DATE D ENTREE" compare equal."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed.lower() if ch.isascii() and ch.isalnum())


def _header_index() -> dict[str, dict[str, str]]:
    """Return, per table, every accepted normalised header -> the contract's column name."""
    index: dict[str, dict[str, str]] = {}
    for table_name, table in TABLES.items():
        names: dict[str, str] = {}
        for column in table.columns:
            header = HEADERS[(table_name, column.name)]
            for spelling in (column.name, header.fr, header.en):
                names[normalise(spelling)] = column.name
        index[table_name] = names
    return index


def _sheet_index() -> dict[str, str]:
    index = {}
    for table_name, sheet in SHEETS.items():
        for spelling in (table_name, sheet.fr, sheet.en):
            index[normalise(spelling)] = table_name
    return index


# A province as a treasurer writes it, in French, Dutch, English or German, "Province de" or
# not: its code in the contract (DESIGN.md: ISO 3166-2:BE for Wallonia's five and Brussels,
# "other" elsewhere; "Luxembourg" is the Belgian province here, the members being Belgian).
PROVINCE_NAMES: dict[str, tuple[str, ...]] = {
    "BE-WLG": ("Liège", "Luik", "Lüttich", "Liege"),
    "BE-WNA": ("Namur", "Namen"),
    "BE-WHT": ("Hainaut", "Henegouwen", "Hennegau"),
    "BE-WBR": ("Brabant wallon", "Waals-Brabant", "Walloon Brabant", "Wallonisch-Brabant"),
    "BE-WLX": ("Luxembourg", "Luxemburg"),
    "BE-BRU": (
        "Bruxelles",
        "Brussel",
        "Brussels",
        "Brüssel",
        "Bruxelles-Capitale",
        "Région de Bruxelles-Capitale",
        "Brussels-Capital",
        "Brussels Capital Region",
        "Brussels Hoofdstedelijk Gewest",
    ),
    "other": (
        "Anvers",
        "Antwerpen",
        "Antwerp",
        "Limbourg",
        "Limburg",
        "Flandre orientale",
        "Oost-Vlaanderen",
        "East Flanders",
        "Flandre occidentale",
        "West-Vlaanderen",
        "West Flanders",
        "Brabant flamand",
        "Vlaams-Brabant",
        "Flemish Brabant",
    ),
}
_PROVINCE_PREFIXES = ("provincede", "provincedu", "provinceof", "provincie", "province", "provinz")


def province_code(name: str) -> str | None:
    """Return the contract's code of a province written by its name ("Liège", "Luik", "Province
    de Hainaut", "Brabant wallon"), or None when the text names none."""
    key = normalise(name)
    for prefix in _PROVINCE_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix) :]
            break
    return _PROVINCE_INDEX.get(key)


_PROVINCE_INDEX = {normalise(n): code for code, names in PROVINCE_NAMES.items() for n in names}
HEADER_INDEX = _header_index()
SHEET_INDEX = _sheet_index()


def table_of_sheet(name: str) -> str | None:
    """Return the contract table a sheet or CSV file name stands for, or None."""
    return SHEET_INDEX.get(normalise(name))


def table_of_headers(headers: list[str], taken: set[str] = frozenset()) -> str | None:
    """Return the one table, not in ``taken``, whose every required column (not nullable) is
    under one of ``headers``, the most of its columns recognised breaking a tie; None when no
    table or several fit alike. A sheet renamed by the treasurer ("Registre des parts") is still
    its table when its headers say so."""
    fits = []
    for name, table in TABLES.items():
        if name in taken:
            continue
        known = {HEADER_INDEX[name].get(normalise(header)) for header in headers} - {None}
        if all(column.name in known for column in table.columns if not column.nullable):
            fits.append((len(known) / len(table.columns), name))
    fits.sort(reverse=True)
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
        return None
    return fits[0][1]


def column_of_header(table: str, header: str) -> str | None:
    """Return the contract column a header stands for in ``table``, or None when unknown."""
    return HEADER_INDEX[table].get(normalise(header))
