"""The templates ship inside the wheel: an installed (non-editable) reportgen builds a report."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.slow


def test_installed_wheel_builds_html(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("reportgen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "reportgen/templates/report.html.j2" in names
    assert "reportgen/templates/fonts/Inter-Regular.otf" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=300)
    python = venv / "bin" / "python"
    # The installed wheel, not the checkout a PYTHONPATH may point at.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300, env=env)
    where = subprocess.run(
        [str(python), "-c", "import reportgen.templates_dir as t; print(t.templates_dir())"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=env).stdout.strip()
    assert where.startswith(str(venv)), where

    out = tmp_path / "out"
    result = subprocess.run(
        [str(python), "-m", "reportgen", "build", str(EXAMPLE), "--out", str(out),
         "--format", "html"], capture_output=True, text=True, cwd=tmp_path, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    assert "Bergsjödalens Samordningsförbund" in (out / "2023.html").read_text(encoding="utf-8")
