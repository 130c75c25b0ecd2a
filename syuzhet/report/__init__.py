"""The HTML report: ``write_report(document, out_dir)`` writes ``out_dir/index.html`` (the stories, to sort and
filter), a page per story under ``out_dir/stories/`` and the articles in no story under ``out_dir/articles/``:
self-contained offline pages rendering the analysis document."""

from syuzhet.report.render import render_pages, render_report, write_report

__all__ = ["render_pages", "render_report", "write_report"]
