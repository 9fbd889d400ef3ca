"""Everything a session holds, and the only module that touches ``st.session_state``.

Two kinds of key, and neither can be a content id (ids are ``[a-z0-9_]+``; these have a colon):
- ``app:session`` holds one ``Session``: the answers, the deliberation, the step, the view.
- Widget keys, ``<kind>:<name>`` from ``widget_key``. Kinds: ``q`` a question
  (``q:blood_pressure``); ``choice`` one checkbox of a multi-choice question
  (``choice:medicines.maoi``); ``values``, ``knowledge``, ``sure`` a deliberation item, named for
  the field it fills; ``ask`` a suggested question ticked; ``own`` the person's own words and
  leaning; ``nav`` the shell's buttons, view and region; ``box`` a container (a CSS class);
  ``compare`` the options picked for the comparison grid.
  Widgets are views of the Session. Streamlit forgets a widget's value when it is not drawn,
  so each is seeded from the Session before it is drawn and writes back when it changes.

A browser that clicks during a rerun or reconnects can send values for widgets the last run
did not draw, and their callbacks still run, even after a reset removed their keys. So a
callback reads its widget through ``widget_value``, does nothing when the key is gone, and
ignores a value its widget could not have offered.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, fields

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from decision_aid.answers import Answers, resolve_exclusive
from decision_aid.content import PackError, load_pack, locales
from decision_aid.deliberation import Deliberation, updated
from decision_aid.schema import Pack, Question

# The languages offered, English first, the default (issue 18): each pack under content/.
LOCALES = locales()
SESSION_KEY = "app:session"
# Fields marked so survive "reset for the next person": the view, never a person's data.
KEPT = {"kept": True}


@dataclass
class Session:
    answers: Answers = field(default_factory=Answers)
    deliberation: Deliberation = field(default_factory=Deliberation)
    step: int = 0
    furthest_step: int = 0  # the furthest step reached: the address may go back to any up to it
    region: str | None = None  # the crisis region chosen, once chosen
    region_moved: bool = False  # chosen in this run: a fragment's run redraws the whole page
    region_to_say: bool = False  # chosen in this run: its numbers are said to a screen reader
    go_to: str | None = None  # a screen to switch to as the next run starts
    required_missing: str | None = None  # a required question left unanswered at Next: its id
    crisis_new: bool = False  # the safety answer has just brought the crisis panel: scroll to it
    confirm_clear: bool = False
    compared: tuple[str, ...] = ()  # options-table columns picked to compare, in the table's order
    compare_refused: bool = False  # the last pick went over the most allowed
    mode: str = field(default="patient", metadata=KEPT)
    presenter: bool = field(default=False, metadata=KEPT)
    address_read: bool = field(default=False, metadata=KEPT)
    stage: str = ""  # the stage after the questions last drawn (decision_aid/journey.py)
    focus: str | None = None  # a question to open its step at (Change, on Check your answers)
    checked: bool = False  # "Check your answers" was shown: each step then offers a way back to it
    # Counts screen changes, so the scroll-to-top hook differs on every one (layout.py).
    moves: int = field(default=0, metadata=KEPT)
    persona: str | None = None  # the fictional case loaded in the workshop, if any
    # Close the sidebar on a phone after the view changes (once; the count makes each ask new).
    close_sidebar: bool = False
    sidebar_closes: int = field(default=0, metadata=KEPT)
    # Patients closed in this clinician's session: the hand-off's inputs are new widgets after
    # each, as a browser keeps a deleted widget's code or file on the page (a review).
    patients_closed: int = field(default=0, metadata=KEPT)
    # The choices the last tick unticked, by question: said under it once (pages._question).
    cleared: tuple[str, tuple[str, ...]] | None = None
    text_cut: str = ""  # the text box whose words were just cut to its limit (issue 17), if any
    crisis_cut: str = ""  # the text box whose crisis words the cut left out: its help stays beside it
    removed: tuple[tuple[int, str], ...] = ()  # own questions removed (place, words), the latest last
    focus_control: str | None = None  # a control to move the keyboard's place to (layout.focus)
    answered: str | None = None  # the quiz answer just given, whose feedback a screen reader hears
    own_added: bool = False  # an own question just added: a screen reader hears so
    # Issue 16 (helper D): answers opened from a hand-off (how, when), a refusal to show once,
    # and when the review first drew these answers.
    opened: tuple[str, datetime.datetime] | None = None
    qr: tuple[str, bytes] = ("", b"")  # the last hand-off code and its QR picture: made once
    open_error: str | None = None
    seen: tuple[Answers, Deliberation, datetime.datetime] | None = None
    # Issue 18: the language, chosen on the first run (address, then browser) or by the switch.
    locale: str = field(default="", metadata=KEPT)
    language_switched: bool = field(default=False, metadata=KEPT)
    seeded: set[str] = field(default_factory=set)  # keys of the widgets seed() has given a value

    def for_next_person(self) -> Session:
        return Session(**{f.name: getattr(self, f.name) for f in fields(self) if f.metadata.get("kept")})


def widget_key(kind: str, name: str) -> str:
    return f"{kind}:{name}"


# Widget keys, by kind: a question's, a multi-choice question's checkboxes, then the shell's own.
QUESTION = "q"
CHOICE = "choice"
PRESENTER_KEY = widget_key("nav", "presenter")
REGION_KEY = widget_key("nav", "region")
GONE = object()  # what widget_value gives for a key that is no longer there


def pack(locale_code: str | None = None) -> Pack:
    """The pack in the session's language, or in ``locale_code``'s."""
    return load_pack(locale_code or locale())


@functools.cache
def offered() -> tuple[str, ...]:
    """The languages whose packs load, English first: a broken translation (which ``check``
    and the content tests refuse) never takes the English aid down with it."""
    return tuple(code for code in LOCALES if code == LOCALES[0] or _loads(code))


def _loads(code: str) -> bool:
    try:
        load_pack(code)
    except PackError:
        return False
    return True


def locale() -> str:
    return session().locale or LOCALES[0]


def language_chosen() -> bool:
    return bool(session().locale)


def set_locale(value: str, switched: bool = False) -> None:
    if value in offered():
        session().locale = value
        session().language_switched = session().language_switched or switched


def language_switched() -> bool:
    return session().language_switched


def session() -> Session:
    current = st.session_state.get(SESSION_KEY)
    if not isinstance(current, Session):
        current = st.session_state[SESSION_KEY] = Session()
    return current


def widget_value(key: str, allowed=None) -> object:
    """A widget's current value for its callback: GONE when its key was removed (a reset)
    or the value is not one the widget offers (``allowed``)."""
    value = st.session_state.get(key, GONE)
    if value is not GONE and allowed is not None and value not in allowed:
        return GONE
    return value


def seed(key: str, value: object) -> None:
    """Give a widget its stored value before it is drawn (Streamlit forgets unseen widgets)."""
    session().seeded.add(key)
    if key not in st.session_state:
        st.session_state[key] = value


def show_again() -> None:
    """From a callback: the next run tells the browser again what each seeded widget holds.
    The browser keeps a radio's or select box's choice as the words it showed; after a
    language switch those words match none of the new options, and the widget would look
    unanswered, though the answer is kept (a review saw the safety question blank)."""
    for key in session().seeded:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def set_widget(key: str, value: object) -> None:
    """Change a widget's value from its own callback (such as emptying a text box)."""
    st.session_state[key] = value


# The answers, and the question widgets that show them.
def answers() -> Answers:
    return session().answers


def question_key(question: Question) -> str:
    return widget_key(QUESTION, question.id)


def seed_question(question: Question) -> None:
    """A one-answer question's radio group (multi-choice ones have seed_choices)."""
    seed(question_key(question), answers().get(question.id))


def store_question(question: Question) -> None:
    """on_change: copy a one-answer question's radio value into the answers. A value the
    question does not offer is not stored, and the radio group shows the stored one again."""
    value = widget_value(question_key(question))
    if value is GONE or question.kind == "multi":
        return
    if value is not None and value not in question.values:
        set_widget(question_key(question), answers().get(question.id))
        return
    session().answers = answers().with_answer(question.id, value)


def choice_key(question: Question, value: str) -> str:
    return widget_key(CHOICE, f"{question.id}.{value}")


def chosen(question: Question) -> tuple[str, ...]:
    value = answers().get(question.id)
    return tuple(value) if isinstance(value, tuple) else ()


def take_cleared(question: Question) -> tuple[str, ...]:
    """The choices of ``question`` its last tick unticked, once."""
    cleared = session().cleared
    if cleared is None or cleared[0] != question.id:
        return ()
    session().cleared = None
    return cleared[1]


def seed_choices(question: Question) -> None:
    """Each checkbox of a multi-choice question starts ticked when its value was chosen."""
    picked = chosen(question)
    for value in question.values:
        seed(choice_key(question, value), value in picked)


def store_choice(question: Question, value: str) -> None:
    """on_change of one checkbox: add or remove its value. Ticking an exclusive value
    ("None of these", "Not sure") clears the others; ticking another clears it. The answer
    is the tuple a multiselect stored, in the order picked. Every checkbox of the question
    is then set to match, so a repeated or stale click can only repeat its own meaning."""
    ticked = widget_value(choice_key(question, value), (True, False))
    if value not in question.values:
        return
    if ticked is GONE:  # gone, or not true or false: the boxes show the stored answer again
        if choice_key(question, value) in st.session_state:
            for each in question.values:
                st.session_state[choice_key(question, each)] = each in chosen(question)
        return
    before = chosen(question)
    picked = before
    if ticked and value not in picked:
        picked = resolve_exclusive(question, (*picked, value))
    elif not ticked:
        picked = tuple(v for v in picked if v != value)
    gone = tuple(v for v in question.values if v in before and v not in picked and v != value)
    session().cleared = (question.id, gone) if ticked and gone else None
    session().answers = answers().with_answer(question.id, picked)
    for each in question.values:
        st.session_state[choice_key(question, each)] = each in picked


def replace_answers(new: Answers) -> None:
    """Swap in a whole answer set (a persona): widgets and the deliberation start afresh."""
    _start_afresh(session().for_next_person())
    session().answers = new


def reset_for_next_person() -> None:
    replace_answers(Answers())


def clear_everything() -> None:
    """Forget everything in this session and start afresh as a patient. The address is
    emptied too, and marked as read, so that a persona link that opened the session is not
    applied again."""
    kept = session()
    _start_afresh(Session(address_read=True, locale=kept.locale, language_switched=kept.language_switched))
    st.query_params.clear()
    if kept.locale and kept.locale != LOCALES[0]:
        st.query_params["lang"] = kept.locale


def _start_afresh(fresh: Session) -> None:
    # Every widget key goes too: widgets are seeded again from the fresh Session when drawn.
    for key in [k for k in st.session_state if isinstance(k, str) and ":" in k]:
        with contextlib.suppress(KeyError):  # a stale widget's entry may go with another
            del st.session_state[key]
    st.session_state[SESSION_KEY] = fresh


# The questionnaire's place and the deferred screen switch.
def step() -> int:
    return session().step


def go_to_step(number: int) -> None:
    session().step = max(0, number)
    session().furthest_step = max(session().furthest_step, session().step)
    session().moves += 1


# The questionnaire's steps are one screen. Each step is also in the address (?step=2), so
# the browser's Back and Forward, and a phone's back gesture, walk through the steps as they
# do through the stages: Streamlit adds a history entry when a run changes the address, and
# reruns with the old address on Back.
STEP_PARAM = "step"


def step_from_address(count: int) -> int:
    """The step to draw, of ``count``, and the address made to show it. A run from the
    browser's Back or Forward follows its address's step if the person has already reached
    it (a step typed into the address, or one left from an earlier person, never skips the
    safety question). Any other run keeps the session's step: the second click of a double
    click on Next still carries the address from before the first click's step."""
    kept = session()
    asked = st.query_params.get(STEP_PARAM)
    if asked is not None and asked.isdigit() and _from_history():
        wanted = int(asked) - 1
        if 0 <= wanted <= min(kept.furthest_step, count - 1) and wanted != kept.step:
            go_to_step(wanted)
    number = min(kept.step, count - 1)
    if asked != str(number + 1):
        st.query_params[STEP_PARAM] = str(number + 1)
    return number


def _from_history() -> bool:
    """Whether this run is the browser's Back or Forward. Streamlit's page marks such a rerun
    (``is_history_navigation``) and gives no public way to read the mark."""
    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))


def go_to_question(number: int, question_id: str) -> None:
    """Open the questionnaire at step ``number``, scrolled to this question (layout.py)."""
    go_to_step(number)
    session().focus = question_id
    go_to_page("questions")


def qr_picture(code: str, make: Callable[[str], bytes]) -> bytes:
    """The QR picture of the hand-off code, made again only when the code changes: it costs
    more than the rest of the summary screen, which reruns on every click there. Kept in
    the session, never in a cache shared by sessions: the code holds the person's answers."""
    if session().qr[0] != code:
        session().qr = (code, make(code))
    return session().qr[1]


def note_checked() -> None:
    session().checked = True


def checked() -> bool:
    return session().checked


def take_focus() -> str | None:
    question_id, session().focus = session().focus, None
    return question_id


def go_to_page(name: str) -> None:
    """For a button's on_click: the next run switches to that screen as soon as it starts
    (frame.draw), so the screen the button sits on is not drawn again first. Under
    workshop load that halves the work of most clicks."""
    session().go_to = name
    session().moves += 1


def moves() -> int:
    return session().moves


def stage() -> str:
    return session().stage


def set_stage(name: str) -> None:
    session().stage = name


def take_go_to() -> str | None:
    target, session().go_to = session().go_to, None
    return target


def note_required_missing(question_id: str) -> None:
    """Next with this required question unanswered: the next run says why at the question,
    with the keyboard on its answers (layout.scroll_to_top), as a new message each time."""
    session().required_missing = question_id
    session().focus = question_id
    session().moves += 1


def take_required_missing(question_id: str) -> int | None:
    """The count of screen changes, to key the message by, when this question was left
    unanswered at the last Next; else None."""
    if session().required_missing != question_id:
        return None
    session().required_missing = None
    return session().moves


def note_crisis_new() -> None:
    session().crisis_new = True


def take_crisis_new() -> bool:
    new, session().crisis_new = session().crisis_new, False
    return new


def confirming_clear() -> bool:
    return session().confirm_clear


def set_confirm_clear(value: bool) -> None:
    session().confirm_clear = value


# The deliberation (Prepare for your visit).
def deliberation() -> Deliberation:
    return session().deliberation


def update_deliberation(**changes) -> bool:
    """Store these changes if the Prepare screen could have made them (deliberation.accepted);
    otherwise store nothing and say so (False), for the caller to show the stored value again."""
    after = updated(pack(), deliberation(), **changes)
    if after is None:
        return False
    session().deliberation = after
    return True


def note_crisis_shown() -> None:
    """The crisis resources are on screen: if the answer or words that brought them change,
    the clinician's note and the hand-off code still say they were shown."""
    if not deliberation().crisis_shown:
        session().deliberation = deliberation().update(crisis_shown=True)


def refuse(key: str, stored: object) -> None:
    """A widget sent a value that is not stored: it shows the stored one again."""
    if key in st.session_state:
        st.session_state[key] = stored


def note_cut(key: str, cut: bool = True) -> None:
    """Whether the words last stored from this text box were cut to its limit."""
    if cut:
        session().text_cut = key
    elif session().text_cut == key:
        session().text_cut = ""


def note_crisis_cut(key: str, cut_away: bool) -> None:
    """Whether the cut took this box's crisis words away (they were read before the cut)."""
    if cut_away:
        session().crisis_cut = key
    elif session().crisis_cut == key:
        session().crisis_cut = ""


def note_removed(index: int, question: str) -> None:
    session().removed += ((index, question),)


def removed() -> tuple[tuple[int, str], ...]:
    """Own questions removed: (place, words), the latest last."""
    return session().removed


def forget_removed(entry: tuple[int, str]) -> None:
    """A removal undone: the latest one of these words."""
    kept = list(session().removed)
    del kept[len(kept) - 1 - kept[::-1].index(entry)]
    session().removed = tuple(kept)


def focus_control(key: str) -> None:
    """Move the keyboard's place to this control on the next run (a button that replaced
    the one clicked, which is gone)."""
    session().focus_control = key


def take_focus_control() -> str | None:
    key, session().focus_control = session().focus_control, None
    return key


def note_answered(key: str) -> None:
    """The widget just answered, for the next run to tell a screen reader what it brought."""
    session().answered = key


def take_answered() -> str | None:
    key, session().answered = session().answered, None
    return key


def note_own_added() -> None:
    session().own_added = True


def take_own_added() -> bool:
    added, session().own_added = session().own_added, False
    return added


def crisis_cut(key: str) -> bool:
    return session().crisis_cut == key


def was_cut(key: str) -> bool:
    """True until the box's next words are stored. Not once only: a question is added when
    the box is left, so a click on "Add question" right after runs the screen a second time."""
    return session().text_cut == key


# The options picked to compare (Compare options).
def compared() -> tuple[str, ...]:
    return session().compared


def set_compared(columns: tuple[str, ...]) -> None:
    session().compared = columns


def note_compare_refused() -> None:
    session().compare_refused = True


def take_compare_refused() -> bool:
    refused, session().compare_refused = session().compare_refused, False
    return refused


# The view: mode, presenter style, crisis region, the address read once.
def mode() -> str:
    return session().mode


def set_mode(value: str) -> None:
    session().mode = value


def presenter() -> bool:
    return session().presenter


def set_presenter(value: bool) -> None:
    session().presenter = value


def store_presenter() -> None:
    value = widget_value(PRESENTER_KEY, (True, False))
    if value is not GONE:
        session().presenter = bool(value)
    else:
        refuse(PRESENTER_KEY, session().presenter)


def region(default: str) -> str:
    return session().region or default


def store_region(allowed: tuple[str, ...]) -> None:
    value = widget_value(REGION_KEY, allowed)
    if value is not GONE:
        session().region = str(value)
        session().region_moved = True
        session().region_to_say = True
    elif session().region in allowed:
        refuse(REGION_KEY, session().region)


def show_region(region_id: str) -> None:
    """The place picker shows this place: after a switch of language, a place only the other
    language lists (Spain) shows as the place its country has here (the European Union)."""
    seed(REGION_KEY, region_id)
    if st.session_state.get(REGION_KEY) != region_id:
        st.session_state[REGION_KEY] = region_id


def take_region_moved() -> bool:
    """True once after the person picked a crisis place."""
    moved, session().region_moved = session().region_moved, False
    return moved


def take_region_to_say() -> bool:
    """True once after the person picked a crisis place, in the run that draws the whole page
    (a fragment's run gives way to it)."""
    said, session().region_to_say = session().region_to_say, False
    return said


def persona() -> str | None:
    return session().persona


def fictional_title(pack: Pack) -> str | None:
    """The loaded fictional case's title, if one is loaded."""
    persona = pack.personas.get(session().persona or "")
    return persona.title if persona is not None else None


def set_persona(persona_id: str | None) -> None:
    session().persona = persona_id


def ask_close_sidebar() -> None:
    session().close_sidebar = True
    session().sidebar_closes += 1


def take_close_sidebar() -> int:
    """The number of this ask to close the sidebar, or 0 when none is waiting."""
    asked, session().close_sidebar = session().close_sidebar, False
    return session().sidebar_closes if asked else 0


def has_run() -> bool:
    """Whether a run of this session has drawn the frame, and so registered the screens."""
    return session().address_read


def take_address_unread() -> bool:
    """True the first time only in a session: links are read from the address once."""
    unread, session().address_read = not session().address_read, True
    return unread


# Issue 16 (helper D): a patient's answers opened on the clinician's screen, and closing them.
def now() -> datetime.datetime:
    return datetime.datetime.now().astimezone()


def open_answers(new: Answers, weighing: Deliberation, source: str) -> None:
    """Put a hand-off's answers and weighing in this session in place of whatever was there
    (the view is kept): only here, never in the address, a log or a file."""
    _start_afresh(session().for_next_person())
    session().answers = new
    session().deliberation = weighing
    session().opened = (source, now())
    session().moves += 1  # a new screen: it lands at the top, the keyboard on its heading
    _drop_persona_address()


def opened() -> tuple[str, datetime.datetime] | None:
    return session().opened


def note_open_error(message: str) -> None:
    session().open_error = message


def take_open_error() -> str | None:
    message, session().open_error = session().open_error, None
    return message


def built_at(shown: Answers, weighing: Deliberation) -> datetime.datetime:
    """When the review first drew exactly these answers and this weighing."""
    seen = session().seen
    if seen is None or seen[0] != shown or seen[1] != weighing:
        seen = session().seen = (shown, weighing, now())
    return seen[2]


def close_patient() -> None:
    """Forget this patient's answers, and the code or file they came from; the clinician's
    view stays."""
    fresh = session().for_next_person()
    fresh.patients_closed += 1
    _start_afresh(fresh)
    _drop_persona_address()


def _drop_persona_address() -> None:
    if "persona" in st.query_params:
        del st.query_params["persona"]
