"""`reportgen återför`: Word edits back into the YAML and Markdown they came from.

sources.py indexes the report model (which text each mark names); compare.py sets the
edited DOCX beside a fresh rendering of the same sources and finds what changed;
markdown_out.py writes edited paragraphs as Markdown; rewrite.py puts the changed blocks
into their files. The command itself is reportgen/commands/aterfor.py.
"""
