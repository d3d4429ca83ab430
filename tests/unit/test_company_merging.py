"""Company merging through blocking keys gives exactly what comparing every pair gives, and
`incremental.extend` gives exactly what assembling every document again gives."""
from __future__ import annotations

import json
import random
from dataclasses import asdict
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from store.extract.companies.blocking import MIN_FUZZY, edit_budget, max_edits
from store.extract.companies.keys import find_root
from store.extract.companies.merge import core, group_names, same_firm, surfaces
from store.extract.corroborate import link_figures
from store.extract.incremental import MergeState, apply_delta, extend
from store.extract.pipeline import Extraction, assemble, extract
from store.models import Document
from store.query.corroboration import LinkIndex

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SYLLABLES = ("ba bo bei chang dong feng gang hua jin jun kai long mei ming qiao rong sheng tai wei "
             "xin yang yu zhong zhi hong an").split()
ENGLISH = ("Heavy Industry Machinery Pump Valve Steel Special Materials Electric Auto Parts Glass "
           "Photovoltaic Precision Forging Cable").split()
KINDS = ("", " Group", " Co., Ltd.", " Company", " Research Institute", " Factory", " Technology Co., Ltd.")
PREFIXES = ("", "", "", "Henan ", "China ", "Shandong ")


def reference_roots(surface: dict[str, set[str]]) -> dict[str, str]:
    """The all-pairs loop merging used before blocking, over the public same-firm rule."""
    names = sorted(surface)
    rep = {n: n for n in names}
    for i, a in enumerate(names):
        for b in names[:i]:
            if same_firm(a, b, surface):
                rep[find_root(rep, a)] = find_root(rep, b)
    return {n: find_root(rep, n) for n in names}


def _typo(word: str, rng: random.Random) -> str:
    """One inserted, deleted or replaced letter."""
    i = rng.randrange(len(word))
    c = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return rng.choice((word[:i] + c + word[i:], word[:i] + word[i + 1:] or word, word[:i] + c + word[i + 1:]))


def _family(rng: random.Random) -> list[str]:
    """Spellings of one made-up firm: full names, short forms, typos, other suffixes."""
    brand = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3)))).capitalize()
    words = rng.sample(ENGLISH, rng.choice((0, 1, 2, 3)))
    full = " ".join([brand, *words])
    out = [rng.choice(PREFIXES) + full + rng.choice(KINDS) for _ in range(rng.randint(1, 3))]
    out += [brand] * (rng.random() < 0.3) + [" ".join([brand, *words[:1]])] * (rng.random() < 0.3)
    out += [_typo(full, rng) + rng.choice(KINDS) for _ in range(rng.choice((0, 1, 2)))]
    return out


def generated_surface(seed: int, families: int = 120) -> dict[str, set[str]]:
    """Canonical names, each with the cores of a few texts it was written as."""
    rng = random.Random(seed)
    surface: dict[str, set[str]] = {}
    for _ in range(families):
        spellings = _family(rng)
        for name in spellings:
            texts = {name, *rng.sample(spellings, min(len(spellings), rng.randint(0, 2)))}
            surface.setdefault(name, set()).update(core(t) for t in texts)
    return surface


def test_windows_cover_every_length_the_ratio_test_reaches():
    for length in range(MIN_FUZZY, 2000):
        assert length // 3 >= max_edits(length) + 1
    for lb in range(MIN_FUZZY, 300):
        for la in range(MIN_FUZZY, 400):
            if abs(la - lb) <= edit_budget(la, lb):
                assert edit_budget(la, lb) <= max_edits(lb)


def test_a_ratio_of_92_means_at_most_the_edit_budget():
    rng = random.Random(7)
    seen = 0
    for _ in range(20000):
        a = "".join(rng.choice("abcde ") for _ in range(rng.randint(6, 40)))
        b = a
        for _ in range(rng.randint(0, 4)):
            b = _typo(b, rng) if b else b
        if fuzz.ratio(a, b) >= 92:
            seen += 1
            assert Indel.distance(a, b) <= edit_budget(len(a), len(b))
    assert seen > 1000


@pytest.mark.parametrize("seed", range(6))
def test_blocked_grouping_equals_all_pairs_on_generated_names(seed):
    surface = generated_surface(seed)
    roots = group_names(surface)
    assert roots == reference_roots(surface)
    assert len(set(roots.values())) < len(roots)  # some names did merge


def test_generated_names_include_typos_only_the_ratio_joins():
    joined_by_ratio = 0
    for seed in range(6):
        surface = generated_surface(seed)
        roots = group_names(surface)
        for a in surface:
            for b in surface:
                ca, cb = core(a), core(b)
                if a < b and ca != cb and ca not in surface[b] and cb not in surface[a] \
                        and min(len(ca), len(cb)) >= MIN_FUZZY and fuzz.ratio(ca, cb) >= 92:
                    assert roots[a] == roots[b]
                    joined_by_ratio += 1
    assert joined_by_ratio >= 5


@pytest.fixture(scope="module")
def seed_extractions() -> list[Extraction]:
    """The bundled seed articles, extracted once for this module."""
    from store.articles import documents as readers
    return [extract(d) for d in readers.read_documents([SEEDS]).documents]


def test_blocked_grouping_equals_all_pairs_on_the_seeds(seed_extractions):
    surface = surfaces({ex.doc.id: ex.company_hits for ex in seed_extractions})
    assert group_names(surface) == reference_roots(surface)


# Articles written for this test: one firm written three ways across them (so adding the
# second renames it), a figure restated (corroborated) and one contradicted, a typo'd name.
ARTICLES = (
    "Valve makers of Anyang expand\n\nJinlong Valve Group is based in Anyang, Henan Province. In 2022, "
    "Jinlong Valve Group reported sales revenue of 3.2 billion yuan, up 12% year on year. Jinlong Valve "
    "Group employs 1,200 workers.\n\nAnyang Iron and Steel Group produced 5.6 million tonnes of steel in 2022.\n",
    "Jinlong Valve plans a new plant\n\nJinlong Valve, a maker of industrial valves in Anyang, said its sales "
    "revenue reached 3.2 billion yuan in 2022. Jinlong Valve plans to invest 500 million yuan in a new plant "
    "in Anyang. Jinlong Valve exports to Europe and Jinlong Valve has 300 patents.\n\nZhongxing Heavy "
    "Machinery, based in Luoyang, had output value of 900 million yuan in 2022.\n",
    "Heavy machinery in Luoyang\n\nZhongxing Heavy Machinery Co., Ltd. reported output value of 901 million "
    "yuan in 2022. Zhongxing Heavy Machinry opened a plant in Luoyang. Jinlong Valve said its sales revenue "
    "was 3.5 billion yuan in 2022.\n",
)


def written_extractions() -> list[Extraction]:
    """The three articles above, extracted."""
    from store.articles.parsed import document_id
    return [extract(Document(document_id(t), f"a{i}.txt", t.split("\n")[0], None, t))
            for i, t in enumerate(ARTICLES)]


def rows(corpus) -> dict:
    """A corpus as sorted JSON rows, to compare corpora whatever their row order."""
    def norm(items):
        return sorted(json.dumps(asdict(x), sort_keys=True) for x in items)
    return {t: norm(getattr(corpus, t)) for t in ("documents", "passages", "regions", "companies",
                                                   "mentions", "figures")}


def extended(old: list[Extraction], new: list[Extraction]):
    """Assemble `old`, then add `new` through a JSON round trip of the state; the corpus and delta."""
    base = assemble(old)
    state = MergeState.from_json(json.loads(json.dumps(base.state.as_json())))
    by_id = {ex.doc.id: ex for ex in old}
    loaded = []

    def load(doc_ids):
        loaded.extend(doc_ids)
        return [by_id[i] for i in doc_ids]
    delta = extend(state, new, load)
    return apply_delta(base, delta), delta, state, loaded


def assert_as_assembled(got, state, full) -> None:
    """An extended corpus and its merge state equal the full assembly's: rows, group roots, ids."""
    assert rows(got) == rows(full)
    assert {n: e[0] for n, e in state.names.items()} == {n: e[0] for n, e in full.state.names.items()}
    assert state.ids == full.state.ids


@pytest.mark.parametrize("split", [1, 2])
def test_extend_gives_what_assembling_everything_gives(split):
    exs = written_extractions()
    got, delta, state, _ = extended(exs[:split], exs[split:])
    assert_as_assembled(got, state, assemble(exs))


def test_extend_renames_a_company_and_follows_it_into_old_documents():
    exs = written_extractions()
    got, delta, _, loaded = extended(exs[:1], exs[1:2])
    assert "co:jinlong-valve-group" in delta.removed_companies
    assert exs[0].doc.id in loaded and exs[0].doc.id in delta.mentions
    assert {m.entity_id for m in got.mentions if m.text.startswith("Jinlong")} == {"co:jinlong-valve"}


def test_extended_figures_link_across_old_and_new_documents():
    exs = written_extractions()
    got, _, _, _ = extended(exs[:2], exs[2:])
    index = LinkIndex(got.figures)
    links = {f.id: index.links(f) for f in got.figures}
    new = {f.id for f in got.figures if f.doc_id == exs[2].doc.id}
    assert any(set(link.conflicts_with) - new for i, link in links.items() if i in new)
    assert links == {i: link for i, link in link_figures(assemble(exs).figures).items() if i in links}


@pytest.mark.parametrize("last", range(5))
def test_extend_on_the_seeds(seed_extractions, last):
    exs = seed_extractions[:last] + seed_extractions[last + 1:] + [seed_extractions[last]]
    got, _, state, _ = extended(exs[:-1], exs[-1:])
    full = assemble(exs)
    assert rows(got) == rows(full)
    assert state.ids == full.state.ids


def generated_extractions(seed: int, docs: int = 12) -> list[Extraction]:
    """Documents that only name firms: each hit a canonical name written as one of its family's spellings."""
    from store.articles.parsed import document_id
    from store.models import CompanyHit
    rng = random.Random(seed)
    families = [_family(rng) for _ in range(40)]
    out = []
    for d in range(docs):
        text, hits = f"Firms {seed} {d}.", []
        for family in rng.sample(families, 10):
            written = rng.choice(family)
            start = len(text) + 1
            text += " " + written + "."
            hits.append(CompanyHit(start, start + len(written), written, rng.choice(family), None))
        doc = Document(document_id(text), f"g{d}.txt", "Firms", None, text)
        out.append(Extraction(doc, [], [], {}, hits, []))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_extend_regroups_generated_names_as_assembling_does(seed):
    exs = generated_extractions(seed)
    for split in (4, 9, 11):
        got, delta, state, _ = extended(exs[:split], exs[split:])
        assert_as_assembled(got, state, assemble(exs))


def test_generated_documents_have_groups_whose_root_is_not_their_first_name():
    # the case where the order of unions decides a group's root
    full = assemble(generated_extractions(0) + generated_extractions(1))
    groups: dict[str, list[str]] = {}
    for name, entry in full.state.names.items():
        groups.setdefault(entry[0], []).append(name)
    assert any(root != min(names) for root, names in groups.items())
