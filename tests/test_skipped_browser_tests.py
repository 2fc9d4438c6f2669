"""The CI check on the JUnit reports: tests ran, browser tests among them, none skipped."""

from tests.skipped_browser_tests import main

PASSED = '<testcase classname="{0}" name="test_a"/>'
SKIPPED = '<testcase classname="{0}" name="test_b"><skipped message="Chromium fehlt"/></testcase>'


def report(tmp_path, name, *cases):
    path = tmp_path / name
    path.write_text(f'<testsuites><testsuite name="pytest">{"".join(cases)}</testsuite></testsuites>')
    return str(path)


def test_reports_pass_when_the_browser_tests_ran_in_one_of_them(tmp_path):
    sqlite = report(tmp_path, "sqlite.xml", PASSED.format("tests.angebote.test_views"))
    postgres = report(tmp_path, "postgres.xml", PASSED.format("tests.browser.test_atlas"))
    assert main([sqlite, postgres]) == 0


def test_a_skipped_browser_test_fails(tmp_path, capsys):
    postgres = report(
        tmp_path, "postgres.xml", PASSED.format("tests.browser.test_atlas"), SKIPPED.format("tests.browser.test_suche")
    )
    assert main([postgres]) == 1
    assert "tests.browser.test_suche.test_b" in capsys.readouterr().out


def test_reports_without_any_browser_test_fail(tmp_path, capsys):
    sqlite = report(tmp_path, "sqlite.xml", PASSED.format("tests.angebote.test_views"))
    assert main([sqlite]) == 1
    assert "kein Browsertest gelaufen" in capsys.readouterr().out


def test_a_report_without_tests_or_a_missing_report_fails(tmp_path, capsys):
    empty = report(tmp_path, "sqlite.xml")
    postgres = report(tmp_path, "postgres.xml", PASSED.format("tests.browser.test_atlas"))
    assert main([empty, postgres]) == 1
    assert main([str(tmp_path / "missing.xml"), postgres]) == 1
    assert "kein einziger Test" in capsys.readouterr().out
