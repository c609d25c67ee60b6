import Foundation
import Testing
@testable import DeskDomain

/// A demo year, written through the real desks, holds every rule `verify --deep` checks,
/// snapshots included.
@Suite struct DeepVerifierDemoTests {
    @Test func aDemoYearIsDeepSound() throws {
        let dir = TemporaryDirectory()
        let written = try DemoYear(data: dir.data, year: 2026, events: 12000, seed: 3).write()
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data)) == .sound)
        let key = try #require(SnapshotAudit.readKey(dir.data))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/.snapshots/umbrella.snap"))
        let result = try DeepVerifier.verify(data: dir.data, options: .init(personalDataKey: key))
        #expect(result.findings.prefix(10).map(\.description) == [])
        #expect(result.total == 0)
        #expect(result.events == written)
    }
}
