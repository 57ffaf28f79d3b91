"""Texts of the Impact fund page, merged into ``smala_ui.text.CATALOGUE``.

Every key starts with ``fund.``; both languages have the same keys and placeholders.
"""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        # Enumerated values of the data contract
        "fund.instrument.equity": "Fonds propres",
        "fund.instrument.quasi_equity": "Quasi-fonds propres",
        "fund.instrument.convertible": "Convertible",
        "fund.instrument.loan": "Prêt",
        "fund.status.active": "Actif",
        "fund.status.exited": "Sorti",
        "fund.status.written_off": "Passé en perte",
        "fund.theme.planet": "Planète",
        "fund.theme.society": "Société",
        "fund.theme.governance": "Gouvernance",
        "fund.theme.economy": "Économie",
        "fund.theme.none": "Non renseigné",
        "fund.investor_type.private": "Privé",
        "fund.investor_type.public": "Public",
        "fund.investor_category.individual": "Particuliers",
        "fund.investor_category.company": "Entreprises",
        "fund.investor_category.foundation": "Fondations",
        "fund.investor_category.family_office": "Family offices",
        "fund.investor_category.regional": "Région",
        "fund.investor_category.federal": "Fédéral",
        "fund.investor_category.european": "Europe",
        "fund.investor_category.municipal": "Communes",
        "fund.category_of_type": "{category} ({type})",
        "fund.unknown_company": "membre {member} (inconnu)",
        # Cooperators-only rule
        "fund.rule.breach.one": "Règle « coopérateurs seulement » enfreinte : 1 ticket dans une entreprise "
        "qui n'était pas membre active de la coopérative à la date d'investissement.",
        "fund.rule.breach.other": "Règle « coopérateurs seulement » enfreinte : {n} tickets dans des "
        "entreprises qui n'étaient pas membres actives de la coopérative à la date d'investissement.",
        "fund.rule.breach_item": "{company} : ticket {ticket} du {date}, {amount}",
        "fund.rule.ok.one": "Règle « coopérateurs seulement » respectée : le seul ticket a été investi dans "
        "une entreprise membre active à la date d'investissement.",
        "fund.rule.ok.other": "Règle « coopérateurs seulement » respectée : les {n} tickets ont été investis "
        "dans des entreprises membres actives à la date d'investissement.",
        "fund.rule.none": "Règle « coopérateurs seulement » : aucun ticket investi à cette date.",
        # Progress to the target
        "fund.progress": "Levée de fonds : progression vers l'objectif de {target}",
        "fund.kpi.hard": "Engagements fermes",
        "fund.kpi.hard.help": "Engagements signés au plus tard à la date de situation : {share} de "
        "l'objectif de {target}. Les promesses sont montrées à part, jamais additionnées.",
        "fund.kpi.soft": "Promesses (souples)",
        "fund.kpi.soft.help": "Engagements promis mais pas encore signés, datés au plus tard à la date de "
        "situation. Ils ne comptent pas dans la progression.",
        "fund.kpi.remaining": "Reste à lever",
        "fund.kpi.remaining.help": "Objectif de {target} moins les engagements fermes (zéro une fois "
        "l'objectif atteint).",
        "fund.kpi.projection": "Objectif atteint vers (P50)",
        "fund.kpi.projection.help": "Date médiane projetée à laquelle les engagements fermes atteignent "
        "l'objectif, au rythme des quatre derniers trimestres complets : la référence du simulateur. "
        "{method}",
        "fund.projection.band": "P10–P90 : {p10} – {p90}",
        "fund.projection.reached": "Atteint",
        "fund.projection.beyond": "après {date}",
        "fund.projection.method": "Méthode, la même sur la page du fonds et dans le simulateur : le "
        "rythme des engagements fermes privés est mesuré sur les {n} derniers trimestres complets, l'argent "
        "public suivant le privé dans la proportion mesurée. Ce rythme n'est connu que par {n} trimestres : "
        "chacune des {runs} trajectoires tire d'abord le sien (la moyenne de {n} trimestres tirés au hasard "
        "parmi eux), puis chaque trimestre à venir parmi ces trimestres, indépendamment des autres. P50 est "
        "la date médiane ; P10–P90 encadre 80 % des trajectoires.",
        "fund.projection.reached_text": "L'objectif de {target} est atteint : aucune projection n'est "
        "nécessaire.",
        "fund.projection.stalled": "Projection non disponible : aucun engagement ferme privé signé au "
        "cours des {n} derniers trimestres complets (l'argent public y suit l'argent privé).",
        "fund.progress_bar": "{share} de l'objectif de {target} en engagements fermes",
        "fund.over_time": "Engagements au fil des instantanés",
        "fund.history_error": "Impossible de lire l'historique des engagements : {error}",
        "fund.over_time_empty": "Aucun engagement enregistré jusqu'à cette date.",
        "fund.by_type": "Privé et public",
        "fund.by_category": "Par catégorie d'investisseur",
        "fund.by_investor_empty": "Aucun engagement ferme ni promesse à cette date.",
        # Capital
        "fund.capital": "Capital appelé, investi et disponible",
        "fund.capital_empty": "Ni engagement ferme, ni appel, ni investissement à cette date.",
        "fund.kpi.called": "Capital appelé",
        "fund.kpi.called.help": "Somme des appels de fonds aux investisseurs jusqu'à la date de "
        "situation : {share} des engagements fermes.",
        "fund.kpi.invested": "Montant investi",
        "fund.kpi.invested.help": "Coût de tous les tickets investis jusqu'à la date de situation, y "
        "compris ceux déjà sortis ou passés en perte.",
        "fund.kpi.dry_powder": "Disponible à investir",
        "fund.kpi.dry_powder.help": "« Dry powder » : engagements fermes moins coût investi. Ce que le "
        "fonds peut encore investir avec ses engagements actuels (appelés ou non).",
        "fund.kpi.unfunded": "Non appelé",
        "fund.kpi.unfunded.help": "Engagements fermes moins capital appelé.",
        "fund.fig.hard": "Engagements fermes",
        "fund.fig.soft": "Promesses",
        "fund.fig.called": "Appelé",
        "fund.fig.invested": "Investi",
        "fund.fig.dry_powder": "Disponible",
        "fund.fig.target": "Objectif : {amount}",
        "fund.fig.p50": "Projection P50",
        "fund.fig.band": "P10–P90",
        "fund.fig.of_hard": "{amount} · {share}",
        "fund.fig.share_cost": "{share} · {amount}",
        "fund.fig.share_axis": "Part du coût investi",
        # Fund metrics
        "fund.metrics": "Indicateurs du fonds",
        "fund.metrics.caption": "Plafonné : plus-values limitées à {rate} par an (base {basis}) ; coût "
        "du plafond = sans plafond − plafonné. Définitions ILPA : DPI = distributions versées aux "
        "investisseurs / capital appelé (une sortie pas encore distribuée n'y compte pas) ; RVPI = "
        "valeur résiduelle (VNI : juste valeur des tickets actifs + produits non distribués + "
        "trésorerie non investie) / appelé ; TVPI = DPI + RVPI. La trésorerie suit le grand livre du "
        "fonds : appelé − investi − frais + produits des tickets − distributions. TRI du fonds : appels "
        "et distributions des investisseurs à leurs dates, valeur résiduelle à la date de situation ; "
        "net des frais du fonds quand les données en donnent (avant frais : ces frais rajoutés), non "
        "annualisé sur moins d'un an (GIPS). TRI groupé : coût, reçus et valeur de chaque ticket à "
        "leurs dates. Source : appels et distributions du fonds, tickets du portefeuille, frais du fonds.",
        "fund.metrics.impact": "Valeur laissée à l'impact par le plafond : {excess}, dont {realised} "
        "**réalisés** sur les sorties ({where}) et {unrealised} **latents** sur la juste valeur des "
        "tickets actifs, qui peuvent ne jamais se réaliser.",
        "fund.metrics.impact.impact_reserve": "gardés par la réserve d'impact du fonds",
        "fund.metrics.impact.entrepreneur": "laissés aux entrepreneurs",
        "fund.basis.simple": "simple",
        "fund.basis.compound": "composée",
        "fund.basis.total": "totale",
        "fund.col.metric": "Indicateur",
        "fund.col.gross": "Sans plafond",
        "fund.col.capped": "Plafonné",
        "fund.col.cost": "Coût du plafond",
        "fund.row.paid_in": "Capital appelé",
        "fund.row.distributions": "Distributions versées",
        "fund.row.unfunded": "Non appelé",
        "fund.row.realised": "Valeur réalisée par les sorties",
        "fund.row.undistributed": "Produits des sorties non distribués",
        "fund.row.nav": "Juste valeur des tickets actifs",
        "fund.row.cash": "Trésorerie non investie",
        "fund.row.dpi": "DPI",
        "fund.row.rvpi": "RVPI",
        "fund.row.tvpi": "TVPI",
        "fund.row.irr": "TRI du fonds, avant frais (annuel)",
        "fund.row.irr_period": "Rendement du fonds depuis l'origine, avant frais (non annualisé : "
        "moins d'un an)",
        "fund.row.costs": "Frais du fonds payés",
        "fund.row.irr_net": "TRI du fonds, net de frais (annuel)",
        "fund.row.irr_net_period": "Rendement du fonds depuis l'origine, net de frais (non annualisé : "
        "moins d'un an)",
        "fund.ledger.overdrawn": "Les distributions et les frais dépassent de {amount} ce que le fonds a "
        "reçu (appels et produits des tickets, moins les investissements) : les données sont à vérifier, "
        "ce montant ne compte dans aucun indicateur.",
        "fund.ledger.beyond_cap": "Les investisseurs ont reçu {amount} de plus que ce que le plafond "
        "permet : le plafond n'a pas été appliqué à toutes les distributions.",
        "fund.row.pooled_irr": "TRI groupé des tickets (annuel)",
        "fund.row.pooled_irr_period": "Rendement groupé des tickets depuis l'origine (non annualisé : "
        "moins d'un an)",
        # Portfolio at risk
        "fund.at_risk": "Portefeuille à risque",
        "fund.kpi.at_risk_count": "Tickets actifs sous leur coût",
        "fund.kpi.at_risk_count.help": "Tickets actifs dont la juste valeur à la date de situation est "
        "inférieure au coût investi. Source : tickets du fonds, coût et "
        "juste valeur déclarée.",
        "fund.kpi.at_risk_cost": "Leur coût",
        "fund.kpi.at_risk_cost.help": "Montant investi dans ces tickets.",
        "fund.kpi.at_risk_value": "Leur juste valeur",
        "fund.kpi.at_risk_value.help": "Juste valeur déclarée de ces tickets à la date de situation.",
        "fund.kpi.at_risk_shortfall": "Moins-value latente",
        "fund.kpi.at_risk_shortfall.help": "Coût moins juste valeur de ces tickets : ce qui serait perdu "
        "s'ils sortaient à leur valeur d'aujourd'hui.",
        "fund.metrics_empty": "Aucun appel de fonds à cette date : les multiples et le TRI ne sont pas "
        "encore calculables.",
        # Portfolio
        "fund.portfolio": "Portefeuille",
        "fund.portfolio_empty": "Aucun investissement à cette date.",
        "fund.filter.status": "Statut",
        "fund.filter.instrument": "Instrument",
        "fund.filter.theme": "Thème d'impact",
        "fund.filter.all": "Tous",
        "fund.filter_empty": "Aucun ticket ne correspond à ces filtres.",
        "fund.portfolio_count.one": "{shown} ticket affiché sur {total} · coût {cost} · valeur {value}",
        "fund.portfolio_count.other": "{shown} tickets affichés sur {total} · coût {cost} · valeur {value}",
        "fund.col.company": "Entreprise",
        "fund.col.instrument": "Instrument",
        "fund.col.theme": "Thème",
        "fund.col.status": "Statut",
        "fund.col.invested_on": "Investi le",
        "fund.col.cost_eur": "Coût",
        "fund.col.value": "Valeur",
        "fund.col.capped_value": "Valeur plafonnée",
        "fund.col.moic": "MOIC",
        "fund.col.irr": "TRI",
        "fund.col.value.help": "Juste valeur à la date de situation pour un ticket actif, produit reçu "
        "pour un ticket sorti ou passé en perte.",
        "fund.col.capped_value.help": "Valeur après plafonnement des plus-values (une perte n'est jamais "
        "plafonnée).",
        "fund.col.moic.help": "Multiple du coût : valeur / coût, sans plafond.",
        "fund.col.irr.help": "TRI annuel brut du ticket, de l'investissement à la sortie ou à la date de "
        "situation ; n.d. pour un ticket détenu moins d'un an (un rendement n'est pas annualisé sur "
        "moins d'un an).",
        "fund.csv.irr": "TRI sans plafond (%)",
        "fund.csv.ticket": "Ticket",
        "fund.csv.exited_on": "Sorti le",
        "fund.download": "Télécharger le tableau filtré (CSV)",
        "fund.download.help": "CSV au format belge (séparateur « ; », virgule décimale), lisible par Excel.",
        "fund.download.file": "portefeuille_{date}.csv",
        # Concentration
        "fund.concentration": "Concentration",
        "fund.concentration.caption": "Portefeuille actif : part du coût des tickets actifs ({total}) "
        "dans les plus grandes entreprises, tickets d'une même entreprise additionnés. Les tickets "
        "sortis ou passés en perte n'y sont plus.",
        "fund.kpi.top": "{n} premières entreprises",
        "fund.kpi.top1": "Première entreprise",
        "fund.kpi.top.help": "Part du coût des tickets actifs dans les {n} entreprises qui en détiennent "
        "le plus (tickets sortis ou passés en perte exclus).",
        "fund.kpi.top1.help": "Part du coût des tickets actifs dans l'entreprise qui en détient le plus "
        "(tickets sortis ou passés en perte exclus).",
        "fund.kpi.companies": "En portefeuille",
        "fund.kpi.companies.help": "Nombre d'entreprises détenant au moins un ticket actif.",
        "fund.concentration_empty": "Aucun ticket actif à cette date : pas de concentration à montrer.",
        "fund.concentration_chart": "Les {n} plus grandes entreprises",
        # Investors' capital accounts and their statements (directors only)
        "fund.accounts": "Comptes des investisseurs",
        "fund.accounts.caption": "Un compte par engagement signé (ou appelé), à la date de situation "
        "(compte de capital ILPA). Le solde de chaque compte avance d'une situation à la suivante : "
        "solde de départ + appels − distributions + sa part du résultat du fonds sur la période, "
        "partagé selon le capital au travail (solde de départ, et chaque appel ou distribution pour "
        "la part de la période qui le suit) : un investisseur entré tard ne reçoit rien du résultat "
        "fait avant lui. Les soldes font la valeur résiduelle du fonds. Plus- ou moins-value = "
        "distributions + solde − appelé. Le plafond laisse à l'impact la différence entre les deux "
        "soldes. Les noms des particuliers sont des données personnelles : réservé aux directeurs.",
        "fund.accounts.empty": "Aucun engagement signé à cette date : aucun compte d'investisseur.",
        "fund.acc.investor": "Investisseur",
        "fund.acc.category": "Catégorie",
        "fund.acc.committed": "Engagé",
        "fund.acc.called": "Appelé",
        "fund.acc.unfunded": "Non appelé",
        "fund.acc.distributed": "Distributions reçues",
        "fund.acc.share": "Part de la valeur résiduelle",
        "fund.acc.residual_capped": "Solde du compte",
        "fund.acc.residual_gross": "Solde sans plafond",
        "fund.acc.gain_gross": "Plus- ou moins-value sans plafond",
        "fund.acc.gain_capped": "Plus- ou moins-value plafonnée",
        "fund.acc.impact_realised": "Pour l'impact, réalisée",
        "fund.acc.impact_unrealised": "Pour l'impact, latente",
        "fund.accounts.download": "Télécharger les comptes (CSV)",
        "fund.accounts.file": "comptes_investisseurs_{date}.csv",
        "fund.statement.investor": "Relevé de l'investisseur",
        "fund.statement.language": "Langue du relevé",
        "fund.statement.download": "Relevé (PDF)",
        "fund.statement.download_all": "Tous les relevés (ZIP)",
        "fund.statement.file": "releve_{id}_{date}.pdf",
        "fund.statement.zip": "releves_investisseurs_{date}.zip",
        "fund.statement.no_chromium": "Les relevés PDF demandent Chromium sur le serveur (paquet Debian "
        "chromium) : les comptes restent téléchargeables en CSV.",
        # The statement itself (a printed document)
        "statement.title": "Relevé du compte de capital",
        "statement.fund": "Fonds d'impact La Smala",
        "statement.as_of": "Situation au {date}",
        "statement.commitment": "Engagement {id}, signé le {date}",
        "statement.account": "Votre compte",
        "statement.the_fund": "Le fonds",
        "statement.capped": "Plafonné",
        "statement.gross": "Sans plafond",
        "statement.row.committed": "Engagement",
        "statement.row.called": "Capital appelé",
        "statement.row.unfunded": "Non appelé",
        "statement.row.distributed": "Distributions reçues",
        "statement.row.share": "Part de la valeur résiduelle du fonds",
        "statement.row.residual": "Solde de votre compte",
        "statement.row.gain": "Plus- ou moins-value",
        "statement.row.impact_realised": "Laissé à l'impact par le plafond, réalisé",
        "statement.row.impact_unrealised": "Laissé à l'impact par le plafond, latent",
        "statement.fund.paid_in": "Capital appelé du fonds",
        "statement.fund.distributions": "Distributions versées par le fonds",
        "statement.notes": "Définitions (ILPA) : DPI = distributions / capital appelé ; RVPI = valeur "
        "résiduelle / capital appelé ; TVPI = DPI + RVPI. Votre solde avance d'une situation à la "
        "suivante : appels − distributions + votre part du résultat du fonds, selon votre capital au "
        "travail sur chaque période. Le plafond de {rate} par an (base {basis}) limite les plus-values ; "
        "l'excédent est laissé à l'impact : réalisé sur les sorties, latent sur la juste valeur des "
        "tickets actifs, qui peut ne jamais se réaliser. Avant frais : les données n'en contiennent pas.",
        "statement.disclaimer": "Relevé établi à partir des données du tableau de bord de la coopérative "
        "au {date}. Il ne remplace pas les comptes annuels du fonds.",
    },
    "en": {
        "fund.instrument.equity": "Equity",
        "fund.instrument.quasi_equity": "Quasi-equity",
        "fund.instrument.convertible": "Convertible",
        "fund.instrument.loan": "Loan",
        "fund.status.active": "Active",
        "fund.status.exited": "Exited",
        "fund.status.written_off": "Written off",
        "fund.theme.planet": "Planet",
        "fund.theme.society": "Society",
        "fund.theme.governance": "Governance",
        "fund.theme.economy": "Economy",
        "fund.theme.none": "Not given",
        "fund.investor_type.private": "Private",
        "fund.investor_type.public": "Public",
        "fund.investor_category.individual": "Individuals",
        "fund.investor_category.company": "Companies",
        "fund.investor_category.foundation": "Foundations",
        "fund.investor_category.family_office": "Family offices",
        "fund.investor_category.regional": "Regional",
        "fund.investor_category.federal": "Federal",
        "fund.investor_category.european": "European",
        "fund.investor_category.municipal": "Municipal",
        "fund.category_of_type": "{category} ({type})",
        "fund.unknown_company": "member {member} (unknown)",
        "fund.rule.breach.one": "Cooperators-only rule broken: 1 ticket in a company that was not an "
        "active member of the cooperative on the investment date.",
        "fund.rule.breach.other": "Cooperators-only rule broken: {n} tickets in companies that were not "
        "active members of the cooperative on the investment date.",
        "fund.rule.breach_item": "{company}: ticket {ticket} of {date}, {amount}",
        "fund.rule.ok.one": "Cooperators-only rule respected: the only ticket went to a company that was "
        "an active member on the investment date.",
        "fund.rule.ok.other": "Cooperators-only rule respected: all {n} tickets went to companies that were "
        "active members on the investment date.",
        "fund.rule.none": "Cooperators-only rule: no ticket invested by this date.",
        "fund.progress": "Fundraising: progress to the {target} target",
        "fund.kpi.hard": "Hard commitments",
        "fund.kpi.hard.help": "Commitments signed on or before the as-of date: {share} of the {target} "
        "target. Pledges are shown apart, never added.",
        "fund.kpi.soft": "Pledges (soft)",
        "fund.kpi.soft.help": "Commitments pledged but not yet signed, dated on or before the as-of date. "
        "They do not count toward progress.",
        "fund.kpi.remaining": "Left to raise",
        "fund.kpi.remaining.help": "The {target} target minus hard commitments (zero once the target is "
        "met).",
        "fund.kpi.projection": "Target reached around (P50)",
        "fund.kpi.projection.help": "Median projected date at which hard commitments reach the target, at "
        "the pace of the last four complete quarters: the simulator's baseline. {method}",
        "fund.projection.band": "P10–P90: {p10} – {p90}",
        "fund.projection.reached": "Reached",
        "fund.projection.beyond": "after {date}",
        "fund.projection.method": "Method, the same on the fund page and in the simulator: the pace of "
        "private hard commitments is measured over the last {n} complete quarters, public money following "
        "private money at the measured ratio. That pace is known from {n} quarters only: each of the "
        "{runs} paths first draws its own (the mean of {n} quarters drawn at random from them), then every "
        "future quarter from those quarters, independently of each other. P50 is the median date; P10–P90 "
        "spans 80% of the paths.",
        "fund.projection.reached_text": "The {target} target is met: no projection is needed.",
        "fund.projection.stalled": "No projection: no private hard commitment was signed in the last {n} "
        "complete quarters (public money follows private money there).",
        "fund.progress_bar": "{share} of the {target} target in hard commitments",
        "fund.over_time": "Commitments across snapshots",
        "fund.history_error": "Could not read the history of commitments: {error}",
        "fund.over_time_empty": "No commitment recorded up to this date.",
        "fund.by_type": "Private and public",
        "fund.by_category": "By investor category",
        "fund.by_investor_empty": "No hard commitment or pledge on this date.",
        "fund.capital": "Capital called, invested and available",
        "fund.capital_empty": "No hard commitment, call or investment by this date.",
        "fund.kpi.called": "Capital called",
        "fund.kpi.called.help": "Sum of the capital calls to investors up to the as-of date: {share} of "
        "hard commitments.",
        "fund.kpi.invested": "Amount invested",
        "fund.kpi.invested.help": "Cost of every ticket invested up to the as-of date, including those "
        "already exited or written off.",
        "fund.kpi.dry_powder": "Dry powder",
        "fund.kpi.dry_powder.help": "Hard commitments minus invested cost: what the fund can still invest "
        "with its current commitments (called or not).",
        "fund.kpi.unfunded": "Unfunded",
        "fund.kpi.unfunded.help": "Hard commitments minus capital called.",
        "fund.fig.hard": "Hard commitments",
        "fund.fig.soft": "Pledges",
        "fund.fig.called": "Called",
        "fund.fig.invested": "Invested",
        "fund.fig.dry_powder": "Dry powder",
        "fund.fig.target": "Target: {amount}",
        "fund.fig.p50": "P50 projection",
        "fund.fig.band": "P10–P90",
        "fund.fig.of_hard": "{amount} · {share}",
        "fund.fig.share_cost": "{share} · {amount}",
        "fund.fig.share_axis": "Share of invested cost",
        "fund.metrics": "Fund metrics",
        "fund.metrics.caption": "Capped: capital gains limited to {rate} a year ({basis} basis); cost of "
        "the cap = without the cap − capped. ILPA definitions: DPI = distributions paid to investors / "
        "paid-in (an exit not yet distributed adds nothing); RVPI = residual value (NAV: fair value of "
        "active tickets + undistributed proceeds + cash not invested) / paid-in; TVPI = DPI + RVPI. "
        "Cash follows the fund's ledger: paid-in − invested − costs + ticket proceeds − distributions. "
        "Fund IRR: investors' calls and distributions on their dates, the residual value on the as-of "
        "date; net of the fund's costs when the data gives them (before fees: those costs added back), "
        "not annualised under a year (GIPS). Pooled IRR: each ticket's cost, receipts and value on "
        "their dates. Source: the fund's calls and distributions, its tickets, its costs.",
        "fund.metrics.impact": "Value left for impact by the cap: {excess}, of which {realised} "
        "**realised** on exits ({where}) and {unrealised} **unrealised** on the fair value of active "
        "tickets, which may never happen.",
        "fund.metrics.impact.impact_reserve": "kept by the fund's impact reserve",
        "fund.metrics.impact.entrepreneur": "left with the entrepreneurs",
        "fund.basis.simple": "simple",
        "fund.basis.compound": "compound",
        "fund.basis.total": "total",
        "fund.col.metric": "Metric",
        "fund.col.gross": "Without the cap",
        "fund.col.capped": "Capped",
        "fund.col.cost": "Cost of the cap",
        "fund.row.paid_in": "Paid-in capital",
        "fund.row.distributions": "Distributions paid",
        "fund.row.unfunded": "Unfunded",
        "fund.row.realised": "Value realised by exits",
        "fund.row.undistributed": "Exit proceeds not yet distributed",
        "fund.row.nav": "Fair value of active tickets",
        "fund.row.cash": "Cash not invested",
        "fund.row.dpi": "DPI",
        "fund.row.rvpi": "RVPI",
        "fund.row.tvpi": "TVPI",
        "fund.row.irr": "Fund IRR, before fees (annual)",
        "fund.row.irr_period": "Fund return since inception, before fees (not annualised: under a year)",
        "fund.row.costs": "Fund costs paid",
        "fund.row.irr_net": "Fund IRR, net of fees (annual)",
        "fund.row.irr_net_period": "Fund return since inception, net of fees (not annualised: under a year)",
        "fund.ledger.overdrawn": "Distributions and costs exceed by {amount} what the fund received (calls "
        "and ticket proceeds, less investments): the data needs checking; this amount counts in no figure.",
        "fund.ledger.beyond_cap": "Investors were paid {amount} more than the cap allows: the cap was not "
        "applied to every distribution.",
        "fund.row.pooled_irr": "Pooled IRR of the tickets (annual)",
        "fund.row.pooled_irr_period": "Pooled return of the tickets since inception (not annualised: "
        "under a year)",
        # Portfolio at risk
        "fund.at_risk": "Portfolio at risk",
        "fund.kpi.at_risk_count": "Active tickets below cost",
        "fund.kpi.at_risk_count.help": "Active tickets whose fair value on the as-of date is below the "
        "amount invested. Source: the fund's tickets, cost and reported fair value.",
        "fund.kpi.at_risk_cost": "Their cost",
        "fund.kpi.at_risk_cost.help": "The amount invested in these tickets.",
        "fund.kpi.at_risk_value": "Their fair value",
        "fund.kpi.at_risk_value.help": "These tickets' reported fair value on the as-of date.",
        "fund.kpi.at_risk_shortfall": "Unrealised shortfall",
        "fund.kpi.at_risk_shortfall.help": "Cost minus fair value of these tickets: what would be lost if "
        "they exited at today's value.",
        "fund.metrics_empty": "No capital called by this date: multiples and IRR cannot be computed yet.",
        "fund.portfolio": "Portfolio",
        "fund.portfolio_empty": "No investment by this date.",
        "fund.filter.status": "Status",
        "fund.filter.instrument": "Instrument",
        "fund.filter.theme": "Impact theme",
        "fund.filter.all": "All",
        "fund.filter_empty": "No ticket matches these filters.",
        "fund.portfolio_count.one": "{shown} ticket shown of {total} · cost {cost} · value {value}",
        "fund.portfolio_count.other": "{shown} tickets shown of {total} · cost {cost} · value {value}",
        "fund.col.company": "Company",
        "fund.col.instrument": "Instrument",
        "fund.col.theme": "Theme",
        "fund.col.status": "Status",
        "fund.col.invested_on": "Invested on",
        "fund.col.cost_eur": "Cost",
        "fund.col.value": "Value",
        "fund.col.capped_value": "Capped value",
        "fund.col.moic": "MOIC",
        "fund.col.irr": "IRR",
        "fund.col.value.help": "Fair value on the as-of date for an active ticket, proceeds received for "
        "an exited or written-off one.",
        "fund.col.capped_value.help": "Value after the cap on capital gains (a loss is never capped).",
        "fund.col.moic.help": "Multiple of cost: value / cost, without the cap.",
        "fund.col.irr.help": "Gross annual IRR of the ticket, from investment to exit or the as-of date; "
        "n/a for a ticket held less than a year (a return is not annualised over less than a year).",
        "fund.csv.irr": "IRR without the cap (%)",
        "fund.csv.ticket": "Ticket",
        "fund.csv.exited_on": "Exited on",
        "fund.download": "Download the filtered table (CSV)",
        "fund.download.help": "CSV in the Belgian format (';' separator, decimal comma), as Excel reads it.",
        "fund.download.file": "portfolio_{date}.csv",
        "fund.concentration": "Concentration",
        "fund.concentration.caption": "Active portfolio: share of the active tickets' cost ({total}) in "
        "the largest companies, tickets of one company added together. Exited or written-off tickets "
        "are no longer in it.",
        "fund.kpi.top": "Top {n} companies",
        "fund.kpi.top1": "Largest company",
        "fund.kpi.top.help": "Share of the active tickets' cost in the {n} companies holding the most "
        "(exited or written-off tickets left out).",
        "fund.kpi.top1.help": "Share of the active tickets' cost in the company holding the most "
        "(exited or written-off tickets left out).",
        "fund.kpi.companies": "In the portfolio",
        "fund.kpi.companies.help": "Number of companies holding at least one active ticket.",
        "fund.concentration_empty": "No active ticket on this date: no concentration to show.",
        "fund.concentration_chart": "The {n} largest companies",
        # Investors' capital accounts and their statements (directors only)
        "fund.accounts": "Investors' capital accounts",
        "fund.accounts.caption": "One account per signed (or called) commitment, on the as-of date "
        "(ILPA capital account). Each balance rolls forward from one valuation to the next: opening "
        "balance + calls − distributions + its part of the fund's result over the period, shared by "
        "the capital at work (the opening balance, and each call or distribution for the part of the "
        "period after it): an investor who came in late gets nothing of the result made before. The "
        "balances add up to the fund's residual value. Gain or loss = distributions + balance − "
        "paid-in. The cap leaves for impact the difference between the two balances. Individuals' "
        "names are personal data: directors only.",
        "fund.accounts.empty": "No signed commitment on this date: no investor account.",
        "fund.acc.investor": "Investor",
        "fund.acc.category": "Category",
        "fund.acc.committed": "Committed",
        "fund.acc.called": "Paid-in",
        "fund.acc.unfunded": "Unfunded",
        "fund.acc.distributed": "Distributions received",
        "fund.acc.share": "Share of the residual value",
        "fund.acc.residual_capped": "Account balance",
        "fund.acc.residual_gross": "Balance without the cap",
        "fund.acc.gain_gross": "Gain or loss without the cap",
        "fund.acc.gain_capped": "Capped gain",
        "fund.acc.impact_realised": "For impact, realised",
        "fund.acc.impact_unrealised": "For impact, unrealised",
        "fund.accounts.download": "Download the accounts (CSV)",
        "fund.accounts.file": "investor_accounts_{date}.csv",
        "fund.statement.investor": "Investor's statement",
        "fund.statement.language": "Statement language",
        "fund.statement.download": "Statement (PDF)",
        "fund.statement.download_all": "All statements (ZIP)",
        "fund.statement.file": "statement_{id}_{date}.pdf",
        "fund.statement.zip": "investor_statements_{date}.zip",
        "fund.statement.no_chromium": "PDF statements need Chromium on the server (Debian's chromium "
        "package): the accounts can still be downloaded as CSV.",
        # The statement itself (a printed document)
        "statement.title": "Capital account statement",
        "statement.fund": "La Smala impact fund",
        "statement.as_of": "As of {date}",
        "statement.commitment": "Commitment {id}, signed on {date}",
        "statement.account": "Your account",
        "statement.the_fund": "The fund",
        "statement.capped": "Capped",
        "statement.gross": "Without the cap",
        "statement.row.committed": "Commitment",
        "statement.row.called": "Paid-in capital",
        "statement.row.unfunded": "Unfunded",
        "statement.row.distributed": "Distributions received",
        "statement.row.share": "Share of the fund's residual value",
        "statement.row.residual": "Your account balance",
        "statement.row.gain": "Gain or loss",
        "statement.row.impact_realised": "Left for impact by the cap, realised",
        "statement.row.impact_unrealised": "Left for impact by the cap, unrealised",
        "statement.fund.paid_in": "The fund's paid-in capital",
        "statement.fund.distributions": "Distributions paid by the fund",
        "statement.notes": "Definitions (ILPA): DPI = distributions / paid-in; RVPI = residual value / "
        "paid-in; TVPI = DPI + RVPI. Your balance rolls forward from one valuation to the next: calls "
        "− distributions + your part of the fund's result, by your capital at work over each period. "
        "The cap of {rate} a year ({basis} basis) limits capital gains; the excess is left for "
        "impact: realised on exits, unrealised on the fair value of active tickets, which may never "
        "happen. Before fees: the data holds none.",
        "statement.disclaimer": "Statement drawn from the cooperative's dashboard data on {date}. It "
        "does not replace the fund's annual accounts.",
    },
}
