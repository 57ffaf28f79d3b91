"""Texts of the Capped returns page and the Overview's fund tiles, merged into the catalogue."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "capped.method": "Le fonds ne garde pas plus que le coût investi × M : M = 1 + taux × années "
        "(base simple), (1 + taux)^années (composée) ou 1 + taux (plafond unique). Une perte n'est "
        "jamais plafonnée. L'excédent reste à l'impact.",
        "capped.controls": "Et si… ?",
        "capped.rate": "Taux du plafond (par an)",
        "capped.basis": "Base",
        "capped.basis.simple": "Simple",
        "capped.basis.compound": "Composée",
        "capped.basis.total": "Plafond unique",
        "capped.excess_to": "L'excédent va…",
        "capped.excess_to.impact_reserve": "à la réserve d'impact",
        "capped.excess_to.entrepreneur": "à l'entrepreneur",
        "capped.exit_multiple": "Sortie des tickets actifs (× le coût)",
        "capped.exit_multiple.fv": "valeur actuelle",
        "capped.exit_multiple.x": "{x} ×",
        "capped.exit_year": "Année de sortie (31 décembre)",
        "capped.exit_help": "« Valeur actuelle » garde chaque ticket actif à sa juste valeur à la date "
        "de situation. Sinon, chaque ticket actif sort au multiple choisi de son coût, le 31 décembre "
        "de l'année choisie.",
        "capped.reset": "Revenir aux paramètres de la configuration",
        "capped.share": "Le scénario est dans l'adresse de la page : copiez-la pour le partager.",
        "capped.no_ticket": "Le fonds n'a encore investi dans aucun projet à cette date.",
        "capped.gross_value": "Valeur brute des tickets",
        "capped.gross_value.help": "Produits des tickets sortis et juste valeur des tickets actifs (ou "
        "leur valeur de sortie du scénario), sans plafond.",
        "capped.capped_value": "Valeur plafonnée",
        "capped.capped_value.help": "Ce que le fonds peut réaliser : pour chaque ticket, le plus petit "
        "de sa valeur et de son coût × M.",
        "capped.excess": "Valeur laissée à l'impact",
        "capped.excess.help.impact_reserve": "Valeur brute moins valeur plafonnée. Elle reste dans la "
        "réserve d'impact du fonds, réinvestie dans des projets de coopérateurs.",
        "capped.excess.help.entrepreneur": "Valeur brute moins valeur plafonnée. Elle reste à "
        "l'entrepreneur, qui rachète au prix plafonné.",
        "capped.tvpi_gross": "TVPI brut",
        "capped.tvpi_capped": "TVPI plafonné",
        "capped.tvpi.help": "Valeur totale (distribuée, restante et trésorerie non investie) rapportée "
        "au capital appelé.",
        "capped.irr_gross": "TRI net brut",
        "capped.irr_capped": "TRI net plafonné",
        "capped.irr.help": "Taux de rendement interne des flux datés : appels, valeurs des tickets à "
        "leur date de fin, trésorerie à la date de situation.",
        "capped.irr_cost": "Coût du plafond",
        "capped.irr_cost.help": "TRI brut moins TRI plafonné : ce que le plafond coûte chaque année aux "
        "investisseurs, au profit de l'impact.",
        "capped.by_ticket": "Par ticket : valeur plafonnée et excédent",
        "capped.table": "Détail par ticket",
        "capped.show_table": "Afficher le tableau par ticket",
        "capped.largest": "Les {shown} tickets de plus grande valeur brute, sur {total}.",
        "capped.col.company": "Entreprise",
        "capped.col.invested_on": "Investi le",
        "capped.col.end_on": "Fin",
        "capped.col.status": "Statut",
        "capped.col.cost": "Coût",
        "capped.col.gross": "Valeur brute",
        "capped.col.multiple": "Plafond M",
        "capped.col.capped": "Valeur plafonnée",
        "capped.col.excess": "Excédent",
        "capped.col.irr_gross": "TRI brut",
        "capped.col.irr_capped": "TRI plafonné",
        "capped.status.active": "actif",
        "capped.status.exited": "sorti",
        "capped.status.written_off": "radié",
        "capped.figure.capped": "Valeur plafonnée",
        "capped.figure.excess": "Excédent (impact)",
        "capped.figure.cost": "Coût",
        "capped.download": "Télécharger le détail (CSV)",
        "kpi.tvpi_capped": "TVPI plafonné du fonds",
        "kpi.tvpi_capped.help": "Valeur totale rendue ou détenue pour les investisseurs, plafond "
        "appliqué, par euro appelé.",
        "kpi.value_for_impact": "Valeur laissée à l'impact",
        "kpi.value_for_impact.help": "Ce que le plafond de {rate} retient des plus-values du fonds : "
        "valeur brute moins valeur plafonnée des tickets.",
    },
    "en": {
        "capped.method": "The fund keeps no more than cost × M: M = 1 + rate × years (simple basis), "
        "(1 + rate)^years (compound) or 1 + rate (one ceiling). A loss is never capped. The excess is "
        "left for impact.",
        "capped.controls": "What if…?",
        "capped.rate": "Cap rate (per year)",
        "capped.basis": "Basis",
        "capped.basis.simple": "Simple",
        "capped.basis.compound": "Compound",
        "capped.basis.total": "One ceiling",
        "capped.excess_to": "The excess goes…",
        "capped.excess_to.impact_reserve": "to the impact reserve",
        "capped.excess_to.entrepreneur": "to the entrepreneur",
        "capped.exit_multiple": "Exit of active tickets (× cost)",
        "capped.exit_multiple.fv": "current value",
        "capped.exit_multiple.x": "{x} ×",
        "capped.exit_year": "Exit year (31 December)",
        "capped.exit_help": "'Current value' keeps each active ticket at its fair value on the as-of "
        "date. Otherwise each active ticket exits at the chosen multiple of its cost on 31 December of "
        "the chosen year.",
        "capped.reset": "Back to the configured parameters",
        "capped.share": "The scenario is in the page's address: copy it to share it.",
        "capped.no_ticket": "The fund had not invested in any project by this date.",
        "capped.gross_value": "Gross value of the tickets",
        "capped.gross_value.help": "Proceeds of exited tickets and fair value of active ones (or their "
        "scenario exit value), without the cap.",
        "capped.capped_value": "Capped value",
        "capped.capped_value.help": "What the fund can realise: for each ticket, the lower of its value "
        "and its cost × M.",
        "capped.excess": "Value left for impact",
        "capped.excess.help.impact_reserve": "Gross minus capped value. It stays in the fund's impact "
        "reserve, reinvested in cooperators' projects.",
        "capped.excess.help.entrepreneur": "Gross minus capped value. It stays with the entrepreneur, "
        "who buys back at the capped price.",
        "capped.tvpi_gross": "Gross TVPI",
        "capped.tvpi_capped": "Capped TVPI",
        "capped.tvpi.help": "Total value (distributed, remaining and cash not invested) per euro called.",
        "capped.irr_gross": "Gross net IRR",
        "capped.irr_capped": "Capped net IRR",
        "capped.irr.help": "Internal rate of return of the dated flows: calls, ticket values on their "
        "end dates, cash on the as-of date.",
        "capped.irr_cost": "Cost of the cap",
        "capped.irr_cost.help": "Gross IRR minus capped IRR: what the cap costs investors each year, "
        "for the benefit of impact.",
        "capped.by_ticket": "By ticket: capped value and excess",
        "capped.table": "Ticket by ticket",
        "capped.show_table": "Show the table by ticket",
        "capped.largest": "The {shown} tickets of largest gross value, out of {total}.",
        "capped.col.company": "Company",
        "capped.col.invested_on": "Invested on",
        "capped.col.end_on": "End",
        "capped.col.status": "Status",
        "capped.col.cost": "Cost",
        "capped.col.gross": "Gross value",
        "capped.col.multiple": "Cap M",
        "capped.col.capped": "Capped value",
        "capped.col.excess": "Excess",
        "capped.col.irr_gross": "Gross IRR",
        "capped.col.irr_capped": "Capped IRR",
        "capped.status.active": "active",
        "capped.status.exited": "exited",
        "capped.status.written_off": "written off",
        "capped.figure.capped": "Capped value",
        "capped.figure.excess": "Excess (impact)",
        "capped.figure.cost": "Cost",
        "capped.download": "Download the detail (CSV)",
        "kpi.tvpi_capped": "Fund capped TVPI",
        "kpi.tvpi_capped.help": "Total value returned or held for investors, cap applied, per euro called.",
        "kpi.value_for_impact": "Value left for impact",
        "kpi.value_for_impact.help": "What the {rate} cap keeps from the fund's gains: gross minus capped "
        "value of the tickets.",
    },
}
