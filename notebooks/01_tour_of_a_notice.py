# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A tour of one notice
#
# **Research question:** what does a single policy notice commit its government to? Which
# quantified targets does it set, which named projects does it mention, what kinds of action does
# it call for, and how are these spread over its sections?
#
# We take the seed notice of the corpus — the 2021 education and sports work points of Qingdao
# West Coast New Area (青岛西海岸新区), issued as a 通知 — extract it with the pipeline, look at
# its header, outline and one item in detail, and then hand the whole extraction to pandas.

# %%
import sys
import tempfile
from pathlib import Path

import pandas as pd

# the repository root: the folder holding setup.cfg, whether we run from notebooks/ or the root
ROOT = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "setup.cfg").exists())
sys.path.insert(0, str(ROOT))

from pipeline import extract_file  # noqa: E402
from pipeline.dataset import document_to_dict, tables  # noqa: E402

pd.set_option("display.max_colwidth", 50)

# %% [markdown]
# ## Extract
#
# `extract_file` reads, normalises and parses the file into a `Document`; `document_to_dict`
# turns it into the JSON of the output contract (the same as `zhengce extract` writes), which is
# what we work with below.

# %%
doc = document_to_dict(extract_file(ROOT / "corpus" / "raw" / "000_c1eb6a3cac873dd4.txt"))
meta = doc["meta"]
print("Document number:", meta["doc_number"])
print("Title:          ", meta["title"])
print("Plan year:      ", meta["plan_year"], "| date:", meta["date"], "| items:", len(doc["items"]))

# %% [markdown]
# The header fields (GB/T 9704 elements). A field the notice lacks is empty rather than guessed.

# %%
pd.Series(meta, name="value").to_frame()

# %% [markdown]
# ## The outline
#
# Headings only, with their printed markers; the items hang below the lowest headings.

# %%
items_under = pd.Series([it["section_titles"][-1] if it["section_titles"] else "" for it in doc["items"]])


def show_outline(headings, depth=0):
    for h in headings:
        count = (items_under == h["title"]).sum()
        print("    " * depth + f"{h['marker']} {h['title']}" + (f"  [{count} items]" if count else ""))
        show_outline(h["children"], depth + 1)


show_outline(doc["outline"])

# %% [markdown]
# ## One item in detail
#
# We pick the item with the most targets. Every extraction carries its span (offsets into the
# document text) and the rule that produced it, so a surprising row can be traced back.

# %%
item = max(doc["items"], key=lambda it: (len(it["targets"]), len(it["projects"])))
print(item["id"], " > ".join(item["section_titles"]))
print(item["text"])

# %%
pd.DataFrame(item["targets"])[["indicator", "value", "value_max", "unit", "comparator", "deadline", "text"]]

# %%
pd.DataFrame(item["numbers"])[["text", "value", "unit", "kind", "scalar"]]

# %%
pd.DataFrame(item["projects"])[["name", "kind", "status", "rule"]]

# %%
pd.DataFrame(item["actions"])[["verb", "object", "category"]]

# %%
pd.DataFrame(item["themes"])

# %% [markdown]
# ## The whole notice as tables
#
# `tables` gives one DataFrame per table, one row per entity, keyed by `doc_id` and `item_id` — the same tables that
# `zhengce extract -o DIR` writes as CSV and Parquet.

# %%
frames = tables([doc])
pd.Series({name: len(frame) for name, frame in frames.items()}, name="rows").to_frame()

# %%
targets, actions = frames["targets"], frames["actions"]
targets[["item_id", "indicator", "value", "unit", "comparator", "deadline"]].head(10)

# %% [markdown]
# ### Where are the targets?
#
# Targets per top-level section (the `items` table holds each item's level-1 title).

# %%
sections = frames["items"][["item_id", "level1_title"]]
targets.merge(sections, on="item_id").groupby("level1_title", sort=False).size().rename("targets").to_frame()

# %% [markdown]
# ### What kinds of action?
#
# Each action's verb is mapped to an instrument category (plan, build, strengthen, implement,
# organise, supervise, support, other); the cross table shows how the mix differs by section.

# %%
acts = actions.merge(sections, on="item_id")
by_section = pd.crosstab(acts["level1_title"], acts["category"], margins=True)
by_section.reindex([h["title"] for h in doc["outline"]] + ["All"])

# %% [markdown]
# Implementing verbs (推进, 落实, 开展) run through every section; beyond them the sections differ
# in character: where the notice commits to schools and facilities, building weighs more; where
# it deals with party work, staff and services, strengthening does. Quantified targets are few
# compared with actions and concentrate in the facility and staffing items, which is typical
# for the work points of a district education bureau: most of the text commits to effort, only a
# small part to numbers that can be checked a year later.
#
# ## Export
#
# CSV in UTF-8 with a byte-order mark, so that spreadsheet programs show the Chinese correctly.

# %%
out = Path(tempfile.mkdtemp(prefix="zhengce_tour_"))
for name in ("targets", "actions", "projects", "numbers"):
    frames[name].to_csv(out / f"{name}.csv", index=False, encoding="utf-8-sig")
print(out, sorted(p.name for p in out.iterdir()))

# %%
pd.read_csv(out / "targets.csv", encoding="utf-8-sig").head(3)
