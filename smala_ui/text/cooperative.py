"""Texts of the Cooperative page, merged into ``smala_ui.text.CATALOGUE``."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        # Enumerated values
        "cooperative.role.supported": "Soutenus",
        "cooperative.role.supporting": "Soutenants",
        "cooperative.province.BE-WBR": "Brabant wallon",
        "cooperative.province.BE-WHT": "Hainaut",
        "cooperative.province.BE-WLG": "Liège",
        "cooperative.province.BE-WLX": "Luxembourg",
        "cooperative.province.BE-WNA": "Namur",
        "cooperative.province.BE-BRU": "Bruxelles",
        "cooperative.province.other": "Autre",
        "cooperative.sector.A": "Agriculture, sylviculture, pêche",
        "cooperative.sector.B": "Industries extractives",
        "cooperative.sector.C": "Industrie manufacturière",
        "cooperative.sector.D": "Électricité, gaz, vapeur",
        "cooperative.sector.E": "Eau, déchets, dépollution",
        "cooperative.sector.F": "Construction",
        "cooperative.sector.G": "Commerce, réparation auto",
        "cooperative.sector.H": "Transport et entreposage",
        "cooperative.sector.I": "Hébergement et restauration",
        "cooperative.sector.J": "Information et communication",
        "cooperative.sector.K": "Finance et assurance",
        "cooperative.sector.L": "Immobilier",
        "cooperative.sector.M": "Activités spécialisées, scientifiques",
        "cooperative.sector.N": "Services administratifs, soutien",
        "cooperative.sector.O": "Administration publique",
        "cooperative.sector.P": "Enseignement",
        "cooperative.sector.Q": "Santé humaine, action sociale",
        "cooperative.sector.R": "Arts, spectacles, loisirs",
        "cooperative.sector.S": "Autres services",
        "cooperative.sector.T": "Ménages employeurs",
        "cooperative.sector.U": "Organisations extraterritoriales",
        "cooperative.theme.planet": "Planète",
        "cooperative.theme.society": "Société",
        "cooperative.theme.governance": "Gouvernance",
        "cooperative.theme.economy": "Économie",
        "cooperative.stage.exploring": "Exploration",
        "cooperative.stage.committed": "Engagé",
        "cooperative.stage.advanced": "Avancé",
        "cooperative.stage.new": "Nouveaux membres",
        "cooperative.stage.left": "Départs",
        "cooperative.class.founder": "Parts de fondateur",
        "cooperative.class.ordinary": "Parts ordinaires",
        # Headline figures
        "cooperative.kpi.supported": "Entrepreneurs soutenus",
        "cooperative.kpi.supported.help": "Membres actifs de rôle « soutenu » à la date de situation (entrés "
        "au plus tard ce jour-là, pas encore sortis). Objectif : {target}.",
        "cooperative.kpi.supporting": "Entrepreneurs soutenants",
        "cooperative.kpi.supporting.help": "Membres actifs de rôle « soutenant », qui apportent leur "
        "expérience.",
        "cooperative.kpi.founders": "Fondateurs actifs",
        "cooperative.kpi.founders.help": "Membres actifs marqués comme fondateurs, soit {share} des membres "
        "actifs.",
        "cooperative.kpi.women_led": "Entreprises dirigées par une femme",
        "cooperative.kpi.women_led.help": "Part des membres actifs dont l'entreprise a une femme à sa "
        "tête, selon le registre des membres : {n} sur {total}. L'écart est en points de pourcentage. "
        "À ne pas confondre avec « Femmes dans les équipes de direction » (page Impact), la part de "
        "femmes parmi les dirigeants, déclarée par les membres.",
        "cooperative.kpi.retention": "Fidélisation à 12 mois",
        "cooperative.kpi.retention.help": "Parmi les membres actifs 12 mois avant la date de situation (le "
        "{year_ago}), la part encore active à la date de situation : {retained} sur {cohort}. Lu dans les "
        "dates d'entrée et de sortie de l'instantané. L'écart est en points de pourcentage.",
        "cooperative.kpi.retention.help_na": "Parmi les membres actifs 12 mois avant la date de "
        "situation (le {year_ago}), la part encore active à la date de situation. Aucun membre n'était "
        "actif à cette date : non disponible.",
        "cooperative.kpi.capital": "Capital social",
        "cooperative.kpi.capital.help": "Registre des parts jusqu'à la date de situation : quantité × valeur "
        "unitaire, en plus pour les souscriptions et cessions reçues, en moins pour les remboursements et "
        "cessions données.",
        "cooperative.kpi.founders_capital": "Part des fondateurs dans le capital",
        "cooperative.kpi.founders_capital.help": "Capital en parts de fondateur divisé par le capital total, "
        "à la date de situation.",
        "cooperative.kpi.founders_members": "Part des fondateurs parmi les membres",
        "cooperative.kpi.founders_members.help": "Fondateurs actifs divisés par l'ensemble des membres "
        "actifs ({n} sur {total}).",
        # Sections
        "cooperative.members": "Membres",
        "cooperative.over_time": "Membres actifs par rôle",
        "cooperative.over_time.caption": "Membres actifs à la date de chaque instantané (entrés au plus tard "
        "ce jour-là, pas encore sortis), jusqu'au {date}.",
        "cooperative.over_time_error": "Impossible de lire l'historique des instantanés : {error}",
        "cooperative.flows": "Entrées et sorties par trimestre",
        "cooperative.flows.caption": "Dates d'entrée et de sortie lues dans l'instantané du {date}.",
        "cooperative.flows_empty": "Aucune entrée ni sortie de membre à cette date.",
        "cooperative.capital": "Capital social par classe de parts",
        "cooperative.capital.caption": "Capital à la fin de chaque trimestre (à la date de situation pour le "
        "dernier) : souscriptions et cessions reçues moins remboursements et cessions données.",
        "cooperative.capital_empty": "Aucune part enregistrée au registre à cette date.",
        "cooperative.quarterly": "Données trimestrielles : entrées, sorties et capital",
        "cooperative.where": "Où sont les membres",
        "cooperative.where.caption": "Membres actifs par province, au {date}.",
        "cooperative.where_other.one": "1 membre actif hors de Wallonie et de Bruxelles (« Autre »).",
        "cooperative.where_other.other": "{n} membres actifs hors de Wallonie et de Bruxelles (« Autre »).",
        "cooperative.no_active": "Aucun membre actif à cette date.",
        "cooperative.sectors": "Secteurs d'activité (sections NACE)",
        "cooperative.themes": "Thèmes d'impact et étape atteinte",
        "cooperative.progress": "Progression vers l'impact",
        "cooperative.progress.caption": "Chaque membre actif à l'une des deux dates, apparié par son "
        "identifiant : son étape à la date de comparaison (ou « nouveau membre ») et à la date de "
        "situation (ou « départ »).",
        "cooperative.progress.summary": "Du {since} au {date} : {forward} membre(s) ont progressé vers "
        "l'impact, {unchanged} sont restés à la même étape, {backward} ont reculé ; {joined} nouveau(x) "
        "membre(s), {left} départ(s).",
        "cooperative.progress_none": "Choisissez un instantané de comparaison antérieur pour voir qui a "
        "progressé d'une étape à l'autre.",
        "cooperative.progress_later": "L'instantané de comparaison ({date}) n'est pas antérieur à la date de "
        "situation : choisissez-en un plus ancien pour voir la progression.",
        "cooperative.progress_empty": "Aucun membre actif à l'une ou l'autre date.",
        # Figures and tables
        "cooperative.fig.target": "Objectif : {target} soutenus",
        "cooperative.fig.people": "Personnes",
        "cooperative.fig.members": "Membres",
        "cooperative.fig.joiners": "Entrées",
        "cooperative.fig.leavers": "Sorties",
        "cooperative.fig.flow": "{source} → {target} : {n}",
        "cooperative.col.province": "Province",
        "cooperative.col.total": "Total",
        "cooperative.col.quarter": "Trimestre",
        "cooperative.col.joiners": "Entrées",
        "cooperative.col.leavers": "Sorties",
        "cooperative.col.capital_founder": "Capital, parts de fondateur (EUR)",
        "cooperative.col.capital_ordinary": "Capital, parts ordinaires (EUR)",
        "cooperative.col.capital_total": "Capital total (EUR)",
    },
    "en": {
        "cooperative.role.supported": "Supported",
        "cooperative.role.supporting": "Supporting",
        "cooperative.province.BE-WBR": "Walloon Brabant",
        "cooperative.province.BE-WHT": "Hainaut",
        "cooperative.province.BE-WLG": "Liège",
        "cooperative.province.BE-WLX": "Luxembourg",
        "cooperative.province.BE-WNA": "Namur",
        "cooperative.province.BE-BRU": "Brussels",
        "cooperative.province.other": "Other",
        "cooperative.sector.A": "Agriculture, forestry, fishing",
        "cooperative.sector.B": "Mining and quarrying",
        "cooperative.sector.C": "Manufacturing",
        "cooperative.sector.D": "Electricity, gas, steam",
        "cooperative.sector.E": "Water, waste, remediation",
        "cooperative.sector.F": "Construction",
        "cooperative.sector.G": "Wholesale and retail trade",
        "cooperative.sector.H": "Transport and storage",
        "cooperative.sector.I": "Accommodation and food",
        "cooperative.sector.J": "Information and communication",
        "cooperative.sector.K": "Finance and insurance",
        "cooperative.sector.L": "Real estate",
        "cooperative.sector.M": "Professional, scientific, technical",
        "cooperative.sector.N": "Administrative and support",
        "cooperative.sector.O": "Public administration",
        "cooperative.sector.P": "Education",
        "cooperative.sector.Q": "Health and social work",
        "cooperative.sector.R": "Arts, entertainment, recreation",
        "cooperative.sector.S": "Other services",
        "cooperative.sector.T": "Households as employers",
        "cooperative.sector.U": "Extraterritorial organisations",
        "cooperative.theme.planet": "Planet",
        "cooperative.theme.society": "Society",
        "cooperative.theme.governance": "Governance",
        "cooperative.theme.economy": "Economy",
        "cooperative.stage.exploring": "Exploring",
        "cooperative.stage.committed": "Committed",
        "cooperative.stage.advanced": "Advanced",
        "cooperative.stage.new": "New members",
        "cooperative.stage.left": "Left",
        "cooperative.class.founder": "Founder shares",
        "cooperative.class.ordinary": "Ordinary shares",
        "cooperative.kpi.supported": "Supported entrepreneurs",
        "cooperative.kpi.supported.help": "Active members with the supported role on the as-of date (joined "
        "on or before it, not yet left). Target: {target}.",
        "cooperative.kpi.supporting": "Supporting entrepreneurs",
        "cooperative.kpi.supporting.help": "Active members with the supporting role, who bring their "
        "experience.",
        "cooperative.kpi.founders": "Active founders",
        "cooperative.kpi.founders.help": "Active members marked as founders: {share} of active members.",
        "cooperative.kpi.women_led": "Companies led by a woman",
        "cooperative.kpi.women_led.help": "Share of active members whose company has a woman at its "
        "head, from the member register: {n} of {total}. The delta is in percentage points. Not to be "
        'confused with "Women in leadership teams" (Impact page), the share of women among the '
        "leaders, as reported by the members.",
        "cooperative.kpi.retention": "12-month retention",
        "cooperative.kpi.retention.help": "Of the members active 12 months before the as-of date (on "
        "{year_ago}), the share still active on the as-of date: {retained} of {cohort}. Read from the "
        "snapshot's join and leave dates. The delta is in percentage points.",
        "cooperative.kpi.retention.help_na": "Of the members active 12 months before the as-of date (on "
        "{year_ago}), the share still active on the as-of date. Nobody was active then: not available.",
        "cooperative.kpi.capital": "Share capital",
        "cooperative.kpi.capital.help": "Share register up to the as-of date: quantity × unit value, added "
        "for subscriptions and transfers in, subtracted for redemptions and transfers out.",
        "cooperative.kpi.founders_capital": "Founders' share of capital",
        "cooperative.kpi.founders_capital.help": "Capital in founder shares divided by total capital, on the "
        "as-of date.",
        "cooperative.kpi.founders_members": "Founders' share of members",
        "cooperative.kpi.founders_members.help": "Active founders divided by all active members ({n} of "
        "{total}).",
        "cooperative.members": "Members",
        "cooperative.over_time": "Active members by role",
        "cooperative.over_time.caption": "Members active on each snapshot's date (joined on or before it, "
        "not yet left), up to {date}.",
        "cooperative.over_time_error": "Could not read the snapshots' history: {error}",
        "cooperative.flows": "Joiners and leavers per quarter",
        "cooperative.flows.caption": "Join and leave dates read from the snapshot of {date}.",
        "cooperative.flows_empty": "No member joined or left by this date.",
        "cooperative.capital": "Share capital by share class",
        "cooperative.capital.caption": "Capital at the end of each quarter (on the as-of date for the last "
        "one): subscriptions and transfers in less redemptions and transfers out.",
        "cooperative.capital_empty": "No share recorded in the register by this date.",
        "cooperative.quarterly": "Quarterly data: joiners, leavers and capital",
        "cooperative.where": "Where members are",
        "cooperative.where.caption": "Active members by province, as of {date}.",
        "cooperative.where_other.one": "1 active member outside Wallonia and Brussels (\u2018Other\u2019).",
        "cooperative.where_other.other": "{n} active members outside Wallonia and Brussels "
        "(\u2018Other\u2019).",
        "cooperative.no_active": "No active member on this date.",
        "cooperative.sectors": "Sectors (NACE sections)",
        "cooperative.themes": "Impact themes and stage reached",
        "cooperative.progress": "Progress toward impact",
        "cooperative.progress.caption": "Every member active on either date, matched by id: their stage on "
        "the comparison date (or 'new member') and on the as-of date (or 'left').",
        "cooperative.progress.summary": "From {since} to {date}: {forward} member(s) moved forward toward "
        "impact, {unchanged} stayed at the same stage, {backward} moved back; {joined} new member(s), "
        "{left} left.",
        "cooperative.progress_none": "Choose an earlier comparison snapshot to see who moved from one stage "
        "to the next.",
        "cooperative.progress_later": "The comparison snapshot ({date}) is not earlier than the as-of date: "
        "choose an older one to see the progress.",
        "cooperative.progress_empty": "No active member on either date.",
        "cooperative.fig.target": "Target: {target} supported",
        "cooperative.fig.people": "People",
        "cooperative.fig.members": "Members",
        "cooperative.fig.joiners": "Joined",
        "cooperative.fig.leavers": "Left",
        "cooperative.fig.flow": "{source} → {target}: {n}",
        "cooperative.col.province": "Province",
        "cooperative.col.total": "Total",
        "cooperative.col.quarter": "Quarter",
        "cooperative.col.joiners": "Joined",
        "cooperative.col.leavers": "Left",
        "cooperative.col.capital_founder": "Capital, founder shares (EUR)",
        "cooperative.col.capital_ordinary": "Capital, ordinary shares (EUR)",
        "cooperative.col.capital_total": "Total capital (EUR)",
    },
}
