"""Build corpus/articles.jsonl from the authoring files in corpus/src/ and check it.

The authoring files keep each article's text as prose and each gold event on one
pipe-separated line, so that a writer can read the article and its events together.
An event line names its evidence by a fragment of the text; the builder widens it to
the whole sentence, so the evidence in the JSONL is always a verbatim sentence.

Run: python3 corpus/build.py   (writes corpus/articles.jsonl, prints counts, exits 1 on errors)
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = (
    "arrest release wanted charge hearing sentence acquittal extradition_request "
    "extradition_decision extradition deportation asylum_application asylum_decision "
    "appeal flight designation abduction ill_treatment sanction international_action death"
).split()
STATUSES = {"occurred", "scheduled", "postponed", "cancelled"}
OUTCOMES = {"granted", "denied", "refused", "suspended", "revoked"}
CERTAINTIES = {"asserted", "reported"}
HEADER_KEYS = ("id", "published", "style", "lang_origin", "outlet", "title")
STYLES = {
    "wire", "translated_regional", "ngo_release", "court_report", "live_blog",
    "explainer", "feature", "analysis", "ordinary_news",
}
ABBREVIATIONS = {"Mr", "Ms", "Mrs", "Dr", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
                 "No", "St", "Art", "Gen", "Col", "Lt", "Capt", "vs", "U.N", "U.S", "Prof"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the sentence around it (ends at . ! ? or a paragraph break)."""

    def is_boundary(i: int) -> bool:
        # i is the index of a sentence-final character
        if text[i] == "\n":
            return True
        if text[i] not in ".!?":
            return False
        j = i + 1
        while j < len(text) and text[j] in "\"'”’)":
            j += 1
        if j < len(text) and text[j] not in " \n":
            return False
        if text[i] == ".":
            word = re.search(r"([A-Za-z.]+)$", text[:i])
            if word and word.group(1) in ABBREVIATIONS:
                return False
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                return False  # an initial
        k = j
        while k < len(text) and text[k] == " ":
            k += 1
        return k >= len(text) or not text[k].islower()

    left = start
    while left > 0 and not is_boundary(left - 1):
        left -= 1
    right = end - 1
    while right < len(text) and not is_boundary(right):
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1
        while right < len(text) and text[right] in "\"'”’)":
            right += 1
    return left, right


def parse(path: Path) -> list[dict]:
    articles: list[dict] = []
    blocks = re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)[1:]
    for block in blocks:
        head, rest = block.split("\ntext:\n", 1)
        text, events = rest.split("\nevents:\n", 1)
        article: dict = {}
        for line in ("id: " + head).splitlines():
            key, _, value = line.partition(": ")
            article[key.strip()] = value.strip()
        article["text"] = text.strip()
        article["events"] = [parse_event(line) for line in events.splitlines() if line.strip()]
        article["_file"] = path.name
        articles.append(article)
    return articles


def parse_event(line: str) -> dict:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) != 10:
        raise ValueError(f"event needs 10 fields: {line}")
    etype, subject, date, status, outcome, country, agent, cert, opt, fragment = parts

    def none(value: str) -> str | None:
        return None if value == "-" else value

    return {
        "type": etype, "subject": subject, "date": none(date), "status": status,
        "outcome": none(outcome), "country": none(country), "agent": none(agent),
        "evidence": fragment, "certainty": cert, "optional": opt == "opt",
        "_opt_flag": opt,
    }


def check(article: dict) -> list[str]:
    errors = []
    where = f"{article.get('_file')}:{article.get('id')}"
    for key in HEADER_KEYS:
        if not article.get(key):
            errors.append(f"{where}: missing {key}")
    try:
        dt.date.fromisoformat(article["published"])
    except (KeyError, ValueError):
        errors.append(f"{where}: bad published date")
    if article.get("style") not in STYLES:
        errors.append(f"{where}: unknown style {article.get('style')}")
    text = article["text"]
    for ev in article["events"]:
        tag = f"{where} {ev['type']} {ev['subject']}"
        if ev["type"] not in TYPES:
            errors.append(f"{tag}: unknown type")
        if ev["status"] not in STATUSES:
            errors.append(f"{tag}: bad status {ev['status']}")
        if ev["outcome"] is not None and ev["outcome"] not in OUTCOMES:
            errors.append(f"{tag}: bad outcome {ev['outcome']}")
        if ev["type"].endswith("_decision") and ev["outcome"] is None:
            errors.append(f"{tag}: decision without outcome")
        if not ev["type"].endswith("_decision") and ev["outcome"] is not None:
            errors.append(f"{tag}: outcome on a non-decision")
        if ev["certainty"] not in CERTAINTIES:
            errors.append(f"{tag}: bad certainty")
        if ev["_opt_flag"] not in {"req", "opt"}:
            errors.append(f"{tag}: optional flag must be req or opt")
        if ev["country"] is not None and not re.fullmatch(r"[A-Z]{2}", ev["country"]):
            errors.append(f"{tag}: bad country")
        if ev["date"] is not None:
            if not DATE_RE.match(ev["date"]):
                errors.append(f"{tag}: bad date {ev['date']}")
            else:
                try:
                    dt.date.fromisoformat((ev["date"] + "-01-01")[:10])
                except ValueError:
                    errors.append(f"{tag}: impossible date {ev['date']}")
        count = text.count(ev["evidence"])
        if count != 1:
            errors.append(f"{tag}: evidence fragment found {count} times: {ev['evidence']!r}")
        else:
            start = text.index(ev["evidence"])
            left, right = sentence_bounds(text, start, start + len(ev["evidence"]))
            ev["evidence"] = text[left:right].strip()
            assert ev["evidence"] in text
    return errors


def main() -> int:
    articles = []
    for path in sorted((HERE / "src").glob("*.txt")):
        articles.extend(parse(path))
    errors = []
    seen = set()
    for article in articles:
        if article["id"] in seen:
            errors.append(f"duplicate id {article['id']}")
        seen.add(article["id"])
        errors.extend(check(article))
    for e in errors:
        print("ERROR", e)
    by_type: collections.Counter = collections.Counter()
    by_type_opt: collections.Counter = collections.Counter()
    by_style: collections.Counter = collections.Counter()
    by_lang: collections.Counter = collections.Counter()
    words = []
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as out:
        for article in articles:
            by_style[article["style"]] += 1
            by_lang[article["lang_origin"]] += 1
            words.append(len(article["text"].split()))
            for ev in article["events"]:
                ev.pop("_opt_flag", None)
                (by_type_opt if ev["optional"] else by_type)[ev["type"]] += 1
            record = {k: article[k] for k in ("id", "published", "style", "lang_origin",
                                             "title", "outlet", "text")}
            record["events"] = [
                {k: ev[k] for k in ("type", "subject", "date", "status", "outcome", "country",
                                    "agent", "evidence", "certainty", "optional")}
                for ev in article["events"]
            ]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"articles {len(articles)}  words min {min(words)} max {max(words)} "
          f"mean {sum(words) // len(words)}")
    print(f"events required {sum(by_type.values())}  optional {sum(by_type_opt.values())}")
    for t in TYPES:
        print(f"  {t:22} {by_type[t]:4} (+{by_type_opt[t]} optional)")
    print("styles", dict(sorted(by_style.items())))
    print("origins", dict(sorted(by_lang.items())))
    short = [a["id"] for a, w in zip(articles, words) if not 120 <= w <= 400]
    if short:
        print("outside 120-400 words:", short)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
