/// A line of the distributed job's input: `<file id>\t<line number>\t<export line>`.
///
/// The Spark job reads every export file itself, numbers its lines, keys them
/// by room and sends each partition to `offplatform analyze --partial --keyed`,
/// so every line keeps the file and line it came from: rejections still say
/// file:line, and every line of every file is accounted for after the merge.
/// A line longer than the cap is replaced by `!line_too_long` upstream.
struct KeyedLine {
    var file: Int32
    var line: Int32
    var payload: UnsafeRawBufferPointer

    static let tooLongMarker = Array("!line_too_long".utf8)

    init?(_ raw: UnsafeRawBufferPointer) {
        var i = 0
        func number() -> Int64? {
            var v: Int64 = 0, digits = 0
            while i < raw.count, raw[i] >= 0x30, raw[i] <= 0x39, digits < 12 {
                v = v * 10 + Int64(raw[i] - 0x30)
                i += 1
                digits += 1
            }
            guard digits > 0, i < raw.count, raw[i] == 0x09 else { return nil }
            i += 1
            return v
        }
        guard let f = number(), let l = number(), f <= Int64(Int32.max), l >= 1, l <= Int64(Int32.max) else { return nil }
        file = Int32(f)
        line = Int32(l)
        payload = UnsafeRawBufferPointer(rebasing: raw[i...])
    }

    static func isBlank(_ b: UnsafeRawBufferPointer) -> Bool {
        b.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    static func isTooLongMarker(_ b: UnsafeRawBufferPointer) -> Bool {
        b.count == tooLongMarker.count && b.elementsEqual(tooLongMarker)
    }
}
