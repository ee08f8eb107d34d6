"""Reading a DOCX back: the package (package.py), its tracked changes (revisions.py), its
comments (comments.py) and its body as paragraphs and tables with reportgen's marks
(body.py). Used by `reportgen återför` (reportgen/commands/aterfor.py)."""
