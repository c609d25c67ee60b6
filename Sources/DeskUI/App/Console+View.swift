import DeskDomain

extension Console {
    /// The whole screen for the current state, and where the cursor goes.
    public func render(rows: Int, columns: Int, color: Bool = false) -> (Screen, (row: Int, column: Int)?) {
        var s = Screen(rows: rows, columns: columns)
        guard rows >= 6, columns >= 20 else {
            s.put(l.pick("窗口太小", "Window too small"), row: 0, column: 0)
            return (s, nil)
        }
        drawTitle(&s)
        var cursor: (row: Int, column: Int)?
        let top = 1, bottom = rows - 4   // content rows top...bottom
        if state.showingHelp {
            drawHelp(&s, top: top, bottom: bottom)
        } else if let gate = state.gate, state.mode != .working {
            cursor = drawForm(gate, on: &s, top: top + 1, bottom: bottom)
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

    func roleName(_ r: Role) -> String {
        switch r {
        case .clerk: return l.pick("柜员", "clerk")
        case .lead: return l.pick("值班主管", "shift lead")
        case .auditor: return l.pick("审计", "auditor")
        }
    }

    func drawTitle(_ s: inout Screen) {
        s.fill(row: 0, style: .title)
        let place = state.mode == .working ? (currentPanel?.title(l) ?? "") : l.pick("服务台", "Service desk")
        s.put(" " + desk.context.config.plazaName + " · " + place, row: 0, column: 0, style: .title)
        let now = desk.context.time.civil(desk.context.now())
        var right = now.dateString + " " + now.timeString
        if let a = state.actor, state.mode == .working { right += "  " + state.operatorName + "(" + roleName(a.role) + ")" }
        right += " "
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

    /// The keys that work here and now.
    func keyHints() -> [(String, String)] {
        if state.showingHelp { return [("Esc/F1", l.pick("关闭帮助", "close help"))] }
        if state.confirmingQuit { return [("y", l.pick("退出", "quit")), (l.pick("其他键", "other"), l.pick("继续", "go on"))] }
        if state.mode != .working {
            return [("Enter", l.pick("确定", "OK")), ("Tab", l.pick("下一项", "next field")), ("Esc", l.pick("清空", "clear"))]
        }
        if let form = state.form {
            var hints = [("Enter", l.pick("提交", "submit")), ("Tab", l.pick("下一项", "next")), ("Esc", l.pick("取消", "cancel"))]
            if form.fields.indices.contains(form.focus), form.fields[form.focus].isToggleOrChoice {
                hints.append((l.pick("空格", "Space"), l.pick("切换", "change")))
            }
            return hints
        }
        if state.list.searching { return [("Enter", l.pick("完成搜索", "done")), ("Esc", l.pick("清除搜索", "clear search"))] }
        var hints: [(String, String)] = (currentPanel?.actions ?? [])
            .filter { !$0.leadOnly || state.actor?.role == .lead }
            .map { (String($0.key), $0.label(l)) }
        hints.append(("/", l.pick("搜索", "search")))
        return hints
    }

    func drawKeys(_ s: inout Screen, row: Int) {
        var col = 0
        for (k, label) in keyHints() {
            let needed = TextWidth.of(k) + TextWidth.of(label) + 2
            if col + needed > s.columns { break }
            col = s.put(k, row: row, column: col, style: .keyBar)
            col = s.put(" " + label + " ", row: row, column: col)
        }
    }

    func drawFunctionKeys(_ s: inout Screen, row: Int) {
        var items: [(String, String)] = [("F1", l.pick("帮助", "Help"))]
        for p in panels where !p.leadOnly || state.actor?.role == .lead || state.mode != .working {
            items.append(("F\(p.functionKey)", p.title(l)))
        }
        items.append(("F10", l.pick("退出", "Quit")))
        var col = 0
        s.fill(row: row, style: .normal)
        for (k, label) in items {
            if col + TextWidth.of(k) + TextWidth.of(label) + 1 > s.columns { break }
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
        let widths = columnWidths(content.widths, total: s.columns - 1)
        var col = 1
        for (i, h) in content.headings.enumerated() where i < widths.count {
            s.put(TextWidth.pad(h, to: widths[i]), row: row, column: col, style: .bold)
            col += widths[i]
        }
        row += 1
        let height = max(1, bottom - row + (content.footer.isEmpty ? 1 : 0))
        list.clamp(rowCount: content.rows.count, height: height)
        if content.rows.isEmpty {
            s.put(" " + content.empty, row: row, column: 0, style: .dim)
        }
        for (i, r) in content.rows.enumerated().dropFirst(list.scroll).prefix(height) {
            let selected = i == list.selection && !list.searching
            let style: Screen.Style = selected ? .reverse : r.flagged ? .error : .normal
            if selected { s.fill(row: row, style: .reverse) }
            var c = 1
            for (j, cell) in r.cells.enumerated() where j < widths.count {
                s.put(TextWidth.pad(cell, to: widths[j] - 1), row: row, column: c, style: style)
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

    func drawHelp(_ s: inout Screen, top: Int, bottom: Int) {
        var lines: [String] = [l.pick("按键一览（F1 或 Esc 关闭）", "Every key (F1 or Esc closes)"), ""]
        lines.append(l.pick("全局", "Everywhere"))
        lines.append("  F1 " + l.pick("帮助", "help") + "   F10 " + l.pick("退出（有未提交内容时先确认）", "quit (asks first when a form has input)"))
        for p in panels { lines.append("  F\(p.functionKey) " + p.title(l) + (p.leadOnly ? l.pick("（仅值班主管）", " (shift lead only)") : "")) }
        lines.append("  Alt-1…Alt-9 = F1…F9, Alt-0 = F10 " + l.pick("（终端不发送 F 键时）", "(where the terminal sends no F-keys)"))
        lines.append("")
        lines.append(l.pick("列表", "Lists"))
        lines.append("  ↑ ↓ PgUp PgDn Home End " + l.pick("选择", "select") + "   / " + l.pick("边输边搜", "search as you type")
                     + "   Esc " + l.pick("清除搜索", "clear search") + "   Enter " + l.pick("第一个操作", "first action"))
        if let p = currentPanel, state.mode == .working {
            lines.append("")
            lines.append(p.title(l))
            for a in p.actions { lines.append("  \(a.key)  " + a.label(l) + (a.leadOnly ? l.pick("（值班主管）", " (shift lead)") : "")) }
        }
        lines.append("")
        lines.append(l.pick("表单", "Forms"))
        lines.append("  Tab / ↓ " + l.pick("下一项", "next field") + "   Shift-Tab / ↑ " + l.pick("上一项", "previous field")
                     + "   Enter " + l.pick("提交", "submit") + "   Esc " + l.pick("取消", "cancel"))
        lines.append("  " + l.pick("空格或 ← → 切换选项；* 为必填；被拒时光标停在出错的一项，内容保留。",
                                   "Space or ← → change a choice; * is required; a refusal keeps what was typed and puts the cursor on the field at fault."))
        var row = top
        for line in lines.flatMap({ wrap($0, width: s.columns - 2) }) where row <= bottom {
            s.put(" " + line, row: row, column: 0, style: row == top ? .bold : .normal)
            row += 1
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
                    let head = TextWidth.prefix(word, fitting: width)
                    lines.append(head)
                    word.removeFirst(head.count)
                    wordWidth = TextWidth.of(word)
                }
                current += word; used += wordWidth
                word = ""; wordWidth = 0
            }
            for c in paragraph {
                let w = TextWidth.of(c)
                let latin = c.isASCII && c != " "
                if latin { word.append(c); wordWidth += w; continue }
                flushWord()
                if "，。、；：！？）》」".contains(c) && used + w > width && !current.isEmpty {
                    current.append(c); lines.append(current); current = ""; used = 0; continue
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
