"""Text helpers of the screens: the folded list of a topic's sources."""

from decision_aid.content import load_pack
from decision_aid.ui.text import citation, sources_block

PACK = load_pack("en")


def test_sources_fold_under_a_label_with_their_count_and_list_every_citation():
    ids = tuple(PACK.references)[:3]
    block = sources_block(PACK, ids)
    assert block.startswith('<details class="sources"><summary>Sources (3)</summary>')
    assert block.endswith("</details>")
    # Blank lines around the list, so it is read as Markdown inside the HTML block.
    assert "\n\n- " in block and block.count("\n- ") == 3
    for ref in ids:
        assert citation(PACK, ref).split(" doi:")[0].replace("&", "&amp;") in block


def test_angle_brackets_in_a_citation_stay_text():
    ref = next(iter(PACK.references.values()))
    odd = ref.model_copy(update={"citation": "A <script>x</script> & B"})
    pack = PACK.model_copy(update={"references": {**PACK.references, ref.id: odd}})
    block = sources_block(pack, (ref.id,))
    assert "&lt;script&gt;x&lt;/script&gt; &amp; B" in block and "<script>" not in block
