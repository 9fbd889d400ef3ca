"""Text helpers of the screens: folded sources and tables, as Markdown with HTML."""

from decision_aid.content import load_pack
from decision_aid.ui.text import citation, sources_block, table_block, text

PACK = load_pack("en")


def test_sources_fold_under_a_label_with_their_count_and_list_every_citation():
    ids = tuple(PACK.references)[:3]
    block = sources_block(PACK, ids)
    assert block.startswith('<details class="fold sources"><summary>Sources (3)</summary>')
    assert block.endswith("</details>")
    # Blank lines around the list, so it is read as Markdown inside the HTML block.
    assert "\n\n- " in block and block.count("\n- ") == 3
    for ref in ids:
        assert text(citation(PACK, ref).split(" doi:")[0]) in block


def test_angle_brackets_in_a_citation_stay_text():
    ref = next(iter(PACK.references.values()))
    odd = ref.model_copy(update={"citation": "A <script>x</script> & B"})
    pack = PACK.model_copy(update={"references": {**PACK.references, ref.id: odd}})
    block = sources_block(pack, (ref.id,))
    assert "&lt;script>x&lt;/script> &amp; B" in block and "<script>" not in block


def test_an_ampersand_in_a_web_address_is_kept_so_the_link_works():
    """A red-team review: the FDA's REMS page was linked as "...page&amp;REMS=386"."""
    rems = next(r for r in PACK.references.values() if r.url and "&" in r.url)
    block = sources_block(PACK, (rems.id,))
    assert rems.url in block and "&amp;REMS" not in block
    assert text("Q&A at https://x.org/?a=1&b=2 & <b>") == "Q&amp;A at https://x.org/?a=1&b=2 &amp; &lt;b>"


def test_a_table_folds_one_part_per_question_with_every_option_answering():
    table = PACK.options
    block = table_block(PACK, table)
    assert block.startswith(f"**{table.title}**\n\n")
    parts = block.split('<details class="fold">')[1:]
    assert len(parts) == len(table.rows)
    for part, row in zip(parts, table.rows, strict=True):
        assert part.startswith(f"<summary>{row.label}</summary>\n\n| Option | {row.label} |")
        lines = [line for line in part.splitlines() if line.startswith("| ") and "---" not in line]
        assert len(lines) == 1 + len(table.columns)
        assert part.rstrip().endswith("</details>")


def test_table_cells_cannot_inject_html():
    table = PACK.routes
    row = table.rows[0]
    column = table.columns[0]
    odd_row = row.model_copy(update={"cells": {**row.cells, column.id: "<img src=x onerror=alert(1)>"}})
    odd = table.model_copy(update={"rows": (odd_row, *table.rows[1:])})
    block = table_block(PACK, odd)
    assert "<img" not in block and "&lt;img src=x onerror=alert(1)>" in block
