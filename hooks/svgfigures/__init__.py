"""Figures and generated sections built from data, with no MkDocs import.

`model` reads and checks actor front matter and the files in `data/`; `trade`, `partnership_map`
and `timeline` turn that data into deterministic SVG; `sections` turns it into Markdown for the
page markers. The MkDocs hook `hooks/figures.py` only unpacks MkDocs objects and calls these.
"""

from svgfigures.model import (
    DATA_FILES,
    KINDS,
    SCENARIOS,
    STATUSES,
    Actor,
    FigureDataError,
    SiteData,
    Tie,
    TimelineEvent,
    TradeSeries,
    load_site_data,
)
from svgfigures.sections import FIGURES, MARKERS, figure_svgs, replace_markers

__all__ = [
    "DATA_FILES",
    "FIGURES",
    "KINDS",
    "MARKERS",
    "SCENARIOS",
    "STATUSES",
    "Actor",
    "FigureDataError",
    "SiteData",
    "Tie",
    "TimelineEvent",
    "TradeSeries",
    "figure_svgs",
    "load_site_data",
    "replace_markers",
]
