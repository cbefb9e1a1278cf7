"""Masking of names and ID numbers on screens and in logs."""

from __future__ import annotations

import logging

import pytest

from kiosk.masking import MaskingFilter, mask_id_number, mask_name, mask_phone, mask_text


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张伟", "张*"),
        ("张三丰", "张**"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳修", "欧阳*"),
        ("司马", "司*"),
        ("周𠀾㛃", "周**"),
        ("约翰·史密斯", "约翰*"),
        ("阿依古丽·买买提", "阿依古丽*"),
        ("SMITH JOHN", "SMITH *"),
        ("王", "*"),
        ("", ""),
        ("  李四 ", "李*"),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("33010619850312001X", "330106********001X"),
        ("330106850312001", "330106*****2001"),
        ("USA330080011501", "USA330*****1501"),
        ("1234567890", "**********"),
    ],
)
def test_mask_id_number(number: str, masked: str) -> None:
    assert mask_id_number(number) == masked


def test_mask_text_masks_id_numbers_but_not_longer_digit_runs() -> None:
    text = "id=33010619850312001X old=330106850312001 order=12345678901234567890"
    assert mask_text(text) == (
        "id=330106********001X old=330106*****2001 order=12345678901234567890"
    )


def test_mask_text_masks_known_names() -> None:
    assert mask_text("欧阳娜娜 and 张伟 came", ["张伟", "欧阳娜娜"]) == "欧阳** and 张* came"


def test_logging_filter_masks_arguments_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.masking")
    names = ["张伟"]
    masking = MaskingFilter(lambda: names)
    logger.addFilter(masking)
    try:
        with caplog.at_level(logging.INFO, logger="test.masking"):
            logger.info("card %s read for %s", "33010619850312001X", "张伟")
            try:
                raise ValueError("bad number 33010619850312001X")
            except ValueError:
                logger.exception("failed for 张伟")
    finally:
        logger.removeFilter(masking)
    text = caplog.text
    assert "33010619850312001X" not in text
    assert "张伟" not in text
    assert "330106********001X" in text
    assert "张*" in text


def test_logging_filter_without_names_still_masks_numbers() -> None:
    record = logging.LogRecord("x", logging.INFO, "f", 1, "n=%s", ("110101199003070011",), None)
    assert MaskingFilter().filter(record)
    assert record.getMessage() == "n=110101********0011"


def test_foreign_permanent_resident_card_numbers_are_masked_in_text() -> None:
    assert mask_text("card USA330080011501 read") == "card USA330*****1501 read"


def test_a_mobile_number_shows_its_first_three_and_last_four_digits_only() -> None:
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("0571-12345") == "****"
    assert mask_phone("") == "****"
