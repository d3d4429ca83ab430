"""Fit the subject scorer's weights on gold-annotated articles (development only).

    python -m store.extract.subjects.fit --scorer ../shared/eval/score.py \\
        ../shared/dev:../shared/dev ../shared/gold:seeds [--write]

Each argument is GOLD_DIR:DOCS_DIR. For every gold figure with a subject that the extractor
finds, each candidate entity is a training row (its features; 1 if it is the gold subject).
A logistic regression (scikit-learn, `pip install -e '.[fit]'`) gives the weights; the
leave-one-article-out accuracy printed first says how well they carry to unseen articles.
With --write the weights fitted on all articles go to data/weights.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from ...models import Document
from ..pipeline import assemble, extract
from . import document_facts
from .candidates import candidates_for
from .scorer import WEIGHTS_FILE, Weights, choose

REGULARISATION = 1.0


def load_scorer(path: Path):
    """The shared scorer module (for its name normalisation and gold span matching)."""
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def examples(scorer, gold_dir: Path, docs_dir: Path) -> list[tuple[str, list]]:
    """(document, [(candidates, gold names)...]) for every gold figure the extractor finds."""
    golds = {json.loads(p.read_text(encoding="utf-8"))["doc"]: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(gold_dir.glob("*.gold.json"))}
    exs = [extract(_document(docs_dir / name)) for name in golds]
    corpus = assemble(exs)
    regions = {r.id: r for r in corpus.regions}
    entities = {e.id: e for e in [*corpus.regions, *corpus.companies]}
    by_doc: dict[str, list] = {}
    for m in corpus.mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    out = []
    for ex in exs:
        gold = golds[ex.doc.file]
        facts = document_facts(ex, by_doc.get(ex.doc.id, []), regions)
        rows = []
        for hit, g in _matched(scorer, gold, ex):
            want = _wanted(scorer, gold, g)
            cands = candidates_for(facts, hit.start, hit.end)
            labels = [bool(_names(scorer, entities.get(c.entity_id)) & want) for c in cands]
            rows.append((cands, labels))
        out.append((ex.doc.file, rows))
    return out


def _document(path: Path) -> Document:
    """A gold article as a Document (offsets as the scorer reads them: UTF-8, newline-translated)."""
    return Document(path.name, path.name, path.name, None, path.read_text(encoding="utf-8"))


def _matched(scorer, gold: dict, ex) -> list:
    """(figure hit, gold figure) pairs, matched by overlap the way the scorer matches them."""
    spans = scorer.gold_spans(gold, ex.doc.text)
    pairs = sorted(((min(e, h.end) - max(s, h.start), i, j) for i, (s, e, _) in enumerate(spans)
                    for j, h in enumerate(ex.figure_hits) if min(e, h.end) > max(s, h.start)), reverse=True)
    used_g, used_h, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_h:
            used_g.add(i)
            used_h.add(j)
            g = spans[i][2]
            if g.get("subject") and not g.get("optional"):
                out.append((ex.figure_hits[j], g))
    return out


def _wanted(scorer, gold: dict, g: dict) -> set[str]:
    """The normalised names the gold subject goes by."""
    ents = {x["name"]: x for x in gold.get("regions", []) + gold.get("companies", [])}
    return {scorer.norm(g["subject"])} | {scorer.norm(m) for m in ents.get(g["subject"], {}).get("mentions", [])}


def _names(scorer, entity) -> set[str]:
    """The normalised names and aliases of one of our entities."""
    if entity is None:
        return set()
    return {scorer.norm(n) for n in [entity.name, *entity.aliases]} - {""}


def fit(docs: list[tuple[str, list]]) -> Weights:
    """Weights that rank each figure's gold subject above its other candidates.

    A pairwise logistic regression: for every figure, every (right, wrong) pair of candidates
    gives the difference of their features, so the model learns what makes one candidate
    better than another in the same sentence rather than what is common in general.
    """
    from sklearn.linear_model import LogisticRegression  # development-only dependency
    names = sorted({k for _, rows in docs for cands, _ in rows for c in cands for k in c.features})
    x, y = [], []
    for _, rows in docs:
        for cands, labels in rows:
            right = [c for c, lab in zip(cands, labels) if lab]
            wrong = [c for c, lab in zip(cands, labels) if not lab]
            for r in right:
                for w in wrong:
                    diff = [r.features.get(k, 0.0) - w.features.get(k, 0.0) for k in names]
                    x += [diff, [-v for v in diff]]
                    y += [1, 0]
    model = LogisticRegression(C=REGULARISATION, max_iter=5000, fit_intercept=False).fit(x, y)
    return Weights(0.0, {k: round(float(w), 4) for k, w in zip(names, model.coef_[0])})


def accuracy(docs: list[tuple[str, list]], weights: Weights) -> tuple[int, int, int]:
    """(right, reachable, total) subjects chosen with `weights`."""
    right = reachable = total = 0
    for _, rows in docs:
        for cands, labels in rows:
            total += 1
            reachable += any(labels)
            chosen = choose(cands, weights)
            right += any(lab and c.entity_id == chosen for c, lab in zip(cands, labels))
    return right, reachable, total


def main() -> None:
    """Report leave-one-article-out accuracy; with --write, save weights fitted on everything."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", help="GOLD_DIR:DOCS_DIR")
    ap.add_argument("--scorer", type=Path, required=True, help="path of the shared score.py")
    ap.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE.name}")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    docs, sets = [], []
    for spec in a.sets:
        gold, _, folder = spec.partition(":")
        found = examples(scorer, Path(gold), Path(folder or gold))
        sets.append((gold, len(docs), len(docs) + len(found)))
        docs += found
    held_out = [accuracy([doc], fit(docs[:i] + docs[i + 1:])) for i, doc in enumerate(docs)]
    for name, lo, hi in sets:
        part = [sum(r[k] for r in held_out[lo:hi]) for k in range(3)]
        print(f"leave-one-article-out, {name}: {part[0]}/{part[2]} = {100 * part[0] / max(1, part[2]):.1f}% "
              f"(reachable {part[1]})")
    held = [sum(r[k] for r in held_out) for k in range(3)]
    weights = fit(docs)
    seen = accuracy(docs, weights)
    print(f"leave-one-article-out: {held[0]}/{held[2]} = {100 * held[0] / max(1, held[2]):.1f}% "
          f"(reachable {held[1]})")
    print(f"fitted on all {len(docs)} articles: {seen[0]}/{seen[2]} = {100 * seen[0] / max(1, seen[2]):.1f}%")
    if a.write:
        WEIGHTS_FILE.write_text(json.dumps({
            "_about": "Weights of the subject scorer (store/extract/subjects/scorer.py), written by "
                      "`python -m store.extract.subjects.fit`.",
            "_fitted_on": f"{len(docs)} articles; leave-one-article-out {held[0]}/{held[2]}",
            "bias": round(weights.bias, 4), "weights": weights.weights}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    sys.exit(main())
