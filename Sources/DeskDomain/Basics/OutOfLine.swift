/// A value kept behind a pointer: for fields that few of many records ever have (a lost
/// item's claim or disposal, an invoice's void or reversal), so that every record does not
/// carry their full width inline.
///
/// The box is never changed, only replaced, so copies of a record still behave as values.
///
///     private var claimBox: OutOfLine<LostItemClaim>?
///     public var claim: LostItemClaim? {
///         get { claimBox?.value }
///         set { claimBox = newValue.map(OutOfLine.init) }
///     }
public struct OutOfLine<Value: Equatable & Sendable>: Equatable, Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let box: Box

    public init(_ value: Value) { box = Box(value) }

    public var value: Value { box.value }

    public static func == (a: OutOfLine, b: OutOfLine) -> Bool { a.box === b.box || a.value == b.value }
}
