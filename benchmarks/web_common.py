"""What the modules of `benchmarks/web.py` share: where the project is, the pages
measured and the goal. No Django here: the load generator's spawned processes import it.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = "benchmarks.web_settings"
HOST = "127.0.0.1"
GOAL = 0.50
BARE = "/bench/bare"
PAGES = [
    ("bare Django view (peer)", BARE),
    ("directory, theme + province", "/netwerk/?theme=gezondheid&province=NL-ZH"),
    ("organisation page", "/netwerk/bakkerij-de-korenaar/"),
    ("API list", "/api/v1/organisaties"),
    ("API list, theme", "/api/v1/organisaties?theme=gezondheid"),
]
# --page-cache: the whole measurement runs once per mode, production's default first.
MODES = {"on": ["on"], "off": ["off"], "both": ["on", "off"]}
