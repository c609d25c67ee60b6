/// Lays a slip out at a width in columns (``SlipWidth``): the plain text of the on-screen
/// preview and the tests, and the rows ``EscPosSlip`` prints.
///
///     SlipText.render(slip, columns: 32)     // 58 mm paper
///     SlipText.render(slip, columns: 48)     // 80 mm paper
///
/// A label and its value share a line when they fit, the value flush right; otherwise the
/// value goes under its label. Amounts are never broken; text wraps between words, and
/// inside a word only when the word alone is wider than the line, so nothing is lost: the
/// only characters a wrap drops are the spaces it breaks at.
public enum SlipText {
    /// The narrowest layout: below this an amount or a seal code could not fit a line.
    public static let minimumColumns = 24

    /// The slip as text, one line per row, each ending in `\n`.
    public static func render(_ slip: Slip, columns: Int) -> String {
        lines(slip, columns: columns).map { $0 + "\n" }.joined()
    }

    /// The slip's lines as plain text.
    public static func lines(_ slip: Slip, columns: Int) -> [String] {
        let w = max(minimumColumns, columns)
        return layout(slip, columns: w).map { $0.plain(columns: w) }
    }

    /// The rows of the slip at `columns` (at least ``minimumColumns``).
    public static func layout(_ slip: Slip, columns: Int) -> [SlipRow] {
        let w = max(minimumColumns, columns)
        var rows: [SlipRow] = []
        func add(_ text: String, _ alignment: SlipRow.Alignment = .left, bold: Bool = false, tall: Bool = false, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for piece in wrap(clean(text), columns: w - indent) {
                rows.append(SlipRow(.text(pad + piece), alignment: alignment, bold: bold, tall: tall))
            }
        }
        func blank() { rows.append(SlipRow(.text(""))) }
        let rule = String(repeating: "-", count: w)

        add(slip.plaza, .center)
        add(slip.title, .center, bold: true, tall: true)
        if slip.reprint { add(slip.reprintMark, .center, bold: true) }
        rows.append(SlipRow(.text(rule)))
        for line in slip.lines {
            switch line {
            case let .field(label, value):
                pair(clean(label), clean(value), amount: false, into: &rows, columns: w)
            case let .amount(label, money):
                pair(clean(label), money.description, amount: true, into: &rows, columns: w)
            case let .reference(label, value):
                add(label)
                add(value, .center, bold: true, tall: true)
            case .heading(let text):
                add(text, bold: true)
            case .text(let text):
                // Leading spaces indent every line of the paragraph.
                let body = text.drop { $0 == " " }
                add(String(body), indent: min(text.count - body.count, w / 4))
            case .rule:
                rows.append(SlipRow(.text(rule)))
            }
        }
        if !slip.notes.isEmpty {
            rows.append(SlipRow(.text(rule)))
            for note in slip.notes { add(note) }
        }
        if let qr = slip.qr {
            blank()
            rows.append(SlipRow(.qr(qr), alignment: .center))
        }
        if let label = slip.signature {
            blank()
            blank()
            let l = clean(label)
            if SlipWidth.of(l) * 2 <= w {
                rows.append(SlipRow(.text(l + String(repeating: "_", count: w - SlipWidth.of(l)))))
            } else {
                add(l)
                blank()
                rows.append(SlipRow(.text(String(repeating: "_", count: w))))
            }
        }
        if slip.reprint {
            blank()
            add(slip.reprintMark, .center, bold: true)
        }
        return rows
    }

    /// A label and its value: on one line, the value flush right, when both fit with a
    /// space between; else the label, then the value under it (an amount flush right and
    /// whole, text indented and wrapped).
    static func pair(_ label: String, _ value: String, amount: Bool, into rows: inout [SlipRow], columns w: Int) {
        let lw = SlipWidth.of(label), vw = SlipWidth.of(value)
        if lw + 1 + vw <= w {
            rows.append(SlipRow(.text(label + String(repeating: " ", count: w - lw - vw) + value)))
            return
        }
        for piece in wrap(label, columns: w) { rows.append(SlipRow(.text(piece))) }
        if amount {
            rows.append(SlipRow(.text(String(repeating: " ", count: max(0, w - vw)) + value)))
        } else {
            for piece in wrap(value, columns: w - 2) { rows.append(SlipRow(.text("  " + piece))) }
        }
    }

    /// Text safe to lay out and print: control characters become spaces (a field never
    /// spans lines, and nothing reaches the printer as a command), format characters
    /// (zero-width, bidi) are dropped.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) { out.append(" "); continue }
            if s.properties.generalCategory == .format { continue }
            out.append(s)
        }
        return String(out)
    }

    /// Breaks `text` into lines of at most `columns`: between words (a run of ASCII without
    /// spaces, such as `LF-2026-000001`, is one word; an amount such as `¥50.00` always is
    /// one, even glued to others), before or after
    /// any other character (Chinese has no spaces; closing punctuation never starts a line),
    /// and inside a word only when the word is wider than a whole line. Spaces at a break
    /// are dropped; nothing else is. Always at least one line.
    public static func wrap(_ text: String, columns: Int) -> [String] {
        let w = max(1, columns)
        var lines: [String] = []
        var line = "", lineWidth = 0
        func breakLine() {
            // The spaces a break falls on are dropped.
            while line.last == " " { line.removeLast(); lineWidth -= 1 }
            lines.append(line); line = ""; lineWidth = 0
        }
        for token in tokens(text) {
            let tw = SlipWidth.of(token)
            if token == " " {
                if lineWidth + 1 <= w { if lineWidth > 0 { line += " "; lineWidth += 1 } } else { breakLine() }
                continue
            }
            if lineWidth + tw <= w { line += token; lineWidth += tw; continue }
            if lineWidth > 0 && tw <= w {
                // Closing punctuation does not start a line: the character before goes down with it.
                var carried = ""
                if noLineStart.contains(token), line.count > 1, let last = line.last, last != " ", !isWordCharacter(last),
                   SlipWidth.of(last) + tw <= w {
                    carried = String(line.removeLast())
                    lineWidth -= SlipWidth.of(carried)
                }
                breakLine(); line = carried + token; lineWidth = SlipWidth.of(line); continue
            }
            // A word wider than a whole line: cut at character boundaries, from a line of its own.
            if lineWidth > 0 { breakLine() }
            for ch in token {
                let cw = SlipWidth.of(ch)
                if lineWidth + cw > w && lineWidth > 0 { breakLine() }
                line.append(ch); lineWidth += cw
            }
        }
        while line.last == " " { line.removeLast() }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Chinese punctuation that may not begin a line.
    static let noLineStart: Set<String> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "】", "…"]

    /// Part of a word: ASCII other than space, and `¥`.
    static func isWordCharacter(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (s.value > 0x20 && s.value < 0x7F) || s.value == 0xA5
    }

    /// Amounts (`¥50.00`, `-¥3.50`: a sign, `¥`, digits and points) as tokens of their own,
    /// words (runs of other ASCII but space), single spaces, and every other character on
    /// its own.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        var amount = false
        func flush() { if !word.isEmpty { out.append(word); word = "" }; amount = false }
        for c in text {
            if c == "¥" {
                // A sign right before the yuan sign belongs to the amount.
                let sign = word.last == "-" ? String(word.removeLast()) : ""
                flush()
                word = sign + "¥"; amount = true
                continue
            }
            if amount {
                if c.isASCII && (c.isNumber || c == "." || c == ",") { word.append(c); continue }
                flush()
            }
            if isWordCharacter(c) { word.append(c); continue }
            flush()
            out.append(String(c))
        }
        flush()
        return out
    }
}
