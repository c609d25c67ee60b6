/// Made-up customers for the demo year: Chinese and English names, valid-looking phones
/// and resident ID numbers that pass the GB 11643 check.
struct DemoPeople {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    static let givenNames = ["芳", "娜", "伟", "洋", "静", "磊", "敏", "强", "丽", "军", "杰", "婷", "浩然", "子涵", "欣怡", "宇轩"]
    static let english = ["Mary Smith", "John Chen", "Anna Lee", "David Wang", "Emma Liu"]

    static func name(_ rng: inout SeededRandom) -> String {
        if rng.chance(0.05) { return rng.pick(english) }
        return String(rng.pick(surnames)) + rng.pick(givenNames)
    }

    static func phone(_ rng: inout SeededRandom) -> String {
        "1" + rng.pick(["38", "39", "58", "86", "88"]) + String(rng.int(10_000_000...99_999_999))
    }

    /// A resident ID number with a real birth date and the right check character.
    static func residentID(_ rng: inout SeededRandom) -> String {
        let area = rng.pick(["110105", "310104", "440106", "360426", "510107"])
        let year = rng.int(1950...2005), month = rng.int(1...12), day = rng.int(1...28)
        let birth = String(year) + pad2(month) + pad2(day)
        let serial = String(rng.int(100...999))
        let first17 = Array(area + birth + serial)
        var sum = 0
        for i in 0..<17 { sum += first17[i].wholeNumberValue! * ResidentID.weights[i] }
        return String(first17) + String(ResidentID.checkCharacters[sum % 11])
    }
}
