"""The benchmark harness (tests/bench) runs at scale 1, and its fast search agrees with the exact
ranking on every keystroke of its queries. Numbers are printed, never asserted."""
import re

from tests.bench.__main__ import main

SUMMARY = re.compile(
    r"bench: scale=1 articles=5 items=\d+ build_articles_per_s=\S+ ingest_one_s=\S+ open_s=\S+ "
    r"rss_mb=\S+ search_p50_ms=\S+ search_p95_ms=\S+ start_ratio=\S+ fzf_ratio=\S+ "
    r"matcher_ratio=\S+ qratio_ratio=\S+ top1_agreement=1")


def test_the_harness_runs_at_scale_one(capsys, tmp_path):
    rows = main(["--scale", "1", "--quick", "--keep", str(tmp_path)])
    out = capsys.readouterr().out.strip().splitlines()
    assert SUMMARY.fullmatch(out[-1]), out[-1]
    row = rows[0]
    assert row["top1_agreement"] == 1.0
    assert row["articles"] == 5 and row["items"] > 300
    assert any("'revenue 2022': " in line and "(nothing)" not in line for line in out)
    assert (tmp_path / "scale1" / "store" / "store.json.index").is_file()  # the index was kept
