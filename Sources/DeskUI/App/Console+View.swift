import DeskDomain

extension Console {
    /// The whole screen for the current state, and where the cursor goes.
    public func render(rows: Int, columns: Int, color: Bool = false) -> (Screen, (row: Int, column: Int)?) {
        var s = Screen(rows: rows, columns: columns)
        guard rows >= Self.minimumRows, columns >= Self.minimumColumns else {
            drawTooSmall(&s)
            return (s, nil)
        }
        drawTitle(&s)
        var cursor: (row: Int, column: Int)?
        let top = 1, bottom = rows - 4   // content rows top...bottom
        if state.showingHelp {
            drawHelp(&s, top: top, bottom: bottom)
        } else if let gate = state.gate, state.mode != .working {
            cursor = drawForm(gate, on: &s, top: top + 1, bottom: bottom - 2)
            drawWhereAndLanguage(&s, bottom: bottom)
        } else if let form = state.form {
            cursor = drawForm(form, on: &s, top: top, bottom: bottom)
        } else if let panel = currentPanel {
            cursor = drawList(panel, on: &s, top: top, bottom: bottom)
        }
        drawStatus(&s, row: rows - 3, spareRowAbove: bottom)
        drawKeys(&s, row: rows - 2)
        drawFunctionKeys(&s, row: rows - 1)
        return (s, cursor)
    }

    /// Before anyone logs in: which data directory this console opened and how to switch
    /// the language, in both languages (whoever stands at the desk reads one of them).
    func drawWhereAndLanguage(_ s: inout Screen, bottom: Int) {
        let lines = wrap("数据目录 Data directory: " + desk.context.data.path, width: s.columns - 2)
            + wrap("切换语言：按 F1，再按 l · To switch language: F1, then l", width: s.columns - 2)
        for (i, line) in lines.suffix(bottom).enumerated() {
            s.put(" " + line, row: bottom - lines.count + 1 + i, column: 0, style: .dim)
        }
    }

    /// The smallest window the console lays out for; below it, it asks for a bigger one.
    public static let minimumRows = 24
    public static let minimumColumns = 80

    /// The whole screen asks for a bigger window (and says how big it is now); the console
    /// draws itself again as soon as the window is big enough.
    func drawTooSmall(_ s: inout Screen) {
        let message = l.pick("请把窗口调到至少 \(Self.minimumColumns)×\(Self.minimumRows)（现在 \(s.columns)×\(s.rows)）。",
                             "Make the window at least \(Self.minimumColumns)×\(Self.minimumRows) (it is \(s.columns)×\(s.rows) now).")
        let lines = wrap(message, width: s.columns)
        let top = max(0, (s.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            s.put(line, row: top + i, column: max(0, (s.columns - TextWidth.of(line)) / 2), style: .bold)
        }
    }

    func drawTitle(_ s: inout Screen) {
        s.fill(row: 0, style: .title)
        let place = state.mode == .working ? (currentPanel?.title(l) ?? "") : l.pick("服务台", "Service desk")
        let now = desk.context.time.civil(desk.context.now())
        var right = now.dateString + " " + now.timeString
        if let a = state.actor, state.mode == .working { right += "  " + state.operatorName + "(" + a.role.name(l) + ")" }
        right += " "
        var left = " " + desk.context.config.plazaName + " · " + place
        if desk.context.readOnly {   // said first and whole: the plaza's name gives way on a short line
            let mark = " " + l.pick("只读", "read-only") + " ·"
            left = mark + (TextWidth.of(mark + left) + TextWidth.of(right) < s.columns ? left : " " + place)
        }
        s.put(left, row: 0, column: 0, style: .title)
        s.put(right, row: 0, column: max(0, s.columns - TextWidth.of(right)), style: .title)
    }

    /// The message; one that does not fit takes the row above as well.
    func drawStatus(_ s: inout Screen, row: Int, spareRowAbove: Int) {
        let style: Screen.Style = state.tone == .error ? .error : state.tone == .success ? .success : .normal
        let lines = wrap(state.status.replacingOccurrences(of: "\n", with: " "), width: s.columns - 2)
        let first = lines.count > 1 && spareRowAbove < row ? row - 1 : row
        for (i, line) in lines.prefix(row - first + 1).enumerated() {
            s.fill(row: first + i, style: style)
            s.put(" " + line, row: first + i, column: 0, style: style)
        }
    }

    /// One key of the key bar: the key, what it does, and whether it is dimmed (a lead's
    /// action on a clerk's console: it opens, and asks for the lead's approval in place).
    struct KeyHint: Equatable {
        var key: String
        var label: String
        var dimmed = false
    }

    /// The keys that work here and now, from the panel's actions and the operator's role:
    /// an auditor's console shows no action that writes (its key says why at once).
    func keyHints() -> [KeyHint] {
        func hints(_ pairs: [(String, String)]) -> [KeyHint] { pairs.map { KeyHint(key: $0.0, label: $0.1) } }
        if state.showingHelp { return hints([("Esc/F1", l.pick("关闭帮助", "close help")), ("l", l.pick("English", "中文"))]) }
        if state.confirmingQuit { return hints([("y", l.pick("退出", "quit")), (l.pick("其他键", "other"), l.pick("继续", "go on"))]) }
        if state.mode != .working {
            return hints([("Enter", l.pick("确定", "OK")), ("Tab", l.pick("下一项", "next field")), ("Esc", l.pick("清空", "clear")),
                          ("F1", l.pick("帮助·English", "help·中文"))])
        }
        if let form = state.form {
            var pairs = [("Enter", l.pick("提交", "submit")), ("Tab", l.pick("下一项", "next")), ("Esc", l.pick("取消", "cancel"))]
            if form.fields.indices.contains(form.focus), form.fields[form.focus].isToggleOrChoice {
                pairs.append((l.pick("空格", "Space"), l.pick("切换", "change")))
            }
            return hints(pairs)
        }
        if state.list.searching { return hints([("Enter", l.pick("完成搜索", "done")), ("Esc", l.pick("清除搜索", "clear search"))]) }
        let role = state.actor?.role
        // The search first: on a narrow screen the panel's last actions give way, not it.
        return [KeyHint(key: "/", label: l.pick("搜索", "search"))] + (currentPanel?.actions ?? [])
            .filter { role != .auditor || !$0.writes }
            .map { KeyHint(key: String($0.key), label: $0.label(l), dimmed: $0.leadOnly && role == .clerk) }
    }

    func drawKeys(_ s: inout Screen, row: Int) {
        var col = 0
        for hint in keyHints() {
            let needed = TextWidth.of(hint.key) + TextWidth.of(hint.label) + 2
            if col + needed > s.columns { break }
            col = s.put(hint.key, row: row, column: col, style: hint.dimmed ? .dim : .keyBar)
            col = s.put(" " + hint.label + " ", row: row, column: col, style: hint.dimmed ? .dim : .normal)
        }
    }

    /// The F-keys shown in the key bar now: F1, the panels this operator may open, F10.
    func functionKeysShown() -> [FunctionKeyLabel] {
        var numbers = [1]
        for p in panels where !p.leadOnly || state.actor?.role != .clerk || state.mode != .working { numbers.append(p.functionKey) }
        if state.mode == .working { numbers.append(9) }
        numbers.append(10)
        return numbers.map(functionKeyLabel)
    }

    /// The labels of an F-key, from the key table; a panel the table does not know keeps its title.
    func functionKeyLabel(_ number: Int) -> FunctionKeyLabel {
        if let entry = Console.functionKeyTable.first(where: { $0.number == number }) { return entry }
        let title = panels.first { $0.functionKey == number }.map { ($0.title(.zhHans), $0.title(.en)) } ?? ("", "")
        return FunctionKeyLabel(number, title.0, title.1, bar: title.0, title.1, rank: 9)
    }

    /// The bar's items (key, short label) that fit in `columns`: the least important labels
    /// are left out first, never F1 Help and F10 Quit.
    func functionKeyBar(columns: Int) -> [(key: String, label: String)] {
        var shown = functionKeysShown()
        func width(_ items: [FunctionKeyLabel]) -> Int {
            items.reduce(0) { $0 + TextWidth.of("F\($1.number)") + TextWidth.of($1.bar(l)) + 1 } - 1
        }
        while width(shown) > columns,
              let drop = shown.indices.filter({ shown[$0].rank > 0 }).max(by: { (shown[$0].rank, $0) < (shown[$1].rank, $1) }) {
            shown.remove(at: drop)
        }
        return shown.map { ("F\($0.number)", $0.bar(l)) }
    }

    func drawFunctionKeys(_ s: inout Screen, row: Int) {
        var col = 0
        s.fill(row: row, style: .normal)
        // One column short of the width: a terminal scrolls when its bottom-right cell is written.
        for (k, label) in functionKeyBar(columns: s.columns - 1) {
            if col + TextWidth.of(k) + TextWidth.of(label) > s.columns { break }
            col = s.put(k, row: row, column: col, style: .normal)
            let active = state.mode == .working && "F\(state.panel)" == k
            col = s.put(label, row: row, column: col, style: active ? .reverse : .keyBar)
            col = s.put(" ", row: row, column: col)
        }
    }

    func drawForm(_ form: FormState, on s: inout Screen, top: Int, bottom: Int) -> (row: Int, column: Int)? {
        var row = top
        s.put(" " + form.title(l), row: row, column: 0, style: .bold)
        row += 1
        let note = l.pick(form.noteZh, form.noteEn)
        if !note.isEmpty {
            let lines = wrap(note, width: s.columns - 2)
            let room = form.fields.isEmpty ? bottom - row + 1 : max(1, bottom - row - form.fields.count - 1)
            let start = form.fields.isEmpty ? min(form.noteScroll, max(0, lines.count - room)) : 0
            for line in lines.dropFirst(start).prefix(room) { s.put(" " + line, row: row, column: 0, style: form.fields.isEmpty ? .normal : .dim); row += 1 }
            if form.fields.isEmpty && lines.count > room {
                s.put(l.pick("（↑ ↓ PgUp PgDn 翻看）", "(↑ ↓ PgUp PgDn to scroll)"), row: bottom, column: max(0, s.columns - 26), style: .dim)
            }
        }
        row += 1
        let labelWidth = min(s.columns / 2, (form.fields.map { TextWidth.of($0.label(l)) }.max() ?? 0) + 3)
        let valueWidth = max(4, s.columns - labelWidth - 4)
        // Scroll so that the focused field is visible.
        let visibleRows = max(1, bottom - row + 1)
        let first = max(0, form.focus - visibleRows + 1)
        var cursor: (row: Int, column: Int)?
        for (i, field) in form.fields.enumerated() where i >= first && row <= bottom {
            let focused = i == form.focus
            let fault = form.faultField == field.id
            let mark = field.required ? "*" : " "
            s.put(mark + TextWidth.pad(field.label(l), to: labelWidth - 2) + ":", row: row, column: 1,
                  style: fault ? .error : focused ? .bold : .normal)
            let x = labelWidth + 2
            s.fill(row: row, from: x, to: x + valueWidth, style: focused ? .fieldFocused : .field)
            if field.isToggleOrChoice {
                s.put(field.display(l), row: row, column: x, style: focused ? .fieldFocused : .field)
                if focused { cursor = (row, x) }
            } else {
                let (text, cursorColumn) = field.editor.visible(width: valueWidth - 1, masked: field.kind == .pin)
                s.put(text, row: row, column: x, style: focused ? .fieldFocused : .field)
                if focused { cursor = (row, x + cursorColumn) }
            }
            row += 1
        }
        return cursor
    }

    func drawList(_ panel: Panel, on s: inout Screen, top: Int, bottom: Int) -> (row: Int, column: Int)? {
        var list = state.list
        let content = panel.list(desk: desk, query: list.query, language: l)
        var row = top
        var cursor: (row: Int, column: Int)?
        if let damage = panel.books.lazy.compactMap({ self.desk.damage(of: $0) }).first {
            // A damaged book: the panel shows what its sound lines give and writes nothing.
            for line in wrap(Self.damageText(damage, l), width: s.columns - 2).prefix(3) {
                s.fill(row: row, style: .error)
                s.put(" " + line, row: row, column: 0, style: .error)
                row += 1
            }
        }
        if list.searching || !list.query.isEmpty {
            let label = l.pick(" 搜索: ", " Search: ")
            let col = s.put(label, row: row, column: 0, style: .bold)
            let (text, c) = list.search.visible(width: s.columns - col - 1)
            s.put(text, row: row, column: col, style: list.searching ? .fieldFocused : .field)
            if list.searching { cursor = (row, col + c) }
            row += 1
        }
        // The rows in view first: only their amounts need to be whole (a year of rows is
        // not measured on every key).
        let height = max(1, bottom - (row + 1) + (content.footer.isEmpty ? 1 : 0))
        list.clamp(rowCount: content.rows.count, height: height)
        let shown = content.rows.dropFirst(list.scroll).prefix(height)
        let widths = amountsWhole(columnWidths(content.widths, total: s.columns - 1), rows: shown)
        var col = 1
        for (i, h) in content.headings.enumerated() where i < widths.count {
            s.put(TextWidth.pad(h, to: widths[i]), row: row, column: col, style: .bold)
            col += widths[i]
        }
        row += 1
        if content.rows.isEmpty {
            s.put(" " + content.empty, row: row, column: 0, style: .dim)
        }
        for (i, r) in content.rows.enumerated().dropFirst(list.scroll).prefix(height) {
            let selected = i == list.selection && !list.searching
            let style: Screen.Style = selected ? .reverse : r.flagged ? .error : .normal
            if selected { s.fill(row: row, style: .reverse) }
            var c = 1
            for (j, cell) in r.cells.enumerated() where j < widths.count {
                s.put(AmountText.fit(cell, to: widths[j] - 1), row: row, column: c, style: style)
                c += widths[j]
            }
            row += 1
        }
        if !content.footer.isEmpty { s.put(" " + content.footer, row: bottom, column: 0, style: .dim) }
        return cursor
    }

    /// What a damaged book's panel says at the top, in the console's language.
    static func damageText(_ e: any Error, _ l: Language) -> String {
        if let f = e as? DeskFailure { return f.message(l) }
        if case let LedgerError.damaged(book, year, seq, _)? = e as? LedgerError {
            return l.pick("账本 \(book) \(year) 第 \(seq) 条已损坏：这里只显示损坏前的记录，停止写入；请保留文件，告诉值班主管。",
                          "book \(book) \(year) is damaged at seq \(seq): shown as far as it is sound, and it takes no entries; keep the file and tell the shift lead.")
        }
        return "\(e)"
    }

    /// Column widths in terminal columns from relative weights.
    func columnWidths(_ weights: [Int], total: Int) -> [Int] {
        let sum = max(1, weights.reduce(0, +))
        var widths = weights.map { max(3, $0 * total / sum) }
        if let last = widths.indices.last { widths[last] = max(3, total - widths.dropLast().reduce(0, +)) }
        return widths
    }

    /// Widens a column too narrow for its amounts, taking the columns from the column with
    /// the most room to spare, so that every amount shows whole (the other text is shortened).
    func amountsWhole(_ widths: [Int], rows: ArraySlice<ListContent.Row>) -> [Int] {
        var widths = widths
        let needed = widths.indices.map { j in
            rows.map { $0.cells.indices.contains(j) ? AmountText.widest(in: $0.cells[j]) : 0 }.max() ?? 0
        }
        for j in widths.indices where needed[j] > 0 {
            while widths[j] - 1 < needed[j] {
                let spare = widths.indices.filter { $0 != j }.map { ($0, widths[$0] - max(4, needed[$0] + 1)) }
                guard let donor = spare.max(by: { $0.1 < $1.1 }), donor.1 > 0 else { break }
                widths[donor.0] -= 1
                widths[j] += 1
            }
        }
        return widths
    }

    /// The help screen's lines: the panel's own keys first (what a clerk looks for), then
    /// the keys that work everywhere, in lists and in forms. All from the key tables.
    func helpLines() -> [String] {
        var lines: [String] = [l.pick("按键一览（F1 或 Esc 关闭，↑ ↓ 翻看）", "Every key (F1 or Esc closes, ↑ ↓ scroll)"), ""]
        if let p = currentPanel, state.mode == .working {
            lines.append(p.title(l))
            let role = state.actor?.role
            for a in p.actions {
                let note: String
                if role == .auditor && a.writes { note = l.pick("（审计员只能查看）", " (not for an auditor: read-only)") }
                else if a.leadOnly && role == .clerk { note = l.pick("（值班主管在表单中批准）", " (a shift lead approves in the form)") }
                else if a.leadOnly { note = l.pick("（值班主管）", " (shift lead)") }
                else { note = "" }
                lines.append("  \(a.key)  " + a.label(l) + note)
            }
            lines.append("")
        }
        lines.append(l.pick("全局", "Everywhere"))
        lines.append("  F1 " + functionKeyLabel(1).help(l))
        for p in panels { lines.append("  F\(p.functionKey) " + functionKeyLabel(p.functionKey).help(l) + (p.leadOnly ? l.pick("（仅值班主管）", " (shift lead only)") : "")) }
        lines.append("  F9 " + functionKeyLabel(9).help(l))
        lines.append("  F10 " + functionKeyLabel(10).help(l))
        lines.append("  l " + l.pick("（在本帮助页）切换为 English：只影响本台控制台", "(on this help screen) switch to 中文: this console only"))
        lines.append("  Alt-1…Alt-9 = F1…F9, Alt-0 = F10 " + l.pick("（终端不发送 F 键时）", "(where the terminal sends no F-keys)"))
        lines.append("")
        lines.append(l.pick("列表", "Lists"))
        lines.append("  ↑ ↓ PgUp PgDn Home End " + l.pick("选择", "select") + "   / " + l.pick("边输边搜", "search as you type")
                     + "   Esc " + l.pick("清除搜索", "clear search") + "   Enter " + l.pick("所选行的常用操作（借出的伞 → 归还）", "the selected row's usual action (an umbrella out → return)"))
        lines.append("")
        lines.append(l.pick("表单", "Forms"))
        lines.append("  Tab / ↓ " + l.pick("下一项", "next field") + "   Shift-Tab / ↑ " + l.pick("上一项", "previous field")
                     + "   Enter " + l.pick("提交", "submit") + "   Esc " + l.pick("取消", "cancel"))
        lines.append("  " + l.pick("空格或 ← → 切换选项，也可输入序号、名称或拼音首字母；* 为必填；被拒时光标停在出错的一项，内容保留。",
                                   "Space or ← → change a choice, or type its number or first letters; * is required; a refusal keeps what was typed and puts the cursor on the field at fault."))
        return lines
    }

    func drawHelp(_ s: inout Screen, top: Int, bottom: Int) {
        // An indented entry that wraps goes on indented a step further.
        let lines = helpLines().flatMap { line -> [String] in
            guard line.hasPrefix("  ") else { return wrap(line, width: s.columns - 2) }
            let parts = wrap(String(line.dropFirst(2)), width: s.columns - 6)
            return parts.enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
        }
        let room = bottom - top   // the title line stays; the rest scrolls
        let scroll = min(state.helpScroll, max(0, lines.count - 1 - room))
        s.put(" " + lines[0], row: top, column: 0, style: .bold)
        var row = top + 1
        for line in lines.dropFirst(1 + scroll).prefix(room) {
            s.put(" " + line, row: row, column: 0)
            row += 1
        }
        if lines.count - 1 > room + scroll {
            let more = l.pick("（↓ 还有）", "(↓ more)")
            s.put(more, row: bottom, column: max(0, s.columns - TextWidth.of(more) - 1), style: .dim)
        }
    }

    /// Cuts text into lines of at most `width` columns: at line breaks, between words of
    /// Latin text, anywhere in Chinese, and never starting a line with a Chinese comma or stop.
    func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = "", used = 0
            var word = "", wordWidth = 0
            func flushWord() {
                if used + wordWidth > width && !current.isEmpty {
                    lines.append(current.trimmingTrailingSpaces()); current = ""; used = 0
                    if word.first == " " { word.removeFirst(); wordWidth -= 1 }
                }
                while wordWidth > width {   // a word longer than a line
                    var head = TextWidth.prefix(word, fitting: width)
                    if head.isEmpty { head = String(word.prefix(1)) }
                    lines.append(head)
                    word.removeFirst(head.count)
                    wordWidth = TextWidth.of(word)
                }
                current += word; used += wordWidth
                word = ""; wordWidth = 0
            }
            for c in paragraph {
                let w = TextWidth.of(c)
                // Latin words and amounts (¥50.00) are not broken inside.
                let latin = (c.isASCII && c != " ") || AmountText.isCurrency(c)
                if latin { word.append(c); wordWidth += w; continue }
                flushWord()
                if "，。、；：！？）》」".contains(c) && used + w > width && !current.isEmpty {
                    // A stop may not start a line and may not stick out past its end: the
                    // character (or word, or amount) before it goes to the next line with it.
                    current = current.trimmingTrailingSpaces()
                    var carried = ""
                    func carryLast() {   // one character, or a whole Latin word or amount
                        guard let last = current.last else { return }
                        if last.isASCII || AmountText.isCurrency(last) {
                            while let x = current.last, x != " ", x.isASCII || AmountText.isCurrency(x) {
                                carried.insert(current.removeLast(), at: carried.startIndex)
                            }
                        } else {
                            carried.insert(current.removeLast(), at: carried.startIndex)
                        }
                    }
                    carryLast()
                    while let first = carried.first, "，。、；：！？）》」".contains(first), !current.isEmpty { carryLast() }
                    if current.trimmingTrailingSpaces().isEmpty || TextWidth.of(carried) + w > width {
                        current += carried   // nothing to carry it with: the stop starts the next line
                        carried = ""
                    }
                    lines.append(current.trimmingTrailingSpaces())
                    current = carried + String(c); used = TextWidth.of(current); continue
                }
                word = String(c); wordWidth = w
                flushWord()
            }
            flushWord()
            lines.append(current.trimmingTrailingSpaces())
        }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// One F-key's labels: the long one of the help screen (F1) and the short one of the key bar.
struct FunctionKeyLabel: Equatable, Sendable {
    var number: Int
    var helpZh: String, helpEn: String
    var barZh: String, barEn: String
    /// Which labels the key bar leaves out first when it is short of room (highest first);
    /// 0 is never left out.
    var rank: Int

    init(_ number: Int, _ helpZh: String, _ helpEn: String, bar barZh: String, _ barEn: String, rank: Int) {
        self.number = number; self.helpZh = helpZh; self.helpEn = helpEn; self.barZh = barZh; self.barEn = barEn; self.rank = rank
    }

    func help(_ l: Language) -> String { l.pick(helpZh, helpEn) }
    func bar(_ l: Language) -> String { l.pick(barZh, barEn) }
}

extension Console {
    /// The console's F-keys: the one table that the key bar and the help screen both read.
    /// A panel's help label is its title (a test keeps them equal).
    static let functionKeyTable: [FunctionKeyLabel] = [
        FunctionKeyLabel(1, "帮助", "help", bar: "帮助", "Help", rank: 0),
        FunctionKeyLabel(2, "失物招领", "Lost and found", bar: "失物招领", "Lost", rank: 1),
        FunctionKeyLabel(3, "雨伞", "Umbrellas", bar: "雨伞", "Umbrella", rank: 2),
        FunctionKeyLabel(4, "童车", "Strollers", bar: "童车", "Stroller", rank: 2),
        FunctionKeyLabel(5, "积分卡", "Points cards", bar: "积分卡", "Points", rank: 1),
        FunctionKeyLabel(6, "发票/收据", "Invoices & receipts", bar: "发票", "Invoices", rank: 1),
        FunctionKeyLabel(8, "交班", "Shift", bar: "交班", "Shift", rank: 3),
        FunctionKeyLabel(9, "锁定（换人交接；离开时按）", "lock (hand over; press when you step away)", bar: "锁定", "Lock", rank: 4),
        FunctionKeyLabel(10, "退出（有未提交内容时先确认）", "quit (asks first when a form has input)", bar: "退出", "Quit", rank: 0),
    ]
}

/// Amounts of money in text (`¥50.00`, `-¥1.00`, `￥1,234.50`): kept whole when text is
/// wrapped or fitted into a table cell.
enum AmountText {
    static func isCurrency(_ c: Character) -> Bool { c == "¥" || c == "￥" }
    static func isAmountPart(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == "." || c == ",") }

    /// The ranges of the amounts in `text`, in order.
    static func ranges(in text: String) -> [Range<String.Index>] {
        // Both signs (U+00A5, U+FFE5) end in the byte A5: text without it holds no amount,
        // found without walking its characters.
        guard text.utf8.contains(0xA5) else { return [] }
        var out: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard isCurrency(text[i]) else { i = text.index(after: i); continue }
            var start = i
            if start > text.startIndex, text[text.index(before: start)] == "-" { start = text.index(before: start) }
            var end = text.index(after: i)
            while end < text.endIndex, isAmountPart(text[end]) { end = text.index(after: end) }
            // A trailing stop or comma is the sentence's, not the amount's.
            while end > text.index(after: i), !text[text.index(before: end)].isNumber { end = text.index(before: end) }
            out.append(start..<end)
            i = end
        }
        return out
    }

    /// `text` in exactly `columns`: when it does not fit, the text around its amounts is
    /// shortened (from the end) and the amounts stay whole.
    static func fit(_ text: String, to columns: Int) -> String {
        if TextWidth.of(text) <= columns { return TextWidth.pad(text, to: columns) }
        let amounts = ranges(in: text)
        guard !amounts.isEmpty else { return TextWidth.pad(text, to: columns) }
        // Pieces: (text, isAmount).
        var pieces: [(String, Bool)] = []
        var at = text.startIndex
        for r in amounts {
            if at < r.lowerBound { pieces.append((String(text[at..<r.lowerBound]), false)) }
            pieces.append((String(text[r]), true))
            at = r.upperBound
        }
        if at < text.endIndex { pieces.append((String(text[at...]), false)) }
        var excess = TextWidth.of(text) - columns
        for i in pieces.indices.reversed() where excess > 0 && !pieces[i].1 {
            while excess > 0, let last = pieces[i].0.last {
                pieces[i].0.removeLast()
                excess -= TextWidth.of(last)
            }
        }
        return TextWidth.pad(pieces.map(\.0).joined(), to: columns)
    }

    /// The widest amount in `text` (0 when there is none).
    static func widest(in text: String) -> Int {
        ranges(in: text).map { TextWidth.of(String(text[$0])) }.max() ?? 0
    }
}
