"""The release bundle: built with build.spec, it must start anywhere and prove itself.

Slow (about a minute): it runs PyInstaller, then the bundle's own ``--self-test``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_BUNDLE_MB = 250


@pytest.mark.slow
def test_the_bundle_builds_and_passes_its_self_test(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work"), str(ROOT / "build.spec")],
        capture_output=True, text=True, timeout=900, check=False, cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "desk"
    executable = bundle / ("desk.exe" if os.name == "nt" else "desk")
    size_mb = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()) / 1024 / 1024
    print(f"\nbundle: {size_mb:.0f} MB in {bundle}")
    assert size_mb < MAX_BUNDLE_MB
    test = subprocess.run([str(executable), "--self-test"], capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert test.returncode == 0, test.stdout + test.stderr
    assert "Auto-test réussi." in test.stdout
