"""Draw the link graph as a PNG for documents (no browser needed on the server)."""

from __future__ import annotations

import io
import math
import textwrap
from typing import Any

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
COLOURS = {
    "servant": "#1f3a5f", "relative": "#3b7dd8", "organisation": "#4a7c59", "company": "#b5651d",
    "entrepreneur": "#b5651d", "contract": "#7a4ea3", "person": "#888888",
}
# Rings from the centre: who is closest to the servant is drawn nearest.
RING = {"servant": 0, "relative": 1, "organisation": 1, "person": 2, "company": 2, "entrepreneur": 2,
        "contract": 3}


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def layout(graph: dict[str, Any], width: int, height: int) -> dict[str, tuple[float, float]]:
    rings: dict[int, list[str]] = {}
    for node in graph["nodes"]:
        rings.setdefault(RING.get(node["kind"], 2), []).append(node["id"])
    cx, cy = width / 2, height / 2
    step = min(width, height) / 2 / (max(rings, default=0) + 0.6)
    pos: dict[str, tuple[float, float]] = {}
    for ring, ids in rings.items():
        for i, node_id in enumerate(ids):
            if ring == 0 and len(ids) == 1:
                pos[node_id] = (cx, cy)
                continue
            angle = 2 * math.pi * i / len(ids) + ring * 0.5
            pos[node_id] = (cx + ring * step * 1.25 * math.cos(angle), cy + ring * step * math.sin(angle))
    return pos


def render_png(graph: dict[str, Any], width: int = 1400, height: int = 1000) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    pos = layout(graph, width, height)
    small, label_font = _font(16), _font(18)
    for edge in graph["edges"]:
        a, b = pos[edge["source"]], pos[edge["target"]]
        hot = edge.get("highlighted")
        draw.line([a, b], fill="#c0392b" if hot else "#9aa3ad", width=6 if hot else 2)
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        draw.text(mid, edge.get("label", ""), fill="#555555", font=small, anchor="mm")
    for node in graph["nodes"]:
        x, y = pos[node["id"]]
        r = 22 if node["kind"] == "servant" else 16
        outline = "#c0392b" if node.get("highlighted") else "white"
        draw.ellipse([x - r, y - r, x + r, y + r], fill=COLOURS.get(node["kind"], "#888888"),
                     outline=outline, width=5)
        lines = textwrap.wrap(node["label"], 26)[:3]
        for i, line in enumerate(lines):
            draw.text((x, y + r + 6 + i * 21), line, fill="#1d2330", font=label_font, anchor="ma")
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
