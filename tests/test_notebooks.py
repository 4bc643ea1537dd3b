"""The notebooks (notebooks/*.py, Jupytext percent format) execute under nbclient without errors
and show what a reader relies on. Without ../shared the reports part of 02 prints a note instead
of its figure, so these tests pass on a fresh clone too."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import jupytext
import nbclient
import pytest
from conftest import REPORTS, ROOT

NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.py"))


def _is_this_python(executable: str) -> bool:
    """Whether a kernelspec's argv[0] runs this interpreter (the one with the pipeline's
    dependencies), without following the venv's symlink to the system Python."""
    if executable in {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}:
        return True  # jupyter_client starts sys.executable for these names
    found = shutil.which(executable)
    return found is not None and Path(os.path.abspath(found)).parent == Path(os.path.abspath(sys.executable)).parent


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory):
    """'python3' as installed by ipykernel into the venv; when it is missing or runs another
    interpreter, a kernelspec for sys.executable in a temporary JUPYTER_PATH entry."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        argv0 = KernelSpecManager().get_kernel_spec("python3").argv[0]
    except NoSuchKernel:
        argv0 = None
    if argv0 is not None and _is_this_python(argv0):
        yield "python3"
        return
    folder = tmp_path_factory.mktemp("jupyter")
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (zhengce tests)", "language": "python"}), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", os.pathsep.join(filter(None, [str(folder), os.environ.get("JUPYTER_PATH")])))
        yield "python3"


def execute(nb, kernel: str, cwd: Path = NOTEBOOKS):
    nbclient.NotebookClient(nb, timeout=600, kernel_name=kernel, resources={"metadata": {"path": str(cwd)}}).execute()
    errors = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs if o.output_type == "error"]
    assert not errors, "\n".join(f"{o.ename}: {o.evalue}" for o in errors)
    tracebacks = [o.text for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
                  if o.output_type == "stream" and "Traceback" in o.text]
    assert not tracebacks, tracebacks[0]
    return nb


@pytest.fixture(scope="module")
def executed(kernel_name):
    """Each notebook executed once (from notebooks/, as a user opening it would), on demand."""
    cache = {}

    def run(name: str):
        if name not in cache:
            cache[name] = execute(jupytext.read(NOTEBOOKS / name), kernel_name)
        return cache[name]

    return run


def outputs(cells) -> list[dict]:
    return [o for cell in cells if cell.cell_type == "code" for o in cell.outputs]


def text_of(cells) -> str:
    parts = []
    for o in outputs(cells):
        if o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type in ("execute_result", "display_data"):
            parts += [o.data.get("text/plain", ""), o.data.get("text/html", "")]
    return "\n".join(parts)


def figures(cells) -> int:
    return sum("image/png" in o.get("data", {}) for o in outputs(cells))


def test_the_three_notebooks_are_there():
    assert [p.name for p in NOTEBOOK_FILES] == [
        "01_tour_of_a_notice.py", "02_year_on_year.py", "03_corpus_themes.py"]


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_notebook_states_its_question_and_executes(path, executed):
    nb = executed(path.name)
    assert nb.cells[0].cell_type == "markdown" and "Research question" in nb.cells[0].source
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_tour_shows_the_seed_and_exports_its_tables(executed):
    nb = executed("01_tour_of_a_notice.py")
    shown = text_of(nb.cells)
    assert "青黄教工委〔2021〕1号" in shown  # the seed's document number
    assert "<table" in shown  # DataFrames rendered
    for name in ("targets.csv", "actions.csv", "projects.csv", "numbers.csv"):
        assert name in shown
    assert "引进教育人才" in shown  # a target indicator, from the exported CSV read back


def test_year_on_year_shows_statuses_targets_and_the_report_series(executed):
    nb = executed("02_year_on_year.py")
    shown = text_of(nb.cells)
    for status in ("continued", "revised", "new", "dropped"):
        assert status in shown
    assert "raised" in shown or "lowered" in shown  # the target-change table
    plot_cells = [c for c in nb.cells if "reports-plot" in c.metadata.get("tags", [])]
    assert len(plot_cells) == 1
    # the bundled reports (2002–2012, 2021–2025) make the series; ../shared adds 2013–2019
    assert figures(plot_cells) == 1
    assert "2025" in shown and "2005" in shown and "国内生产总值" in shown  # the series table
    if REPORTS.exists():
        assert "2019" in shown
    else:
        assert "shared corpus is not present" in shown


def test_corpus_themes_plots_shares_and_lists_frequent_themes(executed):
    nb = executed("03_corpus_themes.py")
    assert figures(nb.cells) >= 1
    shown = text_of(nb.cells)
    assert "leads_documents" in shown and "教育" in shown
    assert shown.count("青岛西海岸新区") >= 2  # both West Coast plans appear among the documents


def test_notebooks_find_the_repository_from_its_root(kernel_name):
    """A notebook opened from the repository root finds the same root as from notebooks/."""
    nb = jupytext.read(NOTEBOOKS / "01_tour_of_a_notice.py")
    setup = next(c for c in nb.cells if c.cell_type == "code")
    nb.cells = [setup, jupytext.reads("# %%\nprint(ROOT)", fmt="py:percent").cells[0]]
    execute(nb, kernel_name, cwd=ROOT)
    assert text_of(nb.cells[1:]).strip() == str(ROOT)
