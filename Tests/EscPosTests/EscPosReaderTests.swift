import Testing
@testable import EscPos

@Suite struct EscPosReaderTests {
    /// A small slip, built and read back.
    func sample() throws -> [UInt8] {
        var b = EscPosBuilder()
        b.initialize()
        b.chineseMode(true)
        b.align(.center)
        b.bold(true)
        b.size(width: 1, height: 2)
        try b.line("爱心雨伞 Umbrella")
        b.size(width: 1, height: 1)
        b.bold(false)
        b.align(.left)
        try b.line("押金 Deposit      ¥50.00")
        b.lineFeed()
        try b.text("签名")
        try b.line("：____")
        b.align(.center)
        b.qr("7K2Q-9XHM-4T8B-PZ3D")
        b.cut()
        return b.bytes
    }

    @Test func readsBackLinesStylesQRAndCut() throws {
        let p = try EscPosReader.printout(sample())
        #expect(p.lines == [
            EscPosLine(text: "爱心雨伞 Umbrella", alignment: .center, bold: true, width: 1, height: 2),
            EscPosLine(text: "押金 Deposit      ¥50.00"),
            EscPosLine(text: ""),
            EscPosLine(text: "签名：____"),
        ])
        #expect(p.qrPayloads == ["7K2Q-9XHM-4T8B-PZ3D"])
        #expect(p.endsWithCut)
        #expect(p.items.suffix(3) == [.qr("7K2Q-9XHM-4T8B-PZ3D"), .feed(4), .cut(partial: true)])
    }

    @Test func commandsInOrder() throws {
        let c = try EscPosReader.commands(sample())
        #expect(c.prefix(6) == [.initialize, .chineseMode(true), .align(.center), .bold(true), .size(width: 1, height: 2),
                                .text("爱心雨伞 Umbrella")])
        #expect(c.contains(.internationalSet(8)) && c.contains(.internationalSet(0)))
        #expect(c.contains(.qrModel(50)) && c.contains(.qrModuleSize(6)) && c.contains(.qrErrorLevel(.medium)))
        #expect(c.last == .cut(partial: true))
    }

    @Test func fourByteCharactersReadBack() throws {
        var b = EscPosBuilder()
        b.chineseMode(true)
        try b.line("𠀀😀 ok")
        #expect(try EscPosReader.printout(b.bytes).lines.map(\.text) == ["𠀀😀 ok"])
    }

    @Test func everyCutShortOfTheEndIsRefusedOrReadsLess() throws {
        let bytes = try sample()
        let full = try EscPosReader.printout(bytes)
        for n in 0..<bytes.count {
            let part = Array(bytes.prefix(n))
            do {
                let p = try EscPosReader.printout(part)
                #expect(p != full, "a job cut at \(n) cannot read as the whole job")
            } catch {
                #expect(error == .truncated(offset: error.offset) || error.isBadText, "cut at \(n): \(error)")
            }
        }
    }

    @Test func refusesChineseOutsideChineseMode() throws {
        var b = EscPosBuilder()
        try b.line("收据")
        #expect(throws: EscPosReadError.badText(offset: 0)) { try EscPosReader.commands(b.bytes) }
    }

    @Test func refusesUnknownCommandsAndStrayControls() {
        #expect(throws: EscPosReadError.unknownCommand(offset: 1, bytes: [0x1B, 0x74])) { try EscPosReader.commands([0x41, 0x1B, 0x74, 0]) }
        #expect(throws: EscPosReadError.strayControl(offset: 1, byte: 0x0D)) { try EscPosReader.commands([0x41, 0x0D]) }
        #expect(throws: EscPosReadError.badParameter(offset: 0, bytes: [0x1B, 0x61, 7])) { try EscPosReader.commands([0x1B, 0x61, 7]) }
        #expect(throws: EscPosReadError.unknownCommand(offset: 0, bytes: [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x30, 0x43, 3])) {
            try EscPosReader.commands([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x30, 0x43, 3])   // cn 48: PDF417, not QR
        }
    }

    @Test func refusesInvalidGB18030() {
        #expect(throws: EscPosReadError.badText(offset: 2)) { try EscPosReader.commands([0x1C, 0x26, 0x80, 0x41]) }
        #expect(throws: EscPosReadError.truncated(offset: 2)) { try EscPosReader.commands([0x1C, 0x26, 0xCA]) }
    }

    @Test func initializeForgetsTheStoredQR() throws {
        var b = EscPosBuilder()
        b.qr("A")
        b.initialize()
        // Print again after ESC @: nothing is stored any more, so nothing more is printed.
        let bytes = b.bytes + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]
        #expect(try EscPosReader.printout(bytes).qrPayloads == ["A"])
    }
}

extension EscPosReadError {
    var offset: Int {
        switch self {
        case .truncated(let o), .badText(let o): return o
        case .unknownCommand(let o, _), .badParameter(let o, _), .strayControl(let o, _): return o
        }
    }
    var isBadText: Bool { if case .badText = self { return true } else { return false } }
}
