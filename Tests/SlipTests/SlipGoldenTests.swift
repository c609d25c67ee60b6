import Foundation
import Testing
@testable import DeskDomain
@testable import EscPos

/// One golden slip: a sample, a language, a paper width.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let name: String
    let language: Language
    let widthMM: Int

    var columns: Int { SlipWidth.columns(widthMM: widthMM) }
    var fileName: String { "\(name).\(language.rawValue).\(widthMM)mm.txt" }
    var testDescription: String { fileName }
    var slip: Slip { SlipSamples.slip(name, language) }

    static let all: [GoldenCase] = SlipSamples.names.flatMap { n in
        Language.allCases.flatMap { l in [58, 80].map { GoldenCase(name: n, language: l, widthMM: $0) } }
    }
}

/// Every slip kind in both languages at 58 and 80 mm, compared byte for byte with the files
/// in `Golden/`, then printed as ESC/POS and read back.
///
/// To accept a deliberate change: `PLAZADESK_REWRITE_GOLDEN=1 swift test --filter SlipGoldenTests`,
/// then read the diff of `Tests/SlipTests/Golden` before committing it.
@Suite struct SlipGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var rewrite: Bool { ProcessInfo.processInfo.environment["PLAZADESK_REWRITE_GOLDEN"] == "1" }

    @Test(arguments: GoldenCase.all)
    func plainTextIsTheGoldenSlip(_ c: GoldenCase) throws {
        let text = SlipText.render(c.slip, columns: c.columns)
        let url = Self.directory.appendingPathComponent(c.fileName)
        if Self.rewrite {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = try #require(FileManager.default.contents(atPath: url.path),
                                  "\(c.fileName) is missing: run with PLAZADESK_REWRITE_GOLDEN=1 and check the new file")
        #expect(String(decoding: golden, as: UTF8.self) == text, "\(c.fileName) differs from the golden slip")
    }

    @Test(arguments: GoldenCase.all)
    func everyLineFitsAndEveryAmountIsWhole(_ c: GoldenCase) {
        let slip = c.slip
        let lines = SlipText.lines(slip, columns: c.columns)
        for line in lines {
            #expect(SlipWidth.of(line) <= c.columns, "\(c.fileName): \"\(line)\" is wider than \(c.columns)")
            #expect(line.last != " ", "\(c.fileName): trailing space in \"\(line)\"")
        }
        for case let .amount(_, money) in slip.lines {
            #expect(lines.contains { $0.hasSuffix(money.description) }, "\(c.fileName): \(money) is not whole and flush right on a line")
        }
        #expect(lines.contains { $0.contains(slip.title) }, "\(c.fileName): the title")
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == slip.plaza, "\(c.fileName): the plaza's name heads the slip")
        #expect(lines.contains { $0.contains("重印") || $0.contains("REPRINT") } == slip.reprint, "\(c.fileName): the reprint mark")
    }

    /// What the slips print themselves, past the records' own text, is in the two-byte
    /// GBK font every Chinese receipt printer has (the `¥` goes through the Japanese set).
    @Test(arguments: GoldenCase.all)
    func everyCharacterIsInTheTwoBytePrinterFont(_ c: GoldenCase) throws {
        for line in SlipText.lines(c.slip, columns: c.columns) {
            for ch in line where ch != "¥" && !ch.isASCII {
                let gbk = GB18030.convert(Array(String(ch).utf8), from: "UTF-8", to: "GBK")
                #expect(gbk?.count == 2, "\(c.fileName): '\(ch)' (U+\(String(ch.unicodeScalars.first!.value, radix: 16))) is not in GBK")
            }
        }
    }

    @Test(arguments: GoldenCase.all)
    func escPosBytesReadBackAsTheSameSlip(_ c: GoldenCase) throws {
        let slip = c.slip
        let bytes = try EscPosSlip.bytes(slip, widthMM: c.widthMM)
        let commands = try EscPosReader.commands(bytes)
        #expect(commands.prefix(2) == [.initialize, .chineseMode(true)], "ESC @ then FS & before any text")
        let printout = try EscPosReader.printout(bytes)
        #expect(printout.endsWithCut, "\(c.fileName): the job ends with a cut")
        #expect(printout.qrPayloads == (slip.qr.map { [$0] } ?? []), "\(c.fileName): the QR payload")

        // Line for line, what the paper shows is the plain rendering: centred lines by the
        // printer's alignment instead of spaces, the QR code where the preview shows it.
        let plain = SlipText.lines(slip, columns: c.columns)
        var printed: [String] = []
        for item in printout.items {
            switch item {
            case .line(let l):
                switch l.alignment {
                case .left: printed.append(l.text)
                case .center: printed.append(String(repeating: " ", count: max(0, (c.columns - SlipWidth.of(l.text)) / 2)) + l.text)
                case .right: printed.append(String(repeating: " ", count: max(0, c.columns - SlipWidth.of(l.text))) + l.text)
                }
                #expect(l.width == 1, "\(c.fileName): nothing printed double width (it would not fit)")
            case .qr(let payload):
                printed.append(SlipRow(.qr(payload), alignment: .center).plain(columns: c.columns))
            case .feed, .cut:
                break
            }
        }
        #expect(printed == plain, "\(c.fileName): the printed lines are the preview's")
        // The title and the references are printed large and bold.
        let title = try #require(printout.lines.first { $0.text == slip.title })
        #expect(title.bold && title.height == 2 && title.alignment == .center)
        for case let .reference(_, value) in slip.lines {
            #expect(printout.lines.contains { $0.text == value && $0.bold && $0.height == 2 }, "\(c.fileName): \(value) printed large")
        }
    }

    @Test func theGoldenFolderHoldsNoStaleSlip() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files == GoldenCase.all.map(\.fileName).sorted())
    }
}
