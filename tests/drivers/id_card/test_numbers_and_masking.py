"""GB 11643 check digits, foreign number shape, nation table, and log masking."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drivers.id_card.fixtures import fixtures, load_fixture
from drivers.id_card.idnumber import check_digit, foreign_number_valid, resident_number_valid
from drivers.id_card.nations import NATIONS
from drivers.id_card.privacy import mask_id_number, mask_name

digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)


def test_known_numbers_check() -> None:
    assert check_digit("11010519491231002") == "X"
    assert resident_number_valid("33010619850312001X")
    assert not resident_number_valid("330106198503120011")
    assert not resident_number_valid("3301061985031200")


@given(digits17)
def test_exactly_one_check_character_is_valid(first17: str) -> None:
    valid = [c for c in "0123456789X" if resident_number_valid(first17 + c)]
    assert valid == [check_digit(first17)]


def test_foreign_numbers_need_three_letters_and_twelve_digits() -> None:
    assert foreign_number_valid("USA330080011501")
    assert not foreign_number_valid("US3330080011501")
    assert not foreign_number_valid("USA33008001150")


def test_nation_table_is_complete() -> None:
    assert [int(code) for code in NATIONS] == [*range(1, 57), 97, 98]
    assert NATIONS["56"] == "基诺"


def test_numbers_and_names_are_masked() -> None:
    assert mask_id_number("11010119900307002X") == "110101********002X"
    assert mask_id_number("USA330080011501") == "USA330*****1501"
    assert mask_id_number("12345") == "*****"
    assert mask_name("张伟") == "张*"
    assert mask_name("张") == "*"
    assert mask_name("欧阳娜娜") == "欧阳**"


def test_card_repr_never_shows_the_full_number_or_name() -> None:
    for name in fixtures():
        card = load_fixture(name)
        text = repr(card)
        assert card.id_number not in text
        assert card.name not in text
