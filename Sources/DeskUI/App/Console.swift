import DeskDomain

/// The console: keys in, screens out, over one desk.
///
/// `handle(_:)` is the update (state + key → new state, calling the domain for actions),
/// `render(rows:columns:)` the view (state → screen). `run(on:)` joins them to a terminal.
public final class Console {
    public let desk: Desk
    public let panels: [Panel]
    public private(set) var state: ConsoleState
    /// Minutes without a key before the desk locks itself.
    public var idleLockMinutes: Int

    public init(desk: Desk, language: Language? = nil, panels: [Panel]? = nil) {
        self.desk = desk
        self.panels = panels ?? Console.standardPanels
        idleLockMinutes = desk.context.config.idleLockMinutes
        state = ConsoleState(mode: desk.operators.needsFirstLead ? .firstRun : .login,
                             language: language ?? desk.context.config.language)
        state.gate = state.mode == .firstRun ? ConsoleGates.firstRun() : ConsoleGates.login()
        state.lastKeyAt = desk.context.now()
        if desk.context.readOnly && state.mode == .firstRun {
            state.say(ReadOnlyRefusal(data: desk.context.data.path, what: .firstLead).message(state.language), .error)
        }
    }

    var l: Language { state.language }
    var currentPanel: Panel? { panels.first { $0.functionKey == state.panel } }

    // MARK: - Running on a terminal

    /// How long the console waits for a key before it looks at the books again: what
    /// another console wrote shows within this (and a stat a book is all it costs).
    static let pollMilliseconds = 500

    /// Draws, reads keys and handles them until F10 (confirmed).
    public func run(on terminal: Terminal) {
        var drawn: (rows: Int, columns: Int, state: ConsoleState, minute: Int64)?
        while !state.quit {
            let size = terminal.size
            let minute = desk.context.now() / 60
            // Nothing to draw again when neither the state, the books, the size nor the clock's minute moved.
            if drawn == nil || drawn!.rows != size.rows || drawn!.columns != size.columns || drawn!.state != state || drawn!.minute != minute {
                let (screen, cursor) = render(rows: size.rows, columns: size.columns, color: terminal.hasColor)
                terminal.show(screen, cursor: cursor)
                drawn = (size.rows, size.columns, state, minute)
            }
            if let key = terminal.readKey(timeoutMilliseconds: Self.pollMilliseconds) {
                if takesKey(key, rows: size.rows, columns: size.columns) { handle(key) }
                if key == .resize { drawn = nil }
            } else if terminal.isGone {
                return
            } else {
                tick()
            }
            if refreshFromOtherConsoles() { drawn = nil }
        }
    }

    /// Whether a key reaches ``handle(_:)`` in a window of this size: below the smallest
    /// the console lays out for, the screen shows only "make the window bigger", so a key
    /// typed blind is not acted on — except F10, which quits (asking first as usual).
    public func takesKey(_ key: Key, rows: Int, columns: Int) -> Bool {
        if rows >= Self.minimumRows && columns >= Self.minimumColumns { return true }
        return key == .resize || key.functionNumber == 10 || state.confirmingQuit
    }

    /// Reads what other consoles on the data directory wrote (a stat a book when nothing
    /// did), and re-fills a form in hand whose pre-filled value was taken meanwhile. True
    /// when any book changed.
    @discardableResult
    public func refreshFromOtherConsoles() -> Bool {
        let changed: [BookName]
        do {
            changed = try desk.refreshChanged()
        } catch let e as LedgerError {
            if state.status != LedgerErrorText.message(e, l) { state.say(LedgerErrorText.message(e, l), .error) }
            return false
        } catch {
            return false
        }
        guard !changed.isEmpty else { return false }
        refillForm()
        return true
    }

    /// A pre-filled value the clerk has not touched is made again from the books as they
    /// are now (the umbrella offered was just lent at another console): the status line
    /// says what changed and why.
    func refillForm() {
        guard var form = state.form, let panel = currentPanel, let key = state.action,
              let action = panel.actions.first(where: { $0.key == key }) else { return }
        let fresh = action.makeForm(state.formSelection, desk)
        var notes: [String] = []
        for (i, f) in form.fields.enumerated() where f.isUntouchedPrefill {
            guard let new = fresh.fields.first(where: { $0.id == f.id }), new.editor.text != f.editor.text else { continue }
            form.fields[i] = new
            notes.append(l.pick("\(f.label(l))“\(f.editor.text)”刚被另一台登记，已改填“\(new.editor.text)”",
                                "\(f.label(l)) \(f.editor.text) was just taken at another console; \(new.editor.text) filled in"))
        }
        guard !notes.isEmpty else { return }
        state.form = form
        state.say(notes.joined(separator: l.pick("；", "; ")) + l.pick("。", "."), .error)
    }

    /// Time passing without a key: locks the desk when idle too long.
    public func tick() {
        guard state.mode == .working, let actor = state.actor else { return }
        if desk.context.now() - state.lastKeyAt >= Int64(idleLockMinutes) * 60 {
            state.mode = .locked
            state.gate = ConsoleGates.unlock(actor.id)
            state.say(l.pick("空闲超时，已锁定。", "Idle too long: locked."))
        }
    }

    // MARK: - Update

    /// Handles one key.
    public func handle(_ key: Key) {
        state.lastKeyAt = desk.context.now()
        if key == .resize { return }
        if state.confirmingQuit {
            if key == .character("y") || key == .character("Y") || key == .enter || key.functionNumber == 10 { state.quit = true }
            else { state.confirmingQuit = false; state.say(l.pick("继续工作。", "Carrying on.")) }
            return
        }
        if key.functionNumber == 10 && state.mode == .locked {
            quitLocked()
            return
        }
        if key.functionNumber == 9 && state.mode == .working, let actor = state.actor {
            lock(actor)
            return
        }
        if key.functionNumber == 10 {
            if state.form?.hasInput == true || state.gate?.hasInput == true {
                state.confirmingQuit = true
                state.say(l.pick("表单里有未提交的内容，确定退出吗？(y 退出 / 其他键继续)",
                                 "The form has input not yet submitted. Quit anyway? (y quits, any other key goes on)"), .error)
            } else {
                state.quit = true
            }
            return
        }
        if key.functionNumber == 1 {
            state.showingHelp.toggle()
            state.helpScroll = 0
            return
        }
        if state.showingHelp {
            switch key {
            case .escape: state.showingHelp = false
            case .character("l"), .character("L"): switchLanguage()
            case .down: state.helpScroll += 1
            case .up: state.helpScroll = max(0, state.helpScroll - 1)
            case .pageDown: state.helpScroll += 10
            case .pageUp: state.helpScroll = max(0, state.helpScroll - 10)
            case .home: state.helpScroll = 0
            default: break
            }
            return
        }
        switch state.mode {
        case .firstRun, .login, .locked: handleGate(key)
        case .working: handleWork(key)
        }
    }

    /// `l` on the help screen: this console's language, at once (other consoles keep theirs).
    func switchLanguage() {
        state.language = state.language == .zhHans ? .en : .zhHans
        state.say(l.pick("界面已切换为中文。", "The console is now in English."))
    }

    /// F9: locks at once; the form in hand is kept for the same operator. The lock screen
    /// takes any operator's id and PIN (a hand-over).
    func lock(_ actor: Actor) {
        state.mode = .locked
        state.gate = ConsoleGates.unlock(actor.id, byKey: true)
        state.say(l.pick("已锁定。本人输入密码继续；换人请输入自己的工号和密码。",
                         "Locked. Your PIN goes on; another operator types their own id and PIN."))
    }

    /// F10 on the lock screen quits only with an operator's id and PIN typed in it: a
    /// locked console is not left to anyone passing.
    func quitLocked() {
        guard var gate = state.gate else { return }
        guard !gate["id"].isEmpty, !gate["pin"].isEmpty else {
            state.say(l.pick("已锁定：要退出，请输入工号和密码后再按 F10。", "Locked: to quit, type an id and PIN, then press F10."), .error)
            return
        }
        do {
            _ = try desk.operators.login(id: gate["id"], pin: gate["pin"])
            state.quit = true
        } catch let f as DeskFailure {
            gate.focus(onFault: f.field)
            if f.field == "pin" { gate.fields[gate.focus].editor.clear() }
            state.gate = gate
            state.say(f.message(l) + l.pick("（没有退出）", " (not quit)"), .error)
        } catch {
            state.say("\(error)", .error)
        }
    }

    func handleGate(_ key: Key) {
        guard var gate = state.gate else { return }
        if key == .enter {
            submitGate(gate)
            return
        }
        if key == .escape { gate.fields.indices.forEach { gate.fields[$0].editor.clear() }; gate.focus = 0 }
        _ = gate.handle(key)
        if let refusal = gate.typingRefusal { state.say(refusal.message(l, field: gate.fields[gate.focus].label(l)), .error) }
        state.gate = gate
    }

    func submitGate(_ gate: FormState) {
        do {
            let op: Operator
            var after: String?
            var tone = ConsoleState.Tone.info
            switch state.mode {
            case .firstRun:
                guard gate["pin"] == gate["pin2"] else {
                    var g = gate
                    g.focus(onFault: "pin2")
                    state.gate = g
                    state.say(l.pick("两次输入的密码不一样。", "The two PINs differ."), .error)
                    return
                }
                op = try desk.operators.addFirstLead(.init(id: gate["id"], name: gate["name"], role: .lead, pin: gate["pin"]))
                after = l.pick("请马上在命令行运行 plazadesk key backup --as \(op.id)，抄下恢复码并妥善保管。",
                               "Now run 'plazadesk key backup --as \(op.id)' in a shell and keep the recovery text safe.")
            default:
                let login = try desk.operators.login(id: gate["id"], pin: gate["pin"])
                op = login.operator
                after = login.message(l, now: desk.context.now())
                tone = .error
            }
            let resuming = state.mode == .locked && state.actor?.id == op.id
            state.actor = op.actor
            state.operatorName = op.name
            state.mode = .working
            state.gate = nil
            if !resuming { state.form = nil; state.action = nil }
            if let after {
                // Wrong PINs or a key to back up: said before the greeting, so a narrow screen keeps it.
                state.say(after + l.pick(" \(op.name)，您好。", " Hello, \(op.name)."), tone)
            } else {
                state.say(l.pick("\(op.name)，您好。F1 看帮助。", "Hello, \(op.name). F1 shows help."), .success)
            }
            if let warning = desk.openingWarnings.first { state.say(warning.message(l), .error) }
        } catch let f as DeskFailure {
            var g = gate
            g.focus(onFault: f.field)
            if f.field == "pin" { g.fields[g.focus].editor.clear() }
            state.gate = g
            state.say(f.message(l), .error)
        } catch {
            state.say("\(error)", .error)
        }
    }

    func handleWork(_ key: Key) {
        if let n = key.functionNumber, let target = panels.first(where: { $0.functionKey == n }) {
            // The auditor reads the lead's panel (its reports); its forms stay closed to them.
            if target.leadOnly && state.actor?.role == .clerk {
                state.say(l.pick("只有值班主管可以打开\(target.title(l))。", "Only a shift lead may open \(target.title(l))."), .error)
                return
            }
            if state.form?.hasInput == true && target.functionKey != state.panel {
                state.say(l.pick("请先提交或按 Esc 放弃当前表单。", "Submit the form or press Esc to drop it first."), .error)
                return
            }
            state.panel = n
            state.form = nil
            state.action = nil
            state.say(target.title(l))
            return
        }
        if var form = state.form {
            switch key {
            case .escape:
                state.form = nil
                state.action = nil
                state.say(l.pick("已取消，没有登记。", "Cancelled; nothing recorded."))
            case .enter:
                submit(form)
            default:
                _ = form.handle(key)
                if let refusal = form.typingRefusal { state.say(refusal.message(l, field: form.fields[form.focus].label(l)), .error) }
                state.form = form
            }
            return
        }
        guard let panel = currentPanel else { return }
        var list = state.list
        if list.searching {
            switch key {
            case .escape: list.search.clear(); list.searching = false
            case .enter, .down: list.searching = false
            case .backspace: list.search.backspace()
            case .left: list.search.left()
            case .right: list.search.right()
            case .character(let c): list.search.insert(c); list.selection = 0
            default: break
            }
            state.list = list
            return
        }
        let content = panel.list(desk: desk, query: list.query, language: l)
        if list.handle(key, rowCount: content.rows.count, pageSize: 10) {
            state.list = list
            return
        }
        switch key {
        case .character("/"):
            list.searching = true
            state.list = list
        case .escape:
            list.search.clear()
            state.list = list
        case .character(let c):
            guard let action = panel.actions.first(where: { $0.key == c }) else {
                state.say(l.pick("这里没有“\(c)”键的操作，F1 看帮助。", "No action on '\(c)' here; F1 shows help."), .error)
                return
            }
            let selected = content.rows.indices.contains(list.selection) ? content.rows[list.selection].id : nil
            open(action, selected: selected)
        case .enter:
            // On a row: that row's natural action (an umbrella out → return); else the first.
            let selected = content.rows.indices.contains(list.selection) ? content.rows[list.selection].id : nil
            let natural = selected.flatMap { panel.rowActionKey(for: $0, desk: desk) }.flatMap { k in panel.actions.first { $0.key == k } }
            if let action = natural ?? panel.actions.first { open(action, selected: selected) }
        default:
            break
        }
    }

    /// Opens an action's form, or says at once why this operator may not (before any form).
    func open(_ action: PanelAction, selected: String?) {
        if let refusal = refusal(of: action) {
            state.say(refusal, .error)
            return
        }
        var form = action.makeForm(selected, desk)
        // A lead's action on a clerk's console: the lead approves in place, at the form's end.
        let asksLead = action.leadOnly && state.actor?.role == .clerk
        if asksLead { form = LeadApproval.asking(in: form) }
        form.focusFirstToType()
        state.form = form
        state.formSelection = selected
        state.action = action.key
        state.say(asksLead ? action.label(l) + l.pick("。", ". ") + LeadApproval.ask(l) : action.label(l))
    }

    /// Why the operator at the desk may not start `action` (nil when they may).
    public func refusal(of action: PanelAction) -> String? {
        guard let role = state.actor?.role else { return nil }
        if desk.context.readOnly && action.writes { return ReadOnlyRefusal(data: desk.context.data.path).message(l) }
        if role == .auditor && action.writes {
            return l.pick("审计员的控制台只能查看，不能登记（\(action.label(l))）。",
                          "An auditor's console is read-only: it cannot \(action.label(l)).")
        }
        return nil
    }

    func submit(_ form: FormState) {
        guard let panel = currentPanel, let key = state.action, let action = panel.actions.first(where: { $0.key == key }),
              let actor = state.actor else { return }
        do {
            var doer = actor
            if LeadApproval.isAsked(in: form) {
                doer = try desk.operators.approve(actor, leadID: form[LeadApproval.idField], pin: form[LeadApproval.pinField])
            }
            let message = try action.submit(form, desk, doer, l)
            state.form = nil
            state.action = nil
            state.say(message + (doer.approver.map { LeadApproval.approvedBy($0, l) } ?? ""), .success)
        } catch let f as DeskFailure {
            var kept = LeadApproval.withoutPIN(form)
            if f.needsLead && actor.role == .clerk && !LeadApproval.isAsked(in: kept) {
                // Only a lead's word was missing: ask for it here, the clerk's typing kept.
                kept = LeadApproval.asking(in: kept)
                kept.focus(onFault: LeadApproval.idField)
                state.form = kept
                state.say(f.message(l) + " " + LeadApproval.ask(l), .error)
                return
            }
            kept.focus(onFault: f.field)
            state.form = kept
            state.say(f.message(l), .error)
        } catch let e as LedgerError {
            state.form = LeadApproval.withoutPIN(form)
            state.say(LedgerErrorText.message(e, l), .error)
        } catch {
            state.form = LeadApproval.withoutPIN(form)
            state.say(l.pick("没有登记：", "Not recorded: ") + "\(error)", .error)
        }
    }
}

extension Console {
    /// Puts a message in the status line (e.g. the demo operators at start).
    public func note(_ text: String) { state.say(text) }
}
