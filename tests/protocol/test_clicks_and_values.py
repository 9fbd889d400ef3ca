"""A click counts once, and only valid values are stored (issue 17, red-team F4 and F5).

Over Streamlit's own protocol, as a browser sends it: a double click is the same button's
trigger sent twice in quick succession, each time with the values the page holds. The result
must be what one click gives. A tampered client's values that no widget offers (a label not
among a radio's options, an unknown choice, an over-long text) are ignored, never stored, and
the session keeps working. Bounded: one server, a few sessions, loopback only.
"""

from __future__ import annotations

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.load import JOURNEY, Session
from decision_aid.content import load_pack
from tests.e2e.conftest import start_server
from tests.protocol.loop import run

QUIET = 1.0  # seconds with no message: the server has no run left (a bound on a wait)
PACK = load_pack("en")
TO_PREPARE = JOURNEY[: next(i for i, step in enumerate(JOURNEY) if step[1] == "Feeling better quickly")]
QUESTIONS = PACK.deliberation.questions


class Tab(Session):
    """A Session that also keeps every element of the last run in order: widgets by kind,
    label, id and fragment (labels repeat, as every "Remove" does), and the text shown."""

    def __init__(self, url: str):
        super().__init__(url)
        self.strict = False
        self.elements: list[tuple[str, str, str, str]] = []
        self.shown: list[tuple[str, str]] = []  # (fragment, text)

    def _note(self, element, fragment: str) -> None:
        super()._note(element, fragment)
        kind = element.WhichOneof("type")
        if kind in ("button", "radio", "checkbox", "text_input", "text_area"):
            widget = getattr(element, kind)
            self.elements.append((kind, widget.label, widget.id, fragment))
        elif kind == "markdown":
            self.shown.append((fragment, element.markdown.body))
        elif kind == "heading":
            self.shown.append((fragment, f"# {element.heading.body}"))
        elif kind == "text":
            self.shown.append((fragment, element.text.body))
        elif kind == "alert":
            self.shown.append((fragment, element.alert.body))

    async def receive(self, fragment: str = "", quiet: float | None = None) -> bool:
        """A fragment's run redraws only that fragment: what else was shown stays."""
        before = self.elements, self.shown
        self.elements = [e for e in self.elements if fragment and e[3] != fragment]
        self.shown = [s for s in self.shown if fragment and s[0] != fragment]
        ran = await super().receive(fragment, quiet)
        if not ran:  # no run came: the page is as it was
            self.elements, self.shown = before
        return ran

    def find(self, kind: str, label: str) -> list[tuple[str, str]]:
        """(id, fragment) of every widget of this kind whose label starts so, in page order."""
        return [(wid, frag) for k, lab, wid, frag in self.elements if k == kind and lab.startswith(label)]

    async def settle(self) -> None:
        await self.receive()
        while await self.receive(quiet=QUIET):
            pass

    async def click(self, label: str, twice: bool = False, nth: int = 0, extra=()) -> None:
        """Click a button (the nth with this label); ``twice`` sends the second click of a
        double click before the first one's run has been read."""
        wid, fragment = self.find("button", label)[nth]
        states = [*self.states.values(), *extra, WidgetState(id=wid, trigger_value=True)]
        await self.send(states, fragment)
        if twice:
            await self.send(states, fragment)
            await self.settle_fragment(fragment)
        else:
            await self.receive(fragment)

    async def go_through_history(self, query: str) -> None:
        """What the browser's Back or Forward sends: a rerun marked as history navigation,
        with the query string of the address it went to, and the page's widget values."""
        self.query = query  # the address bar shows it before the run, as in a browser
        message = BackMsg()
        client = message.rerun_script
        client.page_script_hash = self.page_hash
        client.query_string = query
        client.is_history_navigation = True
        client.widget_states.widgets.extend(self.states.values())
        await self.ws.send(message.SerializeToString())
        await self.settle()

    async def settle_fragment(self, fragment: str) -> None:
        await self.receive(fragment)
        while await self.receive(fragment, quiet=QUIET):
            pass
        await self.redraw(fragment)

    async def redraw(self, fragment: str) -> None:
        """One more run with nothing clicked, read whole: on a busy server the second click
        can cut the first one's run short, and what that run had drawn was read on top of
        the next run's drawing (seen as one question counted twice). Text boxes keep the
        value the server holds (the Add button empties its box)."""
        boxes = {wid for kind, _, wid, _ in self.elements if kind in ("text_input", "text_area")}
        await self.send([s for s in self.states.values() if s.id not in boxes], fragment)
        await self.receive(fragment)

    async def type_into(self, label: str, text: str) -> WidgetState:
        (wid, fragment), *_ = self.find("text_input", label) + self.find("text_area", label)
        state = WidgetState(id=wid, string_value=text)
        self.states[wid] = state
        await self.send(list(self.states.values()), fragment)
        await self.receive(fragment)
        return state

    def page_text(self) -> str:
        return "\n".join(body for _, body in self.shown)


async def open_at_prepare(url: str) -> Tab:
    tab = Tab(url)
    await tab.open()
    for action, label, choice in TO_PREPARE:
        await tab.act(action, label, choice)
    assert tab.find("button", QUESTIONS.add_button), tab.elements[:20]
    return tab


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = start_server(tmp_path_factory.mktemp("server"))
    yield running
    log = running.stop()
    assert "Traceback" not in log, log[-4000:]


async def _add_questions(tab: Tab, texts: list[str]) -> None:
    for text in texts:
        typed = await tab.type_into(QUESTIONS.own_label, text)
        await tab.click(QUESTIONS.add_button, extra=[typed])


def own_questions_shown(tab: Tab, texts: list[str]) -> list[str]:
    """The questions listed, each on its own line (not "Removed: …" beside its Undo)."""
    shown = {body for _, body in tab.shown}
    return [text for text in texts if text in shown]


def test_double_click_on_remove_removes_one_question(server):
    texts = ["First question here", "Second question here", "Third question here"]

    async def journey():
        tab = await open_at_prepare(server.url)
        await _add_questions(tab, texts)
        assert own_questions_shown(tab, texts) == texts
        await tab.click(QUESTIONS.remove_label, twice=True, nth=0)
        shown = own_questions_shown(tab, texts)
        await tab.close()
        return shown, tab.exceptions

    shown, exceptions = run(journey())
    assert exceptions == []
    assert shown == texts[1:]  # and the first is offered back, under Undo (tests/app)


def test_double_click_on_remove_of_the_last_question(server):
    texts = ["Only one question", "And the last one"]

    async def journey():
        tab = await open_at_prepare(server.url)
        await _add_questions(tab, texts)
        await tab.click(QUESTIONS.remove_label, twice=True, nth=1)
        shown = own_questions_shown(tab, texts)
        await tab.close()
        return shown, tab.exceptions

    shown, exceptions = run(journey())
    assert exceptions == []
    assert shown == texts[:1]


def test_double_click_on_add_adds_once(server):
    async def journey():
        tab = await open_at_prepare(server.url)
        typed = await tab.type_into(QUESTIONS.own_label, "Will I be able to drive?")
        await tab.click(QUESTIONS.add_button, twice=True, extra=[typed])
        count = tab.page_text().count("Will I be able to drive?")
        removes = len(tab.find("button", QUESTIONS.remove_label))
        await tab.close()
        return count, removes, tab.exceptions

    count, removes, exceptions = run(journey())
    assert exceptions == []
    assert (count, removes) == (1, 1)


def _title(tab: Tab) -> str:
    return next((body for _, body in tab.shown if body.startswith("# ")), "")


def test_double_click_on_next_moves_one_step(server):
    sections = PACK.questionnaire.sections

    async def journey():
        tab = Tab(server.url)
        await tab.open()
        await tab.act(*JOURNEY[0])  # Start the questions
        await tab.act(*JOURNEY[1])  # the safety question: not at all
        await tab.click(PACK.ui.next_button, twice=True)
        first = _title(tab)
        await tab.click(PACK.ui.next_button, twice=True)  # step 2 has no required question
        second = _title(tab)
        await tab.close()
        return first, second, tab.exceptions

    first, second, exceptions = run(journey())
    assert exceptions == []
    assert sections[1].title in first
    assert sections[2].title in second


def test_the_browsers_back_and_forward_open_a_step_already_reached_and_no_other(server):
    """Each question step is in the address (?step=N). A history rerun to a step reached
    opens it; to one not reached (typed, or left by an earlier person) it keeps the step,
    so the safety question is never skipped, and puts the right step back in the address."""
    sections = PACK.questionnaire.sections

    async def journey():
        tab = Tab(server.url)
        await tab.open()
        await tab.act(*JOURNEY[0])  # Start the questions
        seen = [(_title(tab), tab.query)]
        await tab.go_through_history("step=3")  # not reached: still step 1
        seen.append((_title(tab), tab.query))
        await tab.act(*JOURNEY[1])  # the safety question: not at all
        await tab.click(PACK.ui.next_button)
        seen.append((_title(tab), tab.query))
        await tab.go_through_history("step=1")  # Back
        seen.append((_title(tab), tab.query))
        await tab.go_through_history("step=2")  # Forward
        seen.append((_title(tab), tab.query))
        await tab.go_through_history("step=4")  # beyond the furthest step reached
        seen.append((_title(tab), tab.query))
        await tab.close()
        return seen, tab.exceptions

    seen, exceptions = run(journey())
    assert exceptions == []
    titles = [sections[n].title for n in (0, 0, 1, 0, 1, 1)]
    assert [(title in shown, query) for (shown, query), title in zip(seen, titles, strict=True)] == [
        (True, f"step={n}") for n in (1, 1, 2, 1, 2, 2)
    ], seen


def test_double_click_on_a_stage_next_moves_one_stage(server):
    async def journey():
        tab = Tab(server.url)
        await tab.open()
        for step in JOURNEY[: JOURNEY.index(("click", "See my results", 0)) + 1]:
            await tab.act(*step)
        await tab.click("Next: The facts: what they are", twice=True)
        title = _title(tab)
        await tab.close()
        return title, tab.exceptions

    title, exceptions = run(journey())
    assert exceptions == []
    assert "what they are" in title.lower()


def test_double_click_on_change_opens_that_step_once(server):
    sections = PACK.questionnaire.sections

    async def journey():
        tab = Tab(server.url)
        await tab.open()
        for step in JOURNEY[: JOURNEY.index(("click", "Next: check your answers", 0)) + 1]:
            await tab.act(*step)
        await tab.click(PACK.ui.change_button, twice=True, nth=0)  # the safety question: step 1
        title = _title(tab)
        # On step 1, one Next goes to step 2: nothing queued moves it further.
        await tab.click(PACK.ui.next_button)
        after = _title(tab)
        await tab.close()
        return title, after, tab.exceptions

    title, after, exceptions = run(journey())
    assert exceptions == []
    assert sections[0].title in title
    assert sections[1].title in after


def test_double_click_on_clear_everything_clears_once(server):
    async def journey():
        tab = await open_at_prepare(server.url)
        await _add_questions(tab, ["A question to forget"])
        await tab.click(PACK.ui.see_summary)
        await tab.click(PACK.ui.clear_button)
        await tab.click(PACK.ui.clear_yes, twice=True)
        start = tab.find("button", PACK.ui.start_button)
        await tab.send([])  # the welcome screen again: nothing of the person is left
        await tab.settle()
        await tab.click(PACK.ui.start_button)
        await tab.act("click", PACK.ui.next_button, 0)  # the safety question is unanswered again
        text = tab.page_text()
        await tab.close()
        return start, text, tab.exceptions

    start, text, exceptions = run(journey())
    assert exceptions == []
    assert start
    assert PACK.ui.required_missing in text


def _foreign(wid: str, kind: str) -> WidgetState:
    """A value no widget offers: a label not among a radio's options, a checkbox sent text."""
    state = WidgetState(id=wid)
    if kind == "checkbox":
        state.string_value = "Admin"
    else:
        state.string_value = "Extremely important"
    return state


def test_values_a_widget_does_not_offer_are_never_stored(server):
    deliberation = PACK.deliberation
    radios = [
        deliberation.values.items[0].label,
        deliberation.leaning.question,
        deliberation.knowledge.items[0].statement,
        deliberation.sure.items[0].text,
    ]

    async def journey():
        tab = await open_at_prepare(server.url)
        for label in radios:
            (wid, fragment), *_ = tab.find("radio", label)
            await tab.send([*tab.states.values(), _foreign(wid, "radio")], fragment)
            await tab.settle_fragment(fragment)
        (wid, fragment), *_ = tab.find("checkbox", "")
        await tab.send([*tab.states.values(), _foreign(wid, "checkbox")], fragment)
        await tab.settle_fragment(fragment)
        long = "why " * 5000
        await tab.type_into(deliberation.values.own_label, long)
        await tab.click(PACK.ui.see_summary)
        text = tab.page_text()
        await tab.close()
        return text, tab.exceptions

    text, exceptions = run(journey())
    assert exceptions == []
    assert "Extremely important" not in text and "Admin" not in text
    kept = deliberation.values.own_max_chars
    assert "why " * (kept // 4 - 1) in text and "why " * (kept // 4 + 1) not in text


def test_an_answer_a_question_does_not_offer_is_not_stored(server):
    async def journey():
        tab = Tab(server.url)
        await tab.open()
        await tab.act(*JOURNEY[0])  # Start the questions
        (wid, fragment), *_ = tab.find("radio", "Over the last 2 weeks")
        await tab.send([_foreign(wid, "radio")], fragment)
        await tab.settle_fragment(fragment)
        await tab.click(PACK.ui.next_button)  # the safety question is still unanswered
        text = tab.page_text()
        await tab.close()
        return text, tab.exceptions

    text, exceptions = run(journey())
    assert exceptions == []
    assert PACK.ui.required_missing in text
