"""The GitHub Pages workflow: linted with actionlint, and building the site the way the tests do."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"
OFFICIAL = (
    "actions/checkout",
    "actions/setup-python",
    "actions/cache",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
)


def actionlint(path: Path) -> subprocess.CompletedProcess:
    binary = Path(sys.executable).with_name("actionlint")
    if not binary.exists():
        binary = Path(shutil.which("actionlint") or binary)
    if not binary.exists():
        pytest.fail("actionlint is missing: `make setup` installs it from requirements-test.txt")
    return subprocess.run([str(binary), "-no-color", str(path)], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def workflow():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow, job):
    return workflow["jobs"][job]["steps"]


def test_actionlint_finds_nothing_wrong():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_is_really_checking(tmp_path):
    broken = tmp_path / ".github/workflows/pages.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    run-on: typo", 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode != 0 and "run-on" in result.stdout


def test_triggers_push_to_main_pull_requests_and_a_daily_run(workflow):
    triggers = workflow["on"]
    assert triggers["push"] == {"branches": ["main"]}
    assert "pull_request" in triggers and "workflow_dispatch" in triggers
    (schedule,) = triggers["schedule"]
    minute, hour, *every = schedule["cron"].split()
    assert every == ["*", "*", "*"], "daily"
    assert (int(hour) + 7) % 24 == 0, "just after midnight, Vietnam time (UTC+7)"


def test_least_permissions_and_one_deployment_at_a_time(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in workflow["jobs"]["build"]
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    concurrency = workflow["concurrency"]
    assert "'pages'" in concurrency["group"] and "pull_request" in concurrency["group"]
    assert concurrency["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_official_actions_pinned_to_full_commit_shas_with_their_version():
    used = re.findall(r"uses: ([\w-]+/[\w-]+)@(\S+)(?: # (v[\d.]+))?", WORKFLOW.read_text(encoding="utf-8"))
    assert sorted({name for name, _, _ in used}) == sorted(OFFICIAL)
    for name, ref, version in used:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{name} must be pinned to a commit SHA, not {ref}"
        assert version, f"{name}: say which version the SHA is in a comment"


def test_admin_packages_are_cached_per_lock_file(workflow):
    cached = [s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/cache") and s["with"]["path"] == ".cache/admin"]
    assert len(cached) == 1 and "hashFiles('package-lock.json')" in cached[0]["with"]["key"]
    names = [s.get("name") for s in steps(workflow, "build")]
    assert names.index(cached[0]["name"]) < names.index("Dựng trang")


def test_pull_requests_check_and_build_but_never_deploy(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == "github.event_name != 'pull_request'" and deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    publishing = [s for s in steps(workflow, "build") if "uses" in s and s["uses"].startswith(("actions/configure-pages", "actions/upload-pages-artifact"))]
    assert len(publishing) == 2 and all(s["if"] == "github.event_name != 'pull_request'" for s in publishing)
    upload = next(s for s in publishing if "upload-pages-artifact" in s["uses"])
    assert upload["with"]["path"] == "site"


def test_build_steps_are_the_makefile_targets_the_tests_use(workflow):
    build = steps(workflow, "build")
    python = next(s for s in build if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"
    assert set(python["with"]["cache-dependency-path"].split()) == {"requirements.txt", "requirements-test.txt"}
    assert [s["run"] for s in build if "run" in s] == ["make check", "make build"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^build: .*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    # the tests build with conftest.mkdocs_build: `mkdocs build --strict`, the command `make build` runs
    # (ENGINE is mkdocs unless a union switches to properdocs; tests/test_engines.py builds with both)
    assert "$(BIN)/$(ENGINE) build -f mkdocs.yml --strict --site-dir $(SITE_TMP)" in recipe
    assert re.search(r"^ENGINE \?= mkdocs$", makefile, re.M)
    assert re.search(r"^\$\(STAMP\): requirements\.txt requirements-test\.txt", makefile, re.M), "installs the pinned requirements"
    assert "newsroom check" in re.search(r"^check: .*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    conftest = (ROOT / "tests/conftest.py").read_text(encoding="utf-8")
    assert '"-m", engine, "build", "--strict"' in conftest and 'engine: str = "mkdocs"' in conftest


def test_the_build_keeps_rendered_markdown_between_runs(workflow):
    build = steps(workflow, "build")
    cache = next(i for i, s in enumerate(build) if s.get("uses", "").startswith("actions/cache@"))
    make = next(i for i, s in enumerate(build) if s.get("run") == "make build")
    assert cache < make, "restored before the build"
    folder = build[cache]["with"]["path"]
    assert build[make]["env"]["NEWSROOM_CACHE"] == folder and not folder.startswith("site")
    # a new key every run, restored from the newest: the cache follows the posts as they change
    assert "github.run_id" in build[cache]["with"]["key"]
    assert build[cache]["with"]["key"].startswith(build[cache]["with"]["restore-keys"])
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_the_build_keeps_made_pictures_between_runs(workflow):
    """The image pipeline's cache (.cache/images) is restored before `make build` and points the
    build at it; the Makefile sets the same folder for local builds and `make serve`."""
    build = steps(workflow, "build")
    make = next(i for i, s in enumerate(build) if s.get("run") == "make build")
    (cache,) = [i for i, s in enumerate(build) if s.get("uses", "").startswith("actions/cache@") and s["with"]["path"] == ".cache/images"]
    assert cache < make and build[make]["env"]["NEWSROOM_IMAGE_CACHE"] == ".cache/images"
    assert "github.run_id" in build[cache]["with"]["key"]
    assert build[cache]["with"]["key"].startswith(build[cache]["with"]["restore-keys"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^NEWSROOM_IMAGE_CACHE \?= \.cache/images$", makefile, re.M)
    for target in ("build", "serve"):
        recipe = re.search(rf"^{target}: .*\n((?:\t.*\n)+)", makefile, re.M).group(1)
        assert "NEWSROOM_IMAGE_CACHE=$(NEWSROOM_IMAGE_CACHE) $(BIN)/$(ENGINE)" in recipe, target
