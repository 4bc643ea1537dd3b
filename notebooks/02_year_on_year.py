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
# # Year on year: what changes between two plans?
#
# **Research question:** when the same government writes its plan again a year later, how much
# of the work continues, what is new or dropped, and do its quantified targets go up or down?
# And over a longer run, how did the central government's headline targets move?
#
# 1. The seed notice (Qingdao West Coast New Area, education and sports work points 2021)
#    against the same district's work points of 2022: items aligned one-to-one, targets matched
#    by indicator, theme shares side by side.
# 2. The main expected targets (主要预期目标) of the State Council's government work reports as a
#    series: GDP growth, CPI, new urban jobs and the unemployment rate. The reports of 2002–2012
#    and 2021–2025 are bundled in `corpus/raw/`; those of 2013–2019 are added when the shared
#    corpus sits beside the repository (`../shared`).

# %%
import sys
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

# the repository root: the folder holding setup.cfg, whether we run from notebooks/ or the root
ROOT = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "setup.cfg").exists())
sys.path.insert(0, str(ROOT))

from pipeline import extract_file  # noqa: E402
from pipeline.compare import compare_documents  # noqa: E402
from pipeline.dataset import document_to_dict  # noqa: E402
from pipeline.plotting import use_cjk_font  # noqa: E402
from pipeline.reports import REPORTS_JSONL, main_targets, report_files  # noqa: E402

use_cjk_font()  # Chinese labels need a CJK font; without one matplotlib keeps its defaults
pd.set_option("display.max_colwidth", 40)

# %% [markdown]
# ## 1. The seed (2021) against the same district's 2022 work points

# %%
RAW = ROOT / "corpus" / "raw"
doc_a = document_to_dict(extract_file(RAW / "000_c1eb6a3cac873dd4.txt"))
doc_b = document_to_dict(extract_file(RAW / "104_xihaian_education_points_2022.txt"))
comparison = compare_documents(doc_a, doc_b)
year_a, year_b = (str(comparison[side]["plan_year"]) for side in ("a", "b"))
for doc in (doc_a, doc_b):
    print(doc["meta"]["plan_year"], doc["meta"]["plan_title"], f"({len(doc['items'])} items)")

# %% [markdown]
# ### Items: continued, revised, new, dropped
#
# Every item of either plan appears once. `continued` means little changed (and the same
# targets), `revised` aligned but reworded or with other targets; `new` and `dropped` found no
# partner.

# %%
alignment = pd.DataFrame(comparison["items"])
status = alignment["status"].value_counts().reindex(["continued", "revised", "new", "dropped"], fill_value=0)
status.rename_axis("status").to_frame("items")

# %% [markdown]
# The items that found no partner are where the agenda moved. Their texts (first characters):

# %%
texts_a = {it["id"]: it["text"] for it in doc_a["items"]}
texts_b = {it["id"]: it["text"] for it in doc_b["items"]}
unmatched = alignment[alignment["status"].isin(["new", "dropped"])].copy()
unmatched["text"] = [texts_b[b] if isinstance(b, str) else texts_a[a] for a, b in zip(unmatched["a"], unmatched["b"])]
unmatched[["status", "a", "b", "text"]].assign(text=lambda f: f["text"].str.slice(0, 40))

# %% [markdown]
# ### Targets matched by indicator
#
# A target is `raised`, `lowered` or `unchanged` when both years state it as comparable numbers,
# `changed` when the form differs (a count became a floor), `new` or `dropped` otherwise.

# %%
def side(target, key):
    return target[key] if target else None


changes = pd.DataFrame([
    {"indicator": t["indicator"], year_a: side(t["a"], "value"), year_b: side(t["b"], "value"),
     "unit": side(t["b"] or t["a"], "unit"),
     "comparator": f"{side(t['a'], 'comparator') or '–'} → {side(t['b'], 'comparator') or '–'}",
     "change": t["change"]}
    for t in comparison["targets"]
])
changes

# %%
changes["change"].value_counts().rename_axis("change").to_frame("targets")

# %% [markdown]
# ### Theme shares
#
# Share of items whose primary theme is each code (level 1: policy areas; level 2: education
# and sports sub-areas).

# %%
themes = pd.DataFrame(comparison["themes"]).rename(columns={"share_a": year_a, "share_b": year_b})
themes["difference"] = (themes[year_b] - themes[year_a]).round(4)
themes.set_index(["level", "code", "label"])

# %% [markdown]
# Most of the 2021 work carries over into 2022, much of it reworded; the new and dropped items
# show where the district shifted attention. The facility targets are restated with new
# quantities (some higher, some lower), which is the typical pattern for annual work points:
# a stable agenda, rolled forward, with the numbers adjusted. The theme shares move only a
# little between the two years.
#
# ## 2. The government work reports' main expected targets, 2005–2025
#
# Each report states its 主要预期目标 in one sentence; we take the targets the pipeline extracted
# from that sentence (2007 writes 主要目标是, 2008 预期目标是). 2002–2004 set growth alone in a sentence
# of its own and are left out, and 2020 is not in the collection.

# %%
REPORT_FILES = {int(p.stem.rsplit("_", 1)[1]): p for p in RAW.glob("*_state_council_government_work_report_*.txt")}
HAVE_SHARED = REPORTS_JSONL.exists()
if not HAVE_SHARED:
    print(f"Note: the shared corpus is not present ({REPORTS_JSONL} is missing), "
          "so the reports of 2013–2019 are left out.")


# series name → the extracted indicator it starts with (城镇 may come first: 城镇新增就业人数 in 2007)
SERIES = {
    "国内生产总值增长 GDP growth (%)": "国内生产总值",
    "居民消费价格涨幅 CPI (%)": "居民消费价格",
    "城镇新增就业 new urban jobs (万人)": "新增就业",
    "城镇登记失业率 registered unemployment (%)": "城镇登记失业率",
    "城镇调查失业率 surveyed unemployment (%)": "城镇调查失业率",
}

# %%
rows = []
with tempfile.TemporaryDirectory() as folder:
    shared = report_files(REPORTS_JSONL, Path(folder)) if HAVE_SHARED else {}
    for year, path in sorted({**REPORT_FILES, **shared}.items()):
        report = document_to_dict(extract_file(path, tagger=None))  # themes are not needed here
        for t in main_targets(report):
            name = next((s for s, start in SERIES.items()
                         if t["indicator"].startswith(start) or t["indicator"].startswith("城镇" + start)), None)
            if name and year >= 2005:
                rows.append({"year": year, "series": name, "value": t["value"], "value_max": t["value_max"],
                             "comparator": t["comparator"], "text": t["text"]})
series = pd.DataFrame(rows)
series.pivot_table(index="year", columns="series", values="value", aggfunc="first")

# %% [markdown]
# Ranges (6.5%–7%) are drawn as a bar from the lower to the upper bound; the marker shows the
# comparator: ● about (左右) or plain, ▲ at least (以上), ▼ at most (以内, 低于). Lines break where a
# year has no row.

# %% tags=["reports-plot"]
MARKERS = {"approx": "o", "eq": "o", "ge": "^", "gt": "^", "le": "v", "lt": "v", "range": "_"}
years = range(series["year"].min(), series["year"].max() + 1)
fig, axes = plt.subplots(2, 3, figsize=(13, 6.5), sharex=True)
for ax, (name, frame) in zip(axes.flat, series.groupby("series", sort=False)):
    line = frame.drop_duplicates("year").set_index("year")["value"].reindex(years)
    ax.plot(line.index, line.values, color="tab:blue", alpha=0.4)
    for _, t in frame.iterrows():
        if pd.notna(t["value_max"]):
            ax.vlines(t["year"], t["value"], t["value_max"], color="tab:blue", linewidth=6, alpha=0.5)
        ax.plot(t["year"], t["value"], MARKERS.get(t["comparator"], "o"), color="tab:blue", markersize=7)
    ax.set_title(name, fontsize=10)
    ax.set_xticks([y for y in years if y % 5 == 0])
    ax.margins(y=0.2)
    ax.grid(alpha=0.3)
for ax in axes.flat[series["series"].nunique():]:
    ax.set_visible(False)
for top, bottom in zip(axes[0], axes[1]):
    top.xaxis.set_tick_params(labelbottom=not bottom.get_visible())  # years under a column's last plot
fig.suptitle("政府工作报告主要预期目标 Main expected targets of the government work reports")
fig.tight_layout()
plt.show()

# %% [markdown]
# Over twenty years the growth target holds at 8% from 2005 to 2011, then steps down (7.5%,
# ranges in the late 2010s, 5% from 2023); the jobs target rises from 900万 to 1200万 while the
# unemployment ceilings barely move, and from 2018 the surveyed rate joins the registered one,
# which the reports of the 2020s no longer state. The
# inflation target moves between 3% and 4% and falls to 2% in 2025. Read the targets as signals
# of priorities rather than forecasts: a lower growth target alongside a higher jobs target says
# that employment, not speed, became the binding goal.
