"""A translated pack: the English pack's facts with another language's words laid over them.

A translation folder (``content/es/``) holds ``translation.yaml`` (which pack it translates)
and, per English file, a file of entries: the key names a string as ``check`` does
(``entry > field``), ``en`` is a hash of the English it was translated from and ``es`` (the
locale) its words. Numbers, sources, conditions, ids and categories are never copied, so
they cannot drift: the translated pack is the English data with only its words replaced,
then built and checked like any pack. A locale may adapt a whole file instead (crisis lines
for its speakers, its own verdict phrases): ``adapted/<file>`` replaces the English file.

``check --locale es`` reports entries that are missing, stale (the English changed since)
or left over (the English entry is gone). Reference citations are not translated: a paper
is cited as published.
"""

from __future__ import annotations

import copy
import hashlib
import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from decision_aid.content.build import build_packs
from decision_aid.content.load import read_files, read_yaml
from decision_aid.content.problems import Code, Problem
from decision_aid.content.walk import Text, texts
from decision_aid.numbers import DENOMINATOR_PHRASE, PLACEHOLDER

MANIFEST = "translation.yaml"
ADAPTED = "adapted"
# Files a locale may write for itself rather than translate, and files never translated.
ADAPTABLE = ("crisis.yaml", "style.yaml")
UNTRANSLATED = ("references.yaml",)


@dataclass(frozen=True)
class Unit:
    """One English string to translate: where it lives and what it says."""

    file: str  # the translation file that holds it ("topics/benefit_iv.yaml")
    key: str
    text: Text

    @property
    def source_hash(self) -> str:
        return source_hash(self.text.text)


def source_hash(text: str) -> str:
    """A short hash of English words, blind to how the YAML wraps them."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def translation_file(english_file: str) -> str:
    """``topics/x.md`` -> ``topics/x.yaml``; a YAML file keeps its name."""
    return english_file[: -len(".md")] + ".yaml" if english_file.endswith(".md") else english_file


def entry_key(text: Text) -> str:
    return " > ".join(part for part in (text.entry, text.field) if part) or "text"


def is_translation(folder: Path) -> bool:
    return (folder / MANIFEST).is_file()


def units(english_templates: Any, adapted: frozenset[str] = frozenset()) -> Iterator[Unit]:
    """Every English string a translation must give, in pack order."""
    for text in texts(english_templates):
        if text.file in UNTRANSLATED or text.file in adapted or not any(c.isalpha() for c in text.text):
            continue  # a version number or a blank has no words to translate
        yield Unit(translation_file(text.file), entry_key(text), text)


def read_translation(folder: Path, locale: str, problems: list[Problem]) -> dict[str, Any] | None:
    """The files of ``folder``'s translation (the English data, these words), ready for
    ``check_files``; None when the English pack or the manifest cannot be read (``problems``
    says why)."""
    manifest = read_yaml(folder / MANIFEST, problems)
    source = manifest.get("source") if isinstance(manifest, dict) else None
    if not isinstance(source, str) or not re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", source):
        # a pack's name beside this one, never a path
        problems.append(Problem(Code.WRONG_SHAPE, MANIFEST, "", "source", "must name the pack translated"))
        return None
    english = read_files(folder.parent / source, problems)
    templates, _ = build_packs(english, problems)
    if templates is None:
        return None
    files = copy.deepcopy(english)
    adapted = frozenset(name for name in ADAPTABLE if (folder / ADAPTED / name).is_file())
    for name in adapted:
        files[name] = read_yaml(folder / ADAPTED / name, problems)
    entries = _read_entries(folder, locale, problems)
    seen: set[tuple[str, str]] = set()
    for unit in units(templates, adapted):
        seen.add((unit.file, unit.key))
        found = entries.get(unit.file, {}).get(unit.key)
        if found is None:
            problems.append(_missing(unit))
            continue
        hashed, words = found
        if hashed != unit.source_hash:
            problems.append(
                Problem(
                    Code.TRANSLATION_STALE,
                    unit.file,
                    unit.key,
                    "",
                    "the English changed since this was translated; translate it again, then set "
                    f"en: {unit.source_hash}",
                )
            )
        problems += _same_figures(unit, words)
        put(files, unit.text, words)
    for file, keyed in entries.items():
        for key in keyed:
            if (file, key) not in seen:
                problems.append(
                    Problem(Code.TRANSLATION_LEFT_OVER, file, key, "", "no English entry has this key")
                )
    if isinstance(files.get("pack.yaml"), dict):
        files["pack.yaml"] = {**files["pack.yaml"], "locale": locale}
    return files


# A number written out, its separators aside: "1,371" and "1371", "0.5" and "0,5" agree.
_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?")


def _slots(text: str) -> tuple[list[str], list[str]]:
    """The figures a string uses ({{id}} placeholders and any number written out, such as a
    fact's value "10 to 12" or a phone number) and its template names ({name}), sorted."""
    figures = sorted(".".join(part for part in m.groups() if part) for m in PLACEHOLDER.finditer(text))
    # "of 100" and "de cada 100" are the denominator's words, not a figure
    plain = DENOMINATOR_PHRASE.sub("", PLACEHOLDER.sub("", text))
    figures += sorted(re.sub(r"\D", "", n) for n in _NUMBER.findall(plain))
    try:
        names = sorted(
            f for _, f, _, _ in string.Formatter().parse(PLACEHOLDER.sub("", text)) if f is not None
        )
    except ValueError:
        names = ["<not a template>"]
    return figures, names


def _same_figures(unit: Unit, words: str) -> list[Problem]:
    """The words may change; the figures and the names the code fills in may not."""
    english, translated = _slots(unit.text.text), _slots(words)
    if english == translated:
        return []
    mine, theirs = Counter(_shown(*english)), Counter(_shown(*translated))
    changes = [f"adds {', '.join(sorted(theirs - mine))}" if theirs - mine else ""]
    changes.append(f"drops {', '.join(sorted(mine - theirs))}" if mine - theirs else "")
    message = "; ".join(c for c in changes if c) + " (the English's figures and {names} must all stay)"
    return [Problem(Code.TRANSLATION_FIGURES, unit.file, unit.key, "", message)]


def _shown(figures: list[str], names: list[str]) -> list[str]:
    return [f if f.isdigit() else f"{{{{{f}}}}}" for f in figures] + [f"{{{n}}}" for n in names]


def _missing(unit: Unit) -> Problem:
    return Problem(
        Code.TRANSLATION_MISSING, unit.file, unit.key, "", f"not translated (en: {unit.source_hash})"
    )


def _read_entries(
    folder: Path, locale: str, problems: list[Problem]
) -> dict[str, dict[str, tuple[str, str]]]:
    """Translation file -> key -> (English hash, translated words)."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted(folder.rglob("*.yaml")):
        name = path.relative_to(folder).as_posix()
        if name == MANIFEST or name.startswith(f"{ADAPTED}/"):
            continue
        data = read_yaml(path, problems)
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(Problem(Code.WRONG_SHAPE, name, "", "", "must map keys to entries"))
            continue
        keyed: dict[str, tuple[str, str]] = {}
        for key, entry in data.items():
            if isinstance(entry, dict) and entry.get(locale) == "":
                continue  # a worksheet entry not yet filled in: reported as missing
            if (
                not isinstance(entry, dict)
                or set(entry) != {"en", locale}
                or not isinstance(entry["en"], str)
                or not isinstance(entry[locale], str)
                or not entry[locale].strip()
            ):
                problems.append(
                    Problem(
                        Code.WRONG_SHAPE,
                        name,
                        str(key),
                        "",
                        f"needs exactly 'en' (a hash) and '{locale}' (words)",
                    )
                )
                continue
            keyed[str(key)] = (entry["en"], entry[locale].strip())
        found[name] = keyed
    return found


def put(files: dict[str, Any], text: Text, words: str) -> None:
    """Write ``words`` where ``text`` sits in its file's data."""
    if not text.path:
        files[text.file] = words
        return
    node = files[text.file]
    for part in text.path[:-1]:
        node = node[part]
    node[text.path[-1]] = words


def worksheet(
    english_templates: Any,
    translated: dict[str, dict[str, tuple[str, str]]],
    locale: str,
    every: bool,
    adapted: frozenset[str] = frozenset(),
) -> str:
    """YAML a translator pastes into the translation files: per entry the English as comments,
    the hash, and the words so far (empty when missing). Only missing and stale entries, or
    ``every`` entry, which puts both languages side by side for a reviewer."""
    out: list[str] = []
    current = ""
    for unit in units(english_templates, adapted):
        found = translated.get(unit.file, {}).get(unit.key)
        if not every and found is not None and found[0] == unit.source_hash:
            continue
        if unit.file != current:
            current = unit.file
            out.append(f"\n# ==== {locale}/{unit.file}")
        out += [f"# EN {line}".rstrip() for line in unit.text.text.splitlines()]
        out.append(f"{_yaml_key(unit.key)}:")
        out.append(f'  en: "{unit.source_hash}"')  # quoted: a hash of digits only is still text
        out.append(_yaml_block(locale, found[1] if found else ""))
    return "\n".join(out).lstrip("\n") + "\n" if out else ""


def read_entries(folder: Path, locale: str) -> dict[str, dict[str, tuple[str, str]]]:
    return _read_entries(folder, locale, [])


def _yaml_key(key: str) -> str:
    return key if all(c.isalnum() or c in "_ >." for c in key) and not key[0].isdigit() else repr(key)


def _yaml_block(locale: str, words: str) -> str:
    if not words:
        return f'  {locale}: ""'
    if "\n" in words or len(words) > 80 or any(c in words for c in ":#'\"{}[]&*!|>%@`") or words[0] in "-?":
        body = "\n".join(f"    {line}".rstrip() for line in words.splitlines())
        return f"  {locale}: |-\n{body}"
    return f"  {locale}: {words}"
