"""``fit()``: a picture shown to the simulated camera scans as well as the picture itself."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import qrcode
import zxingcpp

from drivers.camera.emulator import fit

PAYLOAD = "https://zwfw.example.gov.cn/r/330109-20240501-0001"


def qr_photo(seed: int, angle: float) -> np.ndarray:
    """A phone-photo-like QR: 2 px modules, turned by ``angle``, blurred, dimmed and noisy."""
    rng = np.random.default_rng(seed)
    code = qrcode.QRCode(box_size=2, border=4)
    code.add_data(PAYLOAD)
    code.make(fit=True)
    image = np.asarray(code.make_image().get_image().convert("L"), np.uint8)
    height, width = image.shape
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    image = cv2.warpAffine(image, turn, (width, height), borderValue=255)
    image = cv2.GaussianBlur(image, (0, 0), 0.6)
    noisy = image.astype(float) * 0.7 + 40 + rng.normal(0, 12, image.shape)
    return cv2.cvtColor(np.clip(noisy, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)


def decodes(image: np.ndarray) -> bool:
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    found = zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode)
    return [b.text for b in found] == [PAYLOAD]


PHOTOS = [(seed, angle) for angle in (3, 5, 7, 9, 11) for seed in range(10)]


@pytest.mark.parametrize("frame", [(1280, 720), (640, 480)])
def test_small_qr_photo_that_zxing_reads_still_reads_after_enlarging(
    frame: tuple[int, int],
) -> None:
    readable = [qr_photo(seed, angle) for seed, angle in PHOTOS]
    readable = [photo for photo in readable if decodes(photo)]
    assert len(readable) >= 40  # the fixture itself must be a fair test
    unreadable = [i for i, photo in enumerate(readable) if not decodes(fit(photo, *frame))]
    assert unreadable == []


def test_large_picture_is_shrunk_to_the_frame_and_centred() -> None:
    picture = np.zeros((1000, 1000, 3), np.uint8)
    framed = fit(picture, 640, 480)
    assert framed.shape == (480, 640, 3)
    assert (framed[:, 80:560] == 0).all()
    assert (framed[:, :80] != 0).all()
