"""Choosing the language (issue 18): from the address, the switch on every screen, kept in
links; the whole Spanish journey with no English left on screen."""

import re

from decision_aid.content import load_pack
from tests.app.test_journeys import click, next_stage, stage
from tests.app.test_modes import SESSION, open_app
from tests.content.test_spanish import ENGLISH, KEPT_NAMES

ES, EN = load_pack("es"), load_pack("en")


def labels(at):
    return [b.label for b in at.button]


def shown_texts(at):
    """Everything the screen says in words: Markdown, headings, notices, labels."""
    found = [m.value for m in at.markdown] + [t.value for t in at.title] + [h.value for h in at.header]
    found += [h.value for h in at.subheader] + [c.value for c in at.caption]
    found += [a.value for a in (*at.info, *at.warning, *at.error, *at.success)]
    found += [e.label for e in at.expander] + labels(at)
    found += [w.label for w in (*at.radio, *at.checkbox, *at.selectbox, *at.text_input, *at.text_area)]
    found += [o for w in at.radio for o in w.options] + [o for w in at.selectbox for o in w.options]
    return found


def english_left(at):
    left = []
    for text in shown_texts(at):
        # sources are cited as published; links and code spans are not prose
        plain = re.sub(r'<details class="fold sources">.*?</details>', "", text, flags=re.DOTALL)
        plain = re.sub(r"`[^`]*`|\]\([^)]*\)|https?://\S+", "", KEPT_NAMES.sub("", plain))
        words = ENGLISH.findall(plain)
        if len(words) >= 2:
            left.append((text[:80], words[:4]))
    return left


def test_lang_in_the_address_opens_the_aid_in_spanish():
    at = open_app(lang="es")
    assert at.session_state[SESSION].locale == "es"
    assert ES.ui.start_button in labels(at)
    assert EN.ui.language_switch in labels(at)  # "Read in English", in English
    assert english_left(at) == []


def test_an_unknown_language_in_the_address_is_dropped():
    at = open_app(lang="xx")
    assert at.session_state[SESSION].locale == "en"
    assert "lang" not in at.query_params
    assert ES.ui.language_switch in labels(at)  # "Leer en español", in Spanish


def test_switching_language_keeps_the_answers_and_the_place():
    at = open_app()
    click(at, EN.ui.start_button)
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    click(at, key="nav:lang_es")
    assert at.session_state[SESSION].locale == "es"
    assert at.query_params["lang"] == "es"
    question = ES.questionnaire.by_id["self_harm_thoughts"]
    radio = at.radio(key="q:self_harm_thoughts")
    assert radio.label.startswith(question.text) and radio.value == "not_at_all"
    assert ES.ui.next_button in labels(at)
    click(at, key="nav:lang_en")
    assert at.radio(key="q:self_harm_thoughts").label.startswith(
        EN.questionnaire.by_id["self_harm_thoughts"].text
    )
    assert at.session_state[SESSION].answers.values["self_harm_thoughts"] == "not_at_all"


def told_the_browser(widget, words):
    """The run tells the browser which option is chosen, in these words. The browser keeps
    a radio's or select box's choice as the words it showed: without being told, old words
    match none of the new options, and the widget looks unanswered though the answer is kept."""
    return widget.proto.set_value and widget.proto.raw_value == words


def test_after_a_switch_each_choice_on_screen_shows_in_the_new_words():
    at = open_app()
    click(at, EN.ui.start_button)
    at.radio(key="q:self_harm_thoughts").set_value("nearly_every_day").run()
    at.selectbox(key="nav:region").set_value("uk").run()
    click(at, key="nav:lang_es")
    answer = ES.questionnaire.by_id["self_harm_thoughts"].choice("nearly_every_day").label
    assert told_the_browser(at.radio(key="q:self_harm_thoughts"), answer)
    assert told_the_browser(at.selectbox(key="nav:region"), ES.crisis.region("uk").name)
    click(at, key="nav:lang_en")
    answer = EN.questionnaire.by_id["self_harm_thoughts"].choice("nearly_every_day").label
    assert told_the_browser(at.radio(key="q:self_harm_thoughts"), answer)


def test_a_place_picked_in_spanish_stays_picked_in_english():
    """A red-team review picked España, switched to English and was shown the United States'
    911 and 988, the first place listed. Every language now lists the same places: Spain's
    112 and 024, and Mexico's Línea de la Vida, in English too."""
    for picked in ("es", "mx"):
        at = open_app(lang="es")
        click(at, ES.ui.start_button)
        at.radio(key="q:self_harm_thoughts").set_value("nearly_every_day").run()
        at.selectbox(key="nav:region").set_value(picked).run()
        click(at, key="nav:lang_en")
        assert at.selectbox(key="nav:region").value == picked
        place = EN.crisis.region(picked)
        assert any(
            m.value.startswith(EN.ui.danger_now.format(emergency=place.emergency)) for m in at.markdown
        )
        shown = " ".join(m.value for m in at.markdown)
        assert all(line.contact in shown for line in place.lines)
        click(at, key="nav:lang_es")
        assert at.selectbox(key="nav:region").value == picked


def test_after_a_switch_the_ratings_of_what_matters_show_in_the_new_words():
    at = open_app(mode="workshop", persona="maria_trd")
    while stage(at) != "prepare":
        next_stage(at)
    item = EN.deliberation.values.items[0]
    rating = EN.deliberation.values.scale[0].value
    leaning = EN.deliberation.leaning.choices[0].value
    at.radio(key=f"values:{item.id}").set_value(rating).run()
    at.radio(key="own:leaning").set_value(leaning).run()
    click(at, key="nav:lang_es")
    words = {c.value: c.label for c in (*ES.deliberation.values.scale, *ES.deliberation.leaning.choices)}
    assert told_the_browser(at.radio(key=f"values:{item.id}"), words[rating])
    assert told_the_browser(at.radio(key="own:leaning"), words[leaning])


def test_a_spanish_workshop_case_goes_to_the_summary_in_spanish_only():
    at = open_app(mode="workshop", persona="maria_trd", lang="es")
    seen = []
    while True:
        seen.append(stage(at))
        assert english_left(at) == [], stage(at)
        assert at.query_params["lang"] == "es"
        if not any((b.key or "").startswith(f"nav:stage_next_{stage(at)}_") for b in at.button):
            break
        next_stage(at)
    assert seen[-1] == "summary" and len(seen) == 7
    assert at.title[0].value == ES.ui.summary_title


def test_a_spanish_crisis_answer_shows_the_spanish_crisis_lines_at_once():
    at = open_app(lang="es")
    click(at, ES.ui.start_button)
    at.radio(key="q:self_harm_thoughts").set_value("several_days").run()
    text = " ".join(m.value for m in at.markdown)
    assert ES.topic("crisis").title in " ".join(h.value for h in at.header)
    assert "AYUDA" in text and "tel:988" in text


def test_reset_keeps_the_language():
    at = open_app(mode="workshop", persona="maria_trd", lang="es")
    click(at, key="nav:reset_sidebar")
    assert at.session_state[SESSION].locale == "es"
    assert not at.session_state[SESSION].answers.values
