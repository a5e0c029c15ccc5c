"""Starting without a usable display: a French sentence and exit code 2, never a core dump."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from desk import app
from desk.app import EXIT_USER_ERROR, XCB_PACKAGES, display_problem

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"


def test_no_display_is_said_in_french():
    problem = display_problem({}, "linux")
    assert problem and "aucun écran utilisable" in problem and "DISPLAY" in problem
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_missing_xcb_libraries_name_the_packages(monkeypatch):
    monkeypatch.setattr(app, "_xcb_plugin_missing", lambda: "libxcb-icccm.so.4")
    problem = display_problem({"DISPLAY": ":0"}, "linux")
    assert "libxcb-icccm.so.4" in problem and "apt-get install" in problem and "libxcb-icccm4" in problem


def test_an_x_server_that_does_not_answer(monkeypatch):
    monkeypatch.setattr(app, "_xcb_plugin_missing", lambda: None)
    problem = display_problem({"DISPLAY": ":987", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert problem and "ne répond pas" in problem and ":987" in problem


def test_desk_without_display_exits_with_a_message(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DESK_DATA_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "desk", "--demo"], env=env, capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == EXIT_USER_ERROR, done.stderr
    assert done.stderr.startswith("desk : aucun écran utilisable")
    assert "core dumped" not in done.stderr and "qt.qpa" not in done.stderr


def _debian_package(library: str) -> str:
    """``libxcb-icccm.so.4`` → ``libxcb-icccm4``; ``libxkbcommon-x11.so.0`` → ``libxkbcommon-x11-0``."""
    name, version = re.fullmatch(r"(.+)\.so\.(\d+).*", library).groups()
    name = name.lower()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


@pytest.mark.skipif(shutil.which("ldd") is None or not sys.platform.startswith("linux"), reason="ldd on Linux only")
def test_the_readme_apt_line_covers_what_the_xcb_plugin_links():
    linked = set()
    for binary in (QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6XcbQpa.so.6"):
        output = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
        linked |= {line.split()[0] for line in output.splitlines() if re.search(r"xcb|xkbcommon-x11", line)}
    needed = {_debian_package(library) for library in linked if "Qt6" not in library}
    assert needed and needed <= set(XCB_PACKAGES.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"apt-get install {XCB_PACKAGES}" in readme
