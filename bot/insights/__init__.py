"""The maintainer's report and its suggested knowledge edits (active learning, offline).

The interface, for the storage and the Discord adapter:
- `MissRecord` (and `MissRecord.from_answer`): what the miss log keeps of one answer;
- `build_report(records, engine, first_day)` -> `Report`; `to_text`, `to_json`, `to_html` render it;
- `Report.suggestion(id)` and `apply_edit(folder, suggestion.edit)` write one suggestion into knowledge/.
"""

from bot.insights.edits import Edit, EditError, apply_edit
from bot.insights.records import KINDS, MissRecord, RecordError, first_day, knowledge_version, read_jsonl, write_jsonl
from bot.insights.report import Report, build_report, chart_tables, to_html, to_json, to_text

__all__ = ["KINDS", "Edit", "EditError", "MissRecord", "RecordError", "Report", "apply_edit", "build_report",
           "chart_tables", "first_day", "knowledge_version", "read_jsonl", "to_html", "to_json", "to_text",
           "write_jsonl"]
