"""Measure: headline, date and publisher read from the headers of the dev articles and the seeds.

Run: python tests/benchmarks/bench_headers.py [-v]  (prints counts; asserts nothing)

The truth is what ../shared/dev/SOURCES-*.md says of each article (title, the date line the
page shows, the publication), and for the seeds what a reader sees in each copy. "Not shown"
dates are None: a date the article does not print cannot be read from it, and guessing one
(from a date inside the story) is counted wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

# file stem → (date the header prints, or None; publisher the header names, or None)
EXPECTED = {
    "d01_dongguan-changan-smartphones": ("2019-07-30", "Xinhua"),  # "Source: Xinhua| 2019-07-30 ..."
    "d02_xiamen-torch-high-tech-zone": (None, None),  # not shown
    "d03_chuzhou-photovoltaic-glass": (None, None),  # not shown
    "d04_anyang-steel-consolidation": (None, None),  # not shown
    "d05_baotou-rare-earth": ("2024-10-09", "goinnermongolia.com.cn"),  # "2024-10-09 (goinnermongolia.com.cn)"
    "d06_kunming-yanglin-key-projects": ("2022-09-19", "YUNNAN DIAN ZHONG NEW AREA"),
    "d07_qidong-marine-engineering": ("2015-06-19", "China Daily"),  # "(China Daily) Updated: ..."
    "d08_wenling-outdoor-mats": ("2024-08-12", None),  # "August 12, 2024 10:33"
    "d09_weifang-power-equipment": (None, None),  # not shown
    "d10_shiyan-hi-tech-zone-automobiles": (None, None),  # not shown
    "d11_dongfang-hunan-hainan-industrial-park": ("2023-08-22", "enghunan.gov"),  # "来源:enghunan.gov ..."
    "d12_harbin-manufacturing-upgrade": ("2024-10-21", None),  # "Updated : 2024-10-21"
    "d13_zhuzhou-rail-locomotives": ("2017-04-11", "China Daily"),  # "Published on 04/11 2017  Source: ..."
    "d14_mianyang-auto-industry": (None, None),  # not shown
    "d15_jiading-auto-industrial-output": ("2025-09-10", None),  # "2025-09-10"
    "d16_shunyi-nev-cluster": (None, None),  # not shown
    "d17_yulin-yuchai-industrial-park": (None, None),  # not shown
    "d18_taiyuan-foxconn-handsets": ("2020-07-14", None),  # "14, Jul. 2020"
    "000_9fd60acc165b8f63": (None, None),  # opens with a paragraph; no header
    "001_253811d18b4a94f8": (None, None),  # opens with a paragraph; no header
    "002_9eae2cdb8c7673d5": ("2024-03-30", "Xinhua News Agency's \"Lookout\" news weekly"),
    "003_9b101a24faa469b9": ("2024-06-14", "Economic Information Daily"),
    "004_7f37dce761c240ca": ("2024-11-11", None),
}
# Seeds' headlines as a reader sees them (000 and 001 have none: they open with a paragraph,
# so the first section heading is the best title they offer).
SEED_TITLES = {
    "000_9fd60acc165b8f63": 'Changyuan, Henan: "The Hometown of Cranes" is heading towards high growth',
    "001_253811d18b4a94f8": "Advanced manufacturing clusters stand up the backbone of the manufacturing industry",
    "002_9eae2cdb8c7673d5": "Making high-quality development of manufacturing industry the main direction",
    "003_9b101a24faa469b9": "Each region competes for the new track of industrial development according to local conditions",
    "004_7f37dce761c240ca": "Chasing “Intelligence” and Pursuing “Greenness”: Shaping New Competitive Advantages "
                            "in Manufacturing | Policy Implementation—Fighting Hard in the Fourth Quarter",
}


def articles() -> list[Path]:
    """The dev articles and the seeds, when ../shared is there."""
    return sorted((SHARED / "dev").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))


def true_title(path: Path) -> str:
    """The headline: line 1 of a dev file (SOURCES says so), or the seed's from SEED_TITLES."""
    if path.stem in SEED_TITLES:
        return SEED_TITLES[path.stem]
    return path.read_text(encoding="utf-8").splitlines()[0].strip()


def measure(verbose: bool = False) -> dict[str, int]:
    """Count right titles, dates and publishers over the dev articles and seeds."""
    from store.articles.documents import read_document
    right = {"articles": 0, "title": 0, "date": 0, "publisher": 0}
    for path in articles():
        doc = read_document(path)
        date, publisher = EXPECTED[path.stem]
        checks = {"title": doc.title == true_title(path), "date": doc.date == date,
                  "publisher": doc.publisher == publisher}
        right["articles"] += 1
        for key, ok in checks.items():
            right[key] += ok
        if verbose and not all(checks.values()):
            print(f"{path.stem}: title={doc.title!r} date={doc.date} publisher={doc.publisher!r}")
    return right


def main() -> None:
    """Print how many headlines, dates and publishers are right."""
    right = measure("-v" in sys.argv)
    n = right.pop("articles")
    print(" ".join(f"{k} {v}/{n}" for k, v in right.items()))


if __name__ == "__main__":
    main()
