"""Draw the link graph as a PNG for documents (no browser needed on the server)."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
COLOURS = {
    "servant": "#1f3a5f", "relative": "#3b7dd8", "organisation": "#4a7c59", "company": "#b5651d",
    "entrepreneur": "#b5651d", "contract": "#7a4ea3", "person": "#888888", "address": "#2a9d8f",
}
# Columns left to right follow an evidence path: servant → relative → company → contract → organisation.
COLUMN = {"servant": 0, "relative": 1, "person": 1, "address": 1, "company": 2, "entrepreneur": 2, "contract": 3,
          "organisation": 4}


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def layout(graph: dict[str, Any], width: int, height: int) -> dict[str, tuple[float, float]]:
    columns: dict[int, list[str]] = {}
    for node in graph["nodes"]:
        columns.setdefault(COLUMN.get(node["kind"], 2), []).append(node["id"])
    pos: dict[str, tuple[float, float]] = {}
    col_width = width / 5
    for col, ids in columns.items():
        gap = height / (len(ids) + 1)
        for i, node_id in enumerate(ids):
            pos[node_id] = (col_width * (col + 0.5), gap * (i + 1) + 60)
    return pos


def _curve(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
    """A quadratic arc above the row, so a long edge does not hide the ones it spans."""
    lift = abs(b[0] - a[0]) * 0.18
    c = ((a[0] + b[0]) / 2, min(a[1], b[1]) - lift)
    return [((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t ** 2 * b[0],
             (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t ** 2 * b[1]) for t in (i / 24 for i in range(25))]


def render_png(graph: dict[str, Any], width: int = 1400, height: int | None = None) -> bytes:
    tallest = max((sum(1 for n in graph["nodes"] if COLUMN.get(n["kind"], 2) == col) for col in range(5)),
                  default=1)
    height = height or max(420, 150 * tallest + 220)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    pos = layout(graph, width, height)
    small, label_font = _font(16), _font(18)
    for edge in graph["edges"]:
        a, b = pos[edge["source"]], pos[edge["target"]]
        hot = edge.get("highlighted")
        points = _curve(a, b) if abs(b[0] - a[0]) > width / 5 * 1.5 else [a, b]
        draw.line(points, fill="#c0392b" if hot else "#9aa3ad", width=6 if hot else 2, joint="curve")
        mid = points[len(points) // 2] if len(points) > 2 else ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        mid = (mid[0], mid[1] - 14)
        draw.text(mid, edge.get("label", ""), fill="#555555", font=small, anchor="mm",
                  stroke_width=3, stroke_fill="white")
    for node in graph["nodes"]:
        x, y = pos[node["id"]]
        r = 22 if node["kind"] == "servant" else 16
        outline = "#c0392b" if node.get("highlighted") else "white"
        draw.ellipse([x - r, y - r, x + r, y + r], fill=COLOURS.get(node["kind"], "#888888"),
                     outline=outline, width=5)
        lines = textwrap.wrap(node["label"], 24)[:3]
        for i, line in enumerate(lines):
            draw.text((x, y + r + 6 + i * 21), line, fill="#1d2330", font=label_font, anchor="ma")
    buf = io.BytesIO()
    image.save(buf, format="PNG")  # optimize=True triples the time for 2 % of size
    return buf.getvalue()
