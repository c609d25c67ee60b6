import DeskDomain
import Foundation
import Glibc
import Testing

/// A read-only desk keeps up with a writer process appending at full speed to the same
/// book (GUARANTEES 21): every refresh reads whole lines only, without a lock, and ends
/// where the writer ended, with the state a fresh opening gives.
@Suite struct ReadOnlyFreshnessTests {
    @Test func aReadOnlyDeskReadsAWriterProcessesLinesWhileItAppends() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "李娜",
                                          "--role", "lead", "--pin", "2468"]).status == 0)
        #expect(try PlazaDeskProcess.run(["stress-append", "--data", data, "--count", "5"]).status == 0)
        let dir = DataDirectory(path: data, stateFolder: PlazaDeskProcess.stateHome + "/plazadesk")
        let reader = try Desk(context: try DeskContext.open(dir, clock: SystemClock(), readOnly: true))
        #expect(reader.umbrellas.book.head.seq == 5)

        let count = 2000
        let acks = s.path + "/acks"
        let writer = try PlazaDeskProcess.start(["stress-append", "--data", data, "--count", String(count), "--pad", "300"],
                                                stdoutFile: acks)
        var looks = 0, moved = 0, lastSeen: Int64 = 5
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let done = (String(decoding: FileManager.default.contents(atPath: acks) ?? Data(), as: UTF8.self))
                .hasSuffix(" \(count)\n")
            if try reader.refreshChanged().contains(.umbrella) { moved += 1 }
            looks += 1
            let seq = reader.umbrellas.book.head.seq
            #expect(seq >= lastSeen, "the head went back")
            lastSeen = seq
            if done { break }
            usleep(1000)
        }
        #expect(writer.wait() == .init(status: 0, signalled: false))
        _ = try reader.refreshChanged()
        #expect(reader.umbrellas.book.head.seq == Int64(5 + count))
        #expect(moved > 1, "the reader read while the writer wrote (\(looks) looks, \(moved) moved)")
        let fresh = try Desk(context: try DeskContext.open(dir, clock: SystemClock(), readOnly: true))
        #expect(reader.states == fresh.states)
        #expect(reader.umbrellas.book.head.hash == fresh.umbrellas.book.head.hash)
        try reader.close(); try fresh.close()
        let years = s.files("d").filter { $0.count == 4 && Int($0) != nil }
        #expect(!years.isEmpty && years.allSatisfy { !s.files("d/" + $0).contains { $0.contains("quarantine") } },
                "nothing set aside")
        print("read-only freshness: \(looks) looks, the head moved on \(moved)")
    }
}
