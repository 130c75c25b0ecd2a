"""The HTML report: ``write_report(document, out_dir)`` writes ``out_dir/index.html``, one self-contained
offline page rendering the analysis document (stories, sources, claims, quotes, names, article texts)."""

from syuzhet.report.render import render_report, write_report

__all__ = ["render_report", "write_report"]
