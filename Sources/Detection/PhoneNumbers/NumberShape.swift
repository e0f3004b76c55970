// What the scanner hands to the reader: the digits of one candidate and how
// they were grouped, with nothing of the text around them. Keeping the shape
// separate from the bytes lets the numbering-plan rules be tested on their own
// and keeps them free of offsets.

/// The separator units seen between two digit groups.
struct Separators: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let space = Separators(rawValue: 1 << 0)
    static let dash = Separators(rawValue: 1 << 1)
    static let dot = Separators(rawValue: 1 << 2)
    static let slash = Separators(rawValue: 1 << 3)
    static let paren = Separators(rawValue: 1 << 4)
    static let tilde = Separators(rawValue: 1 << 5)
    static let comma = Separators(rawValue: 1 << 6)
    /// Set well apart: a dash with spaces on both sides (" - ") or several spaces.
    /// Two numbers in a row are often written so, and a long chain is split there first.
    static let apart = Separators(rawValue: 1 << 7)
}

/// A value that fits in one byte, so that up to 32 of them can live inline.
protocol InlineByte {
    init(inlineByte: UInt8)
    var inlineByte: UInt8 { get }
}

extension UInt8: InlineByte {
    init(inlineByte: UInt8) { self = inlineByte }
    var inlineByte: UInt8 { self }
}

extension Int: InlineByte {
    init(inlineByte: UInt8) { self = Int(inlineByte) }
    var inlineByte: UInt8 { UInt8(truncatingIfNeeded: self) }
}

extension Separators: InlineByte {
    init(inlineByte: UInt8) { self.init(rawValue: inlineByte) }
    var inlineByte: UInt8 { rawValue }
}

/// Up to 32 small values stored inline, so filling a shape never allocates; the
/// scanner only builds shapes of at most `PhoneScanner.maxDigits` digits.
struct Inline32<Element: InlineByte>: RandomAccessCollection, Sendable {
    static var capacity: Int { 32 }
    // Four words rather than a SIMD vector: a byte store at a run-time index is a
    // plain store here, where a vector lane insert is not.
    private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private(set) var count = 0

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "index out of range")
        return Element(inlineByte: withUnsafeBytes(of: storage) { $0[i] })
    }

    mutating func append(_ e: Element) {
        precondition(count < Inline32.capacity, "more than 32 values in a number shape")
        let i = count
        withUnsafeMutableBytes(of: &storage) { $0[i] = e.inlineByte }
        count += 1
    }

    mutating func append<S: Sequence>(contentsOf s: S) where S.Element == Element {
        for e in s { append(e) }
    }

    mutating func removeAll() { count = 0 }
}

/// The digits of one phone candidate and their grouping.
struct NumberShape: Sendable {
    /// ASCII digits, in order, without separators or extension.
    var digits = Inline32<UInt8>()
    /// Lengths of the digit groups, in order; they add up to `digits.count`.
    var groups = Inline32<Int>()
    /// `separators[i]` sits between group `i` and group `i + 1`.
    var separators = Inline32<Separators>()
    /// Written with a leading `+` (or `++`).
    var plus = false
    /// The index of the one group written in brackets ("(415) 666-7777"), if any.
    var bracketed: Int? = nil
    /// Some digit was written as a word ("five", "nine").
    var spelled = false
    /// A phone word precedes the number ("call", "tel", "my number is").
    var afterPhoneWord = false
    /// An extension follows ("x 123", "ext. 45"): nothing but a phone number has one.
    var hasExtension = false

    init() {}

    /// A shape from a number as written, for tests and tools: digits, and any of
    /// ` -./()~` as separators; a leading `+` sets `plus`.
    init(_ written: String) {
        self.init()
        let bytes = Array(written.utf8)
        plus = bytes.prefix(while: { !isASCIIDigit($0) }).contains(UInt8(ascii: "+"))
        var sep: Separators = []
        var run = 0
        var openPending = bytes.first == UInt8(ascii: "(")
        for b in bytes {
            if isASCIIDigit(b) {
                if run == 0 {
                    if !groups.isEmpty { separators.append(sep) }
                    sep = []
                }
                if run == 0 && openPending { bracketed = groups.count; openPending = false }
                digits.append(b)
                run += 1
            } else {
                if run > 0 { groups.append(run); run = 0 }
                switch b {
                case UInt8(ascii: " "): sep.insert(.space)
                case UInt8(ascii: "-"): sep.insert(.dash)
                case UInt8(ascii: "."): sep.insert(.dot)
                case UInt8(ascii: "/"): sep.insert(.slash)
                case UInt8(ascii: "~"): sep.insert(.tilde)
                case UInt8(ascii: ","): sep.insert(.comma)
                case UInt8(ascii: "("): sep.insert(.paren); openPending = true
                case UInt8(ascii: ")"): sep.insert(.paren)
                default: break
                }
            }
        }
        if run > 0 { groups.append(run) }
    }

    mutating func reset() {
        digits.removeAll()
        groups.removeAll()
        separators.removeAll()
        plus = false
        bracketed = nil
        spelled = false
        afterPhoneWord = false
        hasExtension = false
    }

    var count: Int { digits.count }

    /// Whether the groups are exactly these lengths.
    func grouped(_ lengths: Int...) -> Bool { groups.elementsEqual(lengths) }

    /// The digits of group `g`.
    func group(_ g: Int) -> Slice<Inline32<UInt8>> {
        var start = 0
        for k in 0..<g { start += groups[k] }
        return digits[start..<(start + groups[g])]
    }

    /// The numeric value of group `g` (at most 9 digits are meaningful).
    func value(ofGroup g: Int) -> Int {
        group(g).prefix(9).reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }

    /// Whether every separator is exactly `s`.
    func separatorsAll(_ s: Separators) -> Bool { separators.allSatisfy { $0 == s } }

    /// How many groups are a single digit.
    var singleDigitGroups: Int { groups.reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }

    /// Digit by digit with spaces ("5 5 5 0 1 9 9", "0 3 3 3 1 6 0 0 5"): a way of
    /// writing a number to slip past filters, and no other number is written so.
    var spacedOut: Bool {
        let singles = singleDigitGroups
        return singles >= 4 && singles * 2 >= groups.count
    }

    func hasPrefix(_ p: String) -> Bool { digits.starts(with: p.utf8) }
}
