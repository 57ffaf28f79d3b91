"""Texts of the board pages ("since the last board"), merged into the catalogue."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "nav.board": "Conseil",
        "present.toggle": "Mode présentation",
        "present.toggle.help": "Pour le projecteur : navigation en haut, sans barre latérale ni "
        "commandes, texte plus grand. Aussi par l'adresse ?present=1.",
        "present.previous": "Précédent",
        "present.next": "Suivant",
        "present.slide": "**Conseil · {n} / {total}** · situation au {date}",
        "present.slide_part": "**Conseil · {n} / {total}** · partie {part} sur {parts} · situation au {date}",
        "present.part": "**{page}** · partie {part} sur {parts} · situation au {date}",
        "present.stop": "Quitter la présentation",
        "page.board": "Depuis le dernier conseil",
        "board.last_board": "Dernier conseil : la situation du {date}. C'est la date de comparaison de "
        "toutes les pages et de chaque diapositive du dossier ; pour un autre conseil, changez la date "
        "de comparaison dans le panneau latéral.",
        "board.choose": "Choisissez dans le panneau latéral, comme date de comparaison, la situation du "
        "dernier conseil : une date antérieure au {date}.",
        "board.none": "Aucun instantané antérieur à la date de situation : rien à comparer.",
        "board.period": "Du {since} au {date}",
        "board.stocks": "Où nous en sommes",
        "board.activity": "Ce qui s'est passé depuis le conseil",
        "board.sessions": "Séances d'accompagnement",
        "board.sessions.help": "Services gratuits datés après le conseil, jusqu'à la date de situation.",
        "board.hours": "Heures d'accompagnement",
        "board.invoiced": "Consultance facturée",
        "board.invoiced.help": "Factures facturées ou payées, datées après le conseil.",
        "board.quoted": "Devis en cours",
        "board.quoted.help": "Devis encore ouverts, émis après le conseil.",
        "board.sentences": "En bref",
        "board.capital": "Le capital souscrit passe de {before} à {after}.",
        "board.services.one": "1 séance d'accompagnement gratuite, {hours}.",
        "board.services.other": "{n} séances d'accompagnement gratuites, {hours} au total.",
        "board.consultancy.one": "1 facture de consultance, {amount} ; {quoted} de devis en cours.",
        "board.consultancy.other": "{n} factures de consultance, {amount} au total ; {quoted} de devis "
        "en cours.",
        "board.fund": "Engagements fermes au fonds : {before} → {after} ({share} de l'objectif).",
        "board.nothing": "Aucun changement enregistré sur la période.",
        "board.pack": "Dossier du conseil",
        "board.pack.help": "Les diapositives du conseil pour cette date, cette comparaison et cette "
        "langue : un fichier HTML qui s'ouvre hors ligne, graphiques interactifs, ou un PDF.",
        "board.pack.title": "La Smala · conseil · situation au {date}",
        "board.pack.html": "Dossier du conseil (HTML)",
        "board.pack.scenarios": "Scénarios du simulateur à joindre",
        "board.pack.scenarios.none": "Aucun : les diapositives du conseil seules",
        "board.pack.scenarios.help": "Chaque scénario enregistré choisi ajoute une diapositive après "
        "celles du conseil : ses dates d'atteinte des objectifs et ses chiffres à l'horizon face à la "
        "référence, sous un bandeau qui dit que c'est un scénario et quels leviers il modifie.",
        "board.pack.pdf": "Dossier du conseil (PDF)",
        "board.pack.no_chromium": "PDF indisponible : aucun navigateur Chromium sur ce serveur (paquet "
        "« chromium »). Le dossier HTML reste disponible.",
    },
    "en": {
        "nav.board": "Board",
        "present.toggle": "Presentation mode",
        "present.toggle.help": "For the projector: navigation at the top, no sidebar or controls, "
        "larger type. Also with ?present=1 in the address.",
        "present.previous": "Previous",
        "present.next": "Next",
        "present.slide": "**Board · {n} / {total}** · as of {date}",
        "present.slide_part": "**Board · {n} / {total}** · part {part} of {parts} · as of {date}",
        "present.part": "**{page}** · part {part} of {parts} · as of {date}",
        "present.stop": "Leave the presentation",
        "page.board": "Since the last board",
        "board.last_board": "Last board: the snapshot of {date}. It is the comparison date of every "
        "page and of each slide of the pack; for another board, change the comparison date in the "
        "sidebar.",
        "board.choose": "Choose the snapshot of the last board as the comparison date in the sidebar: "
        "a date before {date}.",
        "board.none": "No snapshot before the as-of date: nothing to compare.",
        "board.period": "From {since} to {date}",
        "board.stocks": "Where we stand",
        "board.activity": "What happened since the board",
        "board.sessions": "Support sessions",
        "board.sessions.help": "Free services dated after the board, up to the as-of date.",
        "board.hours": "Support hours",
        "board.invoiced": "Consultancy invoiced",
        "board.invoiced.help": "Invoices invoiced or paid, dated after the board.",
        "board.quoted": "Open quotes",
        "board.quoted.help": "Quotes still open, issued after the board.",
        "board.sentences": "In short",
        "board.capital": "Share capital goes from {before} to {after}.",
        "board.services.one": "1 free support session, {hours}.",
        "board.services.other": "{n} free support sessions, {hours} in all.",
        "board.consultancy.one": "1 consultancy invoice, {amount}; {quoted} of open quotes.",
        "board.consultancy.other": "{n} consultancy invoices, {amount} in all; {quoted} of open quotes.",
        "board.fund": "Hard commitments to the fund: {before} → {after} ({share} of the target).",
        "board.nothing": "No change recorded over the period.",
        "board.pack": "Board pack",
        "board.pack.help": "The board's slides for this date, comparison and language: an HTML file "
        "that opens offline with interactive charts, or a PDF.",
        "board.pack.title": "La Smala · board · as of {date}",
        "board.pack.html": "Board pack (HTML)",
        "board.pack.scenarios": "Simulator scenarios to include",
        "board.pack.scenarios.none": "None: the board's slides only",
        "board.pack.scenarios.help": "Each saved scenario chosen adds a slide after the board's: its "
        "dates of reaching the targets and its figures at the horizon against the baseline, under a "
        "banner saying it is a scenario and which levers it moves.",
        "board.pack.pdf": "Board pack (PDF)",
        "board.pack.no_chromium": "PDF unavailable: no Chromium browser on this server (package "
        "'chromium'). The HTML pack is still available.",
    },
}
