"""Texts of the Governance page, merged into ``smala_ui.text.CATALOGUE``."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "governance.intro": "Les devoirs légaux du conseil d'une coopérative agréée (CSA, CNC), vérifiés "
        "avant qu'il décide. Chaque chiffre aide son jugement : il ne remplace ni le comptable ni les "
        "statuts.",
        "governance.register": "Registre des parts",
        "governance.register_on": "Registre au",
        "governance.register_on.help": "Le registre à toute date jusqu'à celle de l'instantané : les "
        "mouvements datés de ce jour ou avant.",
        "governance.register_caption": "Registre des parts nominatives (CSA, art. 6:24) : une ligne "
        "par membre qui a détenu des parts, dans l'ordre des numéros, puis chaque mouvement daté. Source : "
        "la table Parts de l'instantané.",
        "governance.totals": "Par catégorie de parts",
        "governance.lines": "Membres et parts détenues",
        "governance.movements": "Mouvements",
        "governance.statement": "Relevé d'un membre",
        "governance.statement_pick": "Membre",
        "governance.statement_none": "Ce membre n'a détenu aucune part jusqu'à cette date.",
        "governance.download": "Télécharger le registre (XLSX)",
        "governance.empty": "Aucune part inscrite au registre au {date}.",
        "governance.names_withheld": "Les lignes du registre nomment des personnes : elles sont réservées "
        "aux administrateurs connectés (données personnelles). Les totaux par catégorie ne nomment personne.",
        "governance.kpi.capital.help": "Parts souscrites et reçues moins parts remboursées et cédées, "
        "au {date}, à leur valeur unitaire (EUR) : le capital social de la vue d'ensemble, même définition.",
        "governance.kpi.shares": "Parts émises",
        "governance.kpi.shares.help": "Toutes les parts détenues au {date}, toutes catégories.",
        "governance.kpi.votes": "Voix",
        "governance.kpi.votes.help": "Les voix des membres au {date} : {rule} Un membre sorti qui détient "
        "encore des parts (remboursement dû) n'a plus de voix.",
        "governance.voting.per_member": 'un membre, une voix (voting = "per_member" dans smala.toml).',
        "governance.voting.per_share": 'une voix par part (voting = "per_share" dans smala.toml).',
        "governance.voting_per_member": "Vote : un membre, une voix.",
        "governance.voting_per_share": "Vote : une voix par part.",
        "governance.col.class": "Catégorie",
        "governance.col.holders": "Détenteurs",
        "governance.col.shares": "Parts",
        "governance.col.paid_up": "Montant libéré",
        "governance.col.number": "Numéro",
        "governance.col.name": "Nom",
        "governance.col.company": "Entreprise",
        "governance.col.votes": "Voix",
        "governance.col.member": "Membre",
        "governance.col.date": "Date",
        "governance.col.entry": "Écriture",
        "governance.col.kind": "Mouvement",
        "governance.col.amount": "Montant",
        "governance.col.after": "Parts après",
        "governance.member.active": "oui",
        "governance.member.former": "sorti",
        "governance.kind.subscription": "Souscription",
        "governance.kind.transfer_in": "Cession reçue",
        "governance.kind.transfer_out": "Cession",
        "governance.kind.redemption": "Remboursement",
        "governance.sheet.lines": "Registre",
        "governance.sheet.movements": "Mouvements",
        "governance.cnc": "Conditions de l'agrément CNC",
        "governance.cnc_caption": "Les conditions de l'arrêté royal du 8 janvier 1962 (agrément des "
        "coopératives, modifié en 2016), vérifiées sur les données : une aide au jugement du conseil, pas "
        "l'avis du comptable ni du CNC.",
        "governance.cnc.dominance": "Aucun membre dominant",
        "governance.cnc.dominance.gauge": "Part des voix du plus grand membre",
        "governance.cnc.dominance.by_rule": 'Un membre, une voix (voting = "per_member") : aucun membre '
        "ne peut dépasser le dixième des voix que la règle permet. La jauge montre la part d'une voix.",
        "governance.cnc.dominance.holds": "Le plus grand membre a {share} des voix, sous la limite de "
        "{limit} des voix présentes ou représentées (toutes les voix du registre comptées présentes).",
        "governance.cnc.dominance.breach": "Le plus grand membre a {share} des voix : au-delà de la limite "
        "de {limit} des voix présentes ou représentées. À régler avant l'assemblée (statuts, plafond des "
        "voix).",
        "governance.cnc.dividend": "Dividende limité",
        "governance.cnc.limit": "Limite : {limit}",
        "governance.cnc.dividend.gauge": "Plus haut taux de dividende, exercice {year}",
        "governance.cnc.dividend.none": "Aucun dividende enregistré (table Dividendes) : rien à vérifier.",
        "governance.cnc.dividend.holds": "Exercice {year} : le plus haut taux décidé est de {rate} de la "
        "valeur nominale, dans la limite de {limit}. Source : la table Dividendes.",
        "governance.cnc.dividend.breach": "Dividende au-delà de {limit} de la valeur nominale : {cases}. "
        "La limite de l'arrêté s'entend après précompte mobilier : vérifiez le taux net avant de décider.",
        "governance.col.rate": "Taux",
        "governance.col.paid_on": "Payé le",
        "governance.refunds": "Remboursements dus",
        "governance.refunds_caption": "Membres sortis (ou démissionnaires) qui détiennent encore des parts : "
        "leur montant libéré leur est dû, à la valeur nominale inscrite (les statuts peuvent fixer une autre "
        "valeur, plafonnée par l'actif net : à vérifier), {months} mois après la clôture de l'exercice "
        "(l'année civile) de leur sortie (refund_months dans smala.toml). Source : les tables Parts et "
        "Membres de l'instantané.",
        "governance.refunds_none": "Aucun membre sorti ne détient encore de parts au {date} : rien à "
        "rembourser.",
        "governance.refunds.timeline": "Échéances des douze prochains mois",
        "governance.refunds.overdue_caption": "Déjà échu et non remboursé : {amount}.",
        "governance.refunds.due": "À rembourser",
        "governance.refunds.left": "sorti",
        "governance.refunds.notice": "démission donnée",
        "governance.refunds.overdue": "échu",
        "governance.refunds.paid": "Parts remboursées par année",
        "governance.kpi.owed": "Remboursements dus",
        "governance.kpi.owed.help": "Le montant libéré des parts que détiennent encore, au {date}, les "
        "membres sortis ou démissionnaires.",
        "governance.kpi.leavers": "Membres à rembourser",
        "governance.kpi.leavers.help": "Les membres sortis ou démissionnaires qui détiennent encore des "
        "parts au {date}.",
        "governance.kpi.due_12m": "Dus dans les 12 mois",
        "governance.kpi.due_12m.help": "Les remboursements qui tombent dans les douze mois, échus compris : "
        "{months} mois après la clôture de l'exercice de la sortie (statuts).",
        "governance.col.left_on": "Sortie",
        "governance.col.owed": "Montant dû",
        "governance.col.due_on": "Échéance",
        "governance.col.status": "État",
        "governance.col.year": "Année",
        "governance.col.refunded": "Remboursé",
        "governance.col.members": "Membres",
        "governance.dividends_latest": "Les {shown} lignes les plus récentes, sur {total}.",
        # the register and a member's statement as PDF (smala_ui.reports.register_pdf)
        "governance.download_pdf": "Télécharger le registre (PDF)",
        "governance.statement_download": "Télécharger son relevé (PDF)",
        "governance.statement_download.help": "Le relevé de ce membre au {date}, dans sa langue : "
        "{language}.",
        "governance.pdf.no_chromium": "PDF indisponible : aucun navigateur Chromium sur ce serveur (paquet "
        "Debian chromium).",
        "governance.pdf.cooperative": "La Smala, société coopérative",
        "governance.pdf.title": "Registre des parts nominatives",
        "governance.pdf.on": "au {date}",
        "governance.pdf.snapshot": "Données : instantané du {date} · source : {source}",
        "governance.pdf.order": "Code des sociétés et des associations, art. 6:24. Les membres dans l'ordre "
        "de leur numéro d'inscription ; pour chacun, ses parts par catégorie, le montant libéré et ses voix "
        "au {date}, puis ses mouvements datés (souscriptions, cessions, remboursements) par date.",
        "governance.pdf.page": "page",
        "governance.pdf.col.member": "Membre · mouvement",
        "governance.pdf.col.total": "Total parts",
        "governance.pdf.former": "membre sorti",
        "governance.pdf.entry": "écriture {entry} · après : {after}",
        "governance.pdf.no_movement": "aucun mouvement",
        "governance.pdf.totals": "Totaux par catégorie au {date}",
        "governance.pdf.total": "Total",
        "governance.pdf.votes": "Voix au {date} : {votes}. {rule}",
        "governance.pdf.note": "Établi par le tableau de bord à partir de l'instantané : un extrait fidèle "
        "des données, que le conseil d'administration vérifie et signe.",
        "governance.statement_pdf.title": "Relevé de parts du membre",
        "governance.statement_pdf.on": "au {date}",
        "governance.statement_pdf.language.own": "Relevé rédigé en français, la langue du membre.",
        "governance.statement_pdf.language.unknown": "Relevé rédigé en français, la langue de la "
        "coopérative : aucune langue n'est connue pour ce membre.",
        "governance.statement_pdf.language.other": "Relevé rédigé en français, la langue de la coopérative : "
        "la langue du membre ({code}) n'est pas proposée.",
        "governance.statement_pdf.member": "Membre n° {number}",
        "governance.statement_pdf.active": "membre au {date}",
        "governance.statement_pdf.former": "ancien membre au {date}",
        "governance.statement_pdf.holdings": "Parts détenues au {date}",
        "governance.statement_pdf.movements": "Mouvements jusqu'au {date}",
        "governance.statement_pdf.none": "Aucun mouvement jusqu'à cette date.",
        "governance.statement_pdf.note": "Extrait du registre des parts nominatives de la coopérative "
        "(Code des sociétés et des associations, art. 6:24), établi à partir des données de l'instantané "
        "du {date}.",
        "governance.language.fr": "français",
        "governance.language.en": "anglais",
        "governance.statement_pdf.status": "Qualité",
    },
    "en": {
        "governance.intro": "The legal duties of an accredited cooperative's board (CSA, CNC), checked "
        "before it decides. Each figure aids its judgement: it replaces neither the accountant nor the "
        "statutes.",
        "governance.register": "Share register",
        "governance.register_on": "Register on",
        "governance.register_on.help": "The register on any date up to the snapshot's: the movements "
        "dated that day or before.",
        "governance.register_caption": "Register of registered shares (CSA, art. 6:24): one line "
        "per member who held shares, in number order, then every dated movement. Source: the snapshot's "
        "Shares table.",
        "governance.totals": "By share class",
        "governance.lines": "Members and shares held",
        "governance.movements": "Movements",
        "governance.statement": "A member's statement",
        "governance.statement_pick": "Member",
        "governance.statement_none": "This member held no share up to this date.",
        "governance.download": "Download the register (XLSX)",
        "governance.empty": "No share in the register on {date}.",
        "governance.names_withheld": "The register's lines name people: they are for logged-in directors "
        "only (personal data). The totals by class name nobody.",
        "governance.kpi.capital.help": "Shares subscribed and received less shares redeemed and "
        "transferred, on {date}, at their unit value (EUR): the Overview's share capital, one definition.",
        "governance.kpi.shares": "Shares issued",
        "governance.kpi.shares.help": "Every share held on {date}, all classes.",
        "governance.kpi.votes": "Votes",
        "governance.kpi.votes.help": "The members' votes on {date}: {rule} A member who left and still "
        "holds shares (a refund owed) has no vote.",
        "governance.voting.per_member": 'one member, one vote (voting = "per_member" in smala.toml).',
        "governance.voting.per_share": 'one vote per share (voting = "per_share" in smala.toml).',
        "governance.voting_per_member": "Voting: one member, one vote.",
        "governance.voting_per_share": "Voting: one vote per share.",
        "governance.col.class": "Class",
        "governance.col.holders": "Holders",
        "governance.col.shares": "Shares",
        "governance.col.paid_up": "Paid up",
        "governance.col.number": "Number",
        "governance.col.name": "Name",
        "governance.col.company": "Company",
        "governance.col.votes": "Votes",
        "governance.col.member": "Member",
        "governance.col.date": "Date",
        "governance.col.entry": "Entry",
        "governance.col.kind": "Movement",
        "governance.col.amount": "Amount",
        "governance.col.after": "Shares after",
        "governance.member.active": "yes",
        "governance.member.former": "left",
        "governance.kind.subscription": "Subscription",
        "governance.kind.transfer_in": "Transfer received",
        "governance.kind.transfer_out": "Transfer",
        "governance.kind.redemption": "Redemption",
        "governance.sheet.lines": "Register",
        "governance.sheet.movements": "Movements",
        "governance.cnc": "CNC accreditation conditions",
        "governance.cnc_caption": "The conditions of the Royal Decree of 8 January 1962 (accreditation of "
        "cooperatives, amended in 2016), checked on the data: an aid to the board's judgement, not the "
        "accountant's or the CNC's opinion.",
        "governance.cnc.dominance": "No dominant member",
        "governance.cnc.dominance.gauge": "The largest member's part of the votes",
        "governance.cnc.dominance.by_rule": 'One member, one vote (voting = "per_member"): no member can '
        "exceed a tenth of the votes the rule allows. The gauge shows one vote's part.",
        "governance.cnc.dominance.holds": "The largest member has {share} of the votes, under the limit of "
        "{limit} of the votes present or represented (every vote of the register counted present).",
        "governance.cnc.dominance.breach": "The largest member has {share} of the votes: beyond the limit "
        "of {limit} of the votes present or represented. To settle before the meeting (statutes, a cap on "
        "votes).",
        "governance.cnc.dividend": "A limited dividend",
        "governance.cnc.limit": "Limit: {limit}",
        "governance.cnc.dividend.gauge": "Highest dividend rate, financial year {year}",
        "governance.cnc.dividend.none": "No dividend recorded (Dividends table): nothing to check.",
        "governance.cnc.dividend.holds": "Financial year {year}: the highest rate decided is {rate} of the "
        "nominal value, within the limit of {limit}. Source: the Dividends table.",
        "governance.cnc.dividend.breach": "A dividend above {limit} of the nominal value: {cases}. The "
        "decree's limit is after withholding tax: check the net rate before deciding.",
        "governance.col.rate": "Rate",
        "governance.col.paid_on": "Paid on",
        "governance.refunds": "Refunds owed",
        "governance.refunds_caption": "Members who left (or resigned) and still hold shares: their paid-up "
        "amount is owed back, at the nominal value recorded (the statutes may set another value, capped by "
        "the net assets: to be checked), {months} months after the close of the financial year (the "
        "calendar year) in which they leave (refund_months in smala.toml). Source: the snapshot's Shares "
        "and Members tables.",
        "governance.refunds_none": "No member who left still holds shares on {date}: nothing to refund.",
        "governance.refunds.timeline": "Falling due in the next twelve months",
        "governance.refunds.overdue_caption": "Already due and not refunded: {amount}.",
        "governance.refunds.due": "To refund",
        "governance.refunds.left": "left",
        "governance.refunds.notice": "notice given",
        "governance.refunds.overdue": "overdue",
        "governance.refunds.paid": "Shares refunded per year",
        "governance.kpi.owed": "Refunds owed",
        "governance.kpi.owed.help": "The paid-up amount of the shares that members who left or resigned "
        "still hold on {date}.",
        "governance.kpi.leavers": "Members to refund",
        "governance.kpi.leavers.help": "Members who left or resigned and still hold shares on {date}.",
        "governance.kpi.due_12m": "Due within 12 months",
        "governance.kpi.due_12m.help": "The refunds falling due within twelve months, overdue ones "
        "included: {months} months after the close of the year of leaving (statutes).",
        "governance.col.left_on": "Leaves",
        "governance.col.owed": "Owed",
        "governance.col.due_on": "Due",
        "governance.col.status": "Status",
        "governance.col.year": "Year",
        "governance.col.refunded": "Refunded",
        "governance.col.members": "Members",
        "governance.dividends_latest": "The {shown} latest lines, of {total}.",
        # the register and a member's statement as PDF (smala_ui.reports.register_pdf)
        "governance.download_pdf": "Download the register (PDF)",
        "governance.statement_download": "Download their statement (PDF)",
        "governance.statement_download.help": "This member's statement on {date}, in their language: "
        "{language}.",
        "governance.pdf.no_chromium": "PDF unavailable: no Chromium browser on this server (Debian's "
        "chromium package).",
        "governance.pdf.cooperative": "La Smala, cooperative company",
        "governance.pdf.title": "Register of registered shares",
        "governance.pdf.on": "as at {date}",
        "governance.pdf.snapshot": "Data: snapshot of {date} · source: {source}",
        "governance.pdf.order": "Code of Companies and Associations, art. 6:24. Members in the order of "
        "their register number; for each, their shares by class, the paid-up amount and their votes on "
        "{date}, then their dated movements (subscriptions, transfers, redemptions) by date.",
        "governance.pdf.page": "page",
        "governance.pdf.col.member": "Member · movement",
        "governance.pdf.col.total": "Total shares",
        "governance.pdf.former": "former member",
        "governance.pdf.entry": "entry {entry} · after: {after}",
        "governance.pdf.no_movement": "no movement",
        "governance.pdf.totals": "Totals by class on {date}",
        "governance.pdf.total": "Total",
        "governance.pdf.votes": "Votes on {date}: {votes}. {rule}",
        "governance.pdf.note": "Drawn up by the dashboard from the snapshot: a faithful extract of the "
        "data, for the board of directors to check and sign.",
        "governance.statement_pdf.title": "Member's share statement",
        "governance.statement_pdf.on": "as at {date}",
        "governance.statement_pdf.language.own": "Statement written in English, the member's language.",
        "governance.statement_pdf.language.unknown": "Statement written in French, the cooperative's "
        "language: no language is known for this member.",
        "governance.statement_pdf.language.other": "Statement written in French, the cooperative's "
        "language: the member's language ({code}) is not offered.",
        "governance.statement_pdf.member": "Member no. {number}",
        "governance.statement_pdf.active": "member on {date}",
        "governance.statement_pdf.former": "former member on {date}",
        "governance.statement_pdf.holdings": "Shares held on {date}",
        "governance.statement_pdf.movements": "Movements up to {date}",
        "governance.statement_pdf.none": "No movement up to this date.",
        "governance.statement_pdf.note": "Extract of the cooperative's register of registered shares "
        "(Code of Companies and Associations, art. 6:24), drawn up from the data of the snapshot of {date}.",
        "governance.language.fr": "French",
        "governance.language.en": "English",
        "governance.statement_pdf.status": "Standing",
    },
}
