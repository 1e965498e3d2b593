"""Cross-linking of registered terms: registry, linker, backlinks and glossary, with no MkDocs import.

Pages declare the names they explain in front matter `terms:`; `build_registry` checks them,
`Linker.link` adds one link per term to a page's HTML in a single pass, and `collect_backlinks`
and `glossary_entries` derive the backlinks and the glossary from the linker's results.
"""

from .backlinks import Backlink, collect_backlinks, mention_counts, term_key
from .glossary import GlossaryEntry, PageInfo, Report, glossary_entries, glossary_letters, unmentioned_terms
from .linking import CSS_CLASS, Linker, LinkResult, Mention, UrlFor
from .registry import Registry, RegistryError, Term, build_registry, fold, parse_terms, unknown_anchors
from .scanner import scan

__all__ = [
    "CSS_CLASS",
    "Backlink",
    "GlossaryEntry",
    "LinkResult",
    "Linker",
    "Mention",
    "PageInfo",
    "Registry",
    "RegistryError",
    "Report",
    "Term",
    "UrlFor",
    "build_registry",
    "collect_backlinks",
    "fold",
    "glossary_entries",
    "glossary_letters",
    "mention_counts",
    "parse_terms",
    "scan",
    "term_key",
    "unknown_anchors",
    "unmentioned_terms",
]
