"""Masking of personal data for screens and logs.

ID numbers and names are sensitive personal information (PIPL art. 28): screens show a
citizen only enough to recognise themselves (张*, 330106********001X), and nothing of a
citizen may reach a log file in clear. :class:`MaskingFilter` enforces the second rule on
every log record, whatever module wrote it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门",
        "百里", "呼延", "万俟", "司空", "澹台", "公冶", "太史", "申屠", "闻人", "赫连",
        "濮阳", "淳于", "单于", "仲孙", "鲜于", "闾丘", "东郭", "拓跋", "完颜", "左丘",
        "公羊", "谷梁", "第五", "梁丘", "宗政", "羊舌", "微生",
    }
)
"""Two-character surnames kept whole by :func:`mask_name` (欧阳娜娜 → 欧阳**)."""

_NAME_SEPARATORS = "·•・."
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_MASK = "*"
_TRACEBACK_FORMATTER = logging.Formatter()


def mask_name(name: str) -> str:
    """Show only the surname of ``name``: 张伟 → 张*, 欧阳娜娜 → 欧阳**, 周𠀾㛃 → 周**.

    Transliterated names with a separator keep their first part (约翰·史密斯 → 约翰*), and
    Latin names their first word (SMITH JOHN → SMITH *). Characters are counted as code
    points, so rare characters outside the BMP count once. A one-character name is shown
    as ``*`` alone: keeping it would keep the whole name.
    """
    name = name.strip()
    if not name:
        return ""
    for sep in _NAME_SEPARATORS:
        if sep in name:
            head = name.split(sep, 1)[0].strip()
            return f"{head}{_MASK}" if head else _MASK
    if " " in name:
        head = name.split(" ", 1)[0]
        return f"{head} {_MASK}"
    if len(name) == 1:
        return _MASK
    keep = 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1
    return name[:keep] + _MASK * (len(name) - keep)


def mask_id_number(id_number: str) -> str:
    """Keep the first 6 and last 4 characters of an ID number and star the rest.

    330106198503120015 → 330106********0015. Numbers of 10 characters or fewer are starred
    whole, since 6 + 4 would reveal all of them.
    """
    id_number = id_number.strip()
    if len(id_number) <= 10:
        return _MASK * len(id_number)
    return id_number[:6] + _MASK * (len(id_number) - 10) + id_number[-4:]


def mask_text(text: str, names: Iterable[str] = ()) -> str:
    """Mask every 15/18-character ID number and every occurrence of the given names in ``text``."""
    masked = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        masked = masked.replace(name, mask_name(name))
    return masked


class MaskingFilter(logging.Filter):
    """A logging filter that masks ID numbers and the current citizen's names in every record.

    ``names`` is called for each record and returns the names to hide (the session's card and
    verified names), so the filter follows the session without holding personal data itself.
    The record's message is rendered once with its arguments and replaced by the masked
    text; records are never dropped.
    """

    def __init__(self, names: Callable[[], Iterable[str]] = tuple) -> None:
        super().__init__()
        self._names = names

    def filter(self, record: logging.LogRecord) -> bool:
        """Replace the record's message with its masked rendering; always keep the record."""
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = mask_text(message, self._names())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACK_FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text, self._names())
        return True
