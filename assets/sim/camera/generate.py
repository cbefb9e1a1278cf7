"""Regenerates the camera simulator's fixtures in this directory (run from the project root:
``.venv/bin/python assets/sim/camera/generate.py``). Output is deterministic (fixed seed).

face.png is scikit-image's astronaut.png, copied unchanged; everything else is synthetic.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import qrcode
import skimage
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
FRAME = (1280, 720)
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
QR_CODES = {
    "qr_small": ("ZWFW-2024-000123", 150),
    "qr_medium": ("https://zwfw.example.gov.cn/q/7Hk2pQ", 300),
    "qr_large": ("预约号：A0427 市民中心政务服务大厅", 520),
}
PAGE_LINES = [
    "市民中心政务服务大厅",
    "办事指南（示例）",
    "",
    "一、事项名称：居住证申领",
    "二、办理对象：在本市居住半年以上的人员",
    "三、申请材料：",
    "    1. 居民身份证原件",
    "    2. 近期一寸免冠照片",
    "    3. 居住证明材料",
    "四、办理时限：即办",
    "五、收费标准：不收费",
    "六、咨询电话：0571-12345",
]


def _noisy_background(rng: np.random.Generator, base: int, spread: int) -> Image.Image:
    """A mottled grey surface, like a desk or a wall seen by a webcam."""
    noise = rng.normal(base, spread, size=(FRAME[1] // 16, FRAME[0] // 16))
    small = Image.fromarray(np.clip(noise, 0, 255).astype(np.uint8)).convert("RGB")
    return small.resize(FRAME, Image.Resampling.BICUBIC)


def qr_frames(rng: np.random.Generator) -> dict[str, str]:
    """QR codes of several sizes, each centred-ish in a 1280×720 camera-like frame."""
    manifest = {}
    for name, (text, size) in QR_CODES.items():
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
        code.add_data(text)
        code.make(fit=True)
        image = code.make_image().get_image().convert("RGB").resize((size, size))
        frame = _noisy_background(rng, 150, 25)
        frame.paste(image, ((FRAME[0] - size) // 2 + 60, (FRAME[1] - size) // 2))
        frame = frame.filter(ImageFilter.GaussianBlur(0.8))
        frame.save(HERE / f"{name}.jpg", quality=80)
        manifest[name] = text
    return manifest


def document_frame(rng: np.random.Generator) -> None:
    """An A4 page with Chinese text, tilted and in perspective, on a darker desk."""
    page = Image.new("RGB", (420, 594), (246, 244, 238))
    draw = ImageDraw.Draw(page)
    title = ImageFont.truetype(FONT, 26)
    body = ImageFont.truetype(FONT, 17)
    draw.text((210, 50), PAGE_LINES[0], font=title, fill=(20, 20, 20), anchor="mm")
    draw.text((210, 90), PAGE_LINES[1], font=body, fill=(20, 20, 20), anchor="mm")
    for row, line in enumerate(PAGE_LINES[3:]):
        draw.text((36, 140 + row * 34), line, font=body, fill=(30, 30, 30))
    page = page.convert("RGBA").rotate(14, expand=True, resample=Image.Resampling.BICUBIC)
    frame = _noisy_background(rng, 70, 12)
    left, top = (FRAME[0] - page.width) // 2, (FRAME[1] - page.height) // 2
    frame.paste(page, (left, top), page)
    quad = (30, 0, 0, FRAME[1], FRAME[0], FRAME[1], FRAME[0] - 30, 0)
    frame = frame.transform(FRAME, Image.Transform.QUAD, quad, Image.Resampling.BICUBIC)
    frame.filter(ImageFilter.GaussianBlur(0.7)).save(HERE / "document.jpg", quality=80)


def blank_frame() -> None:
    """An empty booth: a smooth grey wall, nothing to detect."""
    ramp = np.linspace(118, 138, FRAME[0], dtype=np.float64)
    wall = np.repeat(ramp[None, :, None], FRAME[1], axis=0).repeat(3, axis=2)
    Image.fromarray(wall.astype(np.uint8)).save(HERE / "blank.png", optimize=True)


def main() -> None:
    """Write every fixture and the QR manifest."""
    rng = np.random.default_rng(20240427)
    shutil.copyfile(Path(skimage.__file__).parent / "data" / "astronaut.png", HERE / "face.png")
    manifest = qr_frames(rng)
    (HERE / "qr_codes.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    document_frame(rng)
    blank_frame()


if __name__ == "__main__":
    main()
