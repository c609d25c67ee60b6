import Foundation
import Testing
@testable import DeskDomain

/// Torture: 100,000 lines, valid ones damaged in every way a disk, a crash or a person can
/// damage them, fed to `verify` (``LedgerVerifier``), to the scanner that opening uses, and
/// to opening a book for writing. Nothing may crash or hang, and every damaged book must be
/// reported with its name and the seq of the first bad line, which the test knows
/// independently because it did the damage.
@Suite struct LedgerFuzzTests {
    static let clerk = try! OperatorID("clerk.li")

    /// Sound books of a few lengths, as line arrays (each line with its newline).
    static let bases: [[[UInt8]]] = {
        let dir = TemporaryDirectory()
        var rng = SeededRandom(seed: 99)
        var out: [[[UInt8]]] = []
        for (i, n) in [1, 2, 7, 20, 40].enumerated() {
            let book = BookName("base\(i)")!
            let clock = ManualClock(march1st)
            let w = try! BookWriter(data: dir.data, book: book, clock: clock, durability: .deferred)
            for k in 0..<n {
                clock.advance(by: Int64(rng.int(1...600)))
                let text = rng.pick(["王芳", "Mary \"Smith\"", "黑色钱包，有划痕", "tab\there", "back\\slash", "emoji 🌂", ""])
                try! w.append(rng.pick(["umbrella.lent", "lostfound.item-received", "points.earned"]),
                              JSONObject([("n", .int(Int64(k))), ("note", .string(text)),
                                          ("fen", .int(Int64(rng.int(0...99_999)))), ("ok", .bool(rng.chance(0.5)))]), op: clerk)
            }
            try! w.close()
            let bytes = dir.bytes("2026/\(book.fileName)")
            out.append(bytes.split(separator: 10, omittingEmptySubsequences: false).dropLast().map { Array($0) + [10] })
        }
        return out
    }()

    /// One damaged book: its bytes, the seq of its first bad line, and whether the damage
    /// reaches the end of the file (then it is a torn tail, not damage before the tail).
    struct Case {
        var bytes: [UInt8]
        var lines: Int
        var firstBadSeq: Int64
        var tail: Bool
        var kind: String
    }

    static let kinds = ["flip", "cut", "duplicate", "reorder", "nul", "utf8", "random", "drop", "zeros", "rehashed"]

    /// Damages a copy of `base` in one way.
    static func damage(_ base: [[UInt8]], kind: String, rng: inout SeededRandom) -> Case {
        var lines = base
        let n = lines.count
        let m = rng.int(0...(n - 1))
        var bad = Int64(m + 1)
        var tail = m == n - 1
        switch kind {
        case "flip":
            // Any bit of any byte, the newline included (which joins two lines).
            let i = rng.int(0...(lines[m].count - 1))
            lines[m][i] ^= UInt8(1 << rng.int(0...7))
            if i == lines[m].count - 1 { tail = m >= n - 2 }
            // A new newline inside the line splits it: its first half is not the last line.
            else if lines[m][i] == 10 { tail = false }
        case "cut":
            // Cut short somewhere inside; the last line may also lose its newline.
            let keep = rng.int(1...(lines[m].count - 2))
            lines[m] = Array(lines[m][..<keep]) + (m == n - 1 && rng.chance(0.5) ? [] : [10])
        case "duplicate":
            lines.insert(lines[m], at: m + 1)
            bad = Int64(m + 2)
        case "reorder":
            if n == 1 {
                lines.insert(lines[0], at: 0)
                bad = 2
                tail = true
            } else {
                let a = min(m, n - 2)
                lines.swapAt(a, a + 1)
                bad = Int64(a + 1)
                tail = false
            }
        case "nul":
            for _ in 0..<rng.int(1...4) { lines[m][rng.int(0...(lines[m].count - 2))] = 0 }
        case "utf8":
            // Invalid UTF-8 inside the line: a lone continuation byte, an overlong form, 0xFF.
            let seqs: [[UInt8]] = [[0x80], [0xC0, 0xAF], [0xFF], [0xED, 0xA0, 0x80], [0xE6, 0x97]]
            let at = rng.int(1...(lines[m].count - 2))
            lines[m].replaceSubrange(at..<at, with: rng.pick(seqs))
        case "random":
            // A line of random bytes (no newline inside) where line m was.
            let len = rng.int(0...600)
            lines[m] = (0..<len).map { _ in var b = UInt8(rng.int(0...255)); if b == 10 { b = 11 }; return b } + [10]
        case "drop":
            // A line missing (the last one missing is just a shorter, sound book).
            if m == n - 1 {
                lines.append([UInt8](repeating: 0x20, count: 3) + [10])
                bad = Int64(n + 1)
            } else {
                lines.remove(at: m)
                bad = Int64(m + 1)
                tail = m == n - 2
            }
        case "zeros":
            // What a crash can leave on some file systems: a block of zeros after the last
            // line, without a newline.
            lines.append([UInt8](repeating: 0, count: rng.pick([1, 511, 4096])))
            bad = Int64(n + 1)
            tail = true
        case "rehashed":
            // Line m's body replaced by garbage with its hash and every later link made
            // right again: only the parser can tell.
            lines = rehashed(lines, at: m, rng: &rng)
        default:
            preconditionFailure(kind)
        }
        return Case(bytes: lines.flatMap { $0 }, lines: lines.count, firstBadSeq: bad, tail: tail, kind: kind)
    }

    /// `lines` with line `m`'s body replaced by random bytes (some of them JSON-looking),
    /// its hash recomputed and the chain after it re-linked.
    static func rehashed(_ lines: [[UInt8]], at m: Int, rng: inout SeededRandom) -> [[UInt8]] {
        var out = Array(lines[..<m])
        var prev = ChainHash.zero
        if m > 0 { prev = ChainHash(hexAt: lines[m - 1], from: lines[m - 1].count - 67)! }
        for k in m..<lines.count {
            var line = Array(lines[k].dropLast())
            let hashed = Array(line[..<(line.count - LedgerLine.hashSuffixLength)])
            var head = Array(hashed[..<(hashed.count - LedgerLine.prevMemberLength)])
            if k == m {
                let bodyStart = head.indices.first { head[$0...].starts(with: Array(#","body":"#.utf8)) }! + 8
                let pieces: [[UInt8]] = [Array(#"{"a":"#.utf8), [0xFF, 0xFE], Array(#""\u00"#.utf8), Array("{{{{".utf8),
                                         Array(#"[1,2"#.utf8), [0x22], [0x5C], [0], Array("9999999999999999999999".utf8),
                                         Array("}".utf8), Array("王".utf8).dropLast(), Array("nul".utf8)]
                var body: [UInt8] = []
                for _ in 0..<rng.int(0...12) { body += rng.pick(pieces) }
                head = Array(head[..<bodyStart]) + body
            }
            var content = head + Array(#","prev":""#.utf8)
            prev.appendHex(to: &content)
            content.append(34)
            let h = content.withUnsafeBytes { ChainHash.sha256($0, then: UInt8(ascii: "}")) }
            line = content + Array(#","hash":""#.utf8)
            h.appendHex(to: &line)
            line += [34, 125, 10]
            out.append(line)
            prev = h
        }
        return out
    }

    @Test func aHundredThousandDamagedLinesAreEachFoundWithBookAndSeq() throws {
        var rng = SeededRandom(seed: 2026_11_25)
        var fed = 0, books = 0, opened = 0, rehashedSound = 0
        var batch = 0
        while fed < 100_000 {
            let dir = TemporaryDirectory()
            try FileManager.default.createDirectory(atPath: dir.path + "/2026", withIntermediateDirectories: true)
            var cases: [String: Case] = [:]
            for b in 0..<40 {
                let base = rng.pick(Self.bases)
                let c = Self.damage(base, kind: Self.kinds[(batch * 40 + b) % Self.kinds.count], rng: &rng)
                let name = "fz\(b)"
                dir.write("2026/\(name).jsonl", c.bytes)
                cases[name] = c
                fed += c.lines
            }
            books += cases.count
            // verify: one report per book, each naming the first bad seq.
            let reports = try LedgerVerifier.verify(data: dir.data)
            #expect(reports.count == cases.count)
            for r in reports {
                let c = cases[r.book.rawValue]!
                // Decoding (what opening does) must agree with verify, line for line.
                let decoded = try BookScanner.scan(path: r.path, startPrev: .zero, decode: true)
                #expect(decoded.problem == r.scan.problem, "\(r.book) \(c.kind): verify \(String(describing: r.scan.problem)), open \(String(describing: decoded.problem))")
                if c.kind == "rehashed" && r.scan.problem == nil {
                    // Garbage that happens to be a well-formed body is a sound line.
                    rehashedSound += 1
                    continue
                }
                guard let p = r.scan.problem else {
                    Issue.record("\(r.book) (\(c.kind)): damage at seq \(c.firstBadSeq) not reported")
                    continue
                }
                #expect(p.seq == c.firstBadSeq, "\(r.book) (\(c.kind)): reported seq \(p.seq), damaged \(c.firstBadSeq): \(p.reason)")
                if c.kind != "rehashed" {
                    #expect(r.isTornTail == c.tail, "\(r.book) (\(c.kind)) seq \(p.seq): torn \(r.isTornTail), expected \(c.tail)")
                }
                #expect(!p.reason.isEmpty)
            }
            // Opening for writing: damage is refused naming book, year and seq (every damaged
            // book); a torn tail is set aside and the book verifies after (one book every
            // other batch: each recovery costs several fsyncs).
            var recoveredOne = batch % 2 == 1
            for (name, c) in cases.sorted(by: { $0.key < $1.key }) {
                let book = BookName(name)!
                let report = reports.first { $0.book == book }!
                guard let problem = report.scan.problem else { continue }
                if report.isTornTail {
                    if recoveredOne { continue }
                    recoveredOne = true
                }
                opened += 1
                do {
                    let w = try BookWriter(data: dir.data, book: book, clock: ManualClock(march1st + 86_400))
                    #expect(report.isTornTail, "\(name) (\(c.kind)): a damaged book opened for writing")
                    #expect(w.recoveries.map(\.seq) == [problem.seq])
                    try w.append("after.recovery", [:], op: Self.clerk)
                    try w.close()
                    let again = try LedgerVerifier.verify(data: dir.data).first { $0.book == book }!
                    #expect(again.isSound, "\(name) (\(c.kind)) after recovery: \(String(describing: again.scan.problem))")
                } catch let LedgerError.damaged(b, year, seq, _) {
                    #expect(!report.isTornTail && b == book && year == 2026 && seq == problem.seq, "\(name) (\(c.kind))")
                }
            }
            batch += 1
        }
        #expect(fed >= 100_000 && books > 0 && opened > 0)
        // Most garbage bodies must be caught by the parser, not pass as sound.
        #expect(rehashedSound < books / Self.kinds.count / 2, "\(rehashedSound) garbage bodies passed as sound")
    }

    @Test func hugeLinesAndLongLinesWithoutNewlinesEndTheScanCleanly() throws {
        let base = Self.bases[3]
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: LedgerLimits.maxLineBytes + 10)
        let cases: [(name: String, bytes: [UInt8], seq: Int64, torn: Bool)] = [
            // A line over the limit in the middle, and at the end.
            ("hugemid", base[0..<5].flatMap { $0 } + huge + [10] + base[5...].flatMap { $0 }, 6, false),
            ("hugeend", base.flatMap { $0 } + huge + [10], 21, true),
            // Megabytes without a single newline after the last line.
            ("nonl", base.flatMap { $0 } + [UInt8](repeating: 0x7b, count: 3 * LedgerLimits.maxLineBytes), 21, false),
            // A huge valid-looking prefix cut off.
            ("cutbig", base.flatMap { $0 } + Array(base[0].prefix(100)) + huge, 21, false),
        ]
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/2026", withIntermediateDirectories: true)
        for c in cases { dir.write("2026/\(c.name).jsonl", c.bytes) }
        let reports = try LedgerVerifier.verify(data: dir.data)
        for c in cases {
            let r = try #require(reports.first { $0.book.rawValue == c.name })
            let p = try #require(r.scan.problem, "\(c.name): not reported")
            #expect(p.seq == c.seq, "\(c.name): \(p)")
            if c.torn { #expect(r.isTornTail, "\(c.name): \(p)") }
            #expect(r.scan.events == c.seq - 1)
        }
    }
}

extension ChainHash {
    /// The hash written as hex at `from` in `bytes`.
    init?(hexAt bytes: [UInt8], from: Int) {
        guard let h = bytes.withUnsafeBufferPointer({ ChainHash(hexAt: $0.baseAddress! + from) }) else { return nil }
        self = h
    }
}
