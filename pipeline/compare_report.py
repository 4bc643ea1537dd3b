"""Readable comparison reports: a self-contained HTML page (no network) and a Markdown summary."""
from __future__ import annotations

import difflib
import html

# CJK fonts first, so that Chinese renders with a Chinese face wherever one is installed; shared by
# every HTML page of the package (comparison, review page, corpus overview).
FONT_STACK = ('"Noto Sans CJK SC","Noto Serif CJK SC","WenQuanYi Zen Hei","Source Han Sans SC",'
              '"Microsoft YaHei",sans-serif')

_CSS = "\nbody{font-family:" + FONT_STACK + """;margin:24px;color:#222}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:6px;vertical-align:top;font-size:14px}th{background:#f4f4f4}
.continued{background:#f7fbf7}.revised{background:#fffbea}.new{background:#eef6ff}.dropped{background:#fdf0f0}
del{background:#f8c9c9;text-decoration:line-through}ins{background:#c8f0c8;text-decoration:none}
.tag{font-size:12px;padding:1px 6px;border-radius:8px;background:#eee}.raised{color:#0a7d2c}
.lowered{color:#b3261e}.changed{color:#8a5a00}.legend span{margin-right:12px}.past td{color:#777}
"""


def _diff(a: str, b: str) -> tuple[str, str]:
    """Character diff of two item texts: deletions marked in A, insertions in B."""
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = html.escape(a[i1:i2]), html.escape(b[j1:j2])
        if op == "equal":
            left.append(x)
            right.append(y)
        else:
            if x:
                left.append(f"<del>{x}</del>")
            if y:
                right.append(f"<ins>{y}</ins>")
    return "".join(left), "".join(right)


def _bars(themes: list[dict], level: int) -> str:
    """Theme shares of A and B as an inline SVG bar chart."""
    rows = [t for t in themes if t["level"] == level][:12]
    if not rows:
        return ""
    height, width, label_w = 22 * len(rows) + 30, 820, 250
    scale = (width - label_w - 110) / max(max(t["share_a"], t["share_b"]) for t in rows or [{"share_a": 1}]) \
        if any(t["share_a"] or t["share_b"] for t in rows) else 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for k, t in enumerate(rows):
        y = 20 + 22 * k
        parts.append(f'<text x="0" y="{y + 12}" font-size="12">{html.escape(t["code"] + " " + t["label"])}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{t["share_a"] * scale:.1f}" height="8" fill="#9aa9c7"/>')
        parts.append(f'<rect x="{label_w}" y="{y + 9}" width="{t["share_b"] * scale:.1f}" height="8" fill="#2f5aa8"/>')
        parts.append(f'<text x="{label_w + max(t["share_a"], t["share_b"]) * scale + 6:.1f}" y="{y + 14}" '
                     f'font-size="11">{t["share_a"]:.0%} → {t["share_b"]:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)


# Distinct colours for the most frequent codes; the rest share grey, so a legend stays readable.
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#2f4b7c", "#bcbd22", "#8cd17d")
OTHER_COLOUR = "#c9c9c9"


def stacked_bars(rows: list[tuple[str, str | None, dict[str, float]]], labels: dict[str, str]) -> str:
    """Shares per row as an inline SVG of horizontal stacked bars: rows are (label, link or None,
    {code: share}); the most frequent codes get a colour each, in a legend above the bars."""
    totals: dict[str, float] = {}
    for _, _, shares in rows:
        for code, share in shares.items():
            totals[code] = totals.get(code, 0.0) + share
    if not rows or not totals:
        return ""
    ranked = sorted(totals, key=lambda c: (-totals[c], c))
    named = ranked[:len(PALETTE) - 1] if len(ranked) > len(PALETTE) else ranked
    colour = {code: PALETTE[k] for k, code in enumerate(named)}
    keys = [*named, "other"] if len(ranked) > len(named) else named
    width, label_w, bar_w, row_h, col_w = 1000, 300, 660, 24, 250
    legend_rows = (len(keys) + 3) // 4
    top = 18 * legend_rows + 12
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + row_h * len(rows) + 8}" '
             f'role="img" font-size="12">']
    for k, code in enumerate(keys):
        x, y = col_w * (k % 4), 18 * (k // 4)
        fill = colour.get(code, OTHER_COLOUR)
        name = "other" if code == "other" else f"{code} {labels.get(code, '')}"
        parts.append(f'<rect x="{x}" y="{y + 2}" width="12" height="12" fill="{fill}"/>'
                     f'<text x="{x + 17}" y="{y + 12}">{html.escape(name[:20])}</text>')
    for k, (label, link, shares) in enumerate(rows):
        y = top + row_h * k
        text = f'<text x="0" y="{y + 14}">{html.escape(label[:24])}</text>'
        parts.append(f'<a href="{html.escape(link)}">{text}</a>' if link else text)
        x = float(label_w)
        segments = sorted(((c, v) for c, v in shares.items() if c in colour), key=lambda cv: (-cv[1], cv[0]))
        rest = [c for c in shares if c not in colour]
        if rest:  # the uncoloured codes as one grey segment, named in its tooltip
            segments.append(("other", sum(shares[c] for c in rest)))
        for code, share in segments:
            w = share * bar_w
            name = ("other: " + ", ".join(sorted(rest))) if code == "other" else f"{code} {labels.get(code, '')}"
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 6}" '
                         f'fill="{colour.get(code, OTHER_COLOUR)}" stroke="#fff" stroke-width="0.5">'
                         f'<title>{html.escape(name)}: {share:.0%}</title></rect>')
            if w >= 34:  # the share written in the segment only where it fits
                ink = "#333" if code == "other" else "#fff"  # dark on the light grey
                parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" fill="{ink}" font-size="11">{share:.0%}</text>')
            x += w
    parts.append("</svg>")
    return "".join(parts)


def render_html(comparison: dict, doc_a: dict, doc_b: dict) -> str:
    items_a = {it["id"]: it for it in doc_a["items"]}
    items_b = {it["id"]: it for it in doc_b["items"]}
    a, b = comparison["a"], comparison["b"]
    plan, review = _parts(comparison["items"])
    counts = {s: sum(r["status"] == s for r in plan) for s in _STATUSES}
    out = [f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{html.escape(str(b['title']))} 对比"
           f"</title><style>{_CSS}</style></head><body>",
           f"<h1>{html.escape(str(a['title']))} ({a['plan_year']}) → "
           f"{html.escape(str(b['title']))} ({b['plan_year']})</h1>",
           "<p class='legend'>" + " ".join(f"<span class='tag {s}'>{s} {n}</span>" for s, n in counts.items())
           + (f" <small>and the reviews of the past year, aligned with each other only: {_counted(review)}</small>"
              if review else "") + "</p>",
           "<h2>Targets</h2><table><tr><th>indicator</th><th>A</th><th>B</th><th>change</th></tr>"]
    for t in comparison["targets"]:
        fmt = lambda s: "" if s is None else html.escape(s["text"])  # noqa: E731
        out.append(f"<tr><td>{html.escape(t['indicator'])}</td><td>{fmt(t['a'])}</td><td>{fmt(t['b'])}</td>"
                   f"<td class='{t['change']}'>{t['change']}</td></tr>")
    out.append("</table><h2>Themes (share of items, A light, B dark)</h2>")
    out.append(_bars(comparison["themes"], 1) + _bars(comparison["themes"], 2))
    out.append("<h2>Items</h2><table><tr><th>A</th><th>B</th><th>status</th></tr>")
    for row in comparison["items"]:
        left = items_a.get(row["a"]) if row["a"] else None
        right = items_b.get(row["b"]) if row["b"] else None
        if left and right:
            ta, tb = _diff(left["text"], right["text"])
        else:
            ta = html.escape(left["text"]) if left else ""
            tb = html.escape(right["text"]) if right else ""
        sim = f"<br><small>{row['similarity']:.2f}</small>" if row["similarity"] is not None else ""
        past = " <span class='tag'>review</span>" if row.get("review") else ""
        out.append(f"<tr class='{row['status']}{' past' if past else ''}'><td><b>{row['a'] or ''}</b> {ta}</td>"
                   f"<td><b>{row['b'] or ''}</b> {tb}</td><td>{row['status']}{past}{sim}</td></tr>")
    out.append("</table></body></html>")
    return "\n".join(out)


def render_markdown(comparison: dict) -> str:
    a, b = comparison["a"], comparison["b"]
    plan, review = _parts(comparison["items"])
    unchanged = sum(t["change"] == "unchanged" for t in comparison["targets"])
    lines = [f"# {a['title']} ({a['plan_year']}) → {b['title']} ({b['plan_year']})", "",
             "Items: " + _counted(plan)]
    if review:
        lines.append(f"Reviews of the past year, aligned with each other only: {_counted(review)}")
    lines += ["", f"Targets that changed ({unchanged} unchanged not listed):", "",
              "| indicator | A | B | change |", "|---|---|---|---|"]
    for t in comparison["targets"]:
        if t["change"] == "unchanged":
            continue
        lines.append(f"| {t['indicator']} | {_value_text(t['a'])} | {_value_text(t['b'])} | {t['change']} |")
    return "\n".join(lines) + "\n"


_STATUSES = ("continued", "revised", "new", "dropped")


def _parts(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """The rows of the plans and those of the reports' reviews of the past year."""
    return [r for r in rows if not r.get("review")], [r for r in rows if r.get("review")]


def _counted(rows: list[dict]) -> str:
    return ", ".join(f"{s} {n}" for s in _STATUSES if (n := sum(r["status"] == s for r in rows)))


def _value_text(side: dict | None) -> str:
    """6－6.5% (range), 50% (ge) …"""
    if side is None:
        return ""
    upper = f"－{side['value_max']}" if side["value_max"] is not None else ""
    return f"{side['value']}{upper}{side['unit'] or ''} ({side['comparator']})"
