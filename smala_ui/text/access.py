"""Texts of login, roles and access (French and English)."""

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "audit.title": "Journal d'audit",
        "audit.help": "Les connexions, les changements de rôle, les téléchargements et les publications, "
        "une ligne par événement, dans {folder}. Une ligne écrite n'est jamais réécrite. Réservé à la "
        "direction.",
        "audit.empty": "Le journal est vide pour l'instant.",
        "audit.filter_who": "Qui",
        "audit.filter_action": "Action",
        "audit.filter_since": "Depuis le",
        "audit.filter_all": "Tous",
        "audit.shown.one": "{n} ligne sur {total}",
        "audit.shown.other": "{n} lignes sur {total}",
        "audit.unreadable.one": "{n} ligne du journal est illisible (écriture interrompue ou modifiée à la "
        "main) : {lines}.",
        "audit.unreadable.other": "{n} lignes du journal sont illisibles (écriture interrompue ou modifiées "
        "à la main) : {lines}.",
        "audit.col.at": "Quand (UTC)",
        "audit.col.who": "Qui",
        "audit.col.role": "Rôle",
        "audit.col.action": "Action",
        "audit.col.snapshot": "Instantané",
        "audit.col.detail": "Détail",
        "audit.action.login": "connexion",
        "audit.action.role_change": "changement de rôle",
        "audit.action.download": "téléchargement",
        "audit.action.publish": "publication",
        "audit.action.replace": "remplacement",
        "audit.action.scenario_saved": "scénario enregistré",
        "audit.anonymous": "visiteur non connecté",
        "audit.file": "journal_audit",
        "audit.failed": "Publié, mais la ligne du journal d'audit n'a pas pu être écrite : {error}",
        "access.role.director": "direction",
        "access.role.board": "conseil d'administration",
        "access.role.member": "membre",
        "access.signed_in": "Connexion : {name} ({role})",
        "access.logout": "Se déconnecter",
        "access.login": "Se connecter",
        "access.login_with": "Se connecter avec {provider}",
        "access.login_title": "La Smala · tableau de bord",
        "access.login_body": "Ce tableau de bord montre les chiffres de la coopérative et de son fonds. "
        "Connectez-vous avec l'adresse que la direction a inscrite.",
        "access.no_access_title": "Pas d'accès",
        "access.no_access_body": "L'adresse {email} n'a accès à aucune page de ce tableau de bord. Si vous "
        "pensez y avoir droit, demandez à la direction de vous inscrire, puis reconnectez-vous.",
        "access.page_forbidden": "La page « {page} » ne vous est pas ouverte : voici la première de vos "
        "pages.",
        "access.page_refused": "Cette page ne vous est pas ouverte.",
        "access.rows_withheld": "La liste, nom par nom, est réservée à la direction et au conseil "
        "d'administration.",
        "access.open_banner": "Accès ouvert : sans connexion configurée, ce serveur montre les données "
        "réelles à quiconque l'atteint, comme à la direction (open_access dans smala.toml). Les noms restent "
        "masqués tant que personne n'est connecté.",
        "access.aggregates_banner": "Données réelles sans connexion : seuls les chiffres d'ensemble sont "
        "montrés, sans import ni noms. Pour tout voir, configurez la connexion (README, section « Login and "
        "roles »).",
    },
    "en": {
        "audit.title": "Audit trail",
        "audit.help": "Logins, role changes, downloads and publishes, one line per event, in {folder}. A "
        "line once written is never rewritten. For the directors only.",
        "audit.empty": "The trail is empty so far.",
        "audit.filter_who": "Who",
        "audit.filter_action": "Action",
        "audit.filter_since": "Since",
        "audit.filter_all": "All",
        "audit.shown.one": "{n} line of {total}",
        "audit.shown.other": "{n} lines of {total}",
        "audit.unreadable.one": "{n} line of the trail cannot be read (an interrupted write, or edited by "
        "hand): {lines}.",
        "audit.unreadable.other": "{n} lines of the trail cannot be read (an interrupted write, or edited "
        "by hand): {lines}.",
        "audit.col.at": "When (UTC)",
        "audit.col.who": "Who",
        "audit.col.role": "Role",
        "audit.col.action": "Action",
        "audit.col.snapshot": "Snapshot",
        "audit.col.detail": "Detail",
        "audit.action.login": "login",
        "audit.action.role_change": "role change",
        "audit.action.download": "download",
        "audit.action.publish": "publish",
        "audit.action.replace": "replace",
        "audit.action.scenario_saved": "scenario saved",
        "audit.anonymous": "visitor not logged in",
        "audit.file": "audit_trail",
        "audit.failed": "Published, but the audit trail's line could not be written: {error}",
        "access.role.director": "director",
        "access.role.board": "board",
        "access.role.member": "member",
        "access.signed_in": "Signed in: {name} ({role})",
        "access.logout": "Log out",
        "access.login": "Log in",
        "access.login_with": "Log in with {provider}",
        "access.login_title": "La Smala · dashboard",
        "access.login_body": "This dashboard shows the figures of the cooperative and its fund. Log in with "
        "the address the directors registered.",
        "access.no_access_title": "No access",
        "access.no_access_body": "The address {email} has access to no page of this dashboard. If it should, "
        "ask the directors to register you, then log in again.",
        "access.page_forbidden": "The page “{page}” is not open to you: here is the first of your pages.",
        "access.page_refused": "This page is not open to you.",
        "access.rows_withheld": "The list, name by name, is for the directors and the board only.",
        "access.open_banner": "Open access: with no login configured, this server shows the real data to "
        "anyone who reaches it, as to a director (open_access in smala.toml). Names stay hidden while "
        "nobody is logged in.",
        "access.aggregates_banner": "Real data without login: only overall figures are shown, with no import "
        "and no names. To see everything, configure login (README, section “Login and roles”).",
    },
}
