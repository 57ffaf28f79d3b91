"""Texts of the Governance page's double test before a distribution (CSA art. 6:115 and 6:116)
and of the CNC's training condition (issue 31, items 2 and 4).

The articles' words are the Code's own in French; the English is a plain translation, marked as
such (Belgian law has no official English text)."""

ART_6_115_FR = (
    "« Aucune distribution ne peut être faite si l'actif net de la société est négatif ou deviendrait "
    "négatif à la suite d'une telle distribution. Si la société dispose de capitaux propres qui sont "
    "indisponibles en vertu de la loi ou des statuts, aucune distribution ne peut être faite si l'actif "
    "net est inférieur au montant de ces capitaux propres indisponibles ou deviendrait inférieur à ce "
    "montant à la suite d'une telle distribution. » (CSA, art. 6:115)"
)
ART_6_116_FR = (
    "« La décision prise par l'assemblée générale de distribuer ne produit ses effets qu'après que "
    "l'organe d'administration aura constaté qu'à la suite de la distribution, la société pourra, en "
    "fonction des développements auxquels on peut raisonnablement s'attendre, continuer à s'acquitter "
    "de ses dettes au fur et à mesure de leur échéance pendant une période d'au moins douze mois à "
    "compter de la date de la distribution. » (CSA, art. 6:116)"
)
ART_6_115_EN = (
    "\"No distribution may be made if the company's net assets are negative or would become negative "
    "as a result of it. If the company has equity made unavailable by law or by its articles, no "
    "distribution may be made if the net assets are below that equity or would fall below it as a "
    'result of the distribution." (CSA, art. 6:115; unofficial translation)'
)
ART_6_116_EN = (
    "\"The general meeting's decision to distribute takes effect only once the board has found that, "
    "after the distribution, the company will be able, in the light of developments that can "
    "reasonably be expected, to go on paying its debts as they fall due for at least twelve months "
    'from the date of the distribution." (CSA, art. 6:116; unofficial translation)'
)

TEXT = {
    "fr": {
        "governance.double": "Double test avant toute distribution",
        "governance.double_caption": "Avant de verser un dividende ou de rembourser des parts, le conseil "
        "vérifie que l'actif net reste suffisant (CSA, art. 6:115) et que la coopérative pourra payer ses "
        "dettes pendant douze mois (art. 6:116) ; le remboursement des parts d'un membre sortant passe le "
        "même test. Source : la table Comptes ({accounts} du {date}), le capital et les remboursements dus "
        "au {as_of}.",
        "governance.double.closed": "comptes annuels approuvés",
        "governance.double.interim": "comptes intermédiaires",
        "governance.double.judgement": "Une aide au jugement, pas un verdict : le jugement du conseil "
        "d'administration est requis. C'est lui qui constate, sous sa responsabilité, que la coopérative "
        "pourra payer ses dettes au vu de ce qu'il peut raisonnablement prévoir, et le comptable qui "
        "établit l'actif net.",
        "governance.double.rate": "Taux de dividende envisagé (scénario)",
        "governance.double.rate.help": "Un pourcentage de la valeur nominale des parts, appliqué au capital "
        "du {date}. Un scénario pour préparer la décision, pas un dividende décidé ; 0 % : les "
        "remboursements dus seuls. Le lien de la page garde ce taux.",
        "governance.double.scenario": "Scénario, pas une décision : un dividende de {rate} sur {capital} "
        "de capital, soit {dividend}.",
        "governance.double.no_accounts": "Pas de comptes dans cet instantané : importez la feuille "
        "« Comptes » (actif net, réserves indisponibles, trésorerie, recettes et dépenses attendues sur "
        "12 mois) pour faire le double test.",
        "governance.double.stale": "Les derniers comptes datent du {date}, plus d'un an avant le {as_of} : "
        "faites établir un état plus récent de l'actif et du passif avant de décider.",
        "governance.kpi.distribution": "Distribution envisagée",
        "governance.kpi.distribution.help": "{distribution} : le dividende envisagé ({dividend}) "
        "plus les remboursements de parts dus dans les 12 mois ou déjà échus ({refunds}).",
        "governance.kpi.net_margin": "Marge, test de l'actif net",
        "governance.kpi.net_margin.help": "{margin} : l'actif net après la distribution "
        "({after}) moins les réserves indisponibles ({reserves}) ; négative, le test échoue. " + ART_6_115_FR,
        "governance.kpi.liquidity_margin": "Marge, test de liquidité",
        "governance.kpi.liquidity_margin.help": "{margin} : la trésorerie plus les recettes "
        "attendues moins les dépenses attendues sur 12 mois ({liquidity}), moins la distribution ; "
        "négative, le test échoue. " + ART_6_116_FR,
        "governance.double.net": "Test de l'actif net (art. 6:115)",
        "governance.double.net.gauge": "Actif net après distribution",
        "governance.double.net.limit": "Indisponible : {amount}",
        "governance.double.net.holds": "Réussi : l'actif net après distribution ({after}) dépasse les "
        "réserves indisponibles ({reserves}) de {margin}.",
        "governance.double.net.fails": "Échoue de {gap} : l'actif net après distribution ({after}) "
        "passerait sous les réserves indisponibles ({reserves}).",
        "governance.double.net.negative": "Échoue : l'actif net deviendrait négatif ({after}) après la "
        "distribution.",
        "governance.double.liquidity": "Test de liquidité (art. 6:116)",
        "governance.double.liquidity.gauge": "Trésorerie et recettes moins dépenses, 12 mois",
        "governance.double.liquidity.limit": "Distribution : {amount}",
        "governance.double.liquidity.holds": "Réussi : trésorerie, recettes et dépenses attendues sur "
        "12 mois ({liquidity}) couvrent la distribution ({distribution}) avec {margin} de marge.",
        "governance.double.liquidity.fails": "Échoue de {gap} : trésorerie, recettes et dépenses attendues "
        "sur 12 mois ({liquidity}) ne couvrent pas la distribution ({distribution}).",
        "governance.refunds.paid_none": "Aucune part remboursée jusqu'au {date}.",
        "governance.cnc.training": "Information et formation des membres",
        "governance.cnc.training.gauge": "Consacré à l'information et à la formation",
        "governance.cnc.training.none": "Les comptes approuvés ne donnent pas ce montant (colonne "
        "« Information et formation des membres (€) » de la feuille Comptes) : rien à vérifier.",
        "governance.cnc.training.holds": "Exercice {year} : {amount} consacrés à l'information et à la "
        "formation des membres (comptes approuvés au {date}). L'arrêté en demande une partie des "
        "ressources annuelles sans fixer de minimum ; les comptes importés ne donnent pas les recettes de "
        "l'année, la part n'est donc pas calculée.",
        "governance.cnc.training.breach": "Exercice {year} : rien n'est consacré à l'information et à la "
        "formation des membres (comptes approuvés au {date}), alors que l'arrêté en demande une partie "
        "des ressources annuelles.",
    },
    "en": {
        "governance.double": "The double test before any distribution",
        "governance.double_caption": "Before paying a dividend or refunding shares, the board checks that "
        "the net assets stay sufficient (CSA, art. 6:115) and that the cooperative can pay its debts for "
        "twelve months (art. 6:116); refunding a leaving member's shares passes the same test. Source: "
        "the Accounts table ({accounts} of {date}), the capital and the refunds owed on {as_of}.",
        "governance.double.closed": "approved annual accounts",
        "governance.double.interim": "interim accounts",
        "governance.double.judgement": "An aid to judgement, not a verdict: the board's judgement is "
        "required. The board itself finds, on its own responsibility, that the cooperative can pay its "
        "debts in the light of what it can reasonably foresee, and the accountant draws up the net "
        "assets.",
        "governance.double.rate": "Dividend rate considered (scenario)",
        "governance.double.rate.help": "A percentage of the shares' nominal value, applied to the capital "
        "on {date}. A scenario to prepare the decision, not a dividend decided; 0%: the refunds owed "
        "alone. The page's link keeps this rate.",
        "governance.double.scenario": "A scenario, not a decision: a dividend of {rate} on {capital} of "
        "capital, that is {dividend}.",
        "governance.double.no_accounts": "No accounts in this snapshot: import the « Accounts » sheet "
        "(net assets, unavailable reserves, cash, receipts and payments expected over 12 months) to run "
        "the double test.",
        "governance.double.stale": "The latest accounts are of {date}, over a year before {as_of}: have a "
        "more recent statement of assets and liabilities drawn up before deciding.",
        "governance.kpi.distribution": "Distribution considered",
        "governance.kpi.distribution.help": "{distribution}: the dividend considered "
        "({dividend}) plus the refunds of shares due within 12 months or overdue ({refunds}).",
        "governance.kpi.net_margin": "Margin, net-asset test",
        "governance.kpi.net_margin.help": "{margin}: the net assets after the distribution "
        "({after}) less the unavailable reserves ({reserves}); below zero, the test fails. " + ART_6_115_EN,
        "governance.kpi.liquidity_margin": "Margin, liquidity test",
        "governance.kpi.liquidity_margin.help": "{margin}: cash plus the receipts expected less the payments "
        "expected over 12 months ({liquidity}), less the distribution; below zero, the test fails. "
        + ART_6_116_EN,
        "governance.double.net": "Net-asset test (art. 6:115)",
        "governance.double.net.gauge": "Net assets after the distribution",
        "governance.double.net.limit": "Unavailable: {amount}",
        "governance.double.net.holds": "Passes: the net assets after the distribution ({after}) exceed "
        "the unavailable reserves ({reserves}) by {margin}.",
        "governance.double.net.fails": "Fails by {gap}: the net assets after the distribution ({after}) "
        "would fall below the unavailable reserves ({reserves}).",
        "governance.double.net.negative": "Fails: the net assets would become negative ({after}) after "
        "the distribution.",
        "governance.double.liquidity": "Liquidity test (art. 6:116)",
        "governance.double.liquidity.gauge": "Cash and receipts less payments, 12 months",
        "governance.double.liquidity.limit": "Distribution: {amount}",
        "governance.double.liquidity.holds": "Passes: cash and the receipts and payments expected over "
        "12 months ({liquidity}) cover the distribution ({distribution}) with {margin} to spare.",
        "governance.double.liquidity.fails": "Fails by {gap}: cash and the receipts and payments expected "
        "over 12 months ({liquidity}) do not cover the distribution ({distribution}).",
        "governance.refunds.paid_none": "No share refunded up to {date}.",
        "governance.cnc.training": "Members' information and training",
        "governance.cnc.training.gauge": "Devoted to information and training",
        "governance.cnc.training.none": "The approved accounts do not give this amount (the "
        "« Members' training (EUR) » column of the Accounts sheet): nothing to check.",
        "governance.cnc.training.holds": "Financial year {year}: {amount} devoted to the members' "
        "information and training (approved accounts at {date}). The decree asks for a part of the "
        "yearly resources without a minimum; the accounts imported do not give the year's income, so the "
        "share is not computed.",
        "governance.cnc.training.breach": "Financial year {year}: nothing is devoted to the members' "
        "information and training (approved accounts at {date}), whereas the decree asks for a part of "
        "the yearly resources.",
    },
}
