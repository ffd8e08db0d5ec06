"""Render the raster versions of the logo once, from the committed SVG: the favicon
fallbacks (PNG 32 px, Apple touch icon 180 px, ICO 16/32/48 px) and the social preview
image (Open Graph / Twitter card, 1200 × 630 PNG). The results are committed; run this
again only when the logo or the tagline changes:

    /work/main/.venv/bin/python scripts/brand_images.py

Uses Debian's Chromium through Playwright (as the browser tests do) and Pillow for the ICO.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parents[1] / "src" / "olievlek" / "site" / "static" / "img"
CHROMIUM = os.environ.get("OLIEVLEK_CHROMIUM", "/usr/bin/chromium")

SOCIAL = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; display: flex; align-items: center;
  gap: 64px; padding: 0 96px; box-sizing: border-box; background: #0b4f6c; color: #fff;
  font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }}
img {{ width: 300px; height: 300px; flex: none; }}
h1 {{ font-size: 104px; margin: 0 0 16px; letter-spacing: -1px; }}
p {{ font-size: 40px; line-height: 1.3; margin: 0; color: #d9ecf2; }}
</style></head><body><img src="data:image/svg+xml;base64,{logo}" alt="">
<div><h1>Olievlek</h1><p>Werkgevers helpen werkgevers om mensen gezond, met plezier
en goed aan het werk te houden.</p></div></body></html>"""


def _png(page, svg_b64: str, size: int) -> bytes:
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(
        '<html><body style="margin:0;background:transparent">'
        f'<img src="data:image/svg+xml;base64,{svg_b64}" width="{size}" height="{size}" alt="">'
        "</body></html>"
    )
    return page.screenshot(omit_background=True)


def main() -> None:
    import base64

    svg_b64 = base64.b64encode((STATIC / "logo.svg").read_bytes()).decode()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        (STATIC / "favicon-32.png").write_bytes(_png(page, svg_b64, 32))
        (STATIC / "apple-touch-icon.png").write_bytes(_png(page, svg_b64, 180))
        big = Image.open(io.BytesIO(_png(page, svg_b64, 256)))
        big.save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        page.set_viewport_size({"width": 1200, "height": 630})
        page.set_content(SOCIAL.format(logo=svg_b64))
        (STATIC / "social-preview.png").write_bytes(page.screenshot())
        browser.close()


if __name__ == "__main__":
    main()
