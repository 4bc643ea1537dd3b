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
# # Corpus study: which policy areas do the notices cover?
#
# **Research question:** across all the notices in `corpus/raw/`, how is the work of each
# document divided among policy areas, and which areas dominate the corpus as a whole? Is a
# notice typically about one area, or does it spread its items over several?
#
# Every item carries ranked themes from the shipped model; we use its **primary theme at
# level 1** (Comparative Agendas Project major topics plus 24 党的建设) and compute, per document,
# the share of items in each theme.

# %%
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

# the repository root: the folder holding setup.cfg, whether we run from notebooks/ or the root
ROOT = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "setup.cfg").exists())
sys.path.insert(0, str(ROOT))

from pipeline import extract_file  # noqa: E402
from pipeline.compare import primary_themes  # noqa: E402
from pipeline.dataset import document_to_dict  # noqa: E402
from pipeline.plotting import use_cjk_font  # noqa: E402

use_cjk_font()  # Chinese labels need a CJK font; without one matplotlib keeps its defaults

# %% [markdown]
# ## Extract every document

# %%
SUFFIXES = {".txt", ".docx", ".pdf", ".html", ".htm"}
paths = sorted(p for p in (ROOT / "corpus" / "raw").iterdir() if p.suffix.lower() in SUFFIXES)
docs = [document_to_dict(extract_file(p)) for p in paths]


def short_name(doc, width=18):
    title = doc["meta"]["plan_title"] or doc["meta"]["title"] or doc["doc_id"]
    return title if len(title) <= width else title[:width] + "…"


overview = pd.DataFrame([{"doc_id": d["doc_id"], "document": short_name(d), "doc_type": d["meta"]["doc_type"],
                          "year": d["meta"]["plan_year"], "items": len(d["items"])} for d in docs])
overview.astype({"year": "Int64"}).drop(columns="doc_id")

# %% [markdown]
# ## Theme shares per document
#
# One row per item (its primary level-1 theme), then the share of each theme within its
# document. Themes are ordered by their weight in the corpus as a whole; documents are keyed by
# their `doc_id` and shown by their (shortened) titles.

# %%
rows = [{"doc_id": d["doc_id"], "code": t["code"], "theme": t["label"]}
        for d in docs for t in primary_themes(d, level=1)]
items = pd.DataFrame(rows)
shares = pd.crosstab(items["doc_id"], items["theme"], normalize="index")
shares = shares.reindex(index=overview["doc_id"], columns=items["theme"].value_counts().index, fill_value=0)
shares.index = overview["document"]
shares.round(2)

# %%
fig, ax = plt.subplots(figsize=(11, 6))
image = ax.imshow(shares.to_numpy(), cmap="Blues", vmin=0, vmax=1, aspect="auto")
ax.set_xticks(range(shares.shape[1]), shares.columns, rotation=45, ha="right")
ax.set_yticks(range(shares.shape[0]), shares.index)
for (i, j), share in pd.DataFrame(shares.to_numpy()).stack().items():
    if share >= 0.05:
        ax.text(j, i, f"{share:.0%}", ha="center", va="center", fontsize=8,
                color="white" if share > 0.6 else "black")
fig.colorbar(image, ax=ax, label="share of the document's items")
ax.set_title("各文件事项的主题分布 Primary theme (level 1) shares per document")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## The most frequent themes in the corpus

# %%
leading = shares[shares.sum(axis=1) > 0].idxmax(axis=1).value_counts()  # how many documents each theme leads
frequent = (items.groupby(["code", "theme"]).size().rename("items").reset_index()
            .assign(share_of_items=lambda f: (f["items"] / len(items)).round(3),
                    documents=lambda f: f["theme"].map((shares > 0).sum()),
                    leads_documents=lambda f: f["theme"].map(leading).fillna(0).astype(int))
            .sort_values("items", ascending=False).head(10).reset_index(drop=True))
frequent

# %% [markdown]
# ## Reading the results
#
# Most notices are single-purpose: one theme takes the bulk of their items, and the heatmap is
# dominated by one dark cell per row. The themes that spread thinly over many documents are
# cross-cutting ones — government operations, party building, public safety — which appear as
# organisational or safeguard paragraphs in plans whose subject lies elsewhere. The corpus as a
# whole leans towards education, because it holds several education and sports work plans of
# different places and years; a study of policy attention should weight or sample documents
# accordingly rather than pool items.
#
# The shares rest on a model's primary themes: paragraphs mixing macro-economic policy, market
# institutions and government operations are its usual confusions (see the README's known
# limits), so small shares of those themes deserve a look at the items before being trusted.
