"""The PDF reads the aid's Markdown as the screen does (CommonMark), and the person's own
words as typed: no second Markdown dialect in between."""

import io

import pypdf

from decision_aid.answers import Answers
from decision_aid.deliberation import Deliberation
from decision_aid.exports.pdf import render_pdf
from decision_aid.summary import build_summary

AUTHORED = (
    "Most clinics ask you to come 2--3 times a week, **with someone to drive you home**, "
    "for *about a month*. Type `__init__` and a\\*b\\*c as shown. "
    "[The FDA warning](https://www.fda.gov/warning) explains why.\n\n"
    "1. Ask first\n2. Then decide"
)
TYPED = "2--3 times, __init__, a*b*c, **not bold** and [no link](https://evil.example)"


def styled_runs(data: bytes) -> list[tuple[str, str]]:
    """(font name, text) for every piece of text drawn, in order."""
    runs: list[tuple[str, str]] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:

        def visit(text, cm, tm, font, size):
            if text.strip():
                runs.append((font["/BaseFont"].split("+")[-1] if font else "", text))

        page.extract_text(visitor_text=visit)
    return runs


def pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_authored_markdown_reaches_the_pdf_as_the_screen_shows_it(pack):
    crisis = pack.crisis.model_copy(update={"intro": AUTHORED})
    authored = pack.model_copy(update={"crisis": crisis})
    data = render_pdf(authored, build_summary(authored, Answers()))
    runs, text = styled_runs(data), pdf_text(data)
    assert (
        "Most clinics ask you to come 2--3 times a week, with someone to drive you home, for about a month."
        in text
    )
    assert "Type __init__ and a*b*c as shown." in text
    assert "The FDA warning explains why." in text and "](" not in text and "**" not in text
    assert "1. Ask first 2. Then decide" in text
    assert ("SourceSansProBold", "with someone to drive you home") in runs
    assert ("SourceSansProItalic", "about a month") in runs
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        assert "/Annots" not in page  # links are words on paper, not annotations


def test_the_persons_own_words_reach_the_pdf_exactly_and_unstyled(pack, answers):
    summary = build_summary(
        pack, answers(self_harm_thoughts="not_at_all"), Deliberation(own_value=TYPED, own_questions=(TYPED,))
    )
    runs = styled_runs(render_pdf(pack, summary))
    typed = [(font, text) for font, text in runs if "__init__" in text]
    assert [text.strip() for _, text in typed] == [TYPED, TYPED]
    assert {font for font, _ in typed} == {"SourceSansPro"}
