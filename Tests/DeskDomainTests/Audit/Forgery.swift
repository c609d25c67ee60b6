import Foundation
import Testing
@testable import DeskDomain

/// A small desk whose books are written through the real desks, then forged the way a
/// person with the folder would: a line appended with a correct hash and link (so plain
/// `verify` stays sound) that breaks one rule of the desk.
final class Forgery {
    let f = DeskFixture()
    var desk: Desk?
    let secondLead = Actor(id: try! OperatorID("lead.zhou"), role: .lead)

    /// Opens the desk with a lead (`lead.li`), a clerk (`clerk.wang`) and a second lead
    /// (`lead.zhou`), and runs `setup` on it.
    init(_ setup: (Desk, Forgery) throws -> Void = { _, _ in }) throws {
        let d = try Desk(context: f.context, pinRounds: 10)
        try d.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468"))
        try d.operators.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: f.lead)
        try d.operators.add(.init(id: "lead.zhou", name: "周强", role: .lead, pin: "9753"), by: f.lead)
        f.later(minutes: 1)
        try setup(d, self)
        try d.saveSnapshots()
        try d.close()
    }

    /// Appends a forged event to `book` as the next line, correctly hashed and linked, a
    /// minute after the clock (or at `at`); returns its seq.
    @discardableResult
    func forge(_ book: BookName, _ ev: String, _ body: JSONObject, op: String = "clerk.wang", at: Int64? = nil) throws -> Int64 {
        f.later(minutes: 1)
        let path = "\(f.dir.path)/2026/\(book.fileName)"
        let scan = try BookScanner.scan(path: path, startPrev: .zero, decode: false)
        let seq = scan.lastSeq + 1
        let line = LedgerLine.encode(seq: seq, at: PlazaTime.china.rfc3339(at ?? f.clock.now()), op: try OperatorID(op), ev: ev,
                                     body: body, prev: scan.lastHash)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(line.bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) } == line.bytes.count)
        return seq
    }

    /// What `verify --deep` finds, after checking that plain `verify` finds the books sound.
    func findings(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let reports = try LedgerVerifier.verify(data: f.dir.data)
        #expect(LedgerVerifier.verdict(reports) == .sound, "the forgery is correctly hashed and linked", sourceLocation: sourceLocation)
        return try DeepVerifier.verify(data: f.dir.data, options: .init(personalDataKey: f.context.personalDataKey))
            .findings.map(\.description)
    }

    /// The body of the last event of `book` with type `ev`.
    func lastBody(_ book: BookName, _ ev: String) throws -> JSONObject {
        var body: JSONObject?
        _ = try BookScanner.scan(path: "\(f.dir.path)/2026/\(book.fileName)", startPrev: .zero, decode: true) { records in
            for r in records where r.ev == ev { body = r.body }
        }
        return try #require(body)
    }

    /// The lead opens a shift, unless one is open (cash moves only inside one).
    static func openShift(_ d: Desk, _ f: DeskFixture) throws {
        if d.shift.current == nil { try d.shift.open(.init(float: "500"), by: f.lead) }
    }

    /// Lends U001 with card D001 (seq 1 of the umbrella book) for the default ¥50 deposit,
    /// in a shift (opened first when none is).
    static func lendU001(_ d: Desk, _ f: DeskFixture) throws {
        try openShift(d, f)
        try d.umbrellas.lend(.init(unit: "1", depositCard: "1", customer: "王芳", phone: "13812345678"), by: f.clerk)
    }
}
