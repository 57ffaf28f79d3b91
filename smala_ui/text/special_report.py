"""Texts of the annual special report's draft (DOCX), merged into ``smala_ui.text.CATALOGUE``."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "special_report.title": "Rapport spécial de l'exercice {year}",
        "special_report.subtitle": "Rapport du conseil d'administration sur la manière dont la "
        "coopérative a veillé à réaliser les conditions de son agrément par le Conseil national de la "
        "coopération (CNC), en particulier sa finalité",
        "special_report.draft": "PROJET à compléter par le conseil d'administration. Ce document est "
        "généré à partir des données du tableau de bord : c'est une aide à la rédaction, qui ne remplace "
        "ni le comptable, ni les comptes annuels approuvés, ni les statuts.",
        "special_report.data": "Données : instantané au {as_of}. Source : {source}.",
        "special_report.period": "Exercice du {start} au {end}.",
        "special_report.period_open": "Exercice en cours : du {start} au {end}, date des données. Les "
        "chiffres de l'exercice sont partiels.",
        "special_report.todo": "[À compléter par le conseil d'administration : {what}]",
        "special_report.total": "Total",
        "special_report.footer": "Projet · Rapport spécial {year} · page ",
        # 1. Purpose
        "special_report.purpose": "1. Finalité de la coopérative",
        "special_report.purpose.todo": "rappel de la finalité inscrite dans les statuts, et comment la "
        "coopérative l'a poursuivie au cours de l'exercice (activités, projets marquants, difficultés)",
        # 2. Members
        "special_report.members": "2. Membres",
        "special_report.members.intro": "Mouvements de membres au cours de l'exercice, par rôle : membres "
        "actifs au début et à la fin de l'exercice, entrées et sorties.",
        "special_report.members.col.role": "Rôle",
        "special_report.members.col.start": "Au {date}",
        "special_report.members.col.joiners": "Entrées",
        "special_report.members.col.leavers": "Sorties",
        "special_report.members.col.end": "Au {date}",
        "special_report.members.todo": "politique d'admission, participation des membres à la vie de la "
        "coopérative et à l'assemblée générale",
        # 3. Benefit to members
        "special_report.benefit": "3. Avantages procurés aux membres",
        "special_report.benefit.intro": "Services gratuits rendus aux membres au cours de l'exercice : "
        "{sessions}, {hours}, dont {introductions}.",
        "special_report.benefit.sessions.one": "{n} séance",
        "special_report.benefit.sessions.other": "{n} séances",
        "special_report.benefit.introductions.one": "{n} mise en relation",
        "special_report.benefit.introductions.other": "{n} mises en relation",
        "special_report.services.col.kind": "Service",
        "special_report.services.col.sessions": "Séances",
        "special_report.services.col.hours": "Heures",
        "special_report.consultancy": "Consultance",
        "special_report.consultancy.intro": "Chiffre d'affaires de consultance de l'exercice (factures "
        "émises ou payées), auprès des membres et des autres clients.",
        "special_report.consultancy.col.client": "Clients",
        "special_report.consultancy.col.revenue": "Chiffre d'affaires",
        "special_report.consultancy.col.days": "Jours facturés",
        "special_report.consultancy.col.invoices": "Factures",
        "special_report.consultancy.col.share": "Part",
        "special_report.benefit.todo": "avantages économiques et sociaux que les membres ont retirés de "
        "la coopérative, au-delà des chiffres ci-dessus (témoignages, effets sur leurs entreprises)",
        # 4. Capital
        "special_report.capital": "4. Capital",
        "special_report.capital.intro": "Capital social au {start} : {capital_start}. Au {end} : "
        "{capital_end}, réparti comme suit (registre des parts).",
        "special_report.capital.col.class": "Catégorie",
        "special_report.capital.col.holders": "Détenteurs",
        "special_report.capital.col.shares": "Parts",
        "special_report.capital.col.paid_up": "Montant libéré",
        "special_report.capital.none": "Aucune part inscrite au registre au {date}.",
        # 5. Dividend
        "special_report.dividend": "5. Politique de dividende",
        "special_report.dividend.rule": "Condition d'agrément : un dividende limité, au plus {limit} de "
        "la valeur nominale des parts, net de précompte mobilier.",
        "special_report.dividend.none": "Aucun dividende enregistré pour l'exercice {year} (table "
        "Dividendes).",
        "special_report.dividend.holds": "Les taux décidés pour l'exercice {year} restent dans la limite "
        "de {limit}.",
        "special_report.dividend.breach": "Un taux décidé pour l'exercice {year} dépasse {limit} de la "
        "valeur nominale : le conseil doit vérifier le taux net de précompte.",
        "special_report.dividend.col.class": "Catégorie",
        "special_report.dividend.col.rate": "Taux",
        "special_report.dividend.col.amount": "Montant",
        "special_report.dividend.col.decided": "Décidé le",
        "special_report.dividend.col.paid": "Payé le",
        "special_report.dividend.col.check": "Limite CNC",
        "special_report.dividend.within": "respectée",
        "special_report.dividend.above": "à vérifier",
        "special_report.dividend.not_yet": "pas encore",
        "special_report.dividend.todo": "politique de dividende et d'affectation du résultat décidée par "
        "l'assemblée générale, et sa justification",
        # 6. Fund
        "special_report.fund": "6. Fonds d'impact : plafond et réserve d'impact",
        "special_report.fund.rule": "Le fonds investit uniquement dans les projets des coopérateurs et "
        "plafonne ses plus-values à {rate} par an (base : {basis}). La valeur au-delà du plafond va "
        "{excess_to}.",
        "special_report.fund.basis.simple": "simple",
        "special_report.fund.basis.compound": "composée",
        "special_report.fund.basis.total": "plafond unique sur la durée",
        "special_report.fund.excess_to.impact_reserve": "à la réserve d'impact, réinvestie dans les "
        "projets des coopérateurs",
        "special_report.fund.excess_to.entrepreneur": "à l'entrepreneur, qui rachète au prix plafonné",
        "special_report.fund.col.item": "Indicateur",
        "special_report.fund.col.value": "Valeur",
        "special_report.fund.invested": "Tickets investis dans l'exercice",
        "special_report.fund.exits": "Tickets terminés dans l'exercice (sortis ou passés en perte)",
        "special_report.fund.exits_excess": "Excédent au-delà du plafond sur ces tickets",
        "special_report.fund.reserve": "Réserve d'impact au {date}",
        "special_report.fund.unrealised": "Excédent latent sur les tickets actifs au {date}",
        "special_report.fund.invested_eur": "Montant investi dans l'exercice",
        "special_report.fund.note": "La réserve d'impact et l'excédent latent sont ceux de la date des "
        "données ({date}) : la juste valeur des tickets n'est connue qu'à cette date. L'excédent latent "
        "peut ne jamais se réaliser.",
        "special_report.fund.todo": "usage de la réserve d'impact et projets de coopérateurs soutenus",
        # 7. Training
        "special_report.training": "7. Information et formation des membres",
        "special_report.training.amount": "Les comptes approuvés de l'exercice {year} consacrent {amount} à "
        "l'information et à la formation des membres (table Comptes).",
        "special_report.training.todo": "part des ressources annuelles consacrée à l'information et à la "
        "formation des membres, actuels et potentiels, ou du grand public, et son usage au cours de "
        "l'exercice",
        # 8. Conclusion
        "special_report.conclusion": "8. Conclusion",
        "special_report.conclusion.todo": "appréciation du conseil sur le respect des conditions "
        "d'agrément, date de la réunion du conseil qui arrête ce rapport, signatures des "
        "administrateurs",
        "special_report.section": "Rapport spécial annuel",
        "special_report.caption": "Le rapport du conseil sur la manière dont la coopérative a réalisé "
        "les conditions de son agrément (CNC), en particulier sa finalité : un projet tiré des données, "
        "dans la langue de l'interface, que le conseil d'administration complète et arrête.",
        "special_report.download": "Projet de rapport spécial (DOCX)",
        "special_report.year": "Exercice du rapport spécial",
        "special_report.year.help": "Le projet de rapport spécial annuel (CNC) pour cet exercice, à "
        "compléter par le conseil d'administration : chiffres tirés des données, textes à rédiger.",
    },
    "en": {
        "special_report.title": "Special report for the {year} financial year",
        "special_report.subtitle": "The board of directors' report on how the cooperative ensured it met "
        "the conditions of its accreditation by the National Council for Cooperation (CNC), above all "
        "its purpose",
        "special_report.draft": "DRAFT to be completed by the board of directors. This document is "
        "generated from the dashboard's data: an aid to drafting, which replaces neither the accountant, "
        "nor the approved annual accounts, nor the statutes.",
        "special_report.data": "Data: snapshot as of {as_of}. Source: {source}.",
        "special_report.period": "Financial year from {start} to {end}.",
        "special_report.period_open": "Financial year in progress: from {start} to {end}, the data's "
        "date. The year's figures are partial.",
        "special_report.todo": "[To be completed by the board: {what}]",
        "special_report.total": "Total",
        "special_report.footer": "Draft · Special report {year} · page ",
        "special_report.purpose": "1. The cooperative's purpose",
        "special_report.purpose.todo": "the purpose set in the statutes, and how the cooperative pursued "
        "it during the year (activities, highlights, difficulties)",
        "special_report.members": "2. Members",
        "special_report.members.intro": "Members' movements during the year, by role: active members at "
        "the start and at the end of the year, joiners and leavers.",
        "special_report.members.col.role": "Role",
        "special_report.members.col.start": "On {date}",
        "special_report.members.col.joiners": "Joined",
        "special_report.members.col.leavers": "Left",
        "special_report.members.col.end": "On {date}",
        "special_report.members.todo": "the admission policy, members' part in the cooperative's life and "
        "in the general meeting",
        "special_report.benefit": "3. Benefits to members",
        "special_report.benefit.intro": "Free services given to members during the year: {sessions}, "
        "{hours}, of which {introductions}.",
        "special_report.benefit.sessions.one": "{n} session",
        "special_report.benefit.sessions.other": "{n} sessions",
        "special_report.benefit.introductions.one": "{n} introduction",
        "special_report.benefit.introductions.other": "{n} introductions",
        "special_report.services.col.kind": "Service",
        "special_report.services.col.sessions": "Sessions",
        "special_report.services.col.hours": "Hours",
        "special_report.consultancy": "Consultancy",
        "special_report.consultancy.intro": "Consultancy revenue of the year (invoices sent or paid), from "
        "members and from other clients.",
        "special_report.consultancy.col.client": "Clients",
        "special_report.consultancy.col.revenue": "Revenue",
        "special_report.consultancy.col.days": "Days billed",
        "special_report.consultancy.col.invoices": "Invoices",
        "special_report.consultancy.col.share": "Share",
        "special_report.benefit.todo": "the economic and social benefits members drew from the "
        "cooperative beyond the figures above (testimonies, effects on their businesses)",
        "special_report.capital": "4. Capital",
        "special_report.capital.intro": "Share capital on {start}: {capital_start}. On {end}: "
        "{capital_end}, held as follows (share register).",
        "special_report.capital.col.class": "Class",
        "special_report.capital.col.holders": "Holders",
        "special_report.capital.col.shares": "Shares",
        "special_report.capital.col.paid_up": "Paid up",
        "special_report.capital.none": "No share in the register on {date}.",
        "special_report.dividend": "5. Dividend policy",
        "special_report.dividend.rule": "Accreditation condition: a limited dividend, at most {limit} of "
        "the shares' nominal value, net of withholding tax.",
        "special_report.dividend.none": "No dividend recorded for the {year} financial year (Dividends "
        "table).",
        "special_report.dividend.holds": "The rates decided for the {year} financial year stay within "
        "{limit}.",
        "special_report.dividend.breach": "A rate decided for the {year} financial year is above {limit} "
        "of the nominal value: the board must check the rate net of withholding tax.",
        "special_report.dividend.col.class": "Class",
        "special_report.dividend.col.rate": "Rate",
        "special_report.dividend.col.amount": "Amount",
        "special_report.dividend.col.decided": "Decided",
        "special_report.dividend.col.paid": "Paid",
        "special_report.dividend.col.check": "CNC limit",
        "special_report.dividend.within": "within",
        "special_report.dividend.above": "to check",
        "special_report.dividend.not_yet": "not yet",
        "special_report.dividend.todo": "the dividend and profit-allocation policy the general meeting "
        "decided, and the reasons for it",
        "special_report.fund": "6. Impact fund: the cap and the impact reserve",
        "special_report.fund.rule": "The fund invests only in cooperators' projects and caps its capital "
        "gains at {rate} a year ({basis} basis). The value above the cap goes {excess_to}.",
        "special_report.fund.basis.simple": "simple",
        "special_report.fund.basis.compound": "compound",
        "special_report.fund.basis.total": "one ceiling over the holding",
        "special_report.fund.excess_to.impact_reserve": "to the impact reserve, reinvested in "
        "cooperators' projects",
        "special_report.fund.excess_to.entrepreneur": "to the entrepreneur, who buys back at the capped "
        "price",
        "special_report.fund.col.item": "Item",
        "special_report.fund.col.value": "Value",
        "special_report.fund.invested": "Tickets invested during the year",
        "special_report.fund.exits": "Tickets ended during the year (exited or written off)",
        "special_report.fund.exits_excess": "Excess above the cap on those tickets",
        "special_report.fund.reserve": "Impact reserve on {date}",
        "special_report.fund.unrealised": "Unrealised excess on active tickets on {date}",
        "special_report.fund.invested_eur": "Amount invested during the year",
        "special_report.fund.note": "The impact reserve and the unrealised excess are as of the data's "
        "date ({date}): the tickets' fair value is known on that date only. The unrealised excess may never "
        "happen.",
        "special_report.fund.todo": "the use of the impact reserve and the cooperators' projects supported",
        "special_report.training": "7. Members' information and training",
        "special_report.training.amount": "The approved accounts of {year} devote {amount} to the members' "
        "information and training (Accounts table).",
        "special_report.training.todo": "the share of the year's resources given to informing and training "
        "members, present and potential, or the public, and its use during the year",
        "special_report.conclusion": "8. Conclusion",
        "special_report.conclusion.todo": "the board's view on meeting the accreditation conditions, the "
        "date of the board meeting that adopts this report, the directors' signatures",
        "special_report.section": "Annual special report",
        "special_report.caption": "The board's report on how the cooperative met the conditions of its "
        "accreditation (CNC), above all its purpose: a draft drawn from the data, in the interface's "
        "language, which the board of directors completes and adopts.",
        "special_report.download": "Draft special report (DOCX)",
        "special_report.year": "Special report's financial year",
        "special_report.year.help": "The draft annual special report (CNC) for this financial year, for "
        "the board of directors to complete: figures from the data, texts to write.",
    },
}
