"""The maintainer's report in process: records, wording groups, suggestions tried on a copy of the
real knowledge, surgical edits, votes."""

import datetime as dt
import html
import itertools
import json
import shutil
from dataclasses import replace

import pytest
import yaml

from bot.core.engine import Engine
from bot.insights import (
    Edit,
    EditError,
    MissRecord,
    RecordError,
    apply_edit,
    build_report,
    first_day,
    read_jsonl,
    to_html,
    to_json,
    to_text,
    write_jsonl,
)
from bot.insights.asked import Reader
from bot.insights.clusters import cluster
from bot.insights.edits import with_item
from bot.insights.summary import summarise
from tests.conftest import KNOWLEDGE

TODAY = dt.date(2026, 3, 14)


def records_of(engine, questions, kind=None, note=None, guild=1, day=TODAY):
    out = []
    for i, q in enumerate(questions):
        answer = engine.ask(q)
        chosen = kind or ("decline" if answer.query.intent == "none" else "downvote")
        out.append(MissRecord.from_answer(q, answer, kind=chosen, day=day, guild_id=guild + i % 3, note=note))
    return out


def ds3_burst() -> list[str]:
    """50 ways people type one question the bot declines today: "when was ds3 released?"."""
    names = ["ds3", "DS3", "Ds3 ", "ｄｓ３"]
    bodies = ["什么时候发布", "什么时候发布的", "是什么时候发布的?", "啥时候发布的", "什么时候发布的呀",
              "是什么时候发布的？", "什么时候发布啊", "发布时间是什么时候", "是哪天发布的", "的发布时间"]
    prefixes = ["", "请问", "问一下 ", "想知道"]
    combos = [f"{p}{n}{b}" for p, n, b in itertools.product(prefixes, names, bodies)]
    return combos[::3][:50]


NOISE = ["R1 打分多少", "v3 打分多少?", "what's the price of v3", "tell me a joke", "V3 何日出的", "R1何日出的?"]


@pytest.fixture
def knowledge_copy(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    return folder


def test_a_burst_of_50_paraphrases_is_one_group_with_an_alias_suggestion(engine):
    burst = ds3_burst()
    assert len(set(burst)) == 50
    assert all(engine.ask(q).query.intent == "none" for q in burst)  # all declined today
    report = build_report(records_of(engine, burst) + records_of(engine, NOISE), engine, today=TODAY)
    group, suggestions = report.groups[0]
    assert group.count == 50 and sorted(group.questions) == sorted(burst)
    assert group.servers == [1, 2, 3] and group.languages == {"zh": 50} and len(group.examples) == 3
    assert all(g.count < 50 for g, _ in report.groups[1:])
    best = suggestions[0]
    assert (best.kind, best.target, best.edit.value) == ("alias", "deepseek-v3", "ds3")
    assert best.edit.file == "models/deepseek-v3.yaml"
    assert best.evidence["resembles"].startswith("deepseek") and best.evidence["how"] == "abbreviation"
    assert best.fixed == best.of == 50  # tried on a copy of the knowledge: every wording is answered after it


def test_unseen_cue_phrase_is_a_field_cue_and_an_unknown_topic_is_beyond_the_article(engine):
    cue_group = ["V3 何日出的", "R1何日出的?", "v2 何日出的", "Janus Pro 何日出的呀"]
    # beside a field word ("时间"): alone, a word the article never uses is declined by the coverage rule already
    topic_group = ["R1 打分时间", "v3 打分时间?", "r1 的打分时间是哪天"]
    report = build_report(records_of(engine, cue_group + topic_group), engine, today=TODAY)
    by_example = {g.questions[0]: found for g, found in report.groups}
    cue = next(found for q, found in by_example.items() if "何日" in q)[0]
    assert (cue.kind, cue.target, cue.edit.keys) == ("cue", "released", ("fields", "released", "cues"))
    assert "何日" in cue.edit.value and cue.evidence["affinity"] > cue.evidence["runner_up"]["affinity"]
    beyond = next(found for q, found in by_example.items() if "打分" in q)[0]
    assert (beyond.kind, beyond.edit.keys) == ("beyond", ("beyond_article", "other"))
    assert "打分" in beyond.edit.value and beyond.evidence["in_article"] is False


def test_the_users_notes_decide_the_field(engine):
    questions = ["v3 有多重", "r1 有多重?", "janus pro 有多重"]
    plain = build_report(records_of(engine, questions, kind="downvote"), engine, today=TODAY)
    assert plain.groups[0][1][0].kind == "beyond"  # with no notes, nothing says it is a field
    noted = build_report(records_of(engine, questions, kind="downvote", note="I wanted the number of parameters"),
                         engine, today=TODAY)
    top = noted.groups[0][1][0]
    assert (top.kind, top.target, top.edit.value) == ("cue", "parameters", "有多重")
    assert top.evidence["notes_asking_field"] == 3


def test_answered_questions_and_correct_declines_get_no_edit(engine):
    report = build_report(records_of(engine, ["what's the price of v3", "what's the price of v3?"]), engine,
                          today=TODAY)
    assert [found for _, found in report.groups] == [[]]


def test_groups_keep_different_questions_apart(engine):
    questions = ["v3", "v3 何日出的", "R1 何日出的?", "V3 有啥本事", "V3 有啥分量", "ds3 什么时候发布",
                 "when was ds3 released", "when was ds3 released?"]
    groups = cluster(summarise(Reader(engine).read(r) for r in records_of(engine, questions)).tallies)
    assert sorted(sorted(g.questions) for g in groups) == sorted(
        [["v3"], ["R1 何日出的?", "v3 何日出的"], ["V3 有啥本事"], ["V3 有啥分量"], ["ds3 什么时候发布"],
         ["when was ds3 released", "when was ds3 released?"]])


def test_apply_writes_one_line_and_the_engine_answers_after_a_refresh(knowledge_copy):
    engine = Engine.from_folder(knowledge_copy)
    assert engine.ask("ds3 什么时候发布").query.intent == "none"
    report = build_report(records_of(engine, ds3_burst()), engine, today=TODAY)
    before = (knowledge_copy / "models/deepseek-v3.yaml").read_text(encoding="utf-8")
    diff = apply_edit(knowledge_copy, report.groups[0][1][0].edit)
    after = (knowledge_copy / "models/deepseek-v3.yaml").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("aliases: [") and changed[0][1].endswith(", ds3]")
    assert "+aliases:" in diff
    engine.refresh()  # the running bot's hot reload
    query = engine.ask("ds3 什么时候发布").query
    assert (query.intent, query.models, query.field) == ("field", ("deepseek-v3",), "released")


def test_an_edit_the_check_rejects_is_not_applied(knowledge_copy):
    path = knowledge_copy / "models/deepseek-v3.yaml"
    before = path.read_bytes()
    with pytest.raises(EditError, match="also an alias"):
        apply_edit(knowledge_copy, Edit("models/deepseek-v3.yaml", ("aliases",), "r1"))
    assert path.read_bytes() == before
    with pytest.raises(EditError, match="already"):
        apply_edit(knowledge_copy, Edit("models/deepseek-v3.yaml", ("aliases",), "v3"))
    assert path.read_bytes() == before


def test_surgical_edits_keep_comments_and_quote_what_yaml_would_misread():
    text = (KNOWLEDGE / "lexicon.yaml").read_text(encoding="utf-8")
    for keys, value in [(("fields", "released", "cues"), "何日"), (("beyond_article", "other"), "no"),
                        (("fields", "paper", "cues"), "a: b, [c]")]:
        edited = with_item(text, keys, value)
        assert [line for line in edited.splitlines() if line.lstrip().startswith("#")] == \
               [line for line in text.splitlines() if line.lstrip().startswith("#")]
        assert sum(a != b for a, b in zip(text.splitlines(), edited.splitlines(), strict=True)) == 1
        data = yaml.safe_load(edited)
        for key in keys:
            data = data[key]
        assert data[-1] == value
    with pytest.raises(EditError):
        with_item(text, ("fields", "nothing", "cues"), "x")


def test_records_round_trip_and_bad_lines_name_the_line(tmp_path, engine):
    records = records_of(engine, ["ds3 什么时候发布"], note="x" * 500)
    assert len(records[0].note) == 200
    path = tmp_path / "misses.jsonl"
    write_jsonl(records, path)
    assert read_jsonl(path) == records
    assert "user" not in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + '{"question": "x", "lang": "fr"}\n', encoding="utf-8")
    with pytest.raises(RecordError, match="line 2"):
        read_jsonl(path)
    with pytest.raises(RecordError, match="unknown keys user_id"):
        MissRecord.from_dict({**records[0].to_dict(), "user_id": 5})


def test_period_and_votes(engine):
    old = records_of(engine, ["ds3?"], day=TODAY - dt.timedelta(days=30))
    votes = (records_of(engine, ["V3 有多少参数", "r1"], kind="upvote")
             + records_of(engine, ["r1"], kind="downvote"))
    report = build_report(old + votes, engine, first_day(" 7d", TODAY), today=TODAY)
    assert report.records == 3 and report.failures == 1
    data = to_json(report)
    assert data["satisfaction"]["by_intent"] == [{"intent": "model", "up": 1, "down": 1, "rephrased": 0},
                                                 {"intent": "field", "up": 1, "down": 0, "rephrased": 0}]
    assert {"model": "deepseek-r1", "up": 1, "down": 1, "rephrased": 0} in data["satisfaction"]["by_model"]
    assert first_day("all", TODAY) is None and first_day("2w", TODAY) == TODAY - dt.timedelta(days=13)
    with pytest.raises(RecordError):
        first_day("yesterday", TODAY)


def test_a_word_the_notes_tie_to_a_model_becomes_its_alias(engine):
    questions = ["whale 什么时候发布", "whale什么时候发布的", "请问 whale 什么时候发布"]
    plain = build_report(records_of(engine, questions), engine, today=TODAY)
    assert plain.groups[0][1] == []  # "whale" resembles no model's name: nothing to go on
    noted = build_report(records_of(engine, questions, note="I meant DeepSeek-V3"), engine, today=TODAY)
    top = noted.groups[0][1][0]
    assert (top.kind, top.target, top.edit.value, top.fixed) == ("alias", "deepseek-v3", "whale", 3)
    assert top.evidence["notes_naming_model"] == 3


def test_an_applied_cue_is_read_by_the_running_engine(knowledge_copy):
    engine = Engine.from_folder(knowledge_copy)
    report = build_report(records_of(engine, ["V3 何日出的", "R1何日出的?", "v2 何日出的"]), engine, today=TODAY)
    cue = report.groups[0][1][0]
    apply_edit(knowledge_copy, cue.edit)
    assert engine.ask("Janus-Pro 何日出的").query.intent == "none"  # before the reload: 何日 is no word it knows
    engine.refresh()
    query = engine.ask("Janus-Pro 何日出的").query  # a model none of the records named
    assert (query.intent, query.models, query.field) == ("field", ("janus-pro",), "released")
    assert yaml.safe_load((knowledge_copy / "lexicon.yaml").read_text(encoding="utf-8"))["fields"]["released"][
        "cues"][-1] == cue.edit.value


def rendered(report) -> dict[str, str]:
    return {"text": to_text(report), "json": json.dumps(to_json(report), ensure_ascii=False), "html": to_html(report)}


def test_the_downvote_notes_are_shown_in_every_format(engine):
    records = (records_of(engine, ["r1 打分多少", "R1 打分多少?"], kind="downvote", note="I wanted its benchmark score")
               + records_of(engine, ["r1 打分多少"], kind="downvote", note="分数呢 <b>?</b>"))
    report = build_report(records, engine, today=TODAY)
    assert to_json(report)["groups"][0]["notes"] == ["I wanted its benchmark score", "分数呢 <b>?</b>"]
    text, _, page = rendered(report).values()
    assert '👎 notes: "I wanted its benchmark score" · "分数呢 <b>?</b>"' in text
    assert "<li>I wanted its benchmark score</li>" in page and "分数呢 &lt;b&gt;?&lt;/b&gt;" in page


def test_every_format_splits_the_records_by_kind(engine):
    records = (records_of(engine, ["ds3 什么时候发布", "ds3 什么时候发布的"])
               + records_of(engine, ["ds3 什么时候发布?"], kind="downvote") + records_of(engine, ["r1"], kind="upvote"))
    report = build_report(records, engine, today=TODAY)
    assert to_json(report)["kinds"] == {"decline": 2, "downvote": 1, "upvote": 1}
    assert to_json(report)["groups"][0]["kinds"] == {"decline": 2, "downvote": 1}
    for shown in rendered(report).values():
        assert "decline 2, downvote 1, upvote 1" in shown or '"decline": 2, "downvote": 1, "upvote": 1' in shown
        assert "decline 2, downvote 1" in shown or '"decline": 2, "downvote": 1}' in shown


def test_a_group_asked_in_direct_messages_is_counted_as_such_not_as_no_server(engine):
    direct = [replace(r, guild_id=None) for r in records_of(engine, ["ds3 什么时候发布", "ds3 什么时候发布的"])]
    report = build_report(direct + records_of(engine, ["ds3 啥时候发布的"], guild=7), engine, today=TODAY)
    group = to_json(report)["groups"][0]
    assert (group["servers"], group["direct"]) == (["7"], 2)
    for name, shown in rendered(report).items():
        if name != "json":
            assert "1 server, 2 direct (DM or console)" in shown and "0 servers" not in shown
    only_direct = build_report(direct, engine, today=TODAY)
    assert "· 2 direct (DM or console) ·" in to_text(only_direct) and "server" not in to_text(only_direct)


@pytest.mark.parametrize(("records", "says"), [
    ([], "No records at all: questions the bot declines are recorded in Discord (where /config log is on) "
         "and by `python -m bot chat --record`."),
    ("older", "No records from 2026-03-08 to 2026-03-14: 2 earlier records are outside the period "
              "(--since all includes them)."),
    ("upvotes", "No failed questions from 2026-03-08 to 2026-03-14, only 👍 votes (1)."),
])
def test_an_empty_report_says_what_was_left_out(engine, records, says):
    if records == "older":
        records = records_of(engine, ["ds3?", "tell me a joke"], day=TODAY - dt.timedelta(days=8))
    elif records == "upvotes":
        records = records_of(engine, ["r1"], kind="upvote")
    report = build_report(records, engine, first_day("7d", TODAY), today=TODAY)
    for shown in rendered(report).values():
        if shown.startswith("{"):
            continue
        assert says in html.unescape(shown)


def test_the_html_report_names_fonts_with_chinese_glyphs(engine):
    page = to_html(build_report(records_of(engine, ds3_burst()[:3]), engine, today=TODAY))
    style = page[page.index("<style>"):page.index("</style>")]
    assert '"Noto Sans CJK SC"' in style and '"Microsoft YaHei"' in style and '"PingFang SC"' in style
    assert style.index("system-ui") < style.index("Noto Sans CJK SC") < style.index(",sans-serif;")


@pytest.mark.parametrize("phrase", ["par with gpt", "on par", "matches gpt", "rivals o1", "june", "in march",
                                    "dec"])
def test_a_decline_never_holds_the_articles_words_or_a_way_of_saying_them(engine, phrase):
    """"par with gpt" would decline "is coder v2 on par with GPT4-Turbo?", which the article answers; "june"
    would decline "anything from june 2024?", which its dates answer."""
    from bot.insights.suggest import Suggester
    assert not Suggester(engine)._outside_article(phrase)
    assert Suggester(engine)._outside_article("price per token")
