#!/usr/bin/env python3
"""Quote attribution: eventwire against textacy's ``direct_quotations``, on the same gold.

Both systems read the same cleaned text through the same spaCy parse (eventwire's
pipeline); their quotes are written as the JSONL documents that the project's
scorer reads (``../shared/eval/score.py``) and scored with that scorer's own
functions, so the two tables below are the scorer's ``quotes.span`` and
``quotes.speaker`` lines, plus a line per quote kind (recall only, since
predicted kinds are not scored).

textacy is optional (``pip install 'eventwire[bench]'``); without it, or without
the scorer or the gold, that part is skipped with a message.

usage: python bench/quotes.py [--gold DIR] [--input JSONL] [--scorer PATH] [--out DIR]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
QUOTE_MARKS = "\"'“”‘’«»„`"


def load_scorer(path: Path) -> ModuleType | None:
    """The scorer module at ``path``, or None where it is absent."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("eventwire_bench_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_articles(input_path: Path) -> list:
    """eventwire's pipeline over the gold's input records (articles keep their parse)."""
    from eventwire.pipeline import Pipeline

    return list(Pipeline().code_paths([input_path]))


def eventwire_doc(art) -> dict:
    return {"id": art.id, "quotes": [q.model_dump(mode="json") for q in art.quotes]}


def textacy_doc(art, direct_quotations) -> tuple[dict, str | None]:
    """textacy's direct quotations of one article, as the scorer's quote records."""
    quotes = []
    try:
        for speaker, cue, content in direct_quotations(art.doc):
            quotes.append({
                "text": content.text.strip(QUOTE_MARKS + " ,"),
                "kind": "direct",
                "speaker": {"text": " ".join(t.text for t in speaker), "name": None},
                "cue": " ".join(t.text for t in cue),
                "sentence": content.sent.text,
            })
    except ValueError as err:  # textacy gives up on a whole article with an odd number of marks
        return {"id": art.id, "quotes": []}, str(err)
    return {"id": art.id, "quotes": quotes}, None


def table(sc: ModuleType, name: str, gold: dict, preds: dict[str, dict]) -> str:
    """The scorer's quote lines for one system, and recall per gold quote kind."""
    counts = {"quotes.span": [0, 0, 0], "quotes.speaker": [0, 0, 0]}
    by_kind: dict[str, list[int]] = {}
    for gid, g in gold.items():
        doc = preds.get(gid, {})
        for level in ("span", "speaker"):
            tp, fp, fn, missed, _ = sc.match(g.get("quotes", []), doc.get("quotes") or [], level,
                                             sc.quote_matches)
            c = counts["quotes." + level]
            c[0] += tp
            c[1] += fp
            c[2] += fn
            if level == "speaker":
                missed_ids = {id(m) for m in missed}
                for q in g.get("quotes", []):
                    if q.get("optional"):
                        continue
                    k = by_kind.setdefault(q["kind"], [0, 0])
                    k[1] += 1
                    k[0] += id(q) not in missed_ids
    lines = [f"{name}", f"  {'measure':16} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for key, (tp, fp, fn) in counts.items():
        p, r, f = sc.prf(tp, fp, fn)
        lines.append(f"  {key:16} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{fp}/{fn}")
    for kind, (hit, total) in sorted(by_kind.items()):
        lines.append(f"  speaker recall, {kind:9} {hit}/{total}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev")
    ap.add_argument("--input", type=Path, default=None, help="default: <gold>-input.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=Path("/tmp/eventwire-bench-quotes"),
                    help="where the two prediction JSONL files are written")
    args = ap.parse_args(argv)
    input_path = args.input or args.gold.with_name(args.gold.name + "-input.jsonl")

    sc = load_scorer(args.scorer)
    if sc is None:
        print(f"skipped: no scorer at {args.scorer}")
        return 0
    if not args.gold.is_dir() or not input_path.is_file():
        print(f"skipped: no gold at {args.gold} or no input at {input_path}")
        return 0
    gold = sc.load_gold([str(args.gold)])

    t0 = time.perf_counter()
    arts = [a for a in code_articles(input_path) if a.id in gold]
    ew_time = time.perf_counter() - t0
    args.out.mkdir(parents=True, exist_ok=True)
    ew = {a.id: eventwire_doc(a) for a in arts}
    _write(args.out / "eventwire.jsonl", ew.values())
    print(f"{len(arts)} gold articles; eventwire (whole pipeline) {ew_time:.1f}s; "
          f"predictions in {args.out}\n")

    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy: skipped (not installed; pip install 'eventwire[bench]')\n")
        direct_quotations = None
    if direct_quotations is not None:
        tx, gave_up = {}, []
        t0 = time.perf_counter()
        for art in arts:
            doc, err = textacy_doc(art, direct_quotations) if art.ok else ({"id": art.id, "quotes": []}, None)
            tx[art.id] = doc
            if err:
                gave_up.append(art.id)
        tx_time = time.perf_counter() - t0
        _write(args.out / "textacy.jsonl", tx.values())
        import textacy

        print(table(sc, f"textacy {textacy.__version__} direct_quotations "
                        f"(on eventwire's parse, {tx_time:.2f}s; gave up on {len(gave_up)} "
                        f"article(s) with an odd number of quotation marks: {', '.join(gave_up) or '-'})",
                    gold, tx))
        print()
    print(table(sc, "eventwire quotes stage", gold, ew))
    return 0


def _write(path: Path, docs) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
