"""Texts of the Simulator page, merged into ``smala_ui.text.CATALOGUE``."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "page.simulator": "Simulateur",
        "simulator.beyond_horizon": "Le simulateur projette jusqu'à la fin de {year} au plus tard, et la "
        "date de situation de cet instantané ({date}) est au-delà. Choisissez une date de situation "
        "antérieure dans la barre latérale (une date si lointaine est souvent une faute de frappe : "
        "voir la page Données).",
        "simulator.method": "Projection trimestre par trimestre jusqu'à la fin de l'horizon. Chaque levier "
        "part du rythme mesuré sur les quatre derniers trimestres complets : c'est la référence, et elle "
        "part des chiffres réels à la date de situation (la réserve d'impact réalisée, la croissance "
        "mesurée des jours facturés, chaque ticket actif sorti à sa propre date). Ce rythme n'est connu "
        "que par quatre trimestres : chaque trajectoire tire d'abord le sien (la moyenne de quatre "
        "trimestres tirés au hasard parmi eux), puis chaque trimestre à venir parmi ces trimestres "
        "passés, ramenés à la valeur du levier ; 2\u202f000 trajectoires donnent la médiane (trait) et "
        "la bande de 80\u00a0% entre P10 et P90.",
        "simulator.limits": "Limites du modèle : les trimestres à venir sont tirés indépendamment les uns "
        "des autres (un bon trimestre ne rend pas le suivant meilleur) ; quatre trimestres disent peu des "
        "événements rares ; aucune saison ni aucun cycle n'est modélisé au-delà des leviers ; l'argent "
        "public suit l'argent privé dans la proportion mesurée ; un ticket détenu plus longtemps que la "
        "durée mesurée sort par parts égales sur la durée suivante. Le modèle ignore aussi les frais et "
        "les coûts, les pertes au-delà de la part passée en perte mesurée, le calendrier des appels de "
        "capital (un engagement ferme compte comme disponible dès sa signature) et les valorisations entre "
        "l'investissement et la sortie.",
        "simulator.horizon": "Horizon",
        "simulator.reset": "Revenir au rythme mesuré",
        "simulator.share": "Le scénario est dans l'adresse de la page : copiez-la pour le partager.",
        "simulator.group.members": "Membres",
        "simulator.group.support": "Accompagnement",
        "simulator.group.consultancy": "Consultance",
        "simulator.group.fund": "Fonds d'impact",
        "simulator.measured": "Mesuré : {value}",
        "simulator.lever.supported_joiners": "Entrepreneurs soutenus qui entrent, par trimestre",
        "simulator.lever.supported_leavers": "Entrepreneurs soutenus qui partent, par trimestre",
        "simulator.lever.supporting_joiners": "Entrepreneurs soutenants qui entrent, par trimestre",
        "simulator.lever.supporting_leavers": "Entrepreneurs soutenants qui partent, par trimestre",
        "simulator.lever.shares_per_joiner_eur": "Parts souscrites par nouveau membre",
        "simulator.lever.hours_per_supported": "Heures d'accompagnement par soutenu, par trimestre",
        "simulator.lever.hours_per_supporting": "Heures données par soutenant, par trimestre",
        "simulator.lever.consultancy_days": "Jours de consultance facturés, par trimestre",
        "simulator.lever.daily_rate_eur": "Tarif journalier",
        "simulator.lever.consultancy_growth": "Croissance des jours facturés",
        "simulator.lever.private_commitments_eur": "Engagements fermes privés, par trimestre",
        "simulator.lever.public_match": "Argent public par euro privé",
        "simulator.lever.invest_share_per_year": "Part du capital disponible investie",
        "simulator.lever.ticket_eur": "Taille d'un ticket",
        "simulator.lever.holding_years": "Durée de détention",
        "simulator.lever.exit_multiple": "Multiple de sortie (brut)",
        "simulator.lever.write_off_rate": "Part passée en perte",
        "simulator.lever.cap_rate": "Plafond des plus-values",
        "simulator.unit.people": "{x}",
        "simulator.unit.eur": "{x}\u00a0€",
        "simulator.unit.eur_day": "{x}\u00a0€/jour",
        "simulator.unit.hours": "{x}\u00a0h",
        "simulator.unit.days": "{x}\u00a0j",
        "simulator.unit.percent": "{x}\u00a0%",
        "simulator.unit.percent_year": "{x}\u00a0% par an",
        "simulator.unit.ratio": "{x}\u00a0€",
        "simulator.unit.years.one": "{x}\u00a0an",
        "simulator.unit.years.other": "{x}\u00a0ans",
        "simulator.unit.multiple": "{x}\u00a0×",
        "simulator.baseline_banner": "Projection au rythme mesuré (la référence) : ce ne sont pas des faits, "
        "mais ce que donnerait la poursuite du rythme des quatre derniers trimestres.",
        "simulator.scenario_banner": "Scénario : ces chiffres supposent des leviers modifiés, pas le rythme "
        "mesuré. {changed}. La référence reste dessinée en pointillé.",
        "simulator.changed_item": "{lever} : {before} → {after}",
        "simulator.saved": "Scénarios enregistrés",
        "simulator.saved.count.one": "{n} scénario enregistré.",
        "simulator.saved.count.other": "{n} scénarios enregistrés.",
        "simulator.saved.pick": "Scénario à ouvrir",
        "simulator.saved.item": "{title} · arrêté du {date}",
        "simulator.saved.open": "Ouvrir",
        "simulator.saved.none": "Aucun scénario enregistré pour l'instant.",
        "simulator.saved.unreadable": "Fichier de scénario illisible, laissé de côté tel quel : {problem}",
        "simulator.saved.title_input": "Titre du scénario à enregistrer",
        "simulator.saved.save": "Enregistrer les leviers actuels",
        "simulator.saved.not_allowed": "Seuls la direction et le conseil d'administration, connectés, "
        "peuvent enregistrer un scénario.",
        "simulator.saved.nothing_moved": "Aucun levier n'est modifié : la référence n'a pas besoin "
        "d'être enregistrée.",
        "simulator.saved.exists": "Le titre « {title} » est trop proche de celui d'un scénario déjà "
        "enregistré, « {existing} » : choisissez-en un autre. Rien n'a été remplacé.",
        "simulator.saved.bad_title": "Donnez un titre de 1 à {max} caractères, avec au moins une lettre "
        "ou un chiffre.",
        "simulator.saved.not_written": "Le scénario n'a pas pu être enregistré : {error}",
        "simulator.saved.done": "Scénario « {title} » enregistré. Pour le partager ou le projeter, "
        "copiez l'adresse de la page.",
        "simulator.saved_banner": "Scénario enregistré « {title} » (le {saved}, sur l'arrêté du {as_of}) : "
        "ces chiffres supposent des leviers modifiés, pas le rythme mesuré. {changed}. La référence "
        "reste dessinée en pointillé.",
        "simulator.saved.other_as_of": "Enregistré sur l'arrêté du {saved} et montré sur celui du "
        "{shown} : les leviers qu'il ne modifie pas suivent le rythme mesuré à cette date.",
        "simulator.saved.ignored.one": "{n} valeur enregistrée n'est pas proposée sur cet arrêté : "
        "ce levier suit le rythme mesuré.",
        "simulator.saved.ignored.other": "{n} valeurs enregistrées ne sont pas proposées sur cet "
        "arrêté : ces leviers suivent le rythme mesuré.",
        "simulator.slide": "Simulateur · {title}",
        "simulator.tile.supported": "{target} entrepreneurs soutenus atteints",
        "simulator.tile.fund": "{target} d'engagements fermes atteints",
        "simulator.tile.baseline": "référence : {when}",
        "simulator.tile.vs_baseline": "vs référence",
        "simulator.tile.help": "Trimestre médian (P50) des 2\u202f000 trajectoires.",
        "simulator.reached.already": "déjà atteint",
        "simulator.reached.never": "pas avant l'horizon",
        "simulator.reached.later": "après l'horizon",
        "simulator.reached.band": "Entre {p10} et {p90} pour 80\u00a0% des trajectoires.",
        "simulator.horizon.supported": "Soutenus fin {year}",
        "simulator.horizon.fund_hard": "Engagements fermes fin {year}",
        "simulator.horizon.impact_reserve": "Réserve d'impact fin {year}",
        "simulator.chart.supported": "Entrepreneurs soutenus",
        "simulator.chart.fund_hard": "Engagements fermes au fonds",
        "simulator.chart.hours_gap": "Heures d'accompagnement manquantes par trimestre",
        "simulator.chart.hours_gap.caption": "Heures nécessaires moins heures données par les soutenants ; "
        "sous zéro, la capacité suffit.",
        "simulator.chart.consultancy_revenue": "Chiffre d'affaires de consultance par trimestre",
        "simulator.chart.impact_reserve": "Réserve d'impact cumulée",
        "simulator.chart.jobs": "Emplois créés dans le portefeuille",
        "simulator.figure.baseline": "Référence (P50)",
        "simulator.figure.scenario": "Scénario (P50)",
        "simulator.figure.band": "P10–P90",
        "simulator.figure.target": "Objectif : {target}",
        "simulator.differences": "Différences à l'horizon",
        "simulator.differences.caption": "Valeurs médianes (P50) au dernier trimestre de l'horizon ; "
        "les heures et le chiffre d'affaires sont ceux de ce trimestre.",
        "simulator.col.series": "Indicateur",
        "simulator.col.unit": "Unité",
        "simulator.col.baseline": "Référence",
        "simulator.col.scenario": "Scénario",
        "simulator.col.difference": "Écart à la référence",
        "simulator.file": "simulateur_differences",
        "simulator.series.supported": "Entrepreneurs soutenus",
        "simulator.series.supported.help": "Membres soutenus actifs à la fin de l'horizon (médiane).",
        "simulator.series.supporting": "Entrepreneurs soutenants",
        "simulator.series.share_capital": "Capital social",
        "simulator.series.hours_needed": "Heures nécessaires",
        "simulator.series.hours_given": "Heures données",
        "simulator.series.hours_gap": "Heures manquantes",
        "simulator.series.consultancy_revenue": "Consultance (trimestre)",
        "simulator.series.fund_hard": "Engagements fermes",
        "simulator.series.fund_hard.help": "Engagements fermes privés et publics cumulés (médiane).",
        "simulator.series.invested": "Montant investi (cumul)",
        "simulator.series.exits_capped": "Sorties plafonnées (cumul)",
        "simulator.series.impact_reserve": "Réserve d'impact",
        "simulator.series.impact_reserve.help": "Excédent au-delà du plafond sur les sorties simulées, gardé "
        "par le fonds pour l'impact (médiane).",
        "simulator.series.jobs": "Emplois créés dans le portefeuille",
        "simulator.series.ghg_avoided": "GES évités dans le portefeuille",
        "simulator.value.fte": "{x}\u00a0ETP",
        "simulator.value.tco2e": "{x}\u00a0t éq. CO₂",
        "simulator.csv_unit.people": "personnes",
        "simulator.csv_unit.eur": "EUR",
        "simulator.csv_unit.hours": "heures",
        "simulator.csv_unit.fte": "ETP",
        "simulator.csv_unit.tco2e": "t éq. CO2",
        "simulator.empty": "Pas assez de données au {date} pour projeter : aucun membre actif.",
        # charts (issue 29, item 9): a scenario line equal to the baseline's says so
        "simulator.figure.scenario_same": "Scénario (P50), égal à la référence",
    },
    "en": {
        "page.simulator": "Simulator",
        "simulator.beyond_horizon": "The simulator projects to the end of {year} at the latest, and this "
        "snapshot's as-of date ({date}) is beyond it. Choose an earlier as-of date in the sidebar (a date "
        "so far ahead is often a typo: see the Data page).",
        "simulator.method": "A quarter-by-quarter projection to the end of the horizon. Each lever starts at "
        "the pace measured over the last four complete quarters: that is the baseline, and it starts from "
        "the actual figures on the as-of date (the realised impact reserve, the measured growth of billed "
        "days, each active ticket leaving on its own date). Four quarters are all that pace is known "
        "from: each path first draws its own (the mean of four quarters drawn at random from them), then "
        "every future quarter from those past quarters, scaled to the lever's value; 2,000 paths give the "
        "median (the line) and the 80% band between P10 and P90.",
        "simulator.limits": "The model's limits: future quarters are drawn independently of each other (a "
        "good quarter does not make the next one better); four quarters say little about rare events; no "
        "season or cycle is modelled beyond the levers; public money follows private money at the measured "
        "ratio; a ticket held longer than the measured holding period leaves in equal parts over the next "
        "one. The model also does not know fees and costs, defaults beyond the measured write-off rate, the "
        "timing of capital calls (a hard commitment counts as available once signed), or valuations "
        "between investment and exit.",
        "simulator.horizon": "Horizon",
        "simulator.reset": "Back to the measured pace",
        "simulator.share": "The scenario is in the page's address: copy it to share it.",
        "simulator.group.members": "Members",
        "simulator.group.support": "Support",
        "simulator.group.consultancy": "Consultancy",
        "simulator.group.fund": "Impact fund",
        "simulator.measured": "Measured: {value}",
        "simulator.lever.supported_joiners": "Supported entrepreneurs joining, per quarter",
        "simulator.lever.supported_leavers": "Supported entrepreneurs leaving, per quarter",
        "simulator.lever.supporting_joiners": "Supporting entrepreneurs joining, per quarter",
        "simulator.lever.supporting_leavers": "Supporting entrepreneurs leaving, per quarter",
        "simulator.lever.shares_per_joiner_eur": "Shares subscribed per new member",
        "simulator.lever.hours_per_supported": "Support hours per supported member, per quarter",
        "simulator.lever.hours_per_supporting": "Hours given per supporting member, per quarter",
        "simulator.lever.consultancy_days": "Consultancy days billed, per quarter",
        "simulator.lever.daily_rate_eur": "Daily rate",
        "simulator.lever.consultancy_growth": "Growth of billed days",
        "simulator.lever.private_commitments_eur": "Private hard commitments, per quarter",
        "simulator.lever.public_match": "Public money per private euro",
        "simulator.lever.invest_share_per_year": "Share of available capital invested",
        "simulator.lever.ticket_eur": "Ticket size",
        "simulator.lever.holding_years": "Holding period",
        "simulator.lever.exit_multiple": "Exit multiple (gross)",
        "simulator.lever.write_off_rate": "Share written off",
        "simulator.lever.cap_rate": "Cap on capital gains",
        "simulator.unit.people": "{x}",
        "simulator.unit.eur": "€{x}",
        "simulator.unit.eur_day": "€{x}/day",
        "simulator.unit.hours": "{x}\u00a0h",
        "simulator.unit.days": "{x}\u00a0d",
        "simulator.unit.percent": "{x}%",
        "simulator.unit.percent_year": "{x}% a year",
        "simulator.unit.ratio": "€{x}",
        "simulator.unit.years.one": "{x} year",
        "simulator.unit.years.other": "{x} years",
        "simulator.unit.multiple": "{x}\u00a0×",
        "simulator.baseline_banner": "Projection at the measured pace (the baseline): not facts, but what "
        "continuing the last four quarters' pace would give.",
        "simulator.scenario_banner": "Scenario: these figures assume changed levers, not the measured pace. "
        "{changed}. The baseline is still drawn dashed.",
        "simulator.changed_item": "{lever}: {before} → {after}",
        "simulator.saved": "Saved scenarios",
        "simulator.saved.count.one": "{n} saved scenario.",
        "simulator.saved.count.other": "{n} saved scenarios.",
        "simulator.saved.pick": "Scenario to open",
        "simulator.saved.item": "{title} · as of {date}",
        "simulator.saved.open": "Open",
        "simulator.saved.none": "No scenario saved yet.",
        "simulator.saved.unreadable": "Unreadable scenario file, left aside as it is: {problem}",
        "simulator.saved.title_input": "Title of the scenario to save",
        "simulator.saved.save": "Save the current levers",
        "simulator.saved.not_allowed": "Only directors and the board, logged in, can save a scenario.",
        "simulator.saved.nothing_moved": "No lever is moved: the baseline needs no saving.",
        "simulator.saved.exists": "The title “{title}” is too close to that of a scenario already "
        "saved, “{existing}”: choose another. Nothing was replaced.",
        "simulator.saved.bad_title": "Give a title of 1 to {max} characters, with at least one letter "
        "or digit.",
        "simulator.saved.not_written": "The scenario could not be saved: {error}",
        "simulator.saved.done": "Scenario “{title}” saved. To share or present it, copy the page's address.",
        "simulator.saved_banner": "Saved scenario “{title}” (on {saved}, as of {as_of}): these figures "
        "assume changed levers, not the measured pace. {changed}. The baseline is still drawn dashed.",
        "simulator.saved.other_as_of": "Saved as of {saved}, shown as of {shown}: the levers it does "
        "not move follow the pace measured on that date.",
        "simulator.saved.ignored.one": "{n} saved value is not offered as of this date: that lever "
        "follows the measured pace.",
        "simulator.saved.ignored.other": "{n} saved values are not offered as of this date: those "
        "levers follow the measured pace.",
        "simulator.slide": "Simulator · {title}",
        "simulator.tile.supported": "{target} supported entrepreneurs reached",
        "simulator.tile.fund": "{target} of hard commitments reached",
        "simulator.tile.baseline": "baseline: {when}",
        "simulator.tile.vs_baseline": "vs baseline",
        "simulator.tile.help": "The median (P50) quarter of the 2,000 paths.",
        "simulator.reached.already": "already reached",
        "simulator.reached.never": "not by the horizon",
        "simulator.reached.later": "after the horizon",
        "simulator.reached.band": "Between {p10} and {p90} for 80% of the paths.",
        "simulator.horizon.supported": "Supported, end of {year}",
        "simulator.horizon.fund_hard": "Hard commitments, end of {year}",
        "simulator.horizon.impact_reserve": "Impact reserve, end of {year}",
        "simulator.chart.supported": "Supported entrepreneurs",
        "simulator.chart.fund_hard": "Hard commitments to the fund",
        "simulator.chart.hours_gap": "Support hours missing per quarter",
        "simulator.chart.hours_gap.caption": "Hours needed minus hours given by supporting members; below "
        "zero, capacity suffices.",
        "simulator.chart.consultancy_revenue": "Consultancy revenue per quarter",
        "simulator.chart.impact_reserve": "Impact reserve, cumulative",
        "simulator.chart.jobs": "Jobs created in the portfolio",
        "simulator.figure.baseline": "Baseline (P50)",
        "simulator.figure.scenario": "Scenario (P50)",
        "simulator.figure.band": "P10–P90",
        "simulator.figure.target": "Target: {target}",
        "simulator.differences": "Differences at the horizon",
        "simulator.differences.caption": "Median (P50) values in the horizon's last quarter; hours and "
        "revenue are that quarter's.",
        "simulator.col.series": "Figure",
        "simulator.col.unit": "Unit",
        "simulator.col.baseline": "Baseline",
        "simulator.col.scenario": "Scenario",
        "simulator.col.difference": "Difference from the baseline",
        "simulator.file": "simulator_differences",
        "simulator.series.supported": "Supported entrepreneurs",
        "simulator.series.supported.help": "Active supported members at the end of the horizon (median).",
        "simulator.series.supporting": "Supporting entrepreneurs",
        "simulator.series.share_capital": "Share capital",
        "simulator.series.hours_needed": "Hours needed",
        "simulator.series.hours_given": "Hours given",
        "simulator.series.hours_gap": "Hours missing",
        "simulator.series.consultancy_revenue": "Consultancy (quarter)",
        "simulator.series.fund_hard": "Hard commitments",
        "simulator.series.fund_hard.help": "Private and public hard commitments, cumulative (median).",
        "simulator.series.invested": "Amount invested (cumulative)",
        "simulator.series.exits_capped": "Capped exits (cumulative)",
        "simulator.series.impact_reserve": "Impact reserve",
        "simulator.series.impact_reserve.help": "The excess over the cap on the simulated exits, kept by the "
        "fund for impact (median).",
        "simulator.series.jobs": "Jobs created in the portfolio",
        "simulator.series.ghg_avoided": "GHG avoided in the portfolio",
        "simulator.value.fte": "{x}\u00a0FTE",
        "simulator.value.tco2e": "{x}\u00a0tCO₂e",
        "simulator.csv_unit.people": "people",
        "simulator.csv_unit.eur": "EUR",
        "simulator.csv_unit.hours": "hours",
        "simulator.csv_unit.fte": "FTE",
        "simulator.csv_unit.tco2e": "tCO2e",
        "simulator.empty": "Not enough data on {date} to project: no active member.",
        # charts (issue 29, item 9): a scenario line equal to the baseline's says so
        "simulator.figure.scenario_same": "Scenario (P50), same as the baseline",
    },
}
