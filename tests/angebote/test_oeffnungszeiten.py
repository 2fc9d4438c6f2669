"""Opening hours: the text form of the import and the open-now rule in Berlin time."""

from datetime import UTC, datetime, time

import pytest

from angebote.oeffnungszeiten import Zeitraum, format_oeffnungszeiten, ist_offen, parse_oeffnungszeiten, wochenplan


def test_parse_and_format_round_trip():
    text = "Mo 09:00-12:00; Di 14:00-18:00"
    zeiten = parse_oeffnungszeiten(text)
    assert zeiten == [Zeitraum(0, time(9), time(12)), Zeitraum(1, time(14), time(18))]
    assert format_oeffnungszeiten(zeiten) == text
    assert parse_oeffnungszeiten("mo. 9.00 – 12.00") == [Zeitraum(0, time(9), time(12))]


@pytest.mark.parametrize("text", ["Montag früh", "Xy 09:00-12:00", "Mo 12:00-09:00", "Mo 25:00-26:00"])
def test_unreadable_entries_raise_with_the_entry_named(text):
    with pytest.raises(ValueError, match="»"):
        parse_oeffnungszeiten(text)


def test_open_now_is_evaluated_in_berlin_time():
    zeiten = [Zeitraum(0, time(9), time(12))]
    # 08:30 UTC on a Monday in winter is 09:30 in Berlin.
    assert ist_offen(zeiten, datetime(2026, 11, 23, 8, 30, tzinfo=UTC))
    assert not ist_offen(zeiten, datetime(2026, 11, 23, 11, 0, tzinfo=UTC))  # 12:00 Berlin: closed
    assert not ist_offen(zeiten, datetime(2026, 11, 24, 8, 30, tzinfo=UTC))  # Tuesday


def test_week_plan_marks_today():
    plan = wochenplan([Zeitraum(2, time(9), time(12))], datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    assert [t["heute"] for t in plan].index(True) == 2
    assert plan[2]["zeiten"] == ["09:00–12:00"]
    assert plan[0]["zeiten"] == []
