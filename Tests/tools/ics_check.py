#!/usr/bin/env python3
"""An independent check of an iCalendar file (RFC 5545) that grantledger wrote.

    python3 Tests/tools/ics_check.py FILE.ics

Parses it with the `icalendar` package (not ours), then holds it to the standard's rules the
package tolerates: every line ends CRLF and is at most 75 octets; the calendar has VERSION 2.0 and
a PRODID; every event has a UID (all different), a DTSTAMP and an all-day DTSTART (and, if it has
a DTEND, the next day). Prints one line
per event, `YYYY-MM-DD<TAB>SUMMARY`, then `N events`; exits 1 with the reason on anything wrong.
"""
import sys

import icalendar


def fail(message):
    print("ics_check: " + message, file=sys.stderr)
    sys.exit(1)


def main(path):
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        fail("the file does not end CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            fail("line %d has a bare line end" % number)
        if len(line) > 75:
            fail("line %d is %d octets, more than 75" % (number, len(line)))
    calendar = icalendar.Calendar.from_ical(raw)
    if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        fail("no VERSION 2.0 or no PRODID")
    uids = set()
    events = [component for component in calendar.walk() if component.name == "VEVENT"]
    for event in events:
        uid = str(event.get("UID") or "")
        if not uid or uid in uids:
            fail("an event with no UID or a UID given twice: %r" % uid)
        uids.add(uid)
        if event.get("DTSTAMP") is None:
            fail("event %s has no DTSTAMP" % uid)
        start = event.decoded("DTSTART")
        if hasattr(start, "hour"):
            fail("event %s is not all-day" % uid)
        if event.get("DTEND") is not None and (event.decoded("DTEND") - start).days != 1:
            fail("event %s does not end the day after it starts" % uid)
        if start.year > 9999:
            fail("event %s starts past 9999" % uid)
        print("%s\t%s" % (start.isoformat(), str(event.get("SUMMARY"))))
    print("%d events" % len(events))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: ics_check.py FILE.ics")
    main(sys.argv[1])
