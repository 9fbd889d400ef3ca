"""The take-away summary as a PDF: real, searchable text in an embedded Unicode font."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from typing import cast

import font_source_sans_pro as fonts
from fontTools.ttLib import TTFont
from fpdf import FPDF, ViewerPreferences
from fpdf.enums import XPos, YPos

from decision_aid.exports.document import Block, Text, care_blocks, paper_pages
from decision_aid.prose import Run, Unit, inline_runs, units
from decision_aid.schema import Pack
from decision_aid.summary import Summary

FONT = "SourceSans"
BODY_PT = 11  # never smaller: the summary must be easy to read on paper
SIZES = {
    "title": 15,
    "heading": 12.5,
    "text": BODY_PT,
    "bullets": BODY_PT,
    "pairs": BODY_PT,
    "field": BODY_PT,
    "note": BODY_PT,
}
# One US Letter page for every persona with Prepare filled in, English and Spanish, after
# the crisis page where there is one (tests/unit/test_exports.py):
# lines about 1.2 times the type size, narrow margins, little space between blocks.
LINE = 4.5
GAP = 0.3  # after each block
HEADING_GAP = 0.8  # above each heading
# Blanks to write on by hand: a name beside the title (the aid never asks for one), and ruled
# lines for notes from the visit where the last page has room; never a page of their own.
NAME_BLANK = 45  # mm of line for a name
SHORTEST_NAME = 35
DATE_BLANK = 30
RULE = 7  # mm between ruled lines, as on ruled paper: room for handwriting
MOST_RULES = 8
FEWEST_RULES = 2  # one ruled line is not a place for notes
RULE_GREY = 140
# A space between two digits (116 123, 0477 13 11 14) never breaks a line: a phone number
# split over two lines is easy to misdial.
DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")

# fpdf2 logs every glyph its font lacks, character by character (logger "fpdf.output"): with
# no handler configured, Python prints that to stderr, the server's log, so a question typed
# in Chinese or Arabic would reach the log (red-team review F2). Nothing from fpdf2 is logged:
# its real failures raise. What the font cannot draw is said on the summary instead
# (``characters_the_pdf_cannot_show``).
_FPDF_LOG = logging.getLogger("fpdf")
_FPDF_LOG.addHandler(logging.NullHandler())
_FPDF_LOG.propagate = False


def _pdf(pack: Pack) -> FPDF:
    pdf = FPDF(format="letter", unit="mm")
    pdf.set_margins(12, 9, 12)
    pdf.set_auto_page_break(auto=True, margin=7)
    pdf.add_font(FONT, "", fonts.font_files_ttf["SourceSansPro"])
    pdf.add_font(FONT, "B", fonts.font_files_ttf["SourceSansProBold"])
    pdf.add_font(FONT, "I", fonts.font_files_ttf["SourceSansProIt"])
    pdf.add_font(FONT, "BI", fonts.font_files_ttf["SourceSansProBoldIt"])
    pdf.set_lang(pack.info.locale)
    pdf.set_title(pack.summary_text.title)
    pdf.set_subject(pack.ui.app_subtitle)
    pdf.set_creator("Ketamine and esketamine decision aid")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.add_page()
    return pdf


def render_pdf(pack: Pack, summary: Summary) -> bytes:
    """The summary, then again with ruled lines for notes before the care advice when the last
    page has room for at least two; kept only if it needs no more pages."""
    pages = paper_pages(pack, summary)
    care = care_blocks(pack, summary)[0]
    pdf = _layout(pack, pages, care, rules=0)
    room = pdf.page_break_trigger - pdf.get_y() - _heading_height() - 0.5
    rules = min(MOST_RULES, int(room // RULE))
    if rules >= FEWEST_RULES:
        with_notes = _layout(pack, pages, care, rules)
        if with_notes.page_no() == pdf.page_no():
            pdf = with_notes
    return bytes(pdf.output())


def _layout(pack: Pack, pages: list[list[Block]], care: Block, rules: int) -> FPDF:
    pdf = _pdf(pack)
    for number, blocks in enumerate(pages):
        if number:
            pdf.add_page()
        for block in blocks:
            if block.kind == "title":
                _title(pdf, block.parts[0].text, f"{pack.summary_text.paper_name}:")
                continue
            if block == care and rules:
                _notes(pdf, pack, rules)
            _draw(pdf, block)
    return pdf


def _heading_height() -> float:
    return HEADING_GAP + SIZES["heading"] * 0.42 + GAP


def _title(pdf: FPDF, text: str, name_label: str) -> None:
    """The title, with a line to write a name on at the right of its first line."""
    size = SIZES["title"]
    pdf.set_font(FONT, "", BODY_PT)
    label = pdf.get_string_width(name_label) + 1.5
    pdf.set_font(FONT, "B", size)
    # the blank shortens, down to SHORTEST_NAME, before the title wraps to a second line
    length = max(SHORTEST_NAME, min(NAME_BLANK, pdf.epw - pdf.get_string_width(text) - label - 6))
    top = pdf.get_y()
    width = pdf.epw - label - length - 4
    pdf.multi_cell(width, size * 0.42, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y()
    _blank(pdf, name_label, top, size, length)
    pdf.set_y(bottom)
    pdf.ln(GAP)


def _notes(pdf: FPDF, pack: Pack, rules: int) -> None:
    """A heading with a line for the visit's date at its right, then ruled lines."""
    words = pack.summary_text
    if pdf.get_y() + _heading_height() + FEWEST_RULES * RULE > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(HEADING_GAP)
    size = SIZES["heading"]
    top = pdf.get_y()
    pdf.set_font(FONT, "B", size)
    pdf.cell(0, size * 0.42, words.paper_notes, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _blank(pdf, f"{words.paper_date}:", top, size, DATE_BLANK)
    pdf.set_y(top + size * 0.42)
    pdf.set_draw_color(RULE_GREY)
    for _ in range(rules):
        pdf.set_y(pdf.get_y() + RULE)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_draw_color(0)
    pdf.ln(GAP)


def _blank(pdf: FPDF, label: str, top: float, line_pt: float, length: float) -> None:
    """A label and a line to write on, ending at the right margin, on the same baseline as the
    text already set in the line that starts at ``top`` in type of ``line_pt`` points."""
    height = line_pt * 0.42
    pdf.set_font(FONT, "", BODY_PT)
    label_width = pdf.get_string_width(label) + 1.5
    right = pdf.w - pdf.r_margin
    # fpdf2 sets a line's baseline at half its height plus 0.3 of its type size
    baseline = top + height / 2 + 0.3 * line_pt / pdf.k
    pdf.set_xy(right - length - label_width, baseline - height / 2 - 0.3 * pdf.font_size)
    pdf.cell(label_width, height, label)
    pdf.line(right - length, baseline + 0.6, right, baseline + 0.6)


@functools.cache
def _font_characters() -> frozenset[int]:
    """The code points the PDF's regular font can draw (the person's words are set in it)."""
    font = TTFont(fonts.font_files_ttf["SourceSansPro"], lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def characters_the_pdf_cannot_show(summary: Summary) -> str:
    """The visible characters of the person's own words that the PDF's font lacks, each once,
    in the order first typed (empty when it can show them all). They are left out of the
    PDF; the screen, the Markdown and the FHIR files keep them."""
    known = _font_characters()
    missing: dict[str, None] = {}
    for text in (*summary.own_questions, summary.own_value or ""):
        for char in text:
            if ord(char) not in known and not char.isspace() and unicodedata.category(char)[0] not in "CZ":
                missing[char] = None
    return "".join(missing)


def _draw(pdf: FPDF, block: Block) -> None:
    size = SIZES[block.kind]
    if block.kind in ("title", "heading"):
        # a heading never ends a page: it moves to the next with its first two lines
        if block.kind == "heading" and pdf.get_y() + _heading_height() + 2 * LINE > pdf.page_break_trigger:
            pdf.add_page()
        pdf.ln(HEADING_GAP if block.kind == "heading" else 0)
        pdf.set_font(FONT, "B", size)
        pdf.multi_cell(0, size * 0.42, block.parts[0].text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(GAP)
        return
    style = "I" if block.kind == "note" else ""
    pdf.set_font(FONT, style, size)
    if block.kind == "pairs":
        _two_columns(pdf, block.parts)
    elif block.kind == "field":
        title, *text = block.parts
        line = [Run(f"{title.text}: ", bold=True)]
        for index, part in enumerate(text):
            line += [Run(" ")] if index else []  # parts are sentences: as in Markdown, a space
            line += [Run(part.text)] if part.mine else list(inline_runs(part.text))
        _paragraph(pdf, tuple(line), style)
    elif block.kind == "bullets":
        for part in block.parts:
            runs = (Run(part.text),) if part.mine else inline_runs(part.text)
            _paragraph(pdf, runs, style, marker="\u2022")
    else:
        for part in block.parts:
            for unit in _units(part):
                _paragraph(pdf, unit.runs, style, marker=unit.marker, depth=unit.depth)
    pdf.ln(GAP)


def _units(part: Text) -> list[Unit]:
    """The person's own words as one plain paragraph, never read as markup; the aid's parsed."""
    return [Unit((Run(part.text),))] if part.mine else units(part.text)


def _two_columns(pdf: FPDF, parts: tuple[Text, ...]) -> None:
    """Short items side by side, read down the first column then the second: half the lines.
    Each column flows on its own, so a long item on one side leaves no gap beside a short one
    (table rows did), and no item is split between the columns. What does not fit on the page
    carries on in two columns at the top of the next."""
    gutter = 4
    width = (pdf.epw - gutter) / 2
    items = [(part.text, _height(pdf, width, part.text)) for part in parts]
    while items:
        room = pdf.page_break_trigger - pdf.get_y()
        count, half = _fitting([height for _, height in items], room, at_top=pdf.get_y() <= pdf.t_margin)
        if not count:
            pdf.add_page()
            continue
        top, bottoms = pdf.get_y(), []
        for offset, column in ((0.0, items[:half]), (width + gutter, items[half:count])):
            pdf.set_y(top)
            for text, _ in column:
                pdf.set_x(pdf.l_margin + offset)
                pdf.multi_cell(width, LINE, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            bottoms.append(pdf.get_y())
        pdf.set_y(max(bottoms))
        items = items[count:]
        if items:
            pdf.add_page()


def _height(pdf: FPDF, width: float, text: str) -> float:
    """How tall the text is in a column of this width (fpdf2 types the answer loosely)."""
    return cast(float, pdf.multi_cell(width, LINE, text, dry_run=True, output="HEIGHT"))


def _fitting(heights: list[float], room: float, at_top: bool) -> tuple[int, int]:
    """How many of the items, from the first, fit in two columns of the given height, and how
    many of those go in the first column: the split that makes the taller column shortest.
    (0, 0) when not even one fits; on a fresh page the first item is taken whatever its size."""
    best = (1, 1) if at_top else (0, 0)
    for count in range(1, len(heights) + 1):
        splits = [(max(sum(heights[:half]), sum(heights[half:count])), -half) for half in range(1, count + 1)]
        tallest, half = min(splits)
        if tallest > room + 1e-6:
            break
        best = (count, -half)
    return best


def _paragraph(pdf: FPDF, runs: tuple[Run, ...], style: str, marker: str = "", depth: int = 0) -> None:
    """Runs of text in the block's style plus their own bold or italic; list items hang
    under their bullet or number."""
    margin = pdf.l_margin
    if marker:
        pdf.set_x(margin + 2 + 4 * depth)
        pdf.cell(4, LINE, marker)
        pdf.set_left_margin(margin + 6 + 4 * depth)
    for run in runs:
        pdf.set_font(FONT, _style(style, run), pdf.font_size_pt)
        pdf.write(LINE, DIGIT_SPACE.sub("\u00a0", run.text))
    pdf.set_font(FONT, style, pdf.font_size_pt)
    pdf.set_left_margin(margin)
    pdf.ln(LINE)


def _style(base: str, run: Run) -> str:
    return ("B" if run.bold else "") + ("I" if run.italic or "I" in base else "")
