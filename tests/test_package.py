import subprocess
import sys


def test_newsroom_does_not_import_mkdocs():
    code = "import sys, newsroom, newsroom.feeds, newsroom.pages, newsroom.admin; print(any(m.startswith('mkdocs') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
