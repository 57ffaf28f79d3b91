"""Texts of the Capped returns page and the Overview's fund tiles, merged into the catalogue."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "capped.method": "Le fonds ne garde pas plus que le coût investi × M : M = 1 + taux × années "
        "(base simple), (1 + taux) à la puissance années (composée) ou 1 + taux (plafond unique). "
        "Une perte n'est jamais plafonnée. L'excédent reste à l'impact.",
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
        "capped.scenario.title": "Scénario : ces chiffres ne sont pas les chiffres réels.",
        "capped.scenario.levers": "Leviers modifiés : {levers}.",
        "capped.scenario.actual": "Sous chaque chiffre, le chiffre réel (configuration, tickets actifs "
        "à leur juste valeur).",
        "capped.scenario.rate": "taux du plafond {scenario} par an (configuration : {actual})",
        "capped.scenario.basis": "base {scenario} (configuration : {actual})",
        "capped.scenario.excess_to": "excédent {scenario} (configuration : {actual})",
        "capped.scenario.exit": "tickets actifs sortis à {multiple} leur coût le {date} "
        "(réel : juste valeur au {as_of})",
        "capped.scenario.basis.simple": "simple",
        "capped.scenario.basis.compound": "composée",
        "capped.scenario.basis.total": "plafond unique",
        "capped.scenario.delta": "réel",
        "capped.scenario.heading": "{heading} (scénario)",
        "capped.scenario.column": "Scénario",
        "capped.no_ticket": "Le fonds n'a encore investi dans aucun projet à cette date.",
        "capped.gross_value": "Valeur brute des tickets",
        "capped.gross_value.help": "Produits des tickets sortis et juste valeur des tickets actifs (ou "
        "leur valeur de sortie du scénario), sans plafond.",
        "capped.capped_value": "Valeur plafonnée",
        "capped.capped_value.help": "Ce que le fonds peut réaliser : pour chaque ticket, le plus petit "
        "de sa valeur et de son coût × M.",
        "capped.excess": "Valeur laissée à l'impact",
        "capped.excess.help.impact_reserve": "Valeur brute moins valeur plafonnée. Réalisée sur les "
        "sorties, elle est dans la réserve d'impact du fonds, réinvestie dans des projets de "
        "coopérateurs ; latente sur les tickets actifs, elle peut ne jamais se réaliser.",
        "capped.excess.help.entrepreneur": "Valeur brute moins valeur plafonnée. Elle reste à "
        "l'entrepreneur, qui rachète au prix plafonné ; latente sur les tickets actifs, elle peut ne "
        "jamais se réaliser.",
        "capped.excess_realised": "Pour l'impact, réalisée",
        "capped.excess_realised.help.impact_reserve": "Excédent sur les tickets terminés (sortis, passés "
        "en perte) : produits encaissés au-delà du plafond. C'est de la trésorerie, gardée par la "
        "réserve d'impact du fonds.",
        "capped.excess_realised.help.entrepreneur": "Excédent sur les tickets terminés (sortis, passés "
        "en perte) : la valeur au-delà du plafond, laissée à l'entrepreneur qui rachète au prix "
        "plafonné.",
        "capped.excess_unrealised": "Pour l'impact, latente",
        "capped.excess_unrealised.help": "Excédent sur la valeur des tickets actifs (juste valeur, ou "
        "sortie du scénario) : une valorisation, qui peut ne jamais se réaliser.",
        "capped.tvpi_gross": "TVPI sans plafond",
        "capped.tvpi_capped": "TVPI plafonné",
        "capped.tvpi.help": "Valeur totale pour les investisseurs rapportée au capital appelé (ILPA) : "
        "distributions versées, valeur nette d'inventaire, produits non distribués et trésorerie non "
        "investie. Source : appels et distributions du fonds, tickets du portefeuille.",
        "capped.irr_gross": "TRI sans plafond, {fees}",
        "capped.irr_capped": "TRI plafonné, {fees}",
        "capped.irr_gross_period": "Rendement sans plafond depuis l'origine, {fees} (non annualisé)",
        "capped.irr_capped_period": "Rendement plafonné depuis l'origine, {fees} (non annualisé)",
        "capped.fees.before": "avant frais",
        "capped.fees.net": "net de frais",
        "capped.irr.help": "TRI du fonds (XIRR) : appels et distributions des investisseurs à leurs "
        "dates, valeur résiduelle (tickets actifs, produits non distribués, trésorerie) à la date de "
        "situation ou à la sortie du scénario. Avant frais : les données n'en contiennent pas. Moins "
        "d'un an après le premier appel, le rendement n'est pas annualisé (GIPS). Source : appels et "
        "distributions du fonds, tickets du portefeuille.",
        "capped.irr_cost": "Coût du plafond",
        "capped.irr_cost_period": "Coût du plafond sur la période",
        "capped.irr_cost.help": "TRI sans plafond moins TRI plafonné : ce que le plafond coûte aux "
        "investisseurs, par an (ou sur la période, moins d'un an après le premier appel), au profit de "
        "l'impact.",
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
        "capped.col.irr_gross": "TRI sans plafond",
        "capped.col.irr_capped": "TRI plafonné",
        "capped.status.active": "actif",
        "capped.status.exited": "sorti",
        "capped.status.written_off": "passé en perte",
        "capped.figure.capped": "Valeur plafonnée",
        "capped.figure.excess": "Excédent (impact)",
        "capped.figure.cost": "Coût",
        "capped.download": "Télécharger le détail (CSV)",
        "kpi.tvpi_capped": "TVPI plafonné du fonds",
        "kpi.tvpi_capped.help": "Valeur totale rendue ou détenue pour les investisseurs, plafond "
        "appliqué, par euro appelé.",
        "kpi.impact_realised": "Valeur pour l'impact, réalisée",
        "kpi.impact_realised.help": "Ce que le plafond de {rate} par an a retenu des plus-values des "
        "tickets terminés : produits encaissés au-delà du plafond. C'est de la trésorerie, gardée par "
        "la réserve d'impact du fonds (ou laissée aux entrepreneurs, selon le plafond configuré). "
        "Source : tickets du fonds, plafond de l'article.",
        "kpi.impact_unrealised": "Valeur pour l'impact, latente",
        "kpi.impact_unrealised.help": "Ce que le plafond de {rate} par an retiendrait sur la juste "
        "valeur des tickets actifs à cette date : une valorisation, pas de la trésorerie, qui peut ne "
        "jamais se réaliser. Source : tickets du fonds, juste valeur déclarée.",
    },
    "en": {
        "capped.method": "The fund keeps no more than cost × M: M = 1 + rate × years (simple basis), "
        "(1 + rate) to the power of years (compound) or 1 + rate (one ceiling). A loss is never "
        "capped. The excess is left for impact.",
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
        "capped.scenario.title": "Scenario: these are not the actual figures.",
        "capped.scenario.levers": "Levers changed: {levers}.",
        "capped.scenario.actual": "Under each figure, the actual one (the configuration, active "
        "tickets at fair value).",
        "capped.scenario.rate": "cap rate {scenario} a year (configuration: {actual})",
        "capped.scenario.basis": "{scenario} basis (configuration: {actual})",
        "capped.scenario.excess_to": "excess {scenario} (configuration: {actual})",
        "capped.scenario.exit": "active tickets exit at {multiple} their cost on {date} "
        "(actual: fair value on {as_of})",
        "capped.scenario.basis.simple": "simple",
        "capped.scenario.basis.compound": "compound",
        "capped.scenario.basis.total": "one ceiling",
        "capped.scenario.delta": "actual",
        "capped.scenario.heading": "{heading} (scenario)",
        "capped.scenario.column": "Scenario",
        "capped.no_ticket": "The fund had not invested in any project by this date.",
        "capped.gross_value": "Gross value of the tickets",
        "capped.gross_value.help": "Proceeds of exited tickets and fair value of active ones (or their "
        "scenario exit value), without the cap.",
        "capped.capped_value": "Capped value",
        "capped.capped_value.help": "What the fund can realise: for each ticket, the lower of its value "
        "and its cost × M.",
        "capped.excess": "Value left for impact",
        "capped.excess.help.impact_reserve": "Gross minus capped value. Realised on exits, it is in the "
        "fund's impact reserve, reinvested in cooperators' projects; unrealised on active tickets, it "
        "may never happen.",
        "capped.excess.help.entrepreneur": "Gross minus capped value. It stays with the entrepreneur, "
        "who buys back at the capped price; unrealised on active tickets, it may never happen.",
        "capped.excess_realised": "For impact, realised",
        "capped.excess_realised.help.impact_reserve": "Excess on the tickets that ended (exited, written "
        "off): proceeds received above the cap. This is cash, kept by the fund's impact reserve.",
        "capped.excess_realised.help.entrepreneur": "Excess on the tickets that ended (exited, written "
        "off): the value above the cap, left with the entrepreneur, who buys back at the capped price.",
        "capped.excess_unrealised": "For impact, unrealised",
        "capped.excess_unrealised.help": "Excess on the value of active tickets (fair value, or the "
        "scenario's exit): a valuation, which may never happen.",
        "capped.tvpi_gross": "TVPI without the cap",
        "capped.tvpi_capped": "Capped TVPI",
        "capped.tvpi.help": "Total value for investors per euro called (ILPA): distributions paid, net "
        "asset value, undistributed proceeds and cash not invested. Source: the fund's calls and "
        "distributions, its tickets.",
        "capped.irr_gross": "IRR without the cap, {fees}",
        "capped.irr_capped": "Capped IRR, {fees}",
        "capped.irr_gross_period": "Return without the cap since inception, {fees} (not annualised)",
        "capped.irr_capped_period": "Capped return since inception, {fees} (not annualised)",
        "capped.fees.before": "before fees",
        "capped.fees.net": "net of fees",
        "capped.irr.help": "The fund's IRR (XIRR): investors' calls and distributions on their dates, "
        "the residual value (active tickets, undistributed proceeds, cash) on the as-of date or the "
        "scenario's exit. Before fees: the data holds none. Under a year after the first call, the "
        "return is not annualised (GIPS). Source: the fund's calls and distributions, its tickets.",
        "capped.irr_cost": "Cost of the cap",
        "capped.irr_cost_period": "Cost of the cap over the period",
        "capped.irr_cost.help": "IRR without the cap minus capped IRR: what the cap costs investors a "
        "year (or over the period, under a year after the first call), for the benefit of impact.",
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
        "capped.col.irr_gross": "IRR without the cap",
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
        "kpi.impact_realised": "Value for impact, realised",
        "kpi.impact_realised.help": "What the {rate} a year cap kept from the gains of the tickets that "
        "ended: proceeds received above the cap. This is cash, held by the fund's impact reserve (or left "
        "with the entrepreneurs, as the cap is configured). Source: the fund's tickets, the "
        "article's cap.",
        "kpi.impact_unrealised": "Value for impact, unrealised",
        "kpi.impact_unrealised.help": "What the {rate} a year cap would keep from the fair value of the "
        "active tickets on this date: a valuation, not cash, which may never happen. Source: the fund's "
        "tickets, their reported fair value.",
    },
}
