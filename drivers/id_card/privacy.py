"""Masking of personal data for logs, screens and default CLI output.

ID numbers and names are sensitive personal information (PIPL art. 28): show a citizen only
enough to recognise themselves (张*, 330106********001X). This is the one implementation;
``kiosk.masking`` builds its log filter on it.
"""

from __future__ import annotations

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "钟离",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "司空",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "闻人",
        "赫连",
        "濮阳",
        "淳于",
        "单于",
        "仲孙",
        "鲜于",
        "闾丘",
        "东郭",
        "拓跋",
        "完颜",
        "左丘",
        "公羊",
        "谷梁",
        "第五",
        "梁丘",
        "宗政",
        "羊舌",
        "微生",
    }
)
"""Two-character surnames kept whole by :func:`mask_name` (欧阳娜娜 → 欧阳**)."""

_NAME_SEPARATORS = "·•・."
_MASK = "*"


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
