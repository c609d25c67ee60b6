#!/usr/bin/env python3
"""Re-check a Plaza Desk yearly export from the archive alone (Python 3, standard library only).

Usage:
    python3 verify.py                      the export this script was unzipped with
    python3 verify.py FOLDER_OR_ZIP        an unzipped export folder, or the .zip itself
    python3 verify.py ... --previous OLD   also check that each book's first line links to the
                                           head hash in last year's manifest.json (OLD)

What it checks, for every book of the year:
  * every line is canonical JSON with the keys seq, at, op, ev, body, prev, hash in that
    order, spelled exactly as Plaza Desk writes it (re-encoded here and compared byte for byte);
  * hash = SHA-256 of the line without its hash member (the bytes before ,"hash": then "}");
  * seq runs 1, 2, 3 ... without gaps; each prev is the hash of the line before, and seq 1's
    prev is the book's incomingPrev in manifest.json (the previous year's last hash);
  * every seal recorded by a shift close (book "shift", event "shift.closed", body "seals")
    matches: the sealed book has a line with that seq and that hash;
  * event count, last seq and head hash agree with manifest.json;
and for every file in manifest.json: its size and SHA-256; for every CSV: one row per event,
with the ledger's seq and hash.

Exit 0: everything holds. 1: a problem; the first one is named (book, year and seq, as
`plazadesk verify` names it). 2: the export cannot be read at all (no manifest, bad arguments).
"""

import csv
import hashlib
import io
import json
import os
import re
import sys
import zipfile

ZERO = "0" * 64
KEYS = ["seq", "at", "op", "ev", "body", "prev", "hash"]
BOOK_ORDER = []           # the desk's order of books: manifest.json's bookOrder (from the desk's registry)
HEX64 = re.compile(r"[0-9a-f]{64}\Z")
BOOK_NAME = re.compile(r"[a-z0-9-]{1,32}\Z")
RFC3339 = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})\Z")
NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
HASH_SUFFIX = 75          # ,"hash":"<64 hex>"}
MIN_LINE = 40 + 75 + 74
MAX_LINE = 1 << 20
INT64 = (-(1 << 63), (1 << 63) - 1)
SEAL_EVENT = "shift.closed"


class Fault(Exception):
    """Why a line is not a sound ledger line."""


class Obj(list):
    """A JSON object as its members in written order (so order and repeats can be checked)."""


def reject(text):
    raise Fault("a number that is not an integer: " + text)


def encode_string(s):
    if NEEDS_ESCAPE.search(s) is None:
        return '"' + s + '"'
    return '"' + NEEDS_ESCAPE.sub(lambda m: ESCAPES.get(m.group(0)) or "\\u%04x" % ord(m.group(0)), s) + '"'


def key_bytes(member):
    try:
        return member[0].encode("utf-8")
    except UnicodeEncodeError:
        raise Fault("a key that is not valid Unicode")


def encode(v):
    """The canonical spelling: no spaces, keys by UTF-8 bytes, integers plain, strings as
    UTF-8 with only ", \\ and control characters escaped."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, Obj):
        ordered = sorted(v, key=key_bytes)
        for a, b in zip(ordered, ordered[1:]):
            if a[0] == b[0]:
                raise Fault("key %r repeated" % a[0])
        return "{" + ",".join(encode_string(k) + ":" + encode(x) for k, x in ordered) + "}"
    if isinstance(v, list):
        return "[" + ",".join(encode(x) for x in v) + "]"
    if isinstance(v, int):
        if not INT64[0] <= v <= INT64[1]:
            raise Fault("an integer out of range")
        return str(v)
    if isinstance(v, str):
        return encode_string(v)
    raise Fault("a value the ledger does not hold")


def valid_time(at):
    m = RFC3339.match(at)
    if not m:
        return False
    y, mo, d, h, mi, s = (int(m.group(i)) for i in range(1, 7))
    if not (1 <= mo <= 12 and h < 24 and mi < 60 and s < 60):
        return False
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
    return 1 <= d <= days


def check_line(raw):
    """Checks one line (without its newline); returns (seq, prev, hash, ev, body)."""
    if len(raw) > MAX_LINE:
        raise Fault("a line longer than %d bytes" % MAX_LINE)
    if len(raw) < MIN_LINE:
        raise Fault("line too short to be an event")
    try:
        text = raw.decode("utf-8")
        obj = json.loads(text, object_pairs_hook=Obj, parse_float=reject, parse_constant=reject)
    except (UnicodeDecodeError, ValueError) as e:
        raise Fault("not a JSON line (%s)" % e.__class__.__name__)
    if not isinstance(obj, Obj) or [k for k, _ in obj] != KEYS:
        raise Fault("keys are not seq, at, op, ev, body, prev, hash in that order")
    d = dict(obj)
    seq, at, op, ev, body, prev, stored = (d[k] for k in KEYS)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise Fault("seq must be 1 or more")
    if not isinstance(at, str) or not valid_time(at):
        raise Fault("'at' is not an RFC 3339 time")
    if not isinstance(op, str):
        raise Fault("'op' is not a string")
    if not isinstance(ev, str) or not ev:
        raise Fault("'ev' is empty")
    if not isinstance(body, Obj):
        raise Fault("'body' is not an object")
    if not isinstance(prev, str) or not HEX64.match(prev):
        raise Fault("'prev' is not 64 lower-case hex digits")
    if not isinstance(stored, str) or not HEX64.match(stored):
        raise Fault("'hash' is not 64 lower-case hex digits")
    canonical = '{"seq":%d,"at":%s,"op":%s,"ev":%s,"body":%s,"prev":"%s"' % (
        seq, encode_string(at), encode_string(op), encode_string(ev), encode(body), prev)
    if canonical + ',"hash":"' + stored + '"}' != text:
        raise Fault("not written in the canonical form")
    if hashlib.sha256(raw[:-HASH_SUFFIX] + b"}").hexdigest() != stored:
        raise Fault("hash does not match the line's content")
    return seq, prev, stored, ev, body


def seals_of(body, shift_seq):
    """The seals of a shift.closed body: [(book, seq, hash, shift_seq)]."""
    members = dict(body)
    if "seals" not in members:
        return []
    seals = members["seals"]
    if not isinstance(seals, Obj):
        raise Fault("'seals' is not an object")
    out = []
    for book, seal in seals:
        if not BOOK_NAME.match(book):
            raise Fault("seal names '%s', which is not a book name" % book)
        s = dict(seal) if isinstance(seal, Obj) else {}
        seq, h = s.get("seq"), s.get("hash")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0 or not isinstance(h, str) or not HEX64.match(h):
            raise Fault('the seal of %s is not {"hash": 64 hex digits, "seq": 0 or more}' % book)
        if seq > 0:          # seq 0: the book had no line yet this year; nothing to hold it to
            out.append((book, seq, h, shift_seq))
    return out


class Archive:
    """An export, unzipped (a folder) or not (the .zip)."""

    def __init__(self, path):
        self.zip = None
        if os.path.isdir(path):
            if not os.path.exists(os.path.join(path, "manifest.json")):
                subs = [d for d in sorted(os.listdir(path)) if os.path.exists(os.path.join(path, d, "manifest.json"))]
                if len(subs) == 1:
                    path = os.path.join(path, subs[0])
            self.root = path
        else:
            self.zip = zipfile.ZipFile(path)
            roots = [n[: -len("manifest.json")] for n in self.zip.namelist() if n.endswith("manifest.json") and n.count("/") <= 1]
            if len(roots) != 1:
                raise SystemExit(usage("%s holds no single manifest.json" % path))
            self.root = roots[0]

    def exists(self, name):
        if self.zip:
            try:
                self.zip.getinfo(self.root + name)
                return True
            except KeyError:
                return False
        return os.path.isfile(os.path.join(self.root, name))

    def open(self, name):
        if self.zip:
            return self.zip.open(self.root + name)
        return open(os.path.join(self.root, name), "rb")

    def names(self):
        if self.zip:
            return [n[len(self.root):] for n in self.zip.namelist() if n.startswith(self.root) and not n.endswith("/")]
        out = []
        for folder in ("ledger", "csv"):
            full = os.path.join(self.root, folder)
            if os.path.isdir(full):
                out += [folder + "/" + n for n in os.listdir(full)]
        return out


def usage(message):
    sys.stderr.write("verify.py: " + message + "\n")
    return 2


def book_order(name):
    return (BOOK_ORDER.index(name), "") if name in BOOK_ORDER else (len(BOOK_ORDER), name)


def scan_book(archive, entry, collect, want_seals):
    """Checks one book's ledger. Returns a dict: problem (seq, reason, tail) or None,
    events, last_seq, head, collected {seq: hash}, seals, seal_fault, digest of the hashes."""
    result = {"problem": None, "events": 0, "last_seq": 0, "head": entry["incomingPrev"], "collected": {},
              "seals": [], "seal_fault": None, "digest": hashlib.sha256()}
    expected, prev = 1, entry["incomingPrev"]
    with archive.open(entry["ledger"]) as f:
        while True:
            raw = f.readline(MAX_LINE + 2)
            if not raw:
                break
            if not raw.endswith(b"\n"):
                tail = len(raw) <= MAX_LINE or not f.read(1)
                why = "the last line is incomplete (no newline at the end)" if tail else "a line longer than %d bytes" % MAX_LINE
                result["problem"] = (expected, why, tail)
                break
            try:
                seq, p, h, ev, body = check_line(raw[:-1])
                if seq != expected:
                    raise Fault("seq is %d, expected %d" % (seq, expected))
                if p != prev:
                    raise Fault("'prev' does not match the hash of the line before" if seq > 1
                                else "'prev' of seq 1 is not the book's incomingPrev in manifest.json")
            except Fault as fault:
                result["problem"] = (expected, str(fault), not f.read(1))
                break
            if seq in collect:
                result["collected"][seq] = h
            if want_seals and ev == SEAL_EVENT and result["seal_fault"] is None:
                try:
                    result["seals"] += seals_of(body, seq)
                except Fault as fault:
                    result["seal_fault"] = (seq, str(fault))
            result["digest"].update(h.encode())
            result["events"] += 1
            result["last_seq"], result["head"], prev = seq, h, h
            expected += 1
    return result


def check_csv(archive, entry, ledger_digest, events):
    """One row per event, with the ledger's seq and hash, in order."""
    digest = hashlib.sha256()
    with archive.open(entry["csv"]) as f:
        text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
        rows = csv.reader(text)
        header = next(rows, None)
        if not header or header[:4] != ["seq", "at", "op", "ev"] or header[-1] != "hash":
            return "its header is not seq, at, op, ev, ..., hash"
        count = 0
        for row in rows:
            count += 1
            if len(row) != len(header):
                return "row %d has %d fields, the header %d" % (count, len(row), len(header))
            if row[0] != str(count):
                return "row %d has seq %s" % (count, row[0])
            digest.update(row[-1].encode())
    if count != events:
        return "%d rows for %d events" % (count, events)
    if digest.digest() != ledger_digest.digest():
        return "its hash column differs from the ledger's hashes"
    return None


def main(argv):
    args, previous = [], None
    i = 0
    while i < len(argv):
        if argv[i] == "--previous" and i + 1 < len(argv):
            previous = argv[i + 1]
            i += 2
        elif argv[i] in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(argv[i])
            i += 1
    if len(args) > 1:
        return usage("give one export folder or zip (see --help)")
    target = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    try:
        archive = Archive(target)
        with archive.open("manifest.json") as f:
            manifest_bytes = f.read()
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        year = manifest["year"]
        # The order the desk reports its books in; an export without it keeps the manifest's.
        order = manifest.get("bookOrder", [b["book"] for b in manifest["books"]])
        if not isinstance(order, list) or not all(isinstance(n, str) and BOOK_NAME.match(n) for n in order):
            raise ValueError("bookOrder is not a list of book names")
        BOOK_ORDER[:] = order
        books = sorted(manifest["books"], key=lambda b: book_order(b["book"]))
        files = manifest["files"]
    except SystemExit as e:
        return e.code
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as e:
        return usage("cannot read the export's manifest.json at %s (%s)" % (target, e))

    print("export of %d, manifest.json sha256 %s" % (year, hashlib.sha256(manifest_bytes).hexdigest()))
    problems = []          # (book, seq, reason, tail)
    other = []             # problems not tied to a seq: files, csv, previous year
    by_name = {b["book"]: b for b in books}

    # Seals first: they say which lines of the other books to look at.
    seals, seal_fault = [], None
    if "shift" in by_name and archive.exists(by_name["shift"]["ledger"]):
        s = scan_book(archive, by_name["shift"], set(), True)
        seals, seal_fault = s["seals"], s["seal_fault"]
    sealed = {}
    for seal in seals:
        sealed.setdefault(seal[0], []).append(seal)

    results = {}
    for entry in books:
        name = entry["book"]
        if not archive.exists(entry["ledger"]):
            problems.append((name, 1, "the ledger file %s is missing" % entry["ledger"], False))
            print("%-10s %d  MISSING" % (name, year))
            continue
        mine = sorted(sealed.get(name, []), key=lambda s: (s[1], s[3]))
        r = scan_book(archive, entry, {s[1] for s in mine}, False)
        results[name] = r
        candidates = []
        if r["problem"]:
            candidates.append(r["problem"])
        limit = r["problem"][0] if r["problem"] else float("inf")
        if name == "shift" and seal_fault and seal_fault[0] < limit:
            candidates.append((seal_fault[0], seal_fault[1], False))
        for book, seq, h, shift_seq in mine:
            if seq >= limit:
                break
            if seq in r["collected"]:
                if r["collected"][seq] != h:
                    candidates.append((seq, "the line differs from the seal of shift seq %d" % shift_seq, False))
                    break
            else:
                candidates.append((seq, "sealed by shift seq %d, but the book ends at seq %d" % (shift_seq, r["last_seq"]), False))
                break
        if not candidates:
            if r["events"] != entry["events"] or r["last_seq"] != entry["lastSeq"]:
                at = min(r["events"], entry["events"]) + 1
                candidates.append((at, "the book has %d events, manifest.json says %d" % (r["events"], entry["events"]), False))
            elif r["head"] != entry["headHash"]:
                candidates.append((r["last_seq"], "the head hash differs from manifest.json", False))
            recorded = [(s["seq"], s["hash"], s["shiftSeq"]) for s in entry.get("seals", [])]
            found = sorted((s[1], s[2], s[3]) for s in mine)
            if sorted(recorded) != found:
                other.append("book %s: the seals in manifest.json differ from those in the shift ledger" % name)
        if candidates:
            seq, reason, tail = min(candidates, key=lambda c: c[0])
            problems.append((name, seq, reason, tail))
            kind = "TORN TAIL" if tail else "DAMAGED"
            print("%-10s %d  %9d events  %s at seq %d: %s" % (name, year, r["events"], kind, seq, reason))
        else:
            print("%-10s %d  %9d events  head %s  ok" % (name, year, r["events"], r["head"]))
    for name in sorted(set(sealed) - set(by_name), key=book_order):
        first = min(sealed[name], key=lambda s: (s[1], s[3]))
        problems.append((name, first[1], "sealed by shift seq %d, but the book is not in the export" % first[3], False))
        print("%-10s %d  MISSING (sealed at seq %d)" % (name, year, first[1]))

    # Every file against the manifest.
    listed = set()
    for f in files:
        listed.add(f["path"])
        if not archive.exists(f["path"]):
            other.append("file %s is missing" % f["path"])
            continue
        h, size = hashlib.sha256(), 0
        with archive.open(f["path"]) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
                size += len(chunk)
        if size != f["size"] or h.hexdigest() != f["sha256"]:
            other.append("file %s: %s differs from manifest.json" % (f["path"], "size" if size != f["size"] else "sha256"))
    for n in sorted(archive.names()):
        if n not in listed and n != "manifest.json":
            other.append("file %s is not in manifest.json" % n)

    # Every CSV against its ledger.
    for entry in books:
        r = results.get(entry["book"])
        if r is None or r["problem"] or not archive.exists(entry["csv"]):
            continue
        bad = check_csv(archive, entry, r["digest"], r["events"])
        if bad:
            other.append("file %s: %s" % (entry["csv"], bad))

    # Last year's heads, when given.
    if previous:
        try:
            with open(previous, "rb") as f:
                before = json.loads(f.read().decode("utf-8"))
            heads = {b["book"]: b["headHash"] for b in before["books"]}
            if before["year"] != year - 1:
                other.append("--previous is the manifest of %s, not of %d" % (before["year"], year - 1))
            for entry in books:
                if entry["book"] in heads and heads[entry["book"]] != entry["incomingPrev"]:
                    other.append("book %s: seq 1 does not link to the head of %d in --previous" % (entry["book"], year - 1))
        except (OSError, ValueError, KeyError, TypeError) as e:
            return usage("cannot read --previous %s (%s)" % (previous, e))

    for o in other:
        print("PROBLEM: " + o)
    damaged = [p for p in problems if not p[3]]
    if damaged or problems:
        book, seq, reason, tail = (damaged or problems)[0]
        print("%s: book %s %d at seq %d: %s" % ("DAMAGED" if damaged else "TORN TAIL", book, year, seq, reason))
        return 1
    if other:
        print("DAMAGED: " + other[0])
        return 1
    print("all %d books sound, every seal holds, every file matches manifest.json" % len(books))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
