"""The translation workflow (decision_aid/content/translation.py): a translation lays its words
over the English facts, and check says what is missing, stale, left over or changes a figure."""

import shutil
import subprocess
import sys

import pytest
import yaml

from decision_aid.content import CONTENT_ROOT, Code, PackError, load_pack, locales, read_pack
from decision_aid.content.translation import ADAPTABLE, source_hash, units
from decision_aid.readability import SPANISH, grade, scale


@pytest.fixture
def packs(tmp_path):
    """Writable copies of the English pack and its Spanish translation."""
    for locale in ("en", "es"):
        shutil.copytree(CONTENT_ROOT / locale, tmp_path / locale)
    return tmp_path


def entries(root, name):
    return yaml.safe_load((root / "es" / name).read_text(encoding="utf-8"))


def write(root, name, data):
    (root / "es" / name).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def codes(problems):
    return {(p.code, p.file, p.entry) for p in problems}


def test_the_spanish_pack_has_the_english_facts_and_its_own_words():
    english, spanish = load_pack("en"), load_pack("es")
    assert (spanish.info.locale, english.info.locale) == ("es", "en")
    assert spanish.references == english.references
    for name, fields in (("comparisons", {"source", "exact"}), ("facts", {"source", "exact"})):
        mine, theirs = getattr(english.numbers, name), getattr(spanish.numbers, name)
        assert {k: v.model_dump(include=fields) for k, v in theirs.items()} == {
            k: v.model_dump(include=fields) for k, v in mine.items()
        }
    for key, comparison in english.numbers.comparisons.items():
        groups = spanish.numbers.comparisons[key].groups
        assert {g: v.per_100 for g, v in groups.items()} == {
            g: v.per_100 for g, v in comparison.groups.items()
        }
    assert [t.id for t in spanish.topics] == [t.id for t in english.topics]
    assert [(t.show_when, t.references, t.category) for t in spanish.topics] == [
        (t.show_when, t.references, t.category) for t in english.topics
    ]
    assert spanish.questionnaire.by_id.keys() == english.questionnaire.by_id.keys()
    assert spanish.ui.next_button != english.ui.next_button
    assert locales() == ("en", "es")


def test_a_missing_entry_is_named_and_the_pack_is_not_served(packs):
    data = entries(packs, "ui.yaml")
    del data["next_button"]
    write(packs, "ui.yaml", data)
    pack, problems = read_pack("es", packs)
    assert (Code.TRANSLATION_MISSING, "ui.yaml", "next_button") in codes(problems)
    with pytest.raises(PackError):
        load_pack("es", packs)


def test_english_changed_since_the_translation_marks_it_stale_but_it_is_still_served(packs):
    ui = (packs / "en" / "ui.yaml").read_text(encoding="utf-8")
    (packs / "en" / "ui.yaml").write_text(ui.replace("next_button: Next", "next_button: Continue"), "utf-8")
    pack, problems = read_pack("es", packs)
    assert [p.place for p in problems] == [("PACK_071", "ui.yaml", "next_button", "")]
    assert source_hash("Continue") in problems[0].message  # the hash to set once translated again
    assert load_pack("es", packs).ui.next_button == pack.ui.next_button == "Siguiente"


def test_rewrapping_the_english_is_not_a_change():
    assert source_hash("one two\n  three") == source_hash("one  two three")


def test_an_entry_no_english_has_is_left_over(packs):
    data = entries(packs, "ui.yaml")
    data["gone_button"] = {"en": "0123456789ab", "es": "Se fue"}
    write(packs, "ui.yaml", data)
    _, problems = read_pack("es", packs)
    assert (Code.TRANSLATION_LEFT_OVER, "ui.yaml", "gone_button") in codes(problems)


@pytest.mark.parametrize(
    ("key", "change"),
    [
        ("frequency_sentence", lambda s: s.replace("{count}", "muchas")),  # a name the code fills
        ("frequency_sentence", lambda s: s + " {extra}"),
    ],
)
def test_a_translation_keeps_the_names_the_code_fills_in(packs, key, change):
    data = entries(packs, "ui.yaml")
    data[key]["es"] = change(data[key]["es"])
    write(packs, "ui.yaml", data)
    _, problems = read_pack("es", packs)
    assert (Code.TRANSLATION_FIGURES, "ui.yaml", key) in codes(problems)


def test_a_translation_keeps_every_figure_and_every_number(packs):
    topic = entries(packs, "topics/benefit_iv.yaml")
    key = next(k for k in topic if k.endswith("> body"))
    topic[key]["es"] = topic[key]["es"].replace("{{murrough_people}}", "muchos")
    write(packs, "topics/benefit_iv.yaml", topic)
    numbers = entries(packs, "numbers.yaml")
    days = next(k for k, v in numbers.items() if "10" in v["es"] and "12" in v["es"])
    numbers[days]["es"] = numbers[days]["es"].replace("12", "13")
    write(packs, "numbers.yaml", numbers)
    _, problems = read_pack("es", packs)
    assert {
        (Code.TRANSLATION_FIGURES, "topics/benefit_iv.yaml", key),
        (Code.TRANSLATION_FIGURES, "numbers.yaml", days),
    } <= codes(problems)


def test_a_number_may_be_written_the_local_way(packs):
    from decision_aid.content.translation import _slots

    assert _slots("1,371 people, 0.5 mg, 10 to 12") == _slots("1371 personas, 0,5 mg, 10 a 12")


def test_the_translate_command_prints_what_to_translate_with_the_english_beside_it(packs):
    ui = (packs / "en" / "ui.yaml").read_text(encoding="utf-8")
    (packs / "en" / "ui.yaml").write_text(ui.replace("next_button: Next", "next_button: Continue"), "utf-8")
    sheet = translate("--content", str(packs))
    assert "# EN Continue\nnext_button:\n" in sheet
    assert f'en: "{source_hash("Continue")}"' in sheet
    assert "es: Siguiente" in sheet  # the words so far, to revise
    assert "back_button" not in sheet  # up to date: not listed


def translate(*extra: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "decision_aid", "translate", "--locale", "es", *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_real_spanish_translation_has_nothing_to_translate_and_all_can_be_reviewed():
    assert translate().strip() == ""
    every = translate("--all")
    assert every.count("\n  en: ") == sum(1 for _ in units(load_pack("en"), frozenset(ADAPTABLE)))


def test_spanish_reading_ease_is_fernandez_huerta_where_higher_is_easier():
    easy = "Hable con su equipo. Pida ayuda. No está solo."
    hard = (
        "La administración intranasal de esketamina conlleva consideraciones farmacocinéticas "
        "extraordinariamente complejas relacionadas con la biodisponibilidad sistémica."
    )
    assert grade(easy, "es") > 80 > 40 > grade(hard, "es")
    assert scale("es") is SPANISH and scale("es-MX") is SPANISH
    assert SPANISH.meets(75, SPANISH.median) and not SPANISH.meets(55, SPANISH.worst)
    # the English measure is untouched by a Spanish one measured before it
    assert grade("You may feel sleepy. Staff watch you.") < 4


@pytest.mark.parametrize("source", ["../en", "/etc", "", "EN"])
def test_a_translation_names_the_pack_it_translates_never_a_path(packs, source):
    (packs / "es" / "translation.yaml").write_text(f"source: {source!r}\n", encoding="utf-8")
    pack, problems = read_pack("es", packs)
    assert pack is None
    assert [p.place for p in problems] == [("PACK_005", "translation.yaml", "", "source")]
