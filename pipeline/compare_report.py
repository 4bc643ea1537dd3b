"""Readable comparison reports: a self-contained HTML page (no network) and a Markdown summary."""
from __future__ import annotations

import difflib
import html

_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:6px;vertical-align:top;font-size:14px}th{background:#f4f4f4}
.continued{background:#f7fbf7}.revised{background:#fffbea}.new{background:#eef6ff}.dropped{background:#fdf0f0}
del{background:#f8c9c9;text-decoration:line-through}ins{background:#c8f0c8;text-decoration:none}
.tag{font-size:12px;padding:1px 6px;border-radius:8px;background:#eee}.raised{color:#0a7d2c}
.lowered{color:#b3261e}.changed{color:#8a5a00}.legend span{margin-right:12px}
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


def render_html(comparison: dict, doc_a: dict, doc_b: dict) -> str:
    items_a = {it["id"]: it for it in doc_a["items"]}
    items_b = {it["id"]: it for it in doc_b["items"]}
    a, b = comparison["a"], comparison["b"]
    counts = {s: sum(r["status"] == s for r in comparison["items"]) for s in ("continued", "revised", "new", "dropped")}
    out = [f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{html.escape(str(b['title']))} 对比"
           f"</title><style>{_CSS}</style></head><body>",
           f"<h1>{html.escape(str(a['title']))} ({a['plan_year']}) → "
           f"{html.escape(str(b['title']))} ({b['plan_year']})</h1>",
           "<p class='legend'>" + " ".join(f"<span class='tag {s}'>{s} {n}</span>" for s, n in counts.items()) + "</p>",
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
        out.append(f"<tr class='{row['status']}'><td><b>{row['a'] or ''}</b> {ta}</td><td><b>{row['b'] or ''}</b> {tb}"
                   f"</td><td>{row['status']}{sim}</td></tr>")
    out.append("</table></body></html>")
    return "\n".join(out)


def render_markdown(comparison: dict) -> str:
    a, b = comparison["a"], comparison["b"]
    counts: dict[str, int] = {}
    for row in comparison["items"]:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    lines = [f"# {a['title']} ({a['plan_year']}) → {b['title']} ({b['plan_year']})", "",
             "Items: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), "",
             "| indicator | A | B | change |", "|---|---|---|---|"]
    for t in comparison["targets"]:
        if t["change"] == "unchanged":
            continue
        lines.append(f"| {t['indicator']} | {_value_text(t['a'])} | {_value_text(t['b'])} | {t['change']} |")
    return "\n".join(lines) + "\n"


def _value_text(side: dict | None) -> str:
    """6－6.5% (range), 50% (ge) …"""
    if side is None:
        return ""
    upper = f"－{side['value_max']}" if side["value_max"] is not None else ""
    return f"{side['value']}{upper}{side['unit'] or ''} ({side['comparator']})"
