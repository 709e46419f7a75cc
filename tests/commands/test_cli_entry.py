"""``python -m celltx`` runs the same command line as the ``celltx`` script."""

import subprocess
import sys


def test_python_dash_m_celltx_prints_the_help():
    done = subprocess.run([sys.executable, "-m", "celltx", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert "usage: celltx" in done.stdout
