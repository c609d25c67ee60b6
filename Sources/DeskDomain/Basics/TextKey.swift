/// A text used as a dictionary key and compared by its UTF-8 bytes.
///
/// `String` keys are hashed and compared by Unicode canonical equivalence, which for
/// Chinese text (a shop's name in a receipt key) means normalising on every hash and on
/// every slot a lookup probes: the larger part of replaying a year of invoices. Keys the
/// desk builds itself are already in one spelling, so their bytes are the identity (a
/// text typed once composed and once decomposed would be two keys; input methods compose).
public struct TextKey: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    /// The bytes' hash, computed once: a probe that meets another key compares this first.
    let digest: Int

    public init(_ text: String) {
        var t = text
        t.makeContiguousUTF8()
        self.text = t
        var h = Hasher()
        t.utf8.withContiguousStorageIfAvailable { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        digest = h.finalize()
    }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        a.digest == b.digest && a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    public var description: String { text }
}
