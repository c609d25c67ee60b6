import Crypto
import Foundation
import Testing
@testable import DeskDomain

/// The data directory's key: made only for a brand-new directory, refused when missing or
/// changed on one with records (nothing written, the file not replaced), written down as a
/// recovery text and restored from it by a lead.
@Suite struct DataKeyTests {
    let dir = TemporaryDirectory()
    let clock = ManualClock(march1st)
    var keyPath: String { dir.path + "/.keys/personal.key" }

    /// A directory set up through the real opening: a lead (lead.li/2468) and a clerk.
    func setUp() throws -> OperatorDesk {
        let ops = try OperatorDesk(context: try DeskContext.open(dir.data, clock: clock), pinRounds: 10)
        let lead = try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try ops.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead)
        try ops.book.close()
        return ops
    }

    /// Every file under the data directory and its bytes, to show nothing was written.
    func snapshot() -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let e = FileManager.default.enumerator(atPath: dir.path)!
        while let p = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.path + "/" + p, isDirectory: &isDir), !isDir.boolValue { out[p] = dir.bytes(p) }
        }
        return out
    }

    func open() -> (any Error)? {
        do { _ = try Desk(context: try DeskContext.open(dir.data, clock: clock), pinRounds: 10); return nil } catch { return error }
    }

    @Test func aNewDirectoryGetsItsKeyAndTheFirstLeadRegistersItsFingerprint() throws {
        let ops = try setUp()
        let bytes = dir.bytes(".keys/personal.key")
        #expect(bytes.count == 32)
        var st = stat()
        #expect(stat(keyPath, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(ops.state.keyFingerprint == PersonalDataKey(key: SymmetricKey(data: bytes)).fingerprint)
        let text = String(decoding: dir.bytes("2026/operators.jsonl"), as: UTF8.self)
        let second = text.split(separator: "\n")[1]
        #expect(second.contains(#""ev":"operators.key-registered""#) && second.contains(#""how":"first-lead""#))
        // Opening again keeps the same key.
        _ = try DeskContext.open(dir.data, clock: clock)
        #expect(dir.bytes(".keys/personal.key") == bytes)
    }

    @Test func aDeletedKeyIsRefusedAndNotReplaced() throws {
        _ = try setUp()
        try FileManager.default.removeItem(atPath: keyPath)
        let before = snapshot()
        let err = open()
        #expect(err as? KeyError == .missing(path: keyPath))
        #expect((err as? KeyError)?.message(.en) == "The data directory's key \(keyPath) is missing, but the directory holds records: "
            + "without it no one can log in and stored ID numbers cannot be matched. A shift lead restores it from the recovery "
            + "text: plazadesk key restore --as LEAD (or puts the original key file back). Nothing was changed.")
        #expect(failure { _ = try DeskContext.open(dir.data, clock: clock) } as? KeyError == .missing(path: keyPath))
        #expect(!FileManager.default.fileExists(atPath: keyPath), "no new key was made")
        #expect(snapshot() == before, "nothing was written")
    }

    @Test func aSwappedKeyIsRefusedAndLeftAsItIs() throws {
        let ops = try setUp()
        let registered = try #require(ops.state.keyFingerprint)
        let other = [UInt8](repeating: 42, count: 32)
        dir.write(".keys/personal.key", other)
        let before = snapshot()
        let found = PersonalDataKey(key: SymmetricKey(data: other)).fingerprint
        let err = open()
        #expect(err as? KeyError == .changed(path: keyPath, found: found, registered: registered))
        #expect((err as? KeyError)?.message(.en).hasPrefix("The key \(keyPath) is not this data directory's key (fingerprint "
            + "\(found.prefix(8)); the ledger registered \(registered.prefix(8))): it was replaced or comes from another desk.") == true)
        #expect(snapshot() == before, "nothing was written, the swapped file kept")
        // A desk given the wrong key directly (not through the key file) is refused the same way.
        let direct = DeskContext(data: dir.data, clock: clock, config: DeskConfig(), personalDataKey: PersonalDataKey(key: SymmetricKey(data: other)))
        #expect(failure { _ = try OperatorDesk(context: direct) } as? KeyError == .changed(path: keyPath, found: found, registered: registered))
        // A short file is refused too.
        dir.write(".keys/personal.key", [1, 2, 3])
        #expect(open() as? KeyError == .unreadable(path: keyPath, bytes: 3))
    }

    @Test func theRecoveryTextRoundTripsAndAMistypedOneIsRefused() throws {
        let key = PersonalDataKey(key: SymmetricKey(data: (0..<32).map { UInt8($0 * 7 & 255) }))
        let text = KeyRecoveryText.encode(key)
        let groups = text.split(separator: "-")
        #expect(groups.count == 14 && groups.allSatisfy { $0.count == 4 })
        #expect(try KeyRecoveryText.decode(text).bytes == key.bytes)
        // Lower case, spaces instead of dashes, O for 0 and l for 1 are read the same.
        let relaxed = text.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "o")
            .replacingOccurrences(of: "1", with: "l")
        #expect(try KeyRecoveryText.decode(relaxed).bytes == key.bytes)
        // Every single mistyped letter, and every swap of two neighbours that differ, is refused.
        let letters = Array(text.replacingOccurrences(of: "-", with: ""))
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        for i in letters.indices {
            var typo = letters
            typo[i] = alphabet[(alphabet.firstIndex(of: letters[i])! + 1) % 32]
            #expect(throws: KeyError.self, "letter \(i)") { try KeyRecoveryText.decode(String(typo)) }
            if i + 1 < letters.count, letters[i] != letters[i + 1] {
                var swapped = letters
                swapped.swapAt(i, i + 1)
                #expect(throws: KeyError.self, "swap at \(i)") { try KeyRecoveryText.decode(String(swapped)) }
            }
        }
        #expect(failure { _ = try KeyRecoveryText.decode(String(text.dropLast(5))) } as? KeyError == .mistyped(detail: "52 letters, not 56"))
        #expect(failure { _ = try KeyRecoveryText.decode("U" + text.dropFirst()) } as? KeyError
            == .mistyped(detail: "'U' is not one of its letters"))
        var typo = letters; typo[55] = typo[55] == "0" ? "1" : "0"
        let e = failure { _ = try KeyRecoveryText.decode(String(typo)) }
        #expect(e as? KeyError == .mistyped(detail: "the check group does not match"))
        #expect(e?.message(.en) == "The recovery text is mistyped (the check group does not match): check it group by group and type it again.")
    }

    @Test func backupThenDeleteThenRestoreBringsBackLoginsAndIDHashes() throws {
        _ = try setUp()
        let ops = try OperatorDesk(context: try DeskContext.open(dir.data, clock: clock), pinRounds: 10)
        let lead = try ops.authenticate(id: "lead.li", pin: "2468").actor
        let idHash = ops.key.hash("11010519491231002X")
        let text = try KeyCustody.backup(ops, by: lead)
        try ops.book.close()
        #expect(failure { _ = try KeyCustody.backup(ops, by: Actor(id: try OperatorID("clerk.wang"), role: .clerk)) } != nil)
        try FileManager.default.removeItem(atPath: keyPath)
        #expect(open() as? KeyError == .missing(path: keyPath))

        // A wrong PIN or a clerk: refused, the key not written.
        #expect(failure { _ = try KeyCustody.restore(text: text, data: dir.data, clock: clock, id: "lead.li", pin: "0000",
                                                     console: "cli:1", pinRounds: 10) } as? OperatorError == .badLogin)
        #expect(failure { _ = try KeyCustody.restore(text: text, data: dir.data, clock: clock, id: "clerk.wang", pin: "1357",
                                                     console: "cli:1", pinRounds: 10) }
            as? CommonError == .notAllowed(action: .manageOperators, role: .clerk))
        #expect(!FileManager.default.fileExists(atPath: keyPath))

        let restored = try KeyCustody.restore(text: text, data: dir.data, clock: clock, id: "lead.li", pin: "2468",
                                              console: "cli:1", pinRounds: 10)
        #expect(restored.lead.id.rawValue == "lead.li" && restored.setAside == nil)
        let again = try Desk(context: try DeskContext.open(dir.data, clock: clock), pinRounds: 10)
        #expect(try again.operators.authenticate(id: "clerk.wang", pin: "1357").role == .clerk)
        #expect(again.context.personalDataKey.hash("11010519491231002X") == idHash)
        let text2 = String(decoding: dir.bytes("2026/operators.jsonl"), as: UTF8.self)
        #expect(text2.contains(#""ev":"operators.key-backed-up""#) && text2.contains(#""ev":"operators.key-restored""#))
        #expect(failure { _ = try KeyCustody.restore(text: text, data: dir.data, clock: clock, id: "lead.li", pin: "2468",
                                                     console: "cli:1", pinRounds: 10) } as? KeyError == .alreadyInPlace(path: keyPath))
    }

    @Test func restoreOverASwappedKeyMovesItAsideAndRefusesAnotherDirectorysText() throws {
        let ops = try setUp()
        let right = KeyRecoveryText.encode(ops.key)
        let otherKey = PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 5, count: 32)))
        dir.write(".keys/personal.key", otherKey.bytes)
        let before = snapshot()
        let e = failure { _ = try KeyCustody.restore(text: KeyRecoveryText.encode(otherKey), data: dir.data, clock: clock,
                                                     id: "lead.li", pin: "2468", console: "cli:1", pinRounds: 10) }
        #expect(e as? KeyError == .alreadyInPlace(path: keyPath), "the file holds that very key")
        let third = PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 6, count: 32)))
        #expect(failure { _ = try KeyCustody.restore(text: KeyRecoveryText.encode(third), data: dir.data, clock: clock,
                                                     id: "lead.li", pin: "2468", console: "cli:1", pinRounds: 10) }
            as? KeyError == .notThisDirectory(found: third.fingerprint, registered: ops.key.fingerprint))
        #expect(snapshot() == before, "nothing was written")
        let restored = try KeyCustody.restore(text: right, data: dir.data, clock: clock, id: "lead.li", pin: "2468",
                                              console: "cli:1", pinRounds: 10)
        #expect(restored.setAside == keyPath + ".replaced-\(march1st)")
        #expect(dir.bytes(".keys/personal.key.replaced-\(march1st)") == otherKey.bytes, "the swapped key is kept, not deleted")
        #expect(dir.bytes(".keys/personal.key") == ops.key.bytes)
        #expect(open() == nil)
    }

    @Test func aDirectoryMadeBeforeFingerprintsRegistersOnItsFirstLeadLogin() throws {
        // An operators book as older versions wrote it: no operators.key-registered.
        let ctx = try DeskContext.open(dir.data, clock: clock)
        let w = try BookWriter(data: dir.data, book: .operators, clock: clock)
        for (id, role, pin) in [("lead.li", "lead", "2468"), ("clerk.wang", "clerk", "1357")] {
            let h = PINHash.make(pin: pin, key: ctx.personalDataKey, rounds: 10)
            try w.append(OperatorEvents.added, ["id": .string(id), "name": .string(id), "role": .string(role), "salt": .string(h.salt),
                                                "pinHash": .string(h.hash), "rounds": .int(10)], op: try OperatorID("lead.li"))
        }
        try w.close()
        let ops = try OperatorDesk(context: try DeskContext.open(dir.data, clock: clock), pinRounds: 10)
        #expect(ops.state.keyFingerprint == nil)
        _ = try ops.login(id: "clerk.wang", pin: "1357")
        #expect(ops.book.head.seq == 2, "a clerk's login registers nothing")
        _ = try ops.login(id: "lead.li", pin: "2468")
        #expect(ops.state.keyFingerprint == ctx.personalDataKey.fingerprint && ops.book.head.seq == 3)
        let last = String(decoding: dir.bytes("2026/operators.jsonl"), as: UTF8.self).split(separator: "\n").last!
        #expect(last.contains(#""how":"first-lead-login""#) && last.contains(#""op":"lead.li""#))
        // From then on a swapped key is caught.
        try ops.book.close()
        dir.write(".keys/personal.key", [UInt8](repeating: 1, count: 32))
        #expect(open() is KeyError)
    }
}
