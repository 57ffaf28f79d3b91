"""Texts of the Support page, merged into ``smala_ui.text.CATALOGUE``.

Every key starts with ``support.``; both languages have the same keys and placeholders.
"""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        # Enumerated values of the data contract
        "support.kind.boost_session": "Coups de pouce",
        "support.kind.mentoring": "Mentorat",
        "support.kind.introduction": "Mises en relation",
        "support.kind.communication": "Communication",
        "support.kind.event": "Animations",
        "support.role.supporting": "Entrepreneurs soutenants",
        "support.role.supported": "Entrepreneurs soutenus",
        "support.role.unknown": "Membres inconnus",
        "support.not_given": "non renseigné",
        "support.link.mentoring": "Mentorat et coups de pouce",
        "support.link.introduction": "Mises en relation",
        "support.province.BE-WBR": "Brabant wallon",
        "support.province.BE-WHT": "Hainaut",
        "support.province.BE-WLG": "Liège",
        "support.province.BE-WLX": "Luxembourg",
        "support.province.BE-WNA": "Namur",
        "support.province.BE-BRU": "Bruxelles",
        "support.province.other": "Autre",
        # KPI tiles
        "support.kpi.sessions": "Séances ({quarter})",
        "support.kpi.sessions.help": "Services gratuits (toutes sortes) datés du premier jour du trimestre "
        "à la date de situation.",
        "support.kpi.hours": "Accompagnement ({quarter})",
        "support.kpi.hours.help": "Heures de services gratuits datés du premier jour du trimestre à la "
        "date de situation.",
        "support.kpi.coverage": "Couverture (90 jours)",
        "support.kpi.coverage.help": "Part des entrepreneurs soutenus actifs ayant reçu au moins un service "
        "dans les 90 jours jusqu'à la date de situation : {covered} sur {supported}.",
        "support.kpi.mentor_load": "Charge des mentors",
        "support.kpi.mentor_load.help.one": "Heures de mentorat du trimestre par entrepreneur soutenant "
        "actif qui en a donné : {hours} pour {mentors} mentor.",
        "support.kpi.mentor_load.help.other": "Heures de mentorat du trimestre par entrepreneur soutenant "
        "actif qui en a donné : {hours} pour {mentors} mentors.",
        "support.kpi.without_help": "Sans aide depuis 90 jours",
        "support.kpi.without_help.help": "Entrepreneurs soutenus actifs sans aucun service depuis 90 jours "
        "ou plus (ou jamais aidés et entrés il y a 90 jours ou plus). La liste est en bas de page.",
        # Sessions and hours by kind
        "support.by_kind": "Services gratuits par type et par mois",
        "support.measure": "Mesure",
        "support.measure.sessions": "Séances",
        "support.measure.hours": "Heures",
        "support.by_kind.caption": "Les {months} derniers mois jusqu'au {date}. Le total du mois est "
        "écrit au-dessus de chaque barre.",
        "support.by_kind.empty": "Aucun service gratuit enregistré sur les {months} derniers mois.",
        # Coverage over time
        "support.coverage": "Couverture des entrepreneurs soutenus dans le temps",
        "support.coverage.caption": "À chaque date de situation : part des entrepreneurs soutenus actifs "
        "aidés dans les 90 jours précédents. Cible : tous.",
        "support.coverage.empty": "Aucun entrepreneur soutenu actif jusqu'à cette date : pas de couverture "
        "à montrer.",
        "support.coverage.error": "L'historique de couverture n'a pas pu être lu : {error}",
        # Mentor load
        "support.mentors": "Charge des mentors ({quarter})",
        "support.mentors.caption.one": "{shown} mentor sur {mentors}, les plus sollicités d'abord ; {hours} "
        "de mentorat au total. Chaque mentor est montré par son entreprise.",
        "support.mentors.caption.other": "{shown} mentors sur {mentors}, les plus sollicités d'abord ; "
        "{hours} de mentorat au total. Chaque mentor est montré par son entreprise.",
        "support.mentors.empty": "Aucune heure de mentorat donnée par un entrepreneur soutenant actif "
        "ce trimestre.",
        # Network
        "support.network": "Réseau de mentorat et de mises en relation",
        "support.network.window": "Période",
        "support.network.months": "{n} derniers mois",
        "support.network.caption": "Qui a aidé qui du {start} au {end} : mentorat et coups de pouce donnés "
        "par un membre (du mentor vers l'entrepreneur aidé) et mises en relation (de l'entrepreneur "
        "aidé vers le membre présenté). Épaisseur d'un lien : nombre de services ; taille d'un point : "
        "services du membre sur la période.",
        "support.network.capped": "Lisibilité : {shown} membres affichés sur {total} reliés sur la "
        "période, les plus actifs et reliés entre eux d'abord ; les {labels} plus actifs portent le nom "
        "de leur entreprise, les autres au survol.",
        "support.network.all": "Les {shown} membres reliés sur la période ; les {labels} plus actifs "
        "portent le nom de leur entreprise, les autres au survol.",
        "support.network.empty": "Aucun mentorat, coup de pouce donné par un membre ni mise en relation "
        "sur cette période.",
        # The members without help
        "support.unhelped": "Entrepreneurs soutenus sans aide depuis 90 jours ou plus",
        "support.unhelped.caption.one": "{n} entrepreneur soutenu actif, du plus long délai au plus court. « "
        "Jours sans aide » : depuis le dernier service, ou depuis l'entrée pour qui n'a jamais été aidé.",
        "support.unhelped.caption.other": "{n} entrepreneurs soutenus actifs, du plus long délai au plus "
        "court. « Jours sans aide » : depuis le dernier service, ou depuis l'entrée pour qui n'a jamais été "
        "aidé.",
        "support.unhelped.truncated": "Les {shown} premiers sont affichés ; le fichier CSV les contient "
        "tous ({n}).",
        "support.unhelped.none": "Tous les entrepreneurs soutenus actifs ont été aidés dans les 90 derniers "
        "jours (ou sont arrivés depuis moins de 90 jours).",
        "support.unhelped.file": "sans_aide",
        "support.never": "jamais",
        "support.col.member_id": "Identifiant membre",
        "support.col.company": "Entreprise",
        "support.col.province": "Province",
        "support.col.joined_on": "Entrée le",
        "support.col.last_service": "Dernier service",
        "support.col.days": "Jours sans aide",
        # Figures
        "support.fig.sessions": "Séances",
        "support.fig.hours": "Heures",
        "support.fig.coverage": "Couverture",
        "support.fig.coverage_axis": "Soutenus aidés en 90 jours",
        "support.fig.coverage_hover": "{date} : {share} ({covered} sur {supported})",
        "support.fig.mentor_text.one": "{hours} · {sessions} séance",
        "support.fig.mentor_text.other": "{hours} · {sessions} séances",
        "support.fig.mentor_axis": "Heures de mentorat au trimestre",
        "support.fig.load_line": "Charge moyenne : {load}",
        "support.fig.edge_mentoring.one": "{source} → {target} : {n} mentorat ou coup de pouce",
        "support.fig.edge_mentoring.other": "{source} → {target} : {n} mentorats ou coups de pouce",
        "support.fig.edge_introduction.one": "{source} → {target} : {n} mise en relation",
        "support.fig.edge_introduction.other": "{source} → {target} : {n} mises en relation",
        "support.fig.node_hover.one": "{company}<br>{role}<br>{n} service sur la période",
        "support.fig.node_hover.other": "{company}<br>{role}<br>{n} services sur la période",
    },
    "en": {
        "support.kind.boost_session": "Boost sessions",
        "support.kind.mentoring": "Mentoring",
        "support.kind.introduction": "Introductions",
        "support.kind.communication": "Communication",
        "support.kind.event": "Events",
        "support.role.supporting": "Supporting entrepreneurs",
        "support.role.supported": "Supported entrepreneurs",
        "support.role.unknown": "Unknown members",
        "support.not_given": "not given",
        "support.link.mentoring": "Mentoring and boost sessions",
        "support.link.introduction": "Introductions",
        "support.province.BE-WBR": "Walloon Brabant",
        "support.province.BE-WHT": "Hainaut",
        "support.province.BE-WLG": "Liège",
        "support.province.BE-WLX": "Luxembourg",
        "support.province.BE-WNA": "Namur",
        "support.province.BE-BRU": "Brussels",
        "support.province.other": "Other",
        "support.kpi.sessions": "Sessions ({quarter})",
        "support.kpi.sessions.help": "Free services (every kind) dated from the first day of the quarter "
        "to the as-of date.",
        "support.kpi.hours": "Support hours ({quarter})",
        "support.kpi.hours.help": "Hours of free services dated from the first day of the quarter to the "
        "as-of date.",
        "support.kpi.coverage": "Coverage (90 days)",
        "support.kpi.coverage.help": "Share of active supported entrepreneurs who received at least one "
        "service in the 90 days up to the as-of date: {covered} of {supported}.",
        "support.kpi.mentor_load": "Mentor load",
        "support.kpi.mentor_load.help.one": "Mentoring hours in the quarter per active supporting "
        "entrepreneur who gave any: {hours} for {mentors} mentor.",
        "support.kpi.mentor_load.help.other": "Mentoring hours in the quarter per active supporting "
        "entrepreneur who gave any: {hours} for {mentors} mentors.",
        "support.kpi.without_help": "No help for 90 days",
        "support.kpi.without_help.help": "Active supported entrepreneurs without any service for 90 days or "
        "more (or never helped and joined 90 days ago or more). The list is at the bottom of the page.",
        "support.by_kind": "Free services by kind and month",
        "support.measure": "Measure",
        "support.measure.sessions": "Sessions",
        "support.measure.hours": "Hours",
        "support.by_kind.caption": "The last {months} months up to {date}. Each month's total is written "
        "above its bar.",
        "support.by_kind.empty": "No free service recorded in the last {months} months.",
        "support.coverage": "Coverage of supported entrepreneurs over time",
        "support.coverage.caption": "At each as-of date: share of the active supported entrepreneurs helped "
        "in the previous 90 days. Target: all of them.",
        "support.coverage.empty": "No active supported entrepreneur up to this date: no coverage to show.",
        "support.coverage.error": "The coverage history could not be read: {error}",
        "support.mentors": "Mentor load ({quarter})",
        "support.mentors.caption.one": "{shown} mentor of {mentors}, busiest first; {hours} of mentoring in "
        "all. Each mentor is shown by their company.",
        "support.mentors.caption.other": "{shown} mentors of {mentors}, busiest first; {hours} of mentoring "
        "in all. Each mentor is shown by their company.",
        "support.mentors.empty": "No mentoring hours given by an active supporting entrepreneur this "
        "quarter.",
        "support.network": "Mentoring and introductions network",
        "support.network.window": "Period",
        "support.network.months": "Last {n} months",
        "support.network.caption": "Who helped whom from {start} to {end}: mentoring and boost sessions "
        "given by a member (from the mentor to the entrepreneur helped) and introductions (from the "
        "entrepreneur helped to the member introduced). Line width: number of services; dot size: the "
        "member's services in the period.",
        "support.network.capped": "For readability: {shown} members shown of {total} linked in the period, "
        "the most active and linked to each other first; the {labels} most active carry their company's "
        "name, the others on hover.",
        "support.network.all": "The {shown} members linked in the period; the {labels} most active carry "
        "their company's name, the others on hover.",
        "support.network.empty": "No mentoring, boost session given by a member or introduction in this "
        "period.",
        "support.unhelped": "Supported entrepreneurs without help for 90 days or more",
        "support.unhelped.caption.one": '{n} active supported entrepreneur, longest wait first. "Days '
        'without help": since the last service, or since joining for those never helped.',
        "support.unhelped.caption.other": '{n} active supported entrepreneurs, longest wait first. "Days '
        'without help": since the last service, or since joining for those never helped.',
        "support.unhelped.truncated": "The first {shown} are shown; the CSV file holds all of them ({n}).",
        "support.unhelped.none": "Every active supported entrepreneur was helped in the last 90 days (or "
        "joined less than 90 days ago).",
        "support.unhelped.file": "without_help",
        "support.never": "never",
        "support.col.member_id": "Member id",
        "support.col.company": "Company",
        "support.col.province": "Province",
        "support.col.joined_on": "Joined on",
        "support.col.last_service": "Last service",
        "support.col.days": "Days without help",
        "support.fig.sessions": "Sessions",
        "support.fig.hours": "Hours",
        "support.fig.coverage": "Coverage",
        "support.fig.coverage_axis": "Supported helped within 90 days",
        "support.fig.coverage_hover": "{date}: {share} ({covered} of {supported})",
        "support.fig.mentor_text.one": "{hours} · {sessions} session",
        "support.fig.mentor_text.other": "{hours} · {sessions} sessions",
        "support.fig.mentor_axis": "Mentoring hours in the quarter",
        "support.fig.load_line": "Mean load: {load}",
        "support.fig.edge_mentoring.one": "{source} → {target}: {n} mentoring or boost session",
        "support.fig.edge_mentoring.other": "{source} → {target}: {n} mentoring or boost sessions",
        "support.fig.edge_introduction.one": "{source} → {target}: {n} introduction",
        "support.fig.edge_introduction.other": "{source} → {target}: {n} introductions",
        "support.fig.node_hover.one": "{company}<br>{role}<br>{n} service in the period",
        "support.fig.node_hover.other": "{company}<br>{role}<br>{n} services in the period",
    },
}
