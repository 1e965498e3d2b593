"""The site's content model, with no MkDocs import: front matter, citations and markers.

The MkDocs hook `hooks/site_model.py` feeds it strings and paths and turns its errors into build failures.
"""
