import Crypto
@testable import DeskDomain

/// A data directory, a manual clock at 2026-03-01 10:00 (plaza time), default config and
/// one operator of each role: what a service test needs.
final class DeskFixture {
    let dir = TemporaryDirectory()
    let clock = ManualClock(march1st)
    var config = DeskConfig()
    let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)
    let lead = Actor(id: try! OperatorID("lead.li"), role: .lead)
    let auditor = Actor(id: try! OperatorID("audit.zhao"), role: .auditor)

    var context: DeskContext {
        DeskContext(data: dir.data, clock: clock, config: config,
                    personalDataKey: PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 7, count: 32))))
    }

    /// The lead opens a shift (cash moves only inside one): through a whole desk, as the
    /// console does, so a service opened on its own reads it from the shift book.
    func openShift(float: String = "500") throws {
        let desk = try Desk(context: context)
        defer { try? desk.close() }
        try desk.shift.open(.init(float: float), by: lead)
    }

    /// Moves the clock on.
    func later(minutes: Int64 = 0, days: Int64 = 0) { clock.advance(by: minutes * 60 + days * 86400) }
}

/// Runs `body` and returns the DeskFailure it threw (nil if none), for asserting on the
/// field at fault and the message.
func failure(_ body: () throws -> Void) -> (any DeskFailure)? {
    do { try body() } catch let f as any DeskFailure { return f } catch { return nil }
    return nil
}
