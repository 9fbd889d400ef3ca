"""Issue 15: tap-to-call crisis numbers, the view switch kept from patients, and a room's
presenter view: the fictional-case banner, the case switcher, presenter=1 in links and the
QR code's loopback warning (AppTest)."""

from pathlib import Path

import pytest

from decision_aid.content import load_pack
from decision_aid.sharing import is_loopback
from tests.app.test_modes import ok, open_app  # ok also holds the address to view keys only

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PACK = load_pack("en")
SESSION = "app:session"


def markdown(at):
    return [m.value for m in at.markdown]


def crisis_at_step_one(answer="several_days"):
    at = open_app()
    ok(next(b for b in at.button if b.label == "Start the questions").click().run())
    return ok(at.radio(key="q:self_harm_thoughts").set_value(answer).run())


def test_crisis_numbers_are_links_placed_before_the_explanations():
    at = crisis_at_step_one()
    texts = markdown(at)
    links = next(i for i, t in enumerate(texts) if "](tel:988)" in t)
    explained = next(i for i, t in enumerate(texts) if PACK.topic("crisis").body[:40] in t)
    intro = next(i for i, t in enumerate(texts) if PACK.crisis.intro[:40] in t)
    assert links < explained and links < intro
    panel = texts[links]
    assert "[Call 911](tel:911)" in panel
    assert "[Text 988](sms:988)" in panel
    assert "[Text 838255](sms:838255)" in panel
    assert "[Text HOME to 741741](sms:741741?&body=HOME)" in panel
    # The words people read are unchanged, beside the links.
    assert "Call or text 988, or chat at 988lifeline.org" in panel


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("uk", ["](tel:999)", "](tel:112)", "](tel:116123)", "](sms:85258)", "](tel:111)"]),
        ("au", ["](tel:000)", "](tel:131114)", "Text 0477 13 11 14](sms:0477131114)"]),
        ("ca", ["](tel:911)", "](tel:988)", "](sms:988)"]),
        ("eu", ["](tel:112)"]),
    ],
)
def test_every_region_has_its_numbers_to_tap(region, expected):
    at = crisis_at_step_one("prefer_not_to_say")
    ok(at.selectbox(key="nav:region").set_value(region).run())
    panel = next(t for t in markdown(at) if "Emergency:" in t and "](tel:" in t)
    for link in expected:
        assert link in panel, (region, link)


def test_somewhere_else_names_the_local_emergency_number_with_nothing_to_tap():
    at = crisis_at_step_one("prefer_not_to_say")
    ok(at.selectbox(key="nav:region").set_value("elsewhere").run())
    panel = next(t for t in markdown(at) if t.startswith("- Emergency:"))
    assert "your local emergency number" in panel and "](tel:" not in panel
    line = next(t for t in markdown(at) if t.startswith("In danger now?"))
    assert "your local emergency number" in line and "](tel:" not in line
    # The panel's words speak of "the free crisis lines": it says that none are listed here.
    assert PACK.ui.crisis_no_lines in markdown(at)
    ok(at.selectbox(key="nav:region").set_value("us").run())
    assert PACK.ui.crisis_no_lines not in markdown(at)


def test_the_danger_line_calls_the_chosen_regions_emergency_number():
    at = open_app()
    assert any(t.startswith("In danger now? Call 911.") and "](tel:911)" in t for t in markdown(at))
    at = crisis_at_step_one()
    ok(at.selectbox(key="nav:region").set_value("uk").run())
    line = next(t for t in markdown(at) if t.startswith("In danger now?"))
    assert "](tel:999)" in line and "](tel:112)" in line


def test_patients_see_no_view_switch_until_they_open_the_discreet_control():
    at = open_app()
    [control] = at.sidebar.expander
    assert control.label == "For clinicians and educators"
    assert not control.proto.expanded
    # inside it, folded away: the view on screen is the filled one, with a tick
    assert at.sidebar.button(key="nav:view_patient").proto.type == "primary"
    assert [b.proto.type for b in at.sidebar.button if b.key.startswith("nav:view_")].count("primary") == 1
    at = open_app(mode="clinician")
    assert at.sidebar.expander[0].proto.expanded


def test_a_view_change_asks_the_phone_to_close_the_sidebar_once():
    at = open_app()
    ok(at.sidebar.button(key="nav:view_workshop").click().run())
    assert at.title[0].value == "Workshop"
    closes = [c for c in at.get("iframe") if "stSidebarCollapseButton" in str(c.proto)]
    assert len(closes) == 1
    ok(at.toggle(key="nav:presenter").set_value(True).run())
    assert not [c for c in at.get("iframe") if "stSidebarCollapseButton" in str(c.proto)]


SCREENS = ["results", "prepare", "summary", "review", "workshop"]


@pytest.mark.parametrize("persona", ["james_blood_pressure", "dana_crisis"])
def test_the_fictional_case_banner_is_on_every_screen_of_a_loaded_case(persona):
    title = PACK.personas.get(persona).title
    at = open_app(mode="workshop", persona=persona, presenter="1")
    for screen in SCREENS:
        at.session_state[SESSION].go_to = screen  # as a screen's own button would (state.go_to_page)
        ok(at.run())
        assert at.title[0].value != "Ketamine and esketamine for depression", screen
        assert [i.value for i in at.info if i.value == f"Fictional case: {title}"], screen
        assert at.session_state[SESSION].presenter


def test_no_banner_without_a_case_or_after_a_reset():
    at = open_app(mode="workshop")
    assert not [i for i in at.info if "Fictional case" in i.value]
    ok(at.button(key="nav:load_maria_trd").click().run())
    assert [i for i in at.info if i.value.startswith("Fictional case: Maria, 42")]
    ok(at.sidebar.button(key="nav:reset_sidebar").click().run())
    assert not [i for i in at.info if "Fictional case" in i.value]


def test_the_case_switcher_loads_another_case_from_any_screen():
    at = open_app(mode="workshop", persona="maria_trd")
    # One button per case; the one on screen is marked, also for a screen reader.
    cases = [b for b in at.sidebar.button if (b.key or "").startswith("nav:case_")]
    assert len(cases) == 8
    marked = [b.key for b in cases if b.label.endswith("*(` on screen now `)*")]
    assert marked == ["nav:case_maria_trd"]
    ok(at.sidebar.button(key="nav:case_leo_first_episode").click().run())
    assert at.title[0].value == "What applies to you"
    assert [i for i in at.info if i.value.startswith("Fictional case: Leo")]
    assert at.query_params["persona"] == "leo_first_episode"
    assert at.session_state[SESSION].answers.get("age_group") == "18_to_64"


def test_the_links_to_other_screens_keep_the_view_language_and_presenter_setting():
    """An acceptance review clicked "Back to the cases" and About in a room's Spanish link:
    the address lost mode, lang and presenter, and a reload came back in English at 16 px."""
    at = open_app(mode="workshop", persona="james_blood_pressure", presenter="1", lang="es")
    links = {link.proto.page: link.proto.query_string for link in at.get("page_link")}
    assert set(links) >= {"workshop", "about"}, links
    assert links["about"] == "mode=workshop&persona=james_blood_pressure&presenter=1&lang=es"
    assert links["workshop"] == "mode=workshop&presenter=1&lang=es"  # the case would load again


def test_presenter_view_is_kept_in_the_address():
    at = open_app(mode="workshop")
    ok(at.toggle(key="nav:presenter").set_value(True).run())
    assert at.query_params["presenter"] == "1"
    ok(at.button(key="nav:load_james_blood_pressure").click().run())
    assert at.query_params["presenter"] == "1" and at.query_params["persona"] == "james_blood_pressure"
    at.session_state[SESSION].go_to = "workshop"
    ok(at.run())
    ok(at.toggle(key="nav:presenter").set_value(False).run())
    assert "presenter" not in at.query_params
    # A presenter link opens presenter view; a patient link cannot switch it on.
    assert open_app(mode="workshop", presenter="1").session_state[SESSION].presenter
    assert not open_app(mode="patient", presenter="1").session_state[SESSION].presenter
    # presenter=1 alone is a room's link (a second review found it opened the patient welcome).
    alone = open_app(presenter="1")
    assert alone.session_state[SESSION].presenter and alone.session_state[SESSION].mode == "workshop"
    assert alone.title[0].value == "Workshop" and alone.query_params["mode"] == "workshop"


def test_the_clinician_review_from_a_presented_workshop_is_presented_too():
    """From the workshop's sidebar, "Clinician review" dropped presenter=1 and showed the
    room 15 px text (a review)."""
    at = open_app(mode="workshop", persona="james_blood_pressure", presenter="1")
    ok(at.sidebar.button(key="nav:view_clinician").click().run())
    assert at.query_params["presenter"] == "1" and at.query_params["mode"] == "clinician"
    assert any("font-size: 1.4rem" in h.proto.body for h in at.get("html"))
    assert open_app(mode="clinician", presenter="1").session_state[SESSION].presenter
    ok(at.sidebar.button(key="nav:view_patient").click().run())  # a patient's view is never presented
    assert "presenter" not in at.query_params
    assert not any("font-size: 1.4rem" in h.proto.body for h in at.get("html"))


def test_the_qr_code_warns_when_the_address_is_this_machine_only():
    at = open_app(mode="workshop")
    ok(at.text_input(key="nav:share_address").input("http://127.0.0.1:8611/?mode=patient").run())
    assert [w.value for w in at.warning] == [PACK.ui.workshop_loopback]
    ok(at.text_input(key="nav:share_address").input("http://192.168.1.20:8611/?mode=patient").run())
    assert not at.warning


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("http://localhost:8501/?mode=patient", True),
        ("http://127.0.0.1:8611/", True),
        ("http://127.1.2.3/", True),
        ("http://[::1]:8501/", True),
        ("localhost:8501", True),
        ("http://0.0.0.0:8612/", True),  # the address a server listens on, not one to open
        ("http://[::]:8501/", True),
        ("http://192.168.1.20:8501/", False),
        ("https://aid.example.org/?mode=patient", False),
        ("http://127example.org/", False),
    ],
)
def test_loopback_addresses(address, loopback):
    assert is_loopback(address) is loopback


def test_the_help_beside_typed_words_also_says_when_a_place_has_no_lines():
    at = crisis_at_step_one("prefer_not_to_say")
    ok(at.selectbox(key="nav:region").set_value("elsewhere").run())  # the place is kept ...
    ok(at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run())  # ... with no panel
    for step in range(4):
        ok(at.button(key=f"nav:next_{step}").click().run())
    ok(at.button(key="nav:check_to_results").click().run())
    for stage in ("results", "basics", "facts", "risks", "compare"):
        ok(at.button(key=f"nav:stage_next_{stage}_bottom").click().run())
    ok(at.text_input(key="own:value").input("no quiero vivir").run())
    assert PACK.ui.typed_crisis_reason in [c.value for c in at.caption]  # the help beside the box
    assert markdown(at).count(PACK.ui.crisis_no_lines) == 1
