"""Texts of the rules on impossible histories and on the engine's limits (issue 33), fr and en."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "state.engine_limit.one": "Les pages ne peuvent pas lire cet instantané : {n} règle signale "
        "des valeurs qu'aucun calcul ne peut traiter (un montant au-delà de 999 999 999 999,99 € ou un "
        "texte de plus de 1 000 caractères). {where} Le détail est sur la page Données.",
        "state.engine_limit.other": "Les pages ne peuvent pas lire cet instantané : {n} règles signalent "
        "des valeurs qu'aucun calcul ne peut traiter (un montant au-delà de 999 999 999 999,99 € ou un "
        "texte de plus de 1 000 caractères). {where} Le détail est sur la page Données.",
        "problem.rule_money_limit.one": "{count} montant au-delà de {maximum} € (en plus ou en moins), "
        "plus qu'aucun calcul ne peut additionner",
        "problem.rule_money_limit.other": "{count} montants au-delà de {maximum} € (en plus ou en moins), "
        "plus qu'aucun calcul ne peut additionner",
        "import.rule_money_limit": "montant au-delà de {maximum} € : vérifiez le nombre de chiffres",
        "problem.rule_text_length.one": "{count} texte de plus de {maximum} caractères",
        "problem.rule_text_length.other": "{count} textes de plus de {maximum} caractères",
        "problem.rule_lookalike_id.one": "{count} ligne : identifiant qui ne diffère d'un autre que par "
        "la normalisation Unicode, une espace ou un caractère invisible",
        "problem.rule_lookalike_id.other": "{count} lignes : identifiants qui ne diffèrent d'un autre que "
        "par la normalisation Unicode, une espace ou un caractère invisible",
        "problem.rule_shares_overdrawn.one": "{count} ligne : un remboursement ou une cession de plus de "
        "parts que le membre n'en détenait de cette catégorie ce jour-là",
        "problem.rule_shares_overdrawn.other": "{count} lignes : des remboursements ou des cessions de "
        "plus de parts que le membre n'en détenait de cette catégorie ce jour-là",
        "problem.rule_calls_over_commitment.one": "{count} appel de fonds qui porte le total appelé "
        "au-delà de l'engagement",
        "problem.rule_calls_over_commitment.other": "{count} appels de fonds qui portent le total appelé "
        "au-delà de l'engagement",
        "problem.rule_impact_duplicate.one": "{count} ligne : un indicateur d'un membre donné plus d'une "
        "fois pour la même période",
        "problem.rule_impact_duplicate.other": "{count} lignes : un indicateur d'un membre donné plus "
        "d'une fois pour la même période",
        "problem.rule_left_before_joined.one": "{count} membre sorti avant son entrée (date de sortie "
        "antérieure à la date d'entrée)",
        "problem.rule_left_before_joined.other": "{count} membres sortis avant leur entrée (date de "
        "sortie antérieure à la date d'entrée)",
        "problem.rule_shares_after_leaving.one": "{count} ligne : des parts souscrites ou reçues après "
        "la sortie du membre",
        "problem.rule_shares_after_leaving.other": "{count} lignes : des parts souscrites ou reçues après "
        "la sortie du membre",
        "problem.rule_flow_before_signing.one": "{count} appel ou distribution daté avant la signature "
        "de l'engagement",
        "problem.rule_flow_before_signing.other": "{count} appels ou distributions datés avant la "
        "signature de l'engagement",
        "problem.rule_stage_before_creation.one": "{count} idée dont l'étape a changé avant sa création",
        "problem.rule_stage_before_creation.other": "{count} idées dont l'étape a changé avant leur création",
        "import.rule_text_length": "texte de plus de {maximum} caractères : raccourcissez-le",
        "import.rule_lookalike_id": "identifiant presque identique à un autre (normalisation Unicode, "
        "espace ou caractère invisible) : un seul identifiant par membre ou par ligne",
        "import.rule_shares_overdrawn": "plus de parts que le membre n'en détenait de cette catégorie à "
        "cette date : vérifiez la quantité et les lignes précédentes",
        "import.rule_calls_over_commitment": "les appels de cet engagement dépassent le montant engagé : "
        "vérifiez le montant de l'appel et celui de l'engagement",
        "import.rule_impact_duplicate": "même membre, même période, même indicateur qu'une autre ligne : "
        "gardez-en une seule",
        "import.rule_left_before_joined": "date de sortie antérieure à la date d'entrée : vérifiez les "
        "deux dates",
        "import.rule_shares_after_leaving": "parts souscrites ou reçues après la sortie du membre : "
        "publié, mais signalé",
        "import.rule_flow_before_signing": "daté avant la signature de l'engagement : publié, mais signalé",
        "import.rule_stage_before_creation": "étape changée avant la création de l'idée : publié, mais "
        "signalé",
    },
    "en": {
        "state.engine_limit.one": "The pages cannot read this snapshot: {n} rule finds values no "
        "calculation can handle (an amount above €999,999,999,999.99 or a text longer than 1,000 "
        "characters). {where} The Data page has the details.",
        "state.engine_limit.other": "The pages cannot read this snapshot: {n} rules find values no "
        "calculation can handle (an amount above €999,999,999,999.99 or a text longer than 1,000 "
        "characters). {where} The Data page has the details.",
        "problem.rule_money_limit.one": "{count} amount beyond €{maximum} either way, more than any "
        "calculation can add up",
        "problem.rule_money_limit.other": "{count} amounts beyond €{maximum} either way, more than any "
        "calculation can add up",
        "import.rule_money_limit": "amount beyond €{maximum}: check the number of digits",
        "problem.rule_text_length.one": "{count} text longer than {maximum} characters",
        "problem.rule_text_length.other": "{count} texts longer than {maximum} characters",
        "problem.rule_lookalike_id.one": "{count} row: an id that differs from another only by Unicode "
        "normalisation, a space or an invisible character",
        "problem.rule_lookalike_id.other": "{count} rows: ids that differ from another only by Unicode "
        "normalisation, a space or an invisible character",
        "problem.rule_shares_overdrawn.one": "{count} row: a redemption or transfer out of more shares "
        "than the member held of that class that day",
        "problem.rule_shares_overdrawn.other": "{count} rows: redemptions or transfers out of more shares "
        "than the member held of that class that day",
        "problem.rule_calls_over_commitment.one": "{count} capital call taking the amount called above "
        "the commitment",
        "problem.rule_calls_over_commitment.other": "{count} capital calls taking the amount called above "
        "the commitment",
        "problem.rule_impact_duplicate.one": "{count} row: a member's metric given more than once for "
        "one period",
        "problem.rule_impact_duplicate.other": "{count} rows: a member's metric given more than once for "
        "one period",
        "problem.rule_left_before_joined.one": "{count} member who left before joining (a leaving date "
        "before the joining date)",
        "problem.rule_left_before_joined.other": "{count} members who left before joining (a leaving "
        "date before the joining date)",
        "problem.rule_shares_after_leaving.one": "{count} row: shares subscribed or received after the "
        "member left",
        "problem.rule_shares_after_leaving.other": "{count} rows: shares subscribed or received after the "
        "member left",
        "problem.rule_flow_before_signing.one": "{count} call or distribution dated before the "
        "commitment was signed",
        "problem.rule_flow_before_signing.other": "{count} calls or distributions dated before the "
        "commitment was signed",
        "problem.rule_stage_before_creation.one": "{count} idea whose stage changed before it was created",
        "problem.rule_stage_before_creation.other": "{count} ideas whose stage changed before they were "
        "created",
        "import.rule_text_length": "text longer than {maximum} characters: shorten it",
        "import.rule_lookalike_id": "an id almost identical to another (Unicode normalisation, a space or "
        "an invisible character): one id per member or row",
        "import.rule_shares_overdrawn": "more shares than the member held of that class on that date: "
        "check the quantity and the rows before",
        "import.rule_calls_over_commitment": "this commitment's calls exceed the amount committed: check "
        "the call's amount and the commitment's",
        "import.rule_impact_duplicate": "same member, period and metric as another row: keep one",
        "import.rule_left_before_joined": "leaving date before the joining date: check both dates",
        "import.rule_shares_after_leaving": "shares subscribed or received after the member left: "
        "published, but flagged",
        "import.rule_flow_before_signing": "dated before the commitment was signed: published, but flagged",
        "import.rule_stage_before_creation": "stage changed before the idea was created: published, but "
        "flagged",
    },
}
