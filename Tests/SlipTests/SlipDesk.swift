import Foundation
@testable import DeskDomain

/// A whole desk in a fresh data directory, its clock stopped at 2026-03-01 10:00 (plaza
/// time): for slips made from what real desk actions return and record.
final class SlipDesk {
    let path = NSTemporaryDirectory() + "plazadesk-slips-" + UUID().uuidString
    let clock = ManualClock(SlipSamples.at(10, 0))
    let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)
    let lead = Actor(id: try! OperatorID("lead.li"), role: .lead)
    var config = DeskConfig()

    init() {
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var context: DeskContext {
        DeskContext(data: DataDirectory(path: path), clock: clock, config: config,
                    personalDataKey: PersonalDataKey(bytes: [UInt8](repeating: 7, count: 32)))
    }

    func open() throws -> Desk { try Desk(context: context, pinRounds: 10) }

    func later(minutes: Int64) { clock.advance(by: minutes * 60) }
}
