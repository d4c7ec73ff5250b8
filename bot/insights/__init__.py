"""The maintainer's report and its suggested knowledge edits (active learning, offline).

The interface, for the storage and the Discord adapter:
- `MissRecord` (and `MissRecord.from_answer`): what the miss log keeps of one answer;
- `build_report(records, engine, first_day)` -> `Report` (or `report_from(summary, ...)`, of the counts the
  database's GROUP BY gives, `Store.miss_summary`, or `summarise(records)`); `to_text`, `to_json`, `to_html`
  render it;
- `Report.suggestion(id)` and `apply_edit(folder, suggestion.edit)` write one suggestion into knowledge/.
"""

import importlib

# Each name is loaded with its module on first use: the running bot needs only the records
# (MissRecord), and never pays for the report, the suggestions and the edits.
_HOME = {
    "Edit": "edits", "EditError": "edits", "apply_edit": "edits",
    "KINDS": "records", "MissRecord": "records", "RecordError": "records", "first_day": "records",
    "knowledge_version": "records", "read_jsonl": "records", "since": "records", "write_jsonl": "records",
    "Report": "report", "build_report": "report", "chart_tables": "report", "report_from": "report",
    "to_html": "report", "to_json": "report", "to_text": "report",
    "Summary": "summary", "summarise": "summary",
}
__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
