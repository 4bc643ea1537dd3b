"""Plots with Chinese labels: matplotlib needs a CJK font named before its defaults.

matplotlib is not a dependency of the pipeline; this module imports it only when called.
"""
from __future__ import annotations

# parts of the names of fonts that cover Chinese (Noto Sans CJK SC, WenQuanYi Zen Hei, SimHei …)
_CJK_NAMES = ("CJK", "Hei", "Song", "Kai", "Ming", "WenQuanYi", "Source Han", "Sarasa", "Droid Sans Fallback")


def use_cjk_font() -> list[str]:
    """Put the installed CJK fonts first in matplotlib's sans-serif list (sans before serif) and
    return their names; with none installed, leave matplotlib as it is and return []."""
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    fonts = sorted({f.name for f in font_manager.fontManager.ttflist if any(k in f.name for k in _CJK_NAMES)},
                   key=lambda name: ("Sans" not in name and "Hei" not in name, name))
    if fonts:
        plt.rcParams["font.sans-serif"] = fonts + plt.rcParams["font.sans-serif"]
        plt.rcParams["axes.unicode_minus"] = False  # the minus sign is missing from many CJK fonts
    return fonts
