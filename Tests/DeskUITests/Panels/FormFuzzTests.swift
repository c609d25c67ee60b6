import DeskDomain
import Foundation
import Testing
@testable import DeskUI

/// Torture of every form of the console: each field fed empty, too long (10,000
/// characters), control characters, the wrong type and mixed-width text. Each must end in a
/// clear message (the refusal names the field, in words a clerk reads) and nothing written.
///
/// Two ways in: the keyboard (what a clerk can type: refused keys are named on the spot),
/// and the form's submit with the exact bad value (what a paste or a future input path
/// could bring: the domain's own checks). For the second, each form is first filled in
/// correctly, so a refusal is the bad field's doing, and that correct form is then
/// submitted and must be accepted, so the test can tell "refused" from "never works".
@Suite struct FormFuzzTests {
    /// A correct filling of one action's form, done as a shift lead (who may do everything).
    struct Recipe: Sendable {
        var panel: Int
        var key: Character
        /// Field values, given the desk as it is when the recipe runs.
        var values: @Sendable (Desk) -> [String: String]
        var ticks: [String] = []
        var choices: [String: String] = [:]
    }

    static let id = "11010519491231002X"
    static let phone = "13812345678"

    /// In order: each correct submit makes the state the next ones need.
    static let recipes: [Recipe] = [
        Recipe(panel: 3, key: "n", values: { _ in ["depositCard": "D001", "customer": "王芳", "phone": phone] }),
        Recipe(panel: 3, key: "r", values: { _ in ["unit": "U001", "depositCard": "D001"] }),
        Recipe(panel: 3, key: "t", values: { _ in ["unit": "U002", "reason": "伞骨断了"] }),
        Recipe(panel: 4, key: "n", values: { _ in ["customer": "李四", "phone": "13900001111"] }, ticks: ["noticeAcknowledged"]),
        Recipe(panel: 4, key: "r", values: { d in ["unit": d.strollers.unitsOut.first?.unit ?? "?"] }),
        Recipe(panel: 2, key: "i", values: { _ in ["foundPlace": "一楼中庭", "handedInBy": "保洁员张", "colour": "黑色",
                                                   "features": "挂着小熊挂件", "storage": "A架"] },
               choices: ["category": "wallet"]),
        Recipe(panel: 2, key: "l", values: { _ in ["description": "黑色钱包", "contact": "王芳", "phone": phone] },
               choices: ["category": "wallet"]),
        Recipe(panel: 2, key: "d", values: { d in ["tag": d.lostFound.itemsInStorage.first?.tag ?? "?", "quantity": "1",
                                                   "colour": "黑色", "features": "小熊挂件"] }),
        Recipe(panel: 2, key: "c", values: { d in ["tag": d.lostFound.itemsInStorage.first?.tag ?? "?", "claimant": "王芳",
                                                   "claimantID": id, "phone": phone] },
               ticks: ["signatureConfirmed"], choices: ["matched": "yes"]),
        Recipe(panel: 2, key: "e", values: { d in ["report": d.lostFound.openReports.first?.id ?? "?"] },
               choices: ["outcome": "withdrawn"]),
        Recipe(panel: 5, key: "n", values: { _ in ["receiptNumber": "R0001", "shop": "优衣库", "amount": "300", "name": "王芳",
                                                   "phone": phone, "idNumber": id, "formNumber": "F0001", "cardNumber": "PC000001"] },
               ticks: ["formKept"]),
        Recipe(panel: 5, key: "b", values: { _ in ["cardNumber": "PC000001", "shop": "星巴克", "receiptNumber": "R0002", "amount": "200"] }),
        Recipe(panel: 5, key: "r", values: { _ in ["cardNumber": "PC000001", "points": "10", "purpose": "停车券"] }),
        Recipe(panel: 5, key: "a", values: { _ in ["cardNumber": "PC000001", "points": "+5", "reason": "系统补偿"] }),
        Recipe(panel: 5, key: "l", values: { _ in ["cardNumber": "PC000001", "idNumber": id] }),
        Recipe(panel: 5, key: "i", values: { _ in ["idNumber": id, "newCardNumber": "PC000002"] }),
        Recipe(panel: 6, key: "a", values: { _ in ["code": "011001900111", "first": "00000001", "last": "00000100"] },
               choices: ["kind": "paper"]),
        Recipe(panel: 6, key: "i", values: { _ in ["shop": "优衣库", "receipts[0].number": "S0001", "receipts[0].amount": "100",
                                                   "buyerTitle": "王芳"] },
               choices: ["kind": "paper", "buyerType": "person"]),
        Recipe(panel: 6, key: "v", values: { _ in ["number": "00000001", "code": "011001900111", "reason": "抬头开错"] }),
        Recipe(panel: 6, key: "s", values: { d in
            let fee = Money(fen: d.context.config.servicePrices[PaidServiceKind.allCases[0]]!.fen * 2)
            return ["quantity": "2", "statedFee": fee.plain, "tendered": fee.plain]
        }),
        Recipe(panel: 6, key: "x", values: { d in ["number": d.services.state.receipts.values.first.map { "\($0.number)" } ?? "?", "reason": "顾客不要了"] }),
    ]

    /// Fields whose text has a fixed shape even though any key may be typed in them.
    static let shapedTextFields: Set<String> = ["unit", "depositCard", "cardNumber", "newCardNumber", "tag", "report", "reportID",
                                                "foundTime", "lostTime", "points", "taxpayerID", "number"]

    /// Text fields that hold an identifier (a shop's receipt number, the application form's
    /// number): any digits are fine there, so a number that looks like a phone is not refused.
    static let identifierTextFields: Set<String> = ["receiptNumber", "formNumber", "receipts[0].number"]

    /// The bad values for a field, each with whether the field must refuse it.
    static func badValues(_ field: FormField) -> [(label: String, value: String)] {
        var out: [(String, String)] = []
        if field.required { out.append(("empty", "")); out.append(("blank", "  \u{3000} ")) }
        let long: String
        switch field.kind {
        case .text: long = String(repeating: "长a", count: 5_000)
        default: long = String(repeating: "9", count: 10_000)
        }
        out.append(("10,000 characters", long))
        out += [("NUL", "12\u{0}34"), ("escape sequence", "1\u{1B}[2J3"), ("DEL", "5\u{7F}6"), ("C1 control", "7\u{85}8"),
                ("line separator", "9\u{2028}0"), ("newline", "1\n2"), ("tab", "3\t4")]
        switch field.kind {
        case .money: out += [("letters", "abc"), ("negative", "-5"), ("exponent", "1e3"), ("three decimals", "12.345"),
                             ("mixed width", "５０.00"), ("huge", "99999999999999999999")]
        case .digits: out += [("letters", "abc"), ("negative", "-1"), ("mixed width", "１２"), ("decimal", "1.5")]
        case .phone: out += [("letters", "phone"), ("too short", "123"), ("mixed width", "１３８１２３４５６７８")]
        case .idNumber: out += [("letters", "abcdefghijklmnopqr"), ("bad check digit", "110105194912310021"),
                                ("mixed width", "１１０１０５１９４９１２３１００２X"), ("born after today", "110105202612310017")]
        case .date: out += [("letters", "yesterday-ish"), ("no such day", "2026-02-30"), ("mixed width", "２０２６-０３-０１")]
        case .text where shapedTextFields.contains(field.id): out += [("wrong shape", "%%%"), ("mixed width", "Ｕ００１王")]
        case .text where !identifierTextFields.contains(field.id):
            out += [("ID number in free text", "证件 \(id)"), ("phone in free text", "电话 138 1234 5678"),
                    ("full-width mobile", "１３８１２３４５６７８"), ("landline", "010-12345678")]
        default: break
        }
        // Invisible formatting, refused by every field whatever it holds.
        out += [("right-to-left override", "王\u{202E}芳"), ("zero-width space", "1\u{200B}2"), ("isolate", "\u{2066}王\u{2069}")]
        return out
    }

    static func fill(_ form: FormState, _ recipe: Recipe, _ desk: Desk) -> FormState {
        var form = form
        let values = recipe.values(desk)
        for i in form.fields.indices {
            let f = form.fields[i]
            if let v = values[f.id] { form.fields[i].editor = LineEditor(v, limit: max(f.editor.limit, v.count)) }
            if recipe.ticks.contains(f.id) { form.fields[i].checked = true }
            if let want = recipe.choices[f.id], case .choice(let options) = f.kind, let k = options.firstIndex(where: { $0.value == want }) {
                form.fields[i].choiceIndex = k
            }
        }
        return form
    }

    /// A refusal a clerk can act on: named field, both languages, no program talk, no raw
    /// control characters sent to the terminal, no 10,000-character echo.
    static func checkClear(_ failure: any DeskFailure, what: String) {
        for l in [Language.zhHans, .en] {
            let m = failure.message(l)
            #expect(!m.isEmpty && m.count < 400, "\(what): \(m.count) characters")
            #expect(!m.contains("Optional(") && !m.contains("Error(") && !m.contains("\\u{"), "\(what): \(m)")
            #expect(!m.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7f && $0.value < 0xa0) || $0.value == 0x2028 },
                    "\(what): control characters in the message: \(m.debugDescription)")
        }
    }

    func written(_ f: ConsoleFixture) -> (Int64, Int) {
        let year = f.path + "/2026"
        let size = ((try? FileManager.default.contentsOfDirectory(atPath: year)) ?? []).reduce(0) { sum, name in
            sum + ((try? FileManager.default.attributesOfItem(atPath: year + "/" + name)[.size] as? Int) ?? 0)
        }
        return (f.desk.headSeqSum, size)
    }

    @Test func everyFieldRefusesBadValuesAtSubmitAndNothingIsWritten() throws {
        let f = try ConsoleFixture(loggedInAs: "lead.li")
        let lead = try #require(f.console.state.actor)
        var cases = 0
        for recipe in Self.recipes {
            let panel = try #require(f.console.panels.first { $0.functionKey == recipe.panel })
            let action = try #require(panel.actions.first { $0.key == recipe.key })
            let name = "F\(recipe.panel) \(recipe.key)"
            let valid = Self.fill(action.makeForm(nil, f.desk), recipe, f.desk)
            for (i, field) in valid.fields.enumerated() {
                if field.isToggleOrChoice {
                    // A required tick left off is refused.
                    if case .toggle = field.kind, field.required {
                        var form = valid
                        form.fields[i].checked = false
                        let before = written(f)
                        #expect(throws: (any Error).self, "\(name) \(field.id) unticked") { _ = try action.submit(form, f.desk, lead, .zhHans) }
                        #expect(written(f) == before)
                    }
                    continue
                }
                for bad in Self.badValues(field) {
                    cases += 1
                    var form = valid
                    form.fields[i].editor = LineEditor(bad.value, limit: max(bad.value.count, 1))
                    let what = "\(name) \(field.id) \(bad.label)"
                    let before = written(f)
                    do {
                        let said = try action.submit(form, f.desk, lead, .zhHans)
                        Issue.record("\(what): accepted (\(said))")
                    } catch let failure as any DeskFailure {
                        Self.checkClear(failure, what: what)
                        let base = { (s: String) in String(s.prefix { $0 != "[" && $0 != "." }) }
                        #expect(failure.field.map { $0 == field.id || base($0) == base(field.id) } == true,
                                "\(what): refusal names \(failure.field ?? "no field"): \(failure.message(.en))")
                    } catch {
                        Issue.record("\(what): not a clerk's refusal: \(error)")
                    }
                    #expect(written(f) == before, "\(what): something was written")
                }
            }
            // The correct form is accepted: the refusals above were the bad fields' doing.
            let before = written(f).0
            do {
                _ = try action.submit(valid, f.desk, lead, .zhHans)
            } catch {
                Issue.record("\(name): the correct form was refused: \(error)")
            }
            #expect(written(f).0 > before, "\(name): nothing recorded")
        }
        #expect(cases > 500)
    }

    @Test func everyFieldOfEveryFormRefusesBadKeysOnTheSpotAndWritesNothing() throws {
        let f = try ConsoleFixture(loggedInAs: "lead.li")
        f.rows = 40; f.columns = 120
        let long = String(repeating: "长", count: 10_000)
        let inputs: [(label: String, text: String)] = [
            ("10,000 characters", long), ("control characters", "a\u{1}b\u{1B}c\u{7F}d\u{0}"),
            ("letters", "abcXYZ"), ("mixed width", "王Ａb１２３　é👍"), ("invisible formatting", "王\u{202E}芳\u{200B}"),
        ]
        var forms = 0
        for panel in f.console.panels where !panel.leadOnly {
            for action in panel.actions {
                f.press(.function(panel.functionKey), .escape)
                f.type(String(action.key))
                guard let form = f.console.state.form, !form.fields.isEmpty else { f.press(.escape); continue }
                forms += 1
                for (i, field) in form.fields.enumerated() where field.isToggleOrChoice {
                    // Typing what names no choice into a choice or a tick box: said on the spot, nothing changes.
                    f.press(.escape, .function(panel.functionKey), .escape)
                    f.type(String(action.key))
                    for _ in 0..<form.fields.count where f.console.state.form?.focus != i { f.press(.tab) }
                    let before = f.console.state.form?.fields[i]
                    f.type("§~")
                    #expect(f.console.state.form?.fields[i] == before, "F\(panel.functionKey) \(action.key) \(field.id) changed by typing")
                    #expect(f.console.state.tone == .error && f.console.state.status.contains(field.label(.zhHans)),
                            "F\(panel.functionKey) \(action.key) \(field.id): \(f.console.state.status)")
                }
                for (i, field) in form.fields.enumerated() where !field.isToggleOrChoice {
                    for input in inputs {
                        let what = "F\(panel.functionKey) \(action.key) \(field.id) \(input.label)"
                        // A fresh form each time, the cursor on the field, its default cleared.
                        f.press(.escape, .function(panel.functionKey), .escape)
                        f.type(String(action.key))
                        for _ in 0..<form.fields.count where f.console.state.form?.focus != i { f.press(.tab) }
                        f.press(.end)
                        for _ in 0..<(f.console.state.form?.fields[i].editor.characters.count ?? 0) { f.press(.backspace) }
                        let before = written(f)
                        f.type(input.text)
                        let kept = f.console.state.form?.fields[i].value ?? ""
                        #expect(kept.count <= field.editor.limit, "\(what)")
                        if kept != input.text {
                            // Something was not taken: said on the spot, naming the field.
                            #expect(f.console.state.tone == .error && f.console.state.status.contains(field.label(.zhHans)),
                                    "\(what): silently dropped keys; status \(f.console.state.status)")
                        }
                        let screen = f.text
                        #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(what): control character on screen")
                        f.press(.enter)
                        #expect(written(f) == before, "\(what): written from a form of defaults and one bad field")
                        #expect(f.console.state.form != nil && f.console.state.tone == .error, "\(what): \(f.console.state.status)")
                        #expect(!f.console.state.status.isEmpty)
                    }
                }
                f.press(.escape)
            }
        }
        #expect(forms >= 15)
    }
}
