import DeskDomain
import Foundation
import Testing

/// `plazadesk verify` checks every snapshot: its MAC with the data directory's key (read,
/// never made), and that the book has the snapshot's hash at its seq.
@Suite(.serialized) struct SnapshotVerifyTests {
    @Test func aForgedSnapshotIsNamedAndMakesVerifyExit1() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let demo = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "3000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        var v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0 && !v.stdout.contains("SNAPSHOT"), "\(v.stdout)\(v.stderr)")

        let dir = DataDirectory(path: data)
        let key = SnapshotKey(try #require(SnapshotAudit.readKey(dir)))
        let snap = try #require(SnapshotStore.load(book: .umbrella, data: dir, key: key, as: UmbrellaState.self).loaded)
        var forged = snap.state
        if let unit = forged.out.keys.sorted().first { forged.out[unit]!.deposit = Money(fen: 500_000) } else { forged.lentCount += 1 }
        let original = s.bytes("d/.snapshots/umbrella.snap")

        // The deposit raised and the MAC made with a key of another directory.
        let otherKey = SnapshotKey(try PersonalDataKey.load(DataDirectory(path: s.path + "/other")))
        try SnapshotStore.save(book: .umbrella, data: dir, key: otherKey, year: snap.year, seq: snap.seq, hash: snap.hash, state: forged)
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 1, "\(v.stdout)")
        #expect(v.stdout.contains("SNAPSHOT FORGED: .snapshots/umbrella.snap (book umbrella) fails its key check\n"), "\(v.stdout)")
        #expect(!v.stdout.contains("points.snap"), "the other snapshots are sound")

        // MAC'd with the right key, but naming a hash the book does not have at that seq.
        let wrong = try #require(ChainHash(hex: String(repeating: "ab", count: 32)))
        try SnapshotStore.save(book: .umbrella, data: dir, key: key, year: snap.year, seq: snap.seq, hash: wrong, state: snap.state)
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 1)
        #expect(v.stdout.contains("SNAPSHOT FORGED: .snapshots/umbrella.snap says umbrella \(snap.year) seq \(snap.seq) hash \(wrong.hex) but the book has \(snap.hash.hex) at seq \(snap.seq)\n"), "\(v.stdout)")

        // Without the key the snapshots cannot be checked (nor used by the desk): said, and
        // verify makes no key.
        s.write("d/.snapshots/umbrella.snap", original)
        let keyBytes = s.bytes("d/.keys/personal.key")
        try FileManager.default.removeItem(atPath: data + "/.keys/personal.key")
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0 && v.stdout.contains("snapshots not checked: no readable key in .keys/personal.key\n"), "\(v.stdout)")
        #expect(!FileManager.default.fileExists(atPath: data + "/.keys/personal.key"), "verify never creates a key")
        s.write("d/.keys/personal.key", keyBytes)
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)")
    }
}
