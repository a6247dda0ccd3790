"""`load.cache_entry`: the entry format and atomic write every cache shares."""

from __future__ import annotations

import os

from codingpath.load.cache_entry import NO_ENTRY, decode_entry, encode_entry, write_entry

HEADER = b"codingpath-test-cache 1\nkey\n"


def test_an_entry_reads_back_only_under_its_own_header_and_digest():
    blob = encode_entry(HEADER, {"a": 1}, 1_000)
    assert blob is not None and decode_entry(blob, HEADER) == {"a": 1}
    assert decode_entry(blob, b"codingpath-test-cache 1\nother\n") is NO_ENTRY  # another key's entry
    assert decode_entry(blob[:-1] + b"x", HEADER) is NO_ENTRY  # changed after writing
    assert decode_entry(None, HEADER) is NO_ENTRY


def test_too_large_or_unpicklable_is_not_written():
    assert encode_entry(HEADER, "x" * 2_000, 1_000) is None
    assert encode_entry(HEADER, lambda: None, 1_000) is None


def test_written_atomically_keeping_the_newest_of_its_kind(tmp_path):
    folder = tmp_path / "cache"
    for n in range(4):
        path = folder / f"thing-{n}.pickle"
        write_entry(path, encode_entry(HEADER, n, 1_000) or b"", "thing", keep=2)
        os.utime(path, (n, n))
    assert sorted(p.name for p in folder.iterdir()) == ["thing-2.pickle", "thing-3.pickle"]  # no temp file left


def test_never_into_a_folder_others_may_write(tmp_path):
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    write_entry(folder / "thing-1.pickle", b"data", "thing", keep=2)
    assert list(folder.iterdir()) == []
