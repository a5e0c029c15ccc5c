"""Developer tool: refresh the French catalogue from the sources and compile it.

    python tools/translations.py          # lupdate, then list untranslated strings
    python tools/translations.py --release # also compile desk_fr.qm (lrelease)

Translate in resources/translations/desk_fr.ts (Qt Linguist or any editor);
the test suite fails while a string is left unfinished.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "translations" / "desk_fr.ts"
SOURCES = sorted(str(p) for p in (ROOT / "desk").rglob("*.py") if "ui" in p.parts or p.name == "app.py")


def unfinished(catalogue: Path = CATALOGUE) -> list[str]:
    root = ElementTree.parse(catalogue).getroot()
    return [message.findtext("source") or "" for message in root.iter("message") if not _translated(message)]


def _translated(message: ElementTree.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return False
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.iter("numerusform")]
        return bool(forms) and all(form.strip() for form in forms)
    return bool((translation.text or "").strip())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--release", action="store_true")
    args = parser.parse_args()
    subprocess.run(
        ["pyside6-lupdate", *SOURCES, "-no-obsolete", "-ts", str(CATALOGUE), "-source-language", "en", "-target-language", "fr"],
        check=True,
    )
    missing = unfinished()
    for source in missing:
        print(f"untranslated: {source!r}")
    if args.release:
        subprocess.run(["pyside6-lrelease", str(CATALOGUE), "-qm", str(CATALOGUE.with_suffix(".qm"))], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
