import Testing
@testable import EscPos

@Suite struct EscPosBuilderTests {
    @Test func commandsHaveTheirBytes() throws {
        var b = EscPosBuilder()
        b.initialize()
        b.chineseMode(true)
        b.align(.center)
        b.bold(true)
        b.size(width: 1, height: 2)
        try b.line("收据")
        b.size(width: 2, height: 2)
        b.bold(false)
        b.align(.right)
        b.chineseMode(false)
        b.feed(3)
        b.cut()
        #expect(b.bytes == [0x1B, 0x40, 0x1C, 0x26, 0x1B, 0x61, 1, 0x1B, 0x45, 1, 0x1D, 0x21, 0x01,
                            0xCA, 0xD5, 0xBE, 0xDD, 0x0A, 0x1D, 0x21, 0x11, 0x1B, 0x45, 0, 0x1B, 0x61, 2,
                            0x1C, 0x2E, 0x1B, 0x64, 3, 0x1B, 0x64, 4, 0x1D, 0x56, 1])
    }

    @Test func fullCut() {
        var b = EscPosBuilder()
        b.cut(feed: 0, partial: false)
        #expect(b.bytes == [0x1B, 0x64, 0, 0x1D, 0x56, 0])
    }

    @Test func qrIsModelSizeLevelStorePrint() {
        var b = EscPosBuilder()
        b.qr("ABC", moduleSize: 5, level: .high)
        #expect(b.bytes == [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
                            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 5,
                            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 51,
                            0x1D, 0x28, 0x6B, 0x06, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42, 0x43,
                            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30])
    }

    @Test func qrLengthUsesBothBytes() throws {
        let payload = String(repeating: "7", count: 300)
        var b = EscPosBuilder()
        b.qr(payload)
        let store = try #require(b.bytes.indices.first { i in i + 7 < b.bytes.count && b.bytes[i + 5] == 0x31 && b.bytes[i + 6] == 0x50 })
        #expect(b.bytes[store + 3] == UInt8(303 & 0xFF))
        #expect(b.bytes[store + 4] == 1)
        #expect(try EscPosReader.printout(b.bytes).qrPayloads == [payload])
    }

    @Test func yenGoesThroughTheJapaneseSet() throws {
        var b = EscPosBuilder()
        try b.text("押金¥50.00")
        #expect(b.bytes == [0xD1, 0xBA, 0xBD, 0xF0, 0x1B, 0x52, 8, 0x5C, 0x1B, 0x52, 0, 0x35, 0x30, 0x2E, 0x30, 0x30])
    }

    @Test func yenAtTheEndPutsTheSetBack() throws {
        var b = EscPosBuilder()
        try b.text("¥¥")
        #expect(b.bytes == [0x1B, 0x52, 8, 0x5C, 0x5C, 0x1B, 0x52, 0])
    }

    @Test func backslashStaysABackslash() throws {
        var b = EscPosBuilder()
        try b.text("a\\b")
        #expect(b.bytes == [0x61, 0x5C, 0x62])
    }

    @Test func controlCharactersCannotBecomeCommands() throws {
        var b = EscPosBuilder()
        try b.text("A\u{1B}@\u{1D}V\u{0A}\u{7F}\u{85}B")
        #expect(b.bytes == Array("A?@?V???B".utf8))
    }
}
