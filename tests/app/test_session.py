"""What a session holds (ui/state.py): a reset keeps the view and nothing of the person."""

import datetime
from dataclasses import fields

from decision_aid.answers import Answers
from decision_aid.deliberation import Deliberation
from decision_aid.fields import RESERVED_IDS
from decision_aid.ui.state import Session, widget_key


def test_reset_for_the_next_person_keeps_only_fields_marked_kept():
    used = Session(
        answers=Answers(values={"age_group": "65_plus"}),
        deliberation=Deliberation(leaning="not_sure"),
        step=3,
        furthest_step=3,
        region="uk",
        region_moved=True,
        region_to_say=True,
        go_to="results",
        required_missing="self_harm_thoughts",
        crisis_new=True,
        confirm_clear=True,
        compared=("tms", "ect"),
        compare_refused=True,
        mode="workshop",
        presenter=True,
        address_read=True,
        stage="facts",
        moves=7,
        persona="maria_trd",
        close_sidebar=True,
        sidebar_closes=2,
        patients_closed=1,
        cleared=("vascular_conditions", ("stroke",)),
        text_cut="own:question",
        crisis_cut="own:value",
        removed=((0, "Can I drive home?"),),
        focus_control="nav:undo_abc",
        answered="knowledge:driving",
        own_added=True,
        focus="blood_pressure",
        checked=True,
        qr=("K1AB-CDEF", b"png"),
        opened=("a typed code", datetime.datetime(2026, 1, 2, 3, 4)),
        open_error="This code has a typing mistake.",
        seen=(Answers(values={"age_group": "65_plus"}), Deliberation(), datetime.datetime(2026, 1, 2, 3, 4)),
        locale="es",
        language_switched=True,
        seeded={"q:age_group"},
    )
    fresh, default = used.for_next_person(), Session()
    assert all(getattr(used, f.name) != getattr(default, f.name) for f in fields(Session))
    kept = {f.name for f in fields(Session) if getattr(fresh, f.name) == getattr(used, f.name)}
    # moves is kept so that the scroll-to-top marker still changes on the screen after a reset;
    # the language is the room's or the person's choice of view, not something they told us.
    assert kept == {
        "mode",
        "presenter",
        "address_read",
        "sidebar_closes",
        "patients_closed",
        "moves",
        "locale",
        "language_switched",
    }
    assert all(
        getattr(fresh, f.name) == getattr(default, f.name) for f in fields(Session) if f.name not in kept
    )


def test_widget_keys_cannot_be_content_ids():
    # Content ids match [a-z0-9_]+ (schema.Id); every key the shell makes has a colon.
    assert widget_key("q", "leaning") == "q:leaning"
    assert widget_key("q", "leaning") != widget_key("own", "leaning")
    assert ":" in widget_key("nav", "clear")


def test_check_refuses_a_question_id_that_names_what_a_session_holds():
    # The keys cannot collide (above); the check keeps ids unambiguous besides, so a
    # question is never mistaken for the shell's own state in a log, a test or a debugger.
    assert {f.name for f in fields(Session)} <= RESERVED_IDS
