"""Who sees what (issue 12): the roles read from ``[access]``, the policy each viewer gets, and,
through the router in AppTest, the pages each role can open, the screens of a viewer with none,
the banners of a server open without login, and the lists kept from members."""

import pytest
from conftest import PAGE_FILES, ROLE_EMAILS, log_in, new_app

from analytics.access.audit import Event, read_events, record
from analytics.access.policy import Access, Basis, Policy, Role, policy_for
from analytics.config import ConfigError, load_settings
from smala_ui.escape import md_escape
from smala_ui.navigation import PAGE_KEYS
from smala_ui.text import CATALOGUE

ACCESS = Access(
    directors=("direction@example.org",),
    board=("conseil@example.org",),
    members=("membre@example.org",),
    roles_claim="roles",
)


# -- the policy, pure ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claims", "role"),
    [
        ({"email": "direction@example.org"}, Role.DIRECTOR),
        ({"email": "  Direction@Example.ORG "}, Role.DIRECTOR),  # providers vary the case
        ({"email": "conseil@example.org"}, Role.BOARD),
        ({"email": "membre@example.org"}, Role.MEMBER),
        ({"email": "inconnu@example.org"}, None),
        ({}, None),
        # the roles claim, when the address is in no list: the highest role it names
        ({"email": "x@example.org", "roles": ["Member", "board"]}, Role.BOARD),
        ({"email": "x@example.org", "roles": "director"}, Role.DIRECTOR),
        ({"email": "x@example.org", "roles": ["treasurer"]}, None),
        ({"email": "x@example.org", "groups": ["director"]}, None),  # another claim: not read
        # a listed address keeps its list's role whatever the claim says
        ({"email": "membre@example.org", "roles": ["director"]}, Role.MEMBER),
    ],
)
def test_a_logged_in_user_gets_the_role_of_their_address_or_claim(claims, role):
    policy = policy_for(ACCESS, claims, login_configured=True, demo_only=False)
    assert policy.role == role
    assert policy.basis is (Basis.LOGIN if role else Basis.NO_ACCESS)
    assert policy.personal_data is (role is Role.DIRECTOR)  # names: directors only


def test_without_a_roles_claim_configured_no_claim_is_read():
    access = Access(directors=("direction@example.org",))
    assert access.role_of({"email": "x@example.org", "roles": ["director"]}) is None


@pytest.mark.parametrize(
    ("login_configured", "demo_only", "open_access", "expected"),
    [
        # login configured: nobody sees anything before logging in, demo data or not
        (True, True, None, Policy(None, False, Basis.LOGIN_REQUIRED)),
        (True, False, Role.DIRECTOR, Policy(None, False, Basis.LOGIN_REQUIRED)),
        # no login: the demo stays open as before; real data shows aggregates only ...
        (False, True, None, Policy(Role.DIRECTOR, False, Basis.DEMO)),
        (False, False, None, Policy(Role.BOARD, False, Basis.AGGREGATES)),
        # ... unless the director opened it explicitly; names stay hidden all the same
        (False, False, Role.DIRECTOR, Policy(Role.DIRECTOR, False, Basis.OPEN_ACCESS)),
    ],
)
def test_a_logged_out_visitor(login_configured, demo_only, open_access, expected):
    access = Access(directors=("direction@example.org",), open_access=open_access)
    assert policy_for(access, None, login_configured, demo_only) == expected


def test_what_each_role_may_read():
    director = Policy(Role.DIRECTOR, True, Basis.LOGIN)
    board = Policy(Role.BOARD, False, Basis.LOGIN)
    member = Policy(Role.MEMBER, False, Basis.LOGIN)
    aggregates = Policy(Role.BOARD, False, Basis.AGGREGATES)
    nobody = Policy(None, False, Basis.NO_ACCESS)
    assert director.scope.may_read("commitments") and board.scope.may_read("commitments")
    assert sorted(member.scope.tables) == ["impact", "members", "services", "shares"]
    assert not member.scope.may_read("investments") and not member.scope.may_read("consultancy")
    assert nobody.scope.tables == frozenset()
    # as the audit trail names them
    assert (Policy(Role.BOARD, False, Basis.LOGIN, "a@b.be").who, board.role_name) == ("a@b.be", "board")
    assert (aggregates.who, nobody.role_name) == ("anonymous", "")
    assert [p.scope.rows for p in (director, board, member, aggregates, nobody)] == [
        True,
        True,
        False,
        False,
        False,
    ]
    assert [p.can_publish for p in (director, board, member, aggregates, nobody)] == [
        True,
        False,
        False,
        False,
        False,
    ]


# -- the configuration -----------------------------------------------------------------------


def test_the_access_table_is_read_with_addresses_in_lower_case(tmp_path):
    config = tmp_path / "smala.toml"
    config.write_text(
        '[access]\ndirectors = ["Direction@Example.org"]\nboard = ["a@b.be", "C@D.be"]\n'
        'roles_claim = "roles"\nopen_access = "director"\n'
    )
    access = load_settings(config, environ={}).access
    assert access == Access(
        directors=("direction@example.org",),
        board=("a@b.be", "c@d.be"),
        members=(),
        roles_claim="roles",
        open_access=Role.DIRECTOR,
    )


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[access]\nopen_access = "board"\n', 'open_access can only be "director"'),
        ('[access]\ndirectors = "a@b.be"\n', "[access] directors must be a list of e-mail addresses"),
        ('[access]\nboard = ["not an address"]\n', "[access] board must be a list of e-mail addresses"),
        ('[access]\nadmins = ["a@b.be"]\n', "[access]: unknown key(s) admins"),
        ('[access]\nroles_claim = ""\n', "roles_claim must be the name of a claim"),
        ('personal_data_viewers = ["a@b.be"]\n', "personal_data_viewers is replaced by [access] directors"),
    ],
)
def test_a_bad_access_table_is_refused_naming_the_key(tmp_path, toml, message):
    config = tmp_path / "smala.toml"
    config.write_text(toml)
    with pytest.raises(ConfigError) as raised:
        load_settings(config, environ={})
    assert message in str(raised.value)
    assert str(config) in str(raised.value)


# -- through the router ----------------------------------------------------------------------


def reachable(at) -> list[str]:
    """Return the pages ``at``'s last run registered (AppTest refuses to switch to any other)."""
    found = []
    for key in PAGE_KEYS:
        try:
            at.switch_page(PAGE_FILES[key])
        except ValueError:
            continue
        found.append(key)
    return found


ROLE_PAGES = {
    "director": list(PAGE_KEYS),
    "board": [key for key in PAGE_KEYS if key != "importing"],
    "member": ["cooperative", "support", "impact"],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("role", ["director", "board", "member"])
def test_each_role_has_its_pages_and_its_name_in_the_sidebar(role, lang, fixture_data_dir, monkeypatch):
    at = new_app(lang, data_dir=fixture_data_dir, monkeypatch=monkeypatch, role=role).run()
    assert not at.exception
    assert reachable(at) == ROLE_PAGES[role]
    role_name = CATALOGUE[lang][f"access.role.{role}"]
    signed_in = CATALOGUE[lang]["access.signed_in"].format(name=f"Test {role}", role=role_name)
    assert signed_in in [c.value for c in at.sidebar.caption]
    assert at.sidebar.button(key="logout").label == CATALOGUE[lang]["access.logout"]
    # the first page opened by default is one of the role's
    first = ROLE_PAGES[role][0]
    title_key = "page.capped" if first == "capped_returns" else f"page.{first}"
    assert at.title[0].value == CATALOGUE[lang][title_key]
    assert not at.info and not at.warning  # logged in: no banner


def test_a_member_sees_aggregates_only_on_their_pages(monkeypatch):
    """On the demo data, which has members not helped for 90 days, and mentors, and tickets."""
    withheld = CATALOGUE["fr"]["access.rows_withheld"]
    at = new_app(monkeypatch=monkeypatch, role="member").run()
    at.switch_page(PAGE_FILES["support"]).run()
    assert not at.exception and not at.error
    assert withheld in [c.value for c in at.caption]
    assert "support_network_window" not in [w.key for w in at.get("segmented_control")]  # no network
    assert not at.dataframe  # the page's one table lists the members not helped, by name
    at.switch_page(PAGE_FILES["impact"]).run()
    assert not at.exception and not at.error
    invested = CATALOGUE["fr"]["impact.invested"]
    assert invested not in [s.value for s in at.subheader]  # the fund's portfolio, by company
    # the board, on the same pages, sees the lists
    board = new_app(monkeypatch=monkeypatch, role="board").run()
    board.switch_page(PAGE_FILES["impact"]).run()
    assert invested in [s.value for s in board.subheader]
    board.switch_page(PAGE_FILES["support"]).run()
    assert withheld not in [c.value for c in board.caption]
    assert "support_network_window" in [w.key for w in board.get("segmented_control")]
    assert len(board.dataframe) == 1


@pytest.mark.parametrize("key", ROLE_PAGES["member"])
def test_a_member_presents_their_pages_with_their_slides_only(key, fixture_data_dir, monkeypatch):
    """Issue 33, item 3: a member presenting their first page (served at ``/``) had it taken for
    the Overview, and its slide bar linked to a page they do not have: an exception. The board's
    slides they have are the Impact slide alone, one of one; their other pages are no slide."""
    at = new_app(data_dir=fixture_data_dir, monkeypatch=monkeypatch, role="member", present="1")
    at.switch_page(PAGE_FILES[key]).run()
    assert not at.exception and not at.error
    bar = [m.value for m in at.markdown if m.value.startswith("**Conseil")]
    expected = [True] if key == "impact" else []  # the Impact slide is in parts on a small screen
    assert [b.startswith("**Conseil · 1 / 1** · partie 1 sur ") for b in bar] == expected


def test_a_page_left_open_is_refused_once_the_role_no_longer_has_it(fixture_data_dir, monkeypatch):
    """A board member on the Fund page is made a member: their next run shows no fund figure
    (revocation takes effect at the next rerun)."""
    at = new_app(data_dir=fixture_data_dir, monkeypatch=monkeypatch, role="board").run()
    at.switch_page(PAGE_FILES["fund"]).run()
    assert at.title[0].value == CATALOGUE["fr"]["page.fund"]
    at.user["email"] = ROLE_EMAILS["member"]
    at.run()
    assert not at.exception
    assert at.title[0].value == CATALOGUE["fr"]["page.cooperative"]  # the member's first page
    assert CATALOGUE["fr"]["page.fund"] not in [t.value for t in at.title]
    # and removed from every list: no page at all
    at.user["email"] = "parti@example.org"
    at.run()
    assert not at.exception
    assert at.title[0].value == CATALOGUE["fr"]["access.no_access_title"]
    assert not at.metric and not at.dataframe and not at.table


def test_an_unknown_address_logged_in_sees_no_figure(fixture_data_dir, monkeypatch):
    at = new_app(data_dir=fixture_data_dir, monkeypatch=monkeypatch)
    log_in(at, monkeypatch, email="inconnu@example.org")
    at.run()
    assert not at.exception
    assert at.title[0].value == CATALOGUE["fr"]["access.no_access_title"]
    # the address comes from the identity provider: escaped for Markdown
    body = CATALOGUE["fr"]["access.no_access_body"].format(email=md_escape("inconnu@example.org"))
    assert body in [m.value for m in at.markdown]
    assert not at.metric and not at.dataframe and not at.table
    assert reachable(at) == []
    assert at.button(key="logout_no_access").label == CATALOGUE["fr"]["access.logout"]


AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32}}


@pytest.mark.parametrize("demo", [True, False])
def test_with_login_configured_a_logged_out_visitor_sees_only_the_login(demo, fixture_data_dir, monkeypatch):
    at = new_app(data_dir=None if demo else fixture_data_dir, monkeypatch=monkeypatch)
    at.secrets.update(AUTH | {"auth": AUTH["auth"] | {"microsoft": {"client_id": "x"}}})
    at.run()
    assert not at.exception
    assert at.title[0].value == CATALOGUE["fr"]["access.login_title"]
    login = at.button(key="login_microsoft")
    assert login.label == CATALOGUE["fr"]["access.login_with"].format(provider="Microsoft")
    assert not at.metric and not at.dataframe and not at.table
    assert reachable(at) == []


def test_demo_data_stays_open_without_login(monkeypatch):
    at = new_app(monkeypatch=monkeypatch).run()  # the shipped demo data
    assert not at.exception
    assert reachable(at) == list(PAGE_KEYS)  # the import included, as before
    assert not at.info and not at.warning
    assert not at.sidebar.button  # nobody to log out


def test_real_data_without_login_shows_aggregates_only_and_says_how_to_log_in(fixture_data_dir, monkeypatch):
    banner = CATALOGUE["fr"]["access.aggregates_banner"]
    at = new_app(data_dir=fixture_data_dir, monkeypatch=monkeypatch).run()
    assert not at.exception
    assert reachable(at) == ROLE_PAGES["board"]  # no import, no publish
    for key in ROLE_PAGES["board"]:
        at.switch_page(PAGE_FILES[key]).run()
        assert not at.exception, key
        assert banner in [i.value for i in at.info], key  # on every page
    at.switch_page(PAGE_FILES["support"]).run()
    assert CATALOGUE["fr"]["access.rows_withheld"] in [c.value for c in at.caption]


def test_open_access_serves_a_director_without_names_and_says_so(fixture_data_dir, monkeypatch, tmp_path):
    config = tmp_path / "smala.toml"
    config.write_text('[access]\nopen_access = "director"\n')
    monkeypatch.setenv("SMALA_CONFIG", str(config))
    at = new_app(data_dir=fixture_data_dir, monkeypatch=monkeypatch).run()
    assert not at.exception
    assert reachable(at) == list(PAGE_KEYS)
    banner = CATALOGUE["fr"]["access.open_banner"]
    for key in ("overview", "importing", "data"):
        at.switch_page(PAGE_FILES[key]).run()
        assert not at.exception, key
        assert banner in [w.value for w in at.warning], key
    # the Data page withholds the names: nobody is logged in
    hidden = CATALOGUE["fr"]["data.personal_hidden"].split("{")[0]
    assert any(c.value.startswith(hidden) for c in at.caption)


@pytest.mark.parametrize(("role", "names_hidden"), [("director", False), ("board", True)])
def test_only_a_director_gets_names_in_the_downloads(role, names_hidden, fixture_data_dir, monkeypatch):
    at = new_app(data_dir=fixture_data_dir, monkeypatch=monkeypatch, role=role).run()
    at.switch_page(PAGE_FILES["data"]).run()
    assert not at.exception
    hidden = CATALOGUE["fr"]["data.personal_hidden"].split("{")[0]
    assert any(c.value.startswith(hidden) for c in at.caption) is names_hidden


# -- the audit trail, through the router -----------------------------------------------------


def trail(data_dir) -> list[tuple[str, str, str, str]]:
    events, problems = read_events(data_dir)
    assert not problems
    return [(e.who, e.role, e.action, e.detail) for e in events]


def test_a_login_is_recorded_once_per_person_and_role_and_a_role_change_too(fixture_dir, monkeypatch):
    at = new_app(data_dir=fixture_dir, monkeypatch=monkeypatch)
    log_in(at, monkeypatch, email="x@example.org", roles=["member"])
    at.run()
    at.run()  # the same session again: no second line
    assert trail(fixture_dir) == [("x@example.org", "member", "login", "")]
    at.user["roles"] = ["board"]  # given another role at the provider, within the session
    at.run()
    assert trail(fixture_dir)[1:] == [("x@example.org", "board", "role_change", "member")]
    # a new session of the same person in the same role within the half hour (a reload): no
    # line (issue 33, item 10: one login line per page load filled the trail)
    again = new_app(data_dir=fixture_dir, monkeypatch=monkeypatch)
    log_in(again, monkeypatch, email="x@example.org", roles=["board"])
    again.run()
    assert len(trail(fixture_dir)) == 2
    # a session after the role was taken away: recorded as a login and a change to no role
    gone = new_app(data_dir=fixture_dir, monkeypatch=monkeypatch)
    log_in(gone, monkeypatch, email="x@example.org")
    gone.run()
    assert not gone.exception
    assert trail(fixture_dir)[2:] == [
        ("x@example.org", "", "login", ""),
        ("x@example.org", "", "role_change", "board"),
    ]


def test_a_visitor_without_login_leaves_no_login_line(fixture_dir, monkeypatch):
    new_app(data_dir=fixture_dir, monkeypatch=monkeypatch).run()
    assert trail(fixture_dir) == []


def trail_table(at):
    """Return the Data page's audit table (the one with a "Who" column)."""
    (table,) = [d.value for d in at.dataframe if "Who" in d.value.columns]
    return table


def test_directors_see_the_trail_on_the_data_page_filterable(fixture_dir, monkeypatch):
    record(fixture_dir, Event("conseil@example.org", "board", "download", "2026-03-31", "smala_members.csv"))
    record(fixture_dir, Event("anonymous", "director", "download", "2026-03-31", "x.csv"))
    at = new_app("en", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director").run()
    at.switch_page(PAGE_FILES["data"]).run()
    assert not at.exception
    assert CATALOGUE["en"]["audit.title"] in [s.value for s in at.subheader]
    table = trail_table(at)
    # newest first: the director's own login, then the two downloads
    assert table["Who"].tolist() == ["direction@example.org", "visitor not logged in", "conseil@example.org"]
    assert table["Action"].tolist() == ["login", "download", "download"]
    assert table["Role"].tolist() == ["director", "director", "board"]
    at.multiselect(key="audit_action").set_value(["download"]).run()
    assert trail_table(at)["Detail"].tolist() == ["x.csv", "smala_members.csv"]
    at.multiselect(key="audit_who").set_value(["conseil@example.org"]).run()
    assert trail_table(at)["Detail"].tolist() == ["smala_members.csv"]
    assert "1 line of 3" in [c.value for c in at.caption]
    # the board does not see it
    board = new_app("en", data_dir=fixture_dir, monkeypatch=monkeypatch, role="board").run()
    board.switch_page(PAGE_FILES["data"]).run()
    assert CATALOGUE["en"]["audit.title"] not in [s.value for s in board.subheader]
    # nor anyone not logged in (no login configured): nobody logged out sees an address
    monkeypatch.delenv("SMALA_CONFIG")
    open_demo = new_app("en", data_dir=fixture_dir, monkeypatch=monkeypatch).run()
    open_demo.switch_page(PAGE_FILES["data"]).run()
    assert not open_demo.exception
    assert CATALOGUE["en"]["audit.title"] not in [s.value for s in open_demo.subheader]
