"""CI helper: exit 1 unless the JUnit reports ran tests, browser tests (tests/browser/) among them, none skipped.

The browser tests run in one of CI's runs only, so a report without any is fine as long as another report
given here has them; a report with no test at all, or browser tests that were all deselected or skipped, fail.
"""

import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own pytest output
from pathlib import Path


def main(paths):
    problems = []
    browser_run = 0
    for path in paths:
        if not Path(path).exists():
            problems.append(f"{path}: kein Bericht (Lauf abgebrochen?)")
            continue
        cases = list(ET.parse(path).iter("testcase"))  # noqa: S314
        if not cases:
            problems.append(f"{path}: kein einziger Test gelaufen")
        for case in cases:
            if not case.get("classname", "").startswith("tests.browser"):
                continue
            if case.find("skipped") is not None:
                problems.append(f"{path}: übersprungener Browsertest {case.get('classname')}.{case.get('name')}")
            else:
                browser_run += 1
    if not paths:
        problems.append("kein JUnit-Bericht angegeben")
    elif browser_run == 0:
        problems.append("kein Browsertest gelaufen: " + ", ".join(paths))
    for line in problems:
        print(line)  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
