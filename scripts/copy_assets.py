"""Copy the browser libraries installed by npm into zorko/web/static/vendor/.

Run by `make assets` after `npm install`; the copies are not committed
(.gitignore), they are rebuilt from package-lock.json on every install.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "zorko" / "web" / "static" / "vendor"
# (file under node_modules, name under static/vendor)
FILES = [
    ("cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"),
    ("cytoscape/LICENSE", "cytoscape.LICENSE.txt"),
    ("chart.js/dist/chart.umd.min.js", "chart.umd.min.js"),
    ("chart.js/LICENSE.md", "chart.js.LICENSE.md"),
    ("bootstrap/dist/css/bootstrap.min.css", "bootstrap.min.css"),
    # the stylesheet names its map: served too, so a browser's developer tools find it
    ("bootstrap/dist/css/bootstrap.min.css.map", "bootstrap.min.css.map"),
    ("bootstrap/LICENSE", "bootstrap.LICENSE.txt"),
]


def main() -> int:
    VENDOR.mkdir(parents=True, exist_ok=True)
    missing = []
    for source, target in FILES:
        path = ROOT / "node_modules" / source
        if not path.exists():
            missing.append(source)
            continue
        shutil.copyfile(path, VENDOR / target)
    if missing:
        print("copy_assets: нет файлов (выполните npm install): " + ", ".join(missing), file=sys.stderr)
        return 1
    print(f"copy_assets: в {VENDOR.relative_to(ROOT)} скопировано файлов: {len(FILES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
