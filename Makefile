# zhengce — `make extract` and `make test` set up .venv by themselves.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
IN     ?= corpus/raw
OUT    ?= data/extracted
STAMP  := $(VENV)/.installed

.PHONY: setup extract test eval bench lint clean train compare notebooks

setup: $(STAMP)

# Pinned versions from requirements.lock, then the package itself without touching them.
$(STAMP): requirements.lock setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

extract: $(STAMP)
	$(PY) -m pipeline extract $(IN) -o $(OUT)

test: $(STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) -m pipeline.evaluate

bench: $(STAMP)
	$(PY) -m pipeline.bench

lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline tests

clean:
	rm -rf $(VENV) data/extracted .pytest_cache

train: $(STAMP)
	$(PY) -m pipeline.classify.train

# make compare A=plan-2021.pdf B=plan-2022.docx [OUT=data/compare]
compare: $(STAMP)
	$(PY) -m pipeline compare $(A) $(B) -o $(or $(COMPARE_OUT),data/compare)

# make notebooks: notebooks/*.py (Jupytext) executed into data/notebooks/*.ipynb, to open in Jupyter
define RUN_NOTEBOOKS
import pathlib, jupytext, nbclient, nbformat
out = pathlib.Path("data/notebooks")
out.mkdir(parents=True, exist_ok=True)
for src in sorted(pathlib.Path("notebooks").glob("*.py")):
    nb = jupytext.read(src)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": "notebooks"}}).execute()
    nbformat.write(nb, out / f"{src.stem}.ipynb")
    print("wrote", out / f"{src.stem}.ipynb")
endef
export RUN_NOTEBOOKS

notebooks: $(STAMP)
	$(PY) -c "$$RUN_NOTEBOOKS"
