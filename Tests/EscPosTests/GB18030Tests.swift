import Testing
@testable import EscPos

@Suite struct GB18030Tests {
    @Test func chineseIsTwoBytesAndASCIIOne() throws {
        #expect(GB18030.encode("收据 A1") == [0xCA, 0xD5, 0xBE, 0xDD, 0x20, 0x41, 0x31])
        #expect(GB18030.encode("王芳") == [0xCD, 0xF5, 0xB7, 0xBC])
        #expect(GB18030.encode("") == [])
    }

    @Test func charactersOutsideGBKTakeFourBytes() {
        #expect(GB18030.encode("¥") == [0x81, 0x30, 0x84, 0x36])
        #expect(GB18030.encode("𠀀") == [0x95, 0x32, 0x82, 0x36])
    }

    @Test func decodeIsTheInverse() throws {
        for s in ["收据 Receipt", "认领人签名：", "¥50.00", "𠀀😀", "LF-2026-000001", "é—×·"] {
            let bytes = try #require(GB18030.encode(s))
            #expect(GB18030.decode(bytes) == s)
        }
    }

    @Test func decodeRefusesBrokenSequences() {
        #expect(GB18030.decode([0xCA]) == nil, "a cut two-byte character")
        #expect(GB18030.decode([0x81, 0x30, 0x84]) == nil, "a cut four-byte character")
        #expect(GB18030.decode([0x80]) == nil)
        #expect(GB18030.decode([0xFF, 0x41]) == nil)
    }

    @Test func sequenceLengths() {
        #expect(GB18030.sequenceLength(lead: 0x41, second: nil) == 1)
        #expect(GB18030.sequenceLength(lead: 0xCA, second: 0xD5) == 2)
        #expect(GB18030.sequenceLength(lead: 0x81, second: 0x30) == 4)
        #expect(GB18030.sequenceLength(lead: 0x80, second: 0x41) == nil)
        #expect(GB18030.sequenceLength(lead: 0xFF, second: 0x41) == nil)
    }
}
