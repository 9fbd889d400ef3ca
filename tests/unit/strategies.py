"""Hypothesis strategies over the English pack: any valid answers, any deliberation."""

from hypothesis import strategies as st

from decision_aid.answers import parse_answers
from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation, clean_text

PACK = load_pack("en")

# What a person might type: letters, digits, punctuation and symbols the PDF font can draw,
# Markdown characters included.
TYPED = st.text(alphabet=st.characters(codec="latin-1", categories=("L", "N", "P", "S", "Zs")), max_size=60)


@st.composite
def answer_sets(draw):
    """Any valid answers file: each question skipped or answered with allowed values."""
    raw = {}
    for question in PACK.questionnaire.questions:
        if draw(st.booleans()):
            continue
        if question.kind == "single":
            raw[question.id] = draw(st.sampled_from(question.values))
        else:
            exclusive = [v for v in question.values if v in question.exclusive]
            others = [v for v in question.values if v not in question.exclusive]
            if exclusive and draw(st.booleans()):
                raw[question.id] = [draw(st.sampled_from(exclusive))]
            else:
                raw[question.id] = draw(st.lists(st.sampled_from(others), min_size=1, unique=True))
    return parse_answers(PACK.questionnaire, raw)


@st.composite
def deliberations(draw):
    """Any weighing a person could enter on the Prepare screen, their own words included."""
    content = PACK.deliberation
    scale = [c.value for c in content.values.scale]
    values = {item.id: draw(st.sampled_from(scale)) for item in content.values.items if draw(st.booleans())}
    sure = {item.id: draw(st.booleans()) for item in content.sure.items if draw(st.booleans())}
    prompts = [p.id for p in content.questions.items]
    own = [clean_text(t, content.questions.own_max_chars) for t in draw(st.lists(TYPED, max_size=3))]
    return Deliberation(
        values=values,
        own_value=clean_text(draw(TYPED), content.values.own_max_chars),
        leaning=draw(st.none() | st.sampled_from([c.value for c in content.leaning.choices])),
        sure=sure,
        ticked=tuple(draw(st.lists(st.sampled_from(prompts), unique=True))),
        own_questions=tuple(dict.fromkeys(q for q in own if q)),
    )
