"""CI helper: exit 1 if any JUnit report lists a skipped browser test (tests/browser/)."""

import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own pytest output


def main(paths):
    skipped = []
    for path in paths:
        for case in ET.parse(path).iter("testcase"):  # noqa: S314
            if case.get("classname", "").startswith("tests.browser") and case.find("skipped") is not None:
                skipped.append(f"{path}: {case.get('classname')}.{case.get('name')}")
    for line in skipped:
        print("übersprungener Browsertest:", line)  # noqa: T201
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
