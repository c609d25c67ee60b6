import DeskDomain
import Foundation
import Testing

/// The seal codes and the acknowledged heads through the real binary: `report --shift`
/// prints the code, `verify --seal CODE` proves the day, and a deleted shift book fails
/// `verify` by name.
@Suite(.serialized) struct SealCommandTests {
    /// The shift id and stored seal code of each `shift.closed` line of a book.
    func closes(_ bytes: [UInt8]) -> [(shift: String, code: String)] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> (String, String)? in
            guard line.contains("\"ev\":\"shift.closed\""),
                  let c = line.range(of: "\"sealCode\":\""), let s = line.range(of: "\"shift\":\"") else { return nil }
            return (String(line[s.upperBound...].prefix { $0 != "\"" }), String(line[c.upperBound...].prefix { $0 != "\"" }))
        }
    }

    @Test func aSealCodeIsPrintedProvedAndBrokenAndADeletedShiftBookIsNamed() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let demo = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "3000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let all = closes(s.bytes("d/2026/shift.jsonl"))
        #expect(all.count > 10)
        let (shift, code) = all[all.count / 2]
        #expect(code.count == 19 && code.split(separator: "-").count == 4, "\(code)")

        for (format, wanted) in [("text", "Seal code \(code)"), ("csv", "report,seal code \(code)"), ("json", "\"sealCode\":\"\(code)\"")] {
            let r = try PlazaDeskProcess.run(["report", "--data", data, "--shift", shift, "--format", format, "--lang", "en"])
            #expect(r.status == 0 && r.stdout.contains(wanted), "\(format): \(r.stdout)\(r.stderr)")
        }
        var v = try PlazaDeskProcess.run(["verify", "--data", data, "--seal", code.lowercased().replacingOccurrences(of: "-", with: "")])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.hasPrefix("seal \(code) of shift \(shift) holds: 8 books as closed at 2026-"), "\(v.stdout)")

        // One line of the umbrella book cut: the seal is broken, book and seq named.
        let umbrella = s.bytes("d/2026/umbrella.jsonl")
        s.write("d/2026/umbrella.jsonl", Array(umbrella.prefix(umbrella.firstIndex(of: 10)! + 1)))
        v = try PlazaDeskProcess.run(["verify", "--data", data, "--seal", code])
        #expect(v.status == 1 && v.stdout.contains("DAMAGED: seal \(code) of shift \(shift) is broken: book umbrella 2026 at seq "), "\(v.stdout)")
        s.write("d/2026/umbrella.jsonl", umbrella)

        // The shift book deleted: verify names it, and no close has the code any more.
        try FileManager.default.removeItem(atPath: data + "/2026/shift.jsonl")
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 1, "\(v.stdout)")
        #expect(v.stdout.contains("DAMAGED: book shift 2026 at seq "), "\(v.stdout)")
        #expect(v.stdout.contains("has no file but this machine acknowledged seq "), "\(v.stdout)")
        v = try PlazaDeskProcess.run(["verify", "--data", data, "--seal", code])
        #expect(v.status == 1 && v.stdout.contains("DAMAGED: no shift close in \(data) has seal \(code)"), "\(v.stdout)")
        v = try PlazaDeskProcess.run(["verify", "--data", data, "--seal", "not-a-code"])
        #expect(v.status == 3)
    }
}
