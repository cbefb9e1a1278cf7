"""From raw card blocks to an :class:`IdCard`, photo decoded when a WLT decoder is present."""

from __future__ import annotations

import dataclasses

from drivers.id_card.cards import decode_card
from drivers.id_card.payloads import CardData
from drivers.id_card.photo import WltDecoder
from drivers.id_card.types import IdCard


def card_from_data(data: CardData, decoder: WltDecoder | None) -> IdCard:
    """Parse the text block and, with a decoder, attach the decoded BMP photo."""
    card = decode_card(data)
    if decoder is None:
        return card
    return dataclasses.replace(card, photo_bmp=decoder.decode(card.photo_wlt))
