"""The 256-byte text block (UCS-2LE, space padded) of the three card types, both ways.

The type character at byte offset 248 selects the layout: ' ' resident card, 'I' foreign
permanent resident card (2017), 'J' Hong Kong/Macao/Taiwan residents' residence permit.
Decoding trims spaces and NULs, turns 长期 into ``long_term`` and raises
:class:`~drivers.id_card.errors.CardFormatError` for anything it cannot understand; encoding
(used by the emulator) is its exact inverse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from drivers.id_card.errors import CardFormatError
from drivers.id_card.nations import nation_name
from drivers.id_card.payloads import CardData
from drivers.id_card.protocol import TEXT_SIZE
from drivers.id_card.types import LONG_TERM, CardType, IdCard, Sex, ValidTo

LONG_TERM_TEXT = "长期"
_TYPE_OFFSET = 248
_TYPE_CHARS: Mapping[str, CardType] = {
    " ": CardType.RESIDENT,
    "I": CardType.FOREIGN_PERMANENT,
    "J": CardType.HK_MACAO_TAIWAN,
}
_SEX_CODES: Mapping[str, Sex] = {"1": Sex.MALE, "2": Sex.FEMALE}

FOREIGN_AUTHORITIES: Mapping[str, str] = {"1500": "中华人民共和国国家移民管理局"}
"""Authority codes of foreign cards (only the code is on the chip). *Unconfirmed*: public
sources give no code list; 1500 is the emulator's convention for the National Immigration
Administration. Unknown codes are shown as ``受理机关代码 NNNN``."""
FOREIGN_CARD_VERSION = "01"


@dataclass(frozen=True)
class _Field:
    offset: int
    size: int


# Resident card and HK/Macao/Taiwan permit (the permit leaves the nation field reserved).
NAME = _Field(0, 30)
SEX = _Field(30, 2)
NATION = _Field(32, 4)
BIRTH = _Field(36, 16)
ADDRESS = _Field(52, 70)
NUMBER = _Field(122, 36)
ISSUER = _Field(158, 30)
VALID_FROM = _Field(188, 16)
VALID_TO = _Field(204, 16)
PASS_NUMBER = _Field(220, 18)
ISSUE_COUNT = _Field(238, 4)
CARD_TYPE = _Field(_TYPE_OFFSET, 2)
# Foreign permanent resident card (2017).
F_NAME_EN = _Field(0, 120)
F_SEX = _Field(120, 2)
F_NUMBER = _Field(122, 30)
F_NATIONALITY = _Field(152, 6)
F_NAME = _Field(158, 30)
F_VALID_FROM = _Field(188, 16)
F_VALID_TO = _Field(204, 16)
F_BIRTH = _Field(220, 16)
F_VERSION = _Field(236, 4)
F_AUTHORITY = _Field(240, 8)


def _text(block: bytes, field: _Field) -> str:
    raw = block[field.offset : field.offset + field.size]
    try:
        return raw.decode("utf-16-le").strip(" \x00")
    except UnicodeDecodeError as error:
        raise CardFormatError(f"text field at offset {field.offset} is not UCS-2LE") from error


def _date(value: str, what: str) -> date:
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        raise CardFormatError(f"{what} {value!r} is not a YYYYMMDD date")
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError as error:
        raise CardFormatError(f"{what} {value!r} is not a calendar date") from error


def _valid_to(value: str) -> ValidTo:
    return LONG_TERM if value == LONG_TERM_TEXT else _date(value, "valid-to date")


def _sex(value: str) -> Sex:
    try:
        return _SEX_CODES[value]
    except KeyError:
        raise CardFormatError(f"unknown sex code {value!r}") from None


def card_type_of(block: bytes) -> CardType:
    """The card type the text block declares at offset 248."""
    if len(block) != TEXT_SIZE:
        raise CardFormatError(f"text block of {len(block)} bytes, expected {TEXT_SIZE}")
    char = block[_TYPE_OFFSET : _TYPE_OFFSET + 2].decode("utf-16-le", errors="replace")
    char = " " if char == "\x00" else char
    try:
        return _TYPE_CHARS[char]
    except KeyError:
        raise CardFormatError(
            f"unknown card type {char!r} at text offset {_TYPE_OFFSET} "
            "(supported: resident ' ', foreign permanent 'I', HK/Macao/Taiwan 'J')"
        ) from None


def decode_card(data: CardData) -> IdCard:
    """The card a reader returned: text block parsed, photo and fingerprints kept raw."""
    block = data.text
    card_type = card_type_of(block)
    if card_type is CardType.FOREIGN_PERMANENT:
        authority = _text(block, F_AUTHORITY)
        return IdCard(
            card_type=card_type,
            name=_text(block, F_NAME),
            name_en=_text(block, F_NAME_EN),
            sex=_sex(_text(block, F_SEX)),
            nationality=_text(block, F_NATIONALITY),
            birth_date=_date(_text(block, F_BIRTH), "birth date"),
            id_number=_text(block, F_NUMBER),
            issuer=FOREIGN_AUTHORITIES.get(authority, f"受理机关代码 {authority}"),
            valid_from=_date(_text(block, F_VALID_FROM), "valid-from date"),
            valid_to=_valid_to(_text(block, F_VALID_TO)),
            photo_wlt=data.photo,
            fingerprint=data.fingerprint,
        )
    nation_code: str | None = None
    pass_number: str | None = None
    issue_count: str | None = None
    if card_type is CardType.RESIDENT:
        nation_code = _text(block, NATION)
        if nation_name(nation_code) is None:
            raise CardFormatError(f"unknown GB/T 3304 nation code {nation_code!r}")
    else:
        pass_number = _text(block, PASS_NUMBER)
        issue_count = _text(block, ISSUE_COUNT)
    return IdCard(
        card_type=card_type,
        name=_text(block, NAME),
        sex=_sex(_text(block, SEX)),
        nation_code=nation_code,
        birth_date=_date(_text(block, BIRTH), "birth date"),
        address=_text(block, ADDRESS),
        id_number=_text(block, NUMBER),
        issuer=_text(block, ISSUER),
        valid_from=_date(_text(block, VALID_FROM), "valid-from date"),
        valid_to=_valid_to(_text(block, VALID_TO)),
        pass_number=pass_number,
        issue_count=issue_count,
        photo_wlt=data.photo,
        fingerprint=data.fingerprint,
    )


def _put(block: bytearray, field: _Field, value: str) -> None:
    raw = value.encode("utf-16-le")
    if len(raw) > field.size:
        raise CardFormatError(
            f"{value!r} needs {len(raw)} bytes, the field at offset {field.offset} has {field.size}"
        )
    block[field.offset : field.offset + field.size] = raw + " ".encode("utf-16-le") * (
        (field.size - len(raw)) // 2
    )


def _ymd(value: date) -> str:
    return value.strftime("%Y%m%d")


def _sex_code(sex: Sex) -> str:
    return next(code for code, known in _SEX_CODES.items() if known is sex)


def _valid_to_text(value: ValidTo) -> str:
    return value.strftime("%Y%m%d") if isinstance(value, date) else LONG_TERM_TEXT


def _authority_code(issuer: str) -> str:
    for code, name in FOREIGN_AUTHORITIES.items():
        if name == issuer:
            return code
    raise CardFormatError(f"no authority code known for issuer {issuer!r}")


def encode_text(card: IdCard) -> bytes:
    """The 256-byte text block a card of this content carries (for the emulator)."""
    block = bytearray(" ".encode("utf-16-le") * (TEXT_SIZE // 2))
    type_char = next(char for char, known in _TYPE_CHARS.items() if known is card.card_type)
    _put(block, CARD_TYPE, type_char)
    if card.card_type is CardType.FOREIGN_PERMANENT:
        _put(block, F_NAME_EN, card.name_en or "")
        _put(block, F_SEX, _sex_code(card.sex))
        _put(block, F_NUMBER, card.id_number)
        _put(block, F_NATIONALITY, card.nationality or "")
        _put(block, F_NAME, card.name)
        _put(block, F_VALID_FROM, _ymd(card.valid_from))
        _put(block, F_VALID_TO, _valid_to_text(card.valid_to))
        _put(block, F_BIRTH, _ymd(card.birth_date))
        _put(block, F_VERSION, FOREIGN_CARD_VERSION)
        _put(block, F_AUTHORITY, _authority_code(card.issuer))
        return bytes(block)
    _put(block, NAME, card.name)
    _put(block, SEX, _sex_code(card.sex))
    _put(block, NATION, card.nation_code or "")
    _put(block, BIRTH, _ymd(card.birth_date))
    _put(block, ADDRESS, card.address or "")
    _put(block, NUMBER, card.id_number)
    _put(block, ISSUER, card.issuer)
    _put(block, VALID_FROM, _ymd(card.valid_from))
    _put(block, VALID_TO, _valid_to_text(card.valid_to))
    if card.card_type is CardType.HK_MACAO_TAIWAN:
        _put(block, PASS_NUMBER, card.pass_number or "")
        _put(block, ISSUE_COUNT, card.issue_count or "")
    return bytes(block)
