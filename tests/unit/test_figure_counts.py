"""How many figures and icon arrays the benefit and harm topics carry (check --report)."""

import io
from contextlib import redirect_stdout

from decision_aid import cli
from decision_aid.content import load_pack, read_templates
from decision_aid.content.figures import FigureCount, count_figures
from tests.unit.test_content import edit


def test_counts_placeholders_in_bodies_and_icon_arrays_by_kind(pack_copy):
    before = {kind: count_figures(read_templates("en", pack_copy), kind) for kind in ("benefit", "risk")}
    assert before["benefit"].figures > 0 and before["benefit"].icon_arrays > 0
    edit(
        pack_copy / "en" / "topics" / "risk_longer.md",
        "references: [",
        "icon_arrays: [murrough_response]\nreferences: [",
    )
    topic = pack_copy / "en" / "topics" / "risk_longer.md"
    topic.write_text(
        topic.read_text(encoding="utf-8") + "\nIt lasts about {{bp_duration_hours}} hours, as said above.\n",
        encoding="utf-8",
    )
    after = {kind: count_figures(read_templates("en", pack_copy), kind) for kind in ("benefit", "risk")}
    assert after["benefit"] == before["benefit"]
    assert after["risk"] == FigureCount(
        figures=before["risk"].figures + 1, icon_arrays=before["risk"].icon_arrays + 1
    )


def test_a_table_under_a_topic_counts_its_figures(pack_copy):
    templates = read_templates("en", pack_copy)
    in_options = sum(
        cell.count("{{") for row in templates.options.rows for cell in (row.label, *row.cells.values())
    )
    assert in_options > 0
    edit(
        pack_copy / "en" / "topics" / "risk_longer.md",
        "references: [",
        "table: options\nreferences: [",
    )
    after = count_figures(read_templates("en", pack_copy), "risk")
    assert after.figures == count_figures(templates, "risk").figures + in_options


def test_the_report_says_how_many_figures_benefits_and_harms_have():
    templates = read_templates("en")
    benefits, harms = count_figures(templates, "benefit"), count_figures(templates, "risk")
    out = io.StringIO()
    with redirect_stdout(out):
        cli._report(load_pack("en"), templates)
    assert (
        f"benefits: {benefits.figures} figures, {benefits.icon_arrays} icon arrays · "
        f"harms: {harms.figures} figures, {harms.icon_arrays} icon arrays"
    ) in out.getvalue().splitlines()
