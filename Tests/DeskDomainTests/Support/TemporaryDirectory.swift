import DeskDomain
import Foundation

/// A fresh folder per test, removed when the test's value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "plazadesk-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var data: DataDirectory { DataDirectory(path: path) }

    func bytes(_ relative: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path + "/" + relative) ?? Data())
    }

    func write(_ relative: String, _ bytes: [UInt8]) {
        FileManager.default.createFile(atPath: path + "/" + relative, contents: Data(bytes))
    }

    func files(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
    }
}

/// 2026-03-01 10:00 in the plaza (UTC+8).
let march1st: Int64 = PlazaTime.china.instant(CivilTime(year: 2026, month: 3, day: 1, hour: 10))
