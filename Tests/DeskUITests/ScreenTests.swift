import Testing
@testable import DeskUI

@Suite struct ScreenTests {
    @Test func chineseTakesTwoColumns() {
        #expect(TextWidth.of("王芳") == 4)
        #expect(TextWidth.of("ab王") == 4)
        #expect(TextWidth.of("¥50.00") == 6)
    }

    @Test func wideCharactersKeepColumnsAligned() {
        var s = Screen(rows: 2, columns: 10)
        s.put("王芳|x", row: 0, column: 0)
        s.put("ab|x", row: 1, column: 2)
        #expect(s.text(row: 0) == "王芳|x    ")
        #expect(s.text(row: 1) == "  ab|x    ")
    }

    @Test func aWideCharacterThatDoesNotFitIsNotDrawnHalf() {
        var s = Screen(rows: 1, columns: 5)
        s.put("abcd王", row: 0, column: 0)
        #expect(s.text == "abcd")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var s = Screen(rows: 1, columns: 6)
        s.put("王芳", row: 0, column: 0)
        s.put("x", row: 0, column: 1)
        #expect(s.text == " x芳")
    }

    @Test func padCutsAndFillsByColumns() {
        #expect(TextWidth.pad("王芳芳", to: 5) == "王芳 ")
        #expect(TextWidth.pad("ab", to: 4) == "ab  ")
    }
}
