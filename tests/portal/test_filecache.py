"""The embedded default's file cache counts its files at most once per interval, then culls as Django's does."""

from pathlib import Path

from portal import filecache


def _cache(folder):
    return filecache.FileBasedCache(str(folder), {"OPTIONS": {"MAX_ENTRIES": 4, "CULL_FREQUENCY": 2}})


def test_the_files_are_counted_at_most_once_per_interval_and_culled_then(tmp_path, monkeypatch):
    jetzt = [1000.0]
    monkeypatch.setattr(filecache.time, "monotonic", lambda: jetzt[0])
    cache = _cache(tmp_path)
    for n in range(10):
        cache.set(f"k{n}", n)
    # Counted on the first set only: the folder grew past MAX_ENTRIES meanwhile.
    assert len(list(Path(tmp_path).glob("*.djcache"))) == 10

    jetzt[0] += filecache.CULL_INTERVAL
    cache.set("k10", 10)
    assert len(list(Path(tmp_path).glob("*.djcache"))) <= 6  # half of them culled, then the new one
    assert cache.get("k10") == 10


def test_a_new_process_counts_on_its_first_set(tmp_path):
    for n in range(6):
        _cache(tmp_path).set(f"k{n}", n)
    assert len(list(Path(tmp_path).glob("*.djcache"))) <= 4
