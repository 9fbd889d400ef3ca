"""A hand-off code: a person's answers (and, if they like, their weighing) as a short code
that they carry to a clinician, typed, pasted or scanned as a QR code. Nothing is stored.

How the UI calls it (issue 16):

    code = handoff.encode(pack, answers, deliberation, include_questions=person_said_yes)
    png = handoff.qr_png(code)                      # st.image(png); the code shown beside it
    try:
        answers, deliberation = handoff.decode(pack, typed_or_scanned)
    except handoff.HandoffError as error:          # str(error) says what is wrong, in plain words
        ...
    text = handoff.read_qr(camera_photo_bytes)      # None when no code is in the picture

The format, version 2 (``K2``): ``K`` ``2`` L body CCCC, in Crockford base32 (digits and
capital letters without I, L, O, U: safe to read aloud, all in the QR alphanumeric set),
grouped by four with dashes. L is the code's length modulo 32 (a character missing or extra
after it is caught for certain; before it, the checksum catches it); CCCC is a CRC-16 of
everything before it (any one mistyped character is caught for certain, and so is any swap
of two neighbours within the first part; tests check every swap in the personas' codes).
The body is a bit string: a 16-bit fingerprint of the questionnaire's shape (question
ids and choice values, and the deliberation's ids), two bits that say what the code holds
(a weighing, the person's words), two for safety (typed words spoke of suicide or
self-harm; the crisis resources were shown for an answer or words since changed; version 1
had none), then each answer as choice indexes in the pack's order, then, when given, the
deliberation (ratings, leaning, knowledge check, SURE, ticked prompts) and, only when the
person agreed, their own words (UTF-8, deflated when that is shorter). Ids and values,
never words: a code survives a change of wording, not a change of ids.
"""

from __future__ import annotations

import hashlib
import io
import json
import zlib
from collections.abc import Iterable

from decision_aid.answers import Answers, AnswersError, parse_answers
from decision_aid.deliberation import Deliberation, clean_text
from decision_aid.errors import DecisionAidError
from decision_aid.schema import Pack

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_READ_AS = {"O": "0", "I": "1", "L": "1"}  # Crockford: letters read as the digits they look like
PREFIX = "K"
VERSION = "2"  # 2 added the two safety bits; a version 1 code still opens, without them
READABLE_VERSIONS = ("1", VERSION)
GROUP = 4
SEPARATOR = "-"
CHECK_CHARS = 4
# One QR code holds at most 1,195 alphanumeric characters at version 22, error correction L
# (issue 16); the grouped code, dashes included, stays within it.
MAX_CODE_CHARS = 1195
_TEXT_LENGTH_BITS = 10
_MIN_CHARS = len(PREFIX) + len(VERSION) + 1 + CHECK_CHARS + 1


class HandoffError(DecisionAidError, ValueError):
    """A code that cannot be read; the message, from the content pack, says what is wrong."""


class CodeEmpty(HandoffError):
    """Nothing was given."""


class CodeBadCharacter(HandoffError):
    """A character no code holds."""


class CodeIncomplete(HandoffError):
    """A character missing or extra: the length does not match the length the code holds."""


class CodeMistyped(HandoffError):
    """The checksum does not match: a character was mistyped or two were swapped."""


class UnknownCodeVersion(HandoffError):
    """A code of a format this aid does not know."""


class OtherQuestionnaire(HandoffError):
    """A code made for another questionnaire (its ids or values differ)."""


class CodeDamaged(HandoffError):
    """The checksum matches but what the code holds does not fit the questionnaire."""


# --- public API ---------------------------------------------------------------------------


def encode(
    pack: Pack,
    answers: Answers,
    deliberation: Deliberation | None = None,
    include_questions: bool = False,
) -> str:
    """The grouped code for these answers (and weighing, and own words if the person agreed).

    Own words are cleaned as the aid cleans them and capped by the pack's limits; if they
    would make the code longer than one QR code holds, the own value, then the last
    questions, are left out: ``decode`` shows what the code carries.
    """
    parse_answers(pack.questionnaire, _raw(answers))  # never encode what a file could not hold
    texts = _texts(pack, deliberation) if deliberation is not None and include_questions else None
    if texts is None:
        return _format(_compact(pack, answers, deliberation, None))
    while True:
        try:
            code = _format(_compact(pack, answers, deliberation, texts))
        except _TooLong:
            code = ""
        if code and (len(code) <= MAX_CODE_CHARS or texts == [""]):
            return code
        texts = _shorter(texts)


def decode(pack: Pack, code: str) -> tuple[Answers, Deliberation]:
    """The answers and weighing a code holds, checked as strictly as an answers file.

    Raises a ``HandoffError`` subclass whose message says what is wrong.
    """
    text = pack.ui.handoff
    compact = normalise(code)
    if not compact:
        raise CodeEmpty(text.empty)
    bad = next((c for c in compact if c not in _VALUE), None)
    if bad is not None:
        raise CodeBadCharacter(text.bad_character.format(character=bad))
    if len(compact) < _MIN_CHARS or _VALUE[compact[2]] != len(compact) % 32:
        raise CodeIncomplete(text.incomplete)
    data, check = compact[:-CHECK_CHARS], compact[-CHECK_CHARS:]
    if _check(data) != check:
        raise CodeMistyped(text.mistyped)
    if data[0] != PREFIX or data[1] not in READABLE_VERSIONS:
        raise UnknownCodeVersion(text.unknown_version)
    bits = _Reader(data[3:])
    try:
        made_for = bits.read(16)
    except _Exhausted as error:
        raise CodeDamaged(text.damaged) from error
    if made_for != fingerprint(pack):
        raise OtherQuestionnaire(text.other_questionnaire)
    try:
        return _read_body(pack, bits, safety_bits=data[1] != "1")
    except (_Exhausted, AnswersError, UnicodeDecodeError, zlib.error, ValueError) as error:
        raise CodeDamaged(text.damaged) from error


def normalise(code: str) -> str:
    """A typed code as the format holds it: no spaces or dashes, capitals, O read as 0, I and L as 1."""
    kept = "".join(c for c in code.upper() if not c.isspace() and c not in "-–—_.")
    return "".join(_READ_AS.get(c, c) for c in kept)


def fingerprint(pack: Pack) -> int:
    """16 bits that change whenever the ids or values a code refers to change."""
    content = pack.deliberation
    shape = {
        "questions": [[q.id, q.kind, list(q.values)] for q in pack.questionnaire.questions],
        "values": [i.id for i in content.values.items],
        "scale": [c.value for c in content.values.scale],
        "leaning": [c.value for c in content.leaning.choices],
        "knowledge": [i.id for i in content.knowledge.items],
        "sure": [i.id for i in content.sure.items],
        "prompts": [p.id for p in content.questions.items],
    }
    digest = hashlib.sha256(json.dumps(shape, sort_keys=True).encode("utf-8")).digest()
    return int.from_bytes(digest[:2], "big")


def qr_png(code: str, scale: int = 8) -> bytes:
    """A PNG of the QR code (error correction L at least; segno raises it when it fits)."""
    buffer = io.BytesIO()
    _qr(code).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_version(code: str) -> int:
    version = _qr(code).version
    assert isinstance(version, int)  # never a Micro QR: micro=False
    return version


def read_qr(image: bytes) -> str | None:
    """The text of the first QR code in a PNG or JPEG picture (a code comes back grouped as
    ``encode`` gives it), or None when there is none or the picture cannot be read."""
    import zxingcpp  # a compiled library: loaded only when a picture is read
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(image)) as picture:
            found = zxingcpp.read_barcodes(
                picture.convert("L"), formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
            )
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        return None
    texts = [barcode.text for barcode in found if barcode.text]
    if not texts:
        return None
    compact = normalise(texts[0])
    return _format(compact) if compact and all(c in _VALUE for c in compact) else texts[0]


# --- the bit string -------------------------------------------------------------------------


class _TooLong(Exception):
    """The person's words do not fit: encode() leaves some out."""


class _Exhausted(Exception):
    """The code ended before its contents did."""


class _Writer:
    def __init__(self) -> None:
        self.bits: list[int] = []

    def write(self, value: int, width: int) -> None:
        if not 0 <= value < (1 << width):
            raise ValueError(f"{value} does not fit in {width} bits")
        self.bits.extend((value >> shift) & 1 for shift in range(width - 1, -1, -1))

    def chars(self) -> str:
        bits = self.bits + [0] * (-len(self.bits) % 5)
        return "".join(ALPHABET[int("".join(map(str, bits[i : i + 5])), 2)] for i in range(0, len(bits), 5))


class _Reader:
    def __init__(self, chars: str) -> None:
        self.bits = [(_VALUE[c] >> shift) & 1 for c in chars for shift in range(4, -1, -1)]
        self.position = 0

    def read(self, width: int) -> int:
        if self.position + width > len(self.bits):
            raise _Exhausted
        value = 0
        for bit in self.bits[self.position : self.position + width]:
            value = value << 1 | bit
        self.position += width
        return value

    def finish(self) -> None:
        """Only the zero padding of the last character may be left."""
        rest = self.bits[self.position :]
        if len(rest) >= 5 or any(rest):
            raise ValueError("the code holds more than its contents")


def _width(count: int) -> int:
    """Bits for 0 (none) and 1..count (an index plus one)."""
    return count.bit_length()


def _write_choices(out: _Writer, chosen: Iterable[str], values: tuple[str, ...]) -> None:
    """Indexes plus one, in the order given, ended by a 0."""
    width = _width(len(values))
    for value in chosen:
        out.write(values.index(value) + 1, width)
    out.write(0, width)


def _read_choices(bits: _Reader, values: tuple[str, ...]) -> list[str]:
    width = _width(len(values))
    chosen: list[str] = []
    while (index := bits.read(width)) != 0:
        if index > len(values) or len(chosen) >= len(values):
            raise ValueError("no such choice")
        chosen.append(values[index - 1])
    if len(set(chosen)) != len(chosen):
        raise ValueError("a choice given twice")
    return chosen


def _write_one(out: _Writer, value: str | None, values: tuple[str, ...]) -> None:
    out.write(0 if value is None else values.index(value) + 1, _width(len(values)))


def _read_one(bits: _Reader, values: tuple[str, ...]) -> str | None:
    index = bits.read(_width(len(values)))
    if index > len(values):
        raise ValueError("no such choice")
    return None if index == 0 else values[index - 1]


def _write_flag(out: _Writer, value: bool | None) -> None:
    out.write(0 if value is None else 2 if value else 1, 2)


def _read_flag(bits: _Reader) -> bool | None:
    value = bits.read(2)
    if value == 3:
        raise ValueError("no such answer")
    return None if value == 0 else value == 2


def _compact(pack: Pack, answers: Answers, deliberation: Deliberation | None, texts: list[str] | None) -> str:
    out = _Writer()
    out.write(fingerprint(pack), 16)
    out.write(deliberation is not None, 1)
    out.write(texts is not None, 1)
    weighing = deliberation or Deliberation()
    out.write(weighing.typed_crisis, 1)  # the words may be left out; that they spoke of it is not
    out.write(weighing.crisis_shown, 1)
    for question in pack.questionnaire.questions:
        value = answers.get(question.id)
        if question.kind == "multi":
            _write_choices(out, value if isinstance(value, tuple) else (), question.values)
        else:
            _write_one(out, value if isinstance(value, str) else None, question.values)
    if deliberation is not None:
        _write_deliberation(out, pack, deliberation)
    if texts is not None:
        _write_texts(out, texts)
    body = out.chars()
    length = len(PREFIX + VERSION) + 1 + len(body) + CHECK_CHARS
    data = PREFIX + VERSION + ALPHABET[length % 32] + body
    return data + _check(data)


def _write_deliberation(out: _Writer, pack: Pack, deliberation: Deliberation) -> None:
    content = pack.deliberation
    scale = tuple(c.value for c in content.values.scale)
    for item in content.values.items:
        _write_one(out, deliberation.values.get(item.id), scale)
    _write_one(out, deliberation.leaning, tuple(c.value for c in content.leaning.choices))
    for knowledge in content.knowledge.items:
        _write_flag(out, deliberation.knowledge.get(knowledge.id))
    for sure in content.sure.items:
        _write_flag(out, deliberation.sure.get(sure.id))
    prompts = tuple(p.id for p in content.questions.items)
    _write_choices(out, (t for t in dict.fromkeys(deliberation.ticked) if t in prompts), prompts)


def _texts(pack: Pack, deliberation: Deliberation) -> list[str]:
    """The person's own value, then their own questions: cleaned and capped as the aid does."""
    limits = pack.deliberation.questions
    own_value = clean_text(deliberation.own_value, pack.deliberation.values.own_max_chars)
    questions = [clean_text(q, limits.own_max_chars) for q in deliberation.own_questions]
    return [own_value, *list(dict.fromkeys(q for q in questions if q))[: limits.own_max_count]]


def _shorter(texts: list[str]) -> list[str]:
    """Leave out the own value first (the questions matter more in a visit), then the last question."""
    if texts[0]:
        return ["", *texts[1:]]
    return texts[:-1] if len(texts) > 1 else [""]


def _write_texts(out: _Writer, texts: list[str]) -> None:
    raw = "\n".join(texts).encode("utf-8")
    packed = zlib.compress(raw, 9, wbits=-15) if raw else raw
    compressed = len(packed) < len(raw)
    data = packed if compressed else raw
    if len(data) >= 1 << _TEXT_LENGTH_BITS:  # far more than one QR code holds
        raise _TooLong
    out.write(compressed, 1)
    out.write(len(data), _TEXT_LENGTH_BITS)
    for byte in data:
        out.write(byte, 8)


def _read_body(pack: Pack, bits: _Reader, safety_bits: bool) -> tuple[Answers, Deliberation]:
    has_deliberation, has_texts = bits.read(1), bits.read(1)
    typed_crisis, crisis_shown = (bits.read(1), bits.read(1)) if safety_bits else (0, 0)
    raw: dict[str, str | list[str]] = {}
    for question in pack.questionnaire.questions:
        if question.kind == "multi":
            chosen = _read_choices(bits, question.values)
            if chosen:
                raw[question.id] = chosen
        else:
            value = _read_one(bits, question.values)
            if value is not None:
                raw[question.id] = value
    answers = parse_answers(pack.questionnaire, raw)  # a code is checked like an answers file
    deliberation = _read_deliberation(pack, bits) if has_deliberation else Deliberation()
    if has_texts:
        deliberation = _read_texts(pack, bits, deliberation)
    bits.finish()
    return answers, deliberation.update(typed_crisis=bool(typed_crisis), crisis_shown=bool(crisis_shown))


def _read_deliberation(pack: Pack, bits: _Reader) -> Deliberation:
    content = pack.deliberation
    scale = tuple(c.value for c in content.values.scale)
    values = {item.id: _read_one(bits, scale) for item in content.values.items}
    leaning = _read_one(bits, tuple(c.value for c in content.leaning.choices))
    knowledge = {item.id: _read_flag(bits) for item in content.knowledge.items}
    sure = {item.id: _read_flag(bits) for item in content.sure.items}
    ticked = _read_choices(bits, tuple(p.id for p in content.questions.items))
    return Deliberation(
        values={k: v for k, v in values.items() if v is not None},
        leaning=leaning,
        knowledge={k: v for k, v in knowledge.items() if v is not None},
        sure={k: v for k, v in sure.items() if v is not None},
        ticked=tuple(ticked),
    )


def _read_texts(pack: Pack, bits: _Reader, deliberation: Deliberation) -> Deliberation:
    compressed = bits.read(1)
    data = bytes(bits.read(8) for _ in range(bits.read(_TEXT_LENGTH_BITS)))
    if compressed:
        inflater = zlib.decompressobj(wbits=-15)
        data = inflater.decompress(data, 8192)  # no more than the limits allow, many times over
        if inflater.unconsumed_tail or not inflater.eof:
            raise ValueError("the words do not unpack")
    own_value, *questions = data.decode("utf-8").split("\n")
    limits = pack.deliberation.questions
    if (
        clean_text(own_value, pack.deliberation.values.own_max_chars) != own_value
        or len(questions) > limits.own_max_count
        or len(set(questions)) != len(questions)
        or any(not q or clean_text(q, limits.own_max_chars) != q for q in questions)
    ):
        raise ValueError("the person's words do not fit the aid's limits")
    return deliberation.update(own_value=own_value, own_questions=tuple(questions))


# --- checksum, grouping, QR -------------------------------------------------------------------


def _crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: catches every error burst of up to 16 bits, so any one changed
    character (8 bits) and any two neighbouring characters swapped (16 bits)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = (crc << 1) ^ 0x1021 if crc & 0x8000 else crc << 1
        crc &= 0xFFFF
    return crc


def _check(data: str) -> str:
    crc = _crc16(data.encode("ascii")) << 4  # 16 bits in four characters; the last 4 bits 0
    return "".join(ALPHABET[(crc >> shift) & 31] for shift in (15, 10, 5, 0))


def _format(compact: str) -> str:
    return SEPARATOR.join(compact[i : i + GROUP] for i in range(0, len(compact), GROUP))


def _qr(code: str):
    import segno

    return segno.make(normalise(code), error="l", mode="alphanumeric", micro=False)


def _raw(answers: Answers) -> dict[str, str | list[str]]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in answers.values.items()}
