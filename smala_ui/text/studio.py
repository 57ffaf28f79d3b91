"""Texts of the Studio page, merged into ``smala_ui.text.CATALOGUE``."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "studio.stage.idea": "Idée",
        "studio.stage.exploring": "Exploration",
        "studio.stage.building": "Construction",
        "studio.stage.launched": "Lancée",
        "studio.stage.dropped": "Abandonnée",
        "studio.empty": "Aucune idée au studio au {date} : rien à montrer pour cette date.",
        "studio.kpi.ideas": "Idées",
        "studio.kpi.ideas.help": "Toutes les idées connues au {date}, abandonnées comprises.",
        "studio.kpi.active": "En cours",
        "studio.kpi.active.help": "Idées au stade idée, exploration ou construction.",
        "studio.kpi.launched": "Lancées",
        "studio.kpi.launched.help": "Idées devenues des entreprises lancées.",
        "studio.kpi.dropped": "Abandonnées",
        "studio.kpi.dropped.help": "Idées abandonnées : elles sont comptées à part, hors de l'entonnoir.",
        "studio.kpi.from_intro": "Nées d'une mise en relation",
        "studio.kpi.from_intro.help": "Idées dont deux membres à l'origine avaient été mis en relation "
        "par la coopérative au plus tard le jour de leur création.",
        "studio.funnel": "Idées par étape",
        "studio.funnel_caption": "Chaque étape compte les idées qui l'ont atteinte, y compris celles "
        "allées plus loin et celles abandonnées ensuite ; « à ce stade » compte celles qui y sont au "
        "{date}.",
        "studio.dropped_apart.one": "{count}\u00a0idée abandonnée : comptée jusqu'à l'étape la plus "
        "avancée qu'elle avait atteinte, jamais « à ce stade ».",
        "studio.dropped_apart.other": "{count}\u00a0idées abandonnées : comptées jusqu'à l'étape la plus "
        "avancée qu'elles avaient atteinte, jamais « à ce stade ».",
        "studio.durations": "Temps passé à chaque étape",
        "studio.durations_method": "Méthode : chaque instantané donne l'étape de chaque idée et sa date "
        "d'entrée ; le séjour dans une étape va de cette date à la date d'entrée dans l'étape suivante "
        "vue dans un instantané ultérieur (l'étape idée commence à la création, et une étape franchie "
        "entre deux instantanés compte dans la précédente).",
        "studio.durations_empty": "Aucune idée n'a encore quitté une étape : pas de durée à montrer.",
        "studio.origins": "D'où viennent les idées",
        "studio.origins_caption": "Les entreprises des membres à l'origine de chaque idée, et la mise "
        "en relation entre deux d'entre eux qui a précédé l'idée, s'il y en a une.",
        "studio.col.title": "Idée",
        "studio.col.stage": "Étape",
        "studio.col.created_on": "Créée le",
        "studio.col.since": "À cette étape depuis le",
        "studio.col.companies": "Entreprises à l'origine",
        "studio.col.origin": "Origine",
        "studio.col.introduction_on": "Date de la mise en relation",
        "studio.born_from": "née de la mise en relation du {date}",
        "studio.no_introduction": "sans mise en relation connue",
        "studio.fig.reached": "{stage} : {reached} idées l'ont atteinte, dont {now} à ce stade",
        "studio.fig.now": "{now} à ce stade",
        "studio.fig.finished": "Étapes terminées (médiane)",
        "studio.fig.current": "Idées encore à cette étape (médiane jusqu'ici)",
        "studio.fig.days": "{days}\u00a0j ({count})",
        "studio.fig.days_axis": "Jours (médiane)",
        "studio.fig.hover_days": "{stage} · {series} : {days}\u00a0jours, {count}",
        "studio.ideas.one": "{count}\u00a0idée",
        "studio.ideas.other": "{count}\u00a0idées",
    },
    "en": {
        "studio.stage.idea": "Idea",
        "studio.stage.exploring": "Exploring",
        "studio.stage.building": "Building",
        "studio.stage.launched": "Launched",
        "studio.stage.dropped": "Dropped",
        "studio.empty": "No idea in the studio as of {date}: nothing to show for this date.",
        "studio.kpi.ideas": "Ideas",
        "studio.kpi.ideas.help": "Every idea known on {date}, dropped ones included.",
        "studio.kpi.active": "In progress",
        "studio.kpi.active.help": "Ideas at the idea, exploring or building stage.",
        "studio.kpi.launched": "Launched",
        "studio.kpi.launched.help": "Ideas that became launched ventures.",
        "studio.kpi.dropped": "Dropped",
        "studio.kpi.dropped.help": "Dropped ideas: counted apart, outside the funnel.",
        "studio.kpi.from_intro": "Born from an introduction",
        "studio.kpi.from_intro.help": "Ideas two of whose origin members had been introduced to each "
        "other by the cooperative on or before the day the idea was created.",
        "studio.funnel": "Ideas by stage",
        "studio.funnel_caption": "Each stage counts the ideas that reached it, including those that "
        "went further and those dropped afterwards; 'at this stage now' counts those at it on {date}.",
        "studio.dropped_apart.one": "{count}\u00a0idea dropped: counted up to the furthest stage it "
        "had reached, never 'at this stage now'.",
        "studio.dropped_apart.other": "{count}\u00a0ideas dropped: counted up to the furthest stage "
        "they had reached, never 'at this stage now'.",
        "studio.durations": "Time spent in each stage",
        "studio.durations_method": "Method: each snapshot gives every idea's stage and the date it "
        "entered it; a stay in a stage runs from that date to the date the next stage seen in a later "
        "snapshot was entered (the idea stage starts at creation, and a stage passed between two "
        "snapshots counts in the one before).",
        "studio.durations_empty": "No idea has left a stage yet: no duration to show.",
        "studio.origins": "Where the ideas come from",
        "studio.origins_caption": "The companies of the members each idea came from, and the "
        "introduction between two of them that preceded the idea, if there was one.",
        "studio.col.title": "Idea",
        "studio.col.stage": "Stage",
        "studio.col.created_on": "Created on",
        "studio.col.since": "At this stage since",
        "studio.col.companies": "Origin companies",
        "studio.col.origin": "Origin",
        "studio.col.introduction_on": "Introduction date",
        "studio.born_from": "born from the introduction of {date}",
        "studio.no_introduction": "no known introduction",
        "studio.fig.reached": "{stage}: {reached} ideas reached it, {now} at this stage now",
        "studio.fig.now": "{now} at this stage now",
        "studio.fig.finished": "Finished stays (median)",
        "studio.fig.current": "Ideas still at this stage (median so far)",
        "studio.fig.days": "{days}\u00a0d ({count})",
        "studio.fig.days_axis": "Days (median)",
        "studio.fig.hover_days": "{stage} · {series}: {days}\u00a0days, {count}",
        "studio.ideas.one": "{count}\u00a0idea",
        "studio.ideas.other": "{count}\u00a0ideas",
    },
}
