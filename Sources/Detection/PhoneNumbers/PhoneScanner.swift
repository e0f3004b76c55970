// The single pass over normalized bytes that finds phone candidates. It
// collects a chain of digit groups joined by the separators numbers are written
// with (spaces, `-`, `.`, `/`, brackets, `~` of `0~0`), reads an extension
// after it, checks what touches the chain (letters, currency, `%`) and the
// words before and after it, cuts dates and times off its ends, and hands the
// rest to `PhoneReader`. A chain too long to be one number ("(415) 666-7777
// (800) 443-1223") is searched for numbers between its spaces, longest first.
//
// Every byte is looked at a bounded number of times: chains are capped at
// `maxGroups` groups and the search inside a chain only tries windows of at
// most 17 digits, so the pass stays linear. Scratch storage is reused across
// candidates; nothing is allocated per byte.

/// One run of digits in the text and what separates it from the next run.
struct DigitGroup {
    var start: Int
    var end: Int
    /// A `(` directly before the first digit.
    var openBefore: Bool
    /// A `)` directly after the last digit.
    var closeAfter: Bool
    /// The separator to the next group of the chain.
    var after: Separators
}

/// Scratch room for the groups of one chain, owned by the caller (on the stack,
/// see `PhoneRecognizer`), so scanning allocates nothing.
struct GroupBuffer {
    private let storage: UnsafeMutableBufferPointer<DigitGroup>
    private(set) var count = 0

    init(_ storage: UnsafeMutableBufferPointer<DigitGroup>) { self.storage = storage }

    var capacity: Int { storage.count }
    var last: DigitGroup? { count == 0 ? nil : storage[count - 1] }

    subscript(i: Int) -> DigitGroup {
        precondition(i >= 0 && i < count)
        return storage[i]
    }

    mutating func append(_ g: DigitGroup) {
        precondition(count < storage.count)
        storage.initializeElement(at: count, to: g)
        count += 1
    }

    mutating func removeAll() { count = 0 }

    mutating func truncate(to n: Int) {
        precondition(n >= 0 && n <= count)
        count = n
    }
}

/// A phone number found in the text.
struct PhoneMatch {
    /// Byte range in the normalized text, extension included.
    var range: Range<Int>
    var reading: PhoneReading
    /// The extension digits, if the number has one.
    var extensionDigits: Range<Int>?
    /// Written digit by digit or with digits as words.
    var spelled: Bool
}

struct PhoneScanner {
    static let maxGroups = 40
    /// No numbering plan needs more digits than this, international prefix included.
    static let maxDigits = 17

    let bytes: UnsafeBufferPointer<UInt8>
    /// The original scalars each byte came from (`NormalizedText.sourceStart`/`sourceEnd`),
    /// if known: a digit that came from three or more was spelled out as a word.
    let sourceStart: UnsafeBufferPointer<Int32>?
    let sourceEnd: UnsafeBufferPointer<Int32>?

    private var groups: GroupBuffer
    private var chainShape = NumberShape()
    private var window = NumberShape()

    /// `scratch` must hold at least `maxGroups` groups.
    init(bytes: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<DigitGroup>,
         sourceStart: UnsafeBufferPointer<Int32>? = nil, sourceEnd: UnsafeBufferPointer<Int32>? = nil) {
        precondition(scratch.count >= PhoneScanner.maxGroups)
        self.bytes = bytes
        self.groups = GroupBuffer(scratch)
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
    }

    /// Runs `body` with a scanner whose scratch lives on the stack.
    static func withScanner<R>(bytes: UnsafeBufferPointer<UInt8>, sourceStart: UnsafeBufferPointer<Int32>? = nil,
                               sourceEnd: UnsafeBufferPointer<Int32>? = nil,
                               _ body: (inout PhoneScanner) -> R) -> R {
        withUnsafeTemporaryAllocation(of: DigitGroup.self, capacity: maxGroups) { scratch in
            var scanner = PhoneScanner(bytes: bytes, scratch: scratch, sourceStart: sourceStart, sourceEnd: sourceEnd)
            return body(&scanner)
        }
    }

    /// Calls `found` for every phone number, in text order, without overlaps.
    mutating func scan(_ found: (PhoneMatch) -> Void) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if isASCIIDigit(b) {
                i = chain(leadStart: i, plusAt: nil, firstDigit: i, paren: false, found)
            } else if b == 0x2B || b == 0x28 {  // + (
                if let lead = lead(at: i) {
                    i = chain(leadStart: i, plusAt: lead.plusAt, firstDigit: lead.firstDigit, paren: lead.paren, found)
                } else {
                    i += 1
                }
            } else {
                i += 1
            }
        }
    }

    /// `(`, `+`, `++`, `(+` right before a digit.
    private func lead(at i: Int) -> (firstDigit: Int, plusAt: Int?, paren: Bool)? {
        let n = bytes.count
        var j = i
        var paren = false
        if bytes[j] == 0x28 {
            paren = true
            j += 1
        }
        let plusAt = j
        var plusses = 0
        while j < n && bytes[j] == 0x2B && plusses < 2 {
            j += 1
            plusses += 1
        }
        guard j < n, isASCIIDigit(bytes[j]) else { return nil }
        return (j, plusses > 0 ? plusAt : nil, paren)
    }

    // MARK: Chain

    /// Reads the chain starting at `firstDigit`, reports what it holds, and
    /// returns where scanning resumes.
    private mutating func chain(leadStart: Int, plusAt: Int?, firstDigit: Int, paren: Bool,
                                _ found: (PhoneMatch) -> Void) -> Int {
        let n = bytes.count
        groups.removeAll()
        var j = firstDigit
        var openPending = paren
        var total = 0
        while true {
            let start = j
            while j < n && isASCIIDigit(bytes[j]) { j += 1 }
            total += j - start
            var group = DigitGroup(start: start, end: j, openBefore: openPending, closeAfter: false, after: [])
            openPending = false
            let (next, flags, closeFirst, opensLast) = separator(after: group)
            group.closeAfter = closeFirst
            if let next, groups.count < PhoneScanner.maxGroups - 1 {
                group.after = flags
                groups.append(group)
                openPending = opensLast
                j = next
            } else if next != nil {
                // Too many groups for one pass: end the chain at its last space, so the
                // next chain starts on a group boundary people wrote, not mid-number.
                group.after = flags
                groups.append(group)
                if let k = (1..<groups.count).last(where: { groups[$0 - 1].after.contains(.space) }) {
                    groups.truncate(to: k)
                    j = groups[k - 1].end
                }
                break
            } else {
                groups.append(group)
                break
            }
        }
        let chainEnd = j
        let plus = plusAt != nil
        guard total >= (plus ? 5 : 7) else { return chainEnd }

        // What touches the chain. A glued word, currency sign or `%` rules out the
        // groups up to the nearest space ("$20 415-666-7777" keeps the phone).
        var lo = 0, hi = groups.count
        var ext = groups[groups.count - 1].closeAfter ? nil : phoneExtension(at: chainEnd)
        var withExt = ext != nil
        let after = ext?.end ?? chainEnd
        if let s = decodeScalar(at: after, in: bytes)?.0, gluesAfter(s) {
            hi -= 1
            while hi > 0 && !groups[hi - 1].after.contains(.space) { hi -= 1 }
            ext = nil
            withExt = false
        }
        if let plusAt {
            if !paren && plusAt > 0 && isASCIIDigit(bytes[plusAt - 1]) { return chainEnd }  // arithmetic: "5+4156667777"
        } else if !paren, let s = scalar(before: firstDigit, in: bytes), gluesBefore(s) {
            // A code of letters and digits runs into the chain ("Tracking number is 1Z 999 AA1 01 2345 6784"): the
            // digits after it are more of the code, not a number of their own.
            if s < 0x80 && isASCIILetter(UInt8(s)) && groups.count > 1 { return chainEnd }
            lo += 1
            while lo < hi && !groups[lo - 1].after.contains(.space) { lo += 1 }
        }
        guard lo < hi else { return chainEnd }
        let context = lo == 0 ? PhoneContext.before(leadStart, in: bytes) : .neutral
        if context == .identifier || (hi == groups.count && PhoneContext.unitAfter(after, in: bytes)) { return chainEnd }

        // Times at either end ("2012-01-02 08:00", "at 10:30 …") and dates.
        if hi == groups.count && chainEnd + 1 < n && bytes[chainEnd] == 0x3A && isASCIIDigit(bytes[chainEnd + 1]) {
            hi -= 1
            withExt = false
        }
        if lo == 0 && plusAt == nil && !paren && firstDigit >= 2 && bytes[firstDigit - 1] == 0x3A
            && isASCIIDigit(bytes[firstDigit - 2]) {
            lo += 1
        }
        guard lo < hi else { return chainEnd }
        // A date is at most three groups, and whether it stands apart shows in the
        // separator after them: four groups from each end are enough to look at.
        if hi - lo >= 2 {
            let head = min(hi, lo + 4)
            if digitCount(lo, head) <= Inline32<UInt8>.capacity {
                PhoneScanner.fill(&chainShape, from: groups, in: bytes, lo, head)
                lo += NotAPhone.leadingDateGroups(chainShape)
            }
        }
        if hi - lo >= 2 {
            let tail = max(lo, hi - 4)
            if digitCount(tail, hi) <= Inline32<UInt8>.capacity {
                PhoneScanner.fill(&chainShape, from: groups, in: bytes, tail, hi)
                let trailing = NotAPhone.trailingDateGroups(chainShape)
                if trailing > 0 {
                    hi -= trailing
                    withExt = false
                }
            }
        }
        guard lo < hi else { return chainEnd }

        let lead = Lead(start: leadStart, plusAt: plusAt, paren: paren, phoneWord: context == .phone)
        if let m = evaluate(lo, hi, lead: lead, ext: withExt ? ext : nil) {
            found(m)
            // Groups cut off the ends (a date, a time, a glued amount) are not read again.
            return max(m.range.upperBound, chainEnd)
        }
        // Inside a chain that is not one number: split where groups are set apart, and
        // at any space if the chain is too long for one number. Blocks of four digits
        // (cards, IBANs) are not searched: their halves are not phone numbers.
        let digits = digitCount(lo, hi)
        let fourBlocks = digits >= 13 && (lo..<(hi - 1)).allSatisfy { groups[$0].end - groups[$0].start == 4 }
        if !fourBlocks {
            let anySpace = digits >= 14
            if anySpace || (lo..<(hi - 1)).contains(where: { groups[$0].after.contains(.apart) }) {
                return max(chainEnd, searchInside(lo, hi, anySpace: anySpace, lead: lead, ext: withExt ? ext : nil, found))
            }
        }
        return chainEnd
    }

    /// The separator after `group`: where the next group starts if the chain
    /// goes on, the separator's kinds, and whether it starts with `)` or ends with `(`.
    private func separator(after group: DigitGroup) -> (Int?, Separators, Bool, Bool) {
        let n = bytes.count
        var k = group.end
        var flags: Separators = []
        var units = 0
        var spaces = 0, dashes = 0, dots = 0, slashes = 0, opens = 0, closes = 0, tildes = 0, commas = 0
        var first: SeparatorUnit? = nil
        var last: SeparatorUnit? = nil
        var spaceBeforeDash = false, spaceAfterDash = false
        while k < n && units < 5, let (unit, length) = separatorUnit(bytes, at: k) {
            if first == nil { first = unit }
            switch unit {
            case .space:
                spaces += 1
                flags.insert(.space)
                if dashes > 0 { spaceAfterDash = true }
            case .dash:
                dashes += 1
                flags.insert(.dash)
                if spaces > 0 { spaceBeforeDash = true }
                spaceAfterDash = false
            case .dot: dots += 1; flags.insert(.dot)
            case .slash: slashes += 1; flags.insert(.slash)
            case .open: opens += 1; flags.insert(.paren)
            case .close: closes += 1; flags.insert(.paren)
            case .tilde: tildes += 1; flags.insert(.tilde)
            case .comma: commas += 1; flags.insert(.comma)
            }
            last = unit
            k += length
            units += 1
        }
        let closeFirst = first == .close
        let opensLast = last == .open
        guard units >= 1, units <= 4, k < n, isASCIIDigit(bytes[k]) else { return (nil, flags, closeFirst, false) }
        var tight = spaces <= 3 && dashes <= 2 && dots <= 1 && slashes <= 2 && opens <= 1 && closes <= 1
            && tildes <= 1 && commas <= 1
        if opens == 1 && !opensLast { tight = false }
        if closes == 1 && !closeFirst { tight = false }
        if spaceBeforeDash && spaceAfterDash {
            // " - " may join the groups of one number; " -- " sets two numbers apart.
            if dashes > 1 { tight = false }
            flags.insert(.apart)
        }
        if spaces >= 2 { flags.insert(.apart) }
        if dots > 0 && (spaces > 0 || dashes > 0) { tight = false }  // ". " ends a sentence
        // "082... 471... 6905": an ellipsis between groups is a pause in dictation, read
        // as a space (three dots, at most one space after, nothing else).
        if dots == 3 && first == .dot && spaces <= 1 && units == dots + spaces
            && (spaces == 0 || last == .space) {
            tight = true
            flags = [.space]
        }
        if tildes == 1 {
            // Only the `~` of Poland's old prefix `0~0`.
            let zero = group.end - group.start == 1 && bytes[group.start] == 0x30
            if spaces > 0 || units > 1 || !zero { tight = false }
        }
        if commas == 1 {
            // "five five five, 0 1 9 9": a comma only inside a run spelled digit by digit.
            let single = group.end - group.start == 1
            let previousSingle = groups.last.map { $0.end - $0.start == 1 } ?? false
            let nextSingle = k + 1 >= n || !isASCIIDigit(bytes[k + 1])
            if !(single && previousSingle && nextSingle) || units - spaces != 1 { tight = false }
        }
        return (tight ? k : nil, flags, closeFirst, opensLast)
    }

    /// A letter, `_`, `@` or a currency sign before a digit run makes it part of a word,
    /// an address or an amount; `#` makes it a reference; `/ = & ?` a URL or file path.
    private func gluesBefore(_ s: UInt32) -> Bool {
        switch s {
        case 0x5F, 0x40, 0x23, 0x2F, 0x3D, 0x26, 0x3F, 0x5C: return true
        default: return isWordLetter(s) || isCurrencySign(s)
        }
    }

    private func gluesAfter(_ s: UInt32) -> Bool {
        switch s {
        case 0x25, 0x5F, 0x40: return true  // % _ @
        default: return isWordLetter(s) || isCurrencySign(s)
        }
    }

    // MARK: Extension

    private static let extensionLabels: [[UInt8]] = ["extension", "extn", "ext", "anexo", "доб", "int", "x", "#", "~"]
        .map { Array($0.utf8) }

    /// An extension right after the number ("x 123", "ext. 503", ", ext 7246433",
    /// "#3456", "~1234", "int.3456"): the digits and where the extension ends.
    private func phoneExtension(at end: Int) -> (digits: Range<Int>, end: Int)? {
        let n = bytes.count
        var k = end
        var skipped = 0
        while k < n && skipped < 4 && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x2C) {
            k += 1
            skipped += 1
        }
        var labelEnd: Int? = nil
        for label in PhoneScanner.extensionLabels where k + label.count <= n {
            var matches = true
            for (o, c) in label.enumerated() {
                var b = bytes[k + o]
                if b &- 0x41 < 26 { b |= 0x20 }
                if b != c {
                    matches = false
                    break
                }
            }
            if matches {
                labelEnd = k + label.count
                break
            }
        }
        guard var m = labelEnd else { return nil }
        if m < n && (bytes[m] == 0x2E || bytes[m] == 0x3A) { m += 1 }
        var gap = 0
        while m < n && gap < 3 && (bytes[m] == 0x20 || bytes[m] == 0x09 || bytes[m] == 0x2C || bytes[m] == 0x2D) {
            m += 1
            gap += 1
        }
        let digitsStart = m
        while m < n && isASCIIDigit(bytes[m]) && m - digitsStart < 10 { m += 1 }
        let count = m - digitsStart
        guard count >= 1 && count <= 9 else { return nil }
        let digits = digitsStart..<m
        if m < n && bytes[m] == 0x23 && bytes[k] != 0x23 { m += 1 }
        if let s = decodeScalar(at: m, in: bytes)?.0, isWordLetter(s) { return nil }
        return (digits, m)
    }

    // MARK: Windows

    private struct Lead {
        var start: Int
        var plusAt: Int?
        var paren: Bool
        var phoneWord: Bool
    }

    private func digitCount(_ lo: Int, _ hi: Int) -> Int {
        var digits = 0
        for k in lo..<hi { digits += groups[k].end - groups[k].start }
        return digits
    }

    /// Puts groups lo..<hi into `shape` (digits, lengths, separators only); they
    /// must hold at most 32 digits.
    private static func fill(_ shape: inout NumberShape, from groups: GroupBuffer, in bytes: UnsafeBufferPointer<UInt8>,
                             _ lo: Int, _ hi: Int) {
        shape.reset()
        for k in lo..<hi {
            let g = groups[k]
            shape.digits.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[g.start..<g.end]))
            shape.groups.append(g.end - g.start)
            if k < hi - 1 { shape.separators.append(g.after) }
        }
    }

    /// Reads groups lo..<hi as one number.
    private mutating func evaluate(_ lo: Int, _ hi: Int, lead: Lead, ext: (digits: Range<Int>, end: Int)?) -> PhoneMatch? {
        let digits = digitCount(lo, hi)
        guard digits <= PhoneScanner.maxDigits, digits >= (lo == 0 && lead.plusAt != nil ? 5 : 7) else { return nil }

        // Brackets: one pair around one group near the start, or a pair around
        // the whole window that is just text ("(4156667777)").
        var open: Int? = nil, close: Int? = nil
        for k in lo..<hi {
            let g = groups[k]
            if g.openBefore {
                if open != nil { return nil }
                open = k
            }
            if g.closeAfter {
                if close != nil { return nil }
                close = k
            }
        }
        var bracketed: Int? = nil
        var textParen = false
        switch (open, close) {
        case (nil, nil):
            break
        case let (o?, c?) where o == lo && c == hi - 1:
            textParen = true  // the brackets of the sentence: "(4156667777)", "(415 666 7777)"
        case let (o?, c?):
            guard c == o, o - lo <= 2, c < hi - 1 else { return nil }
            bracketed = o - lo
        case let (o?, nil):
            guard o == lo else { return nil }
            textParen = true
        case let (nil, c?):
            guard c == hi - 1 else { return nil }
        }

        PhoneScanner.fill(&window, from: groups, in: bytes, lo, hi)
        window.plus = lo == 0 && lead.plusAt != nil
        window.bracketed = bracketed
        window.afterPhoneWord = lo == 0 && lead.phoneWord
        window.hasExtension = ext != nil
        if let sourceStart, let sourceEnd {
            for k in lo..<hi where !window.spelled {
                for i in groups[k].start..<groups[k].end where sourceEnd[i] - sourceStart[i] >= 3 {
                    window.spelled = true
                    break
                }
            }
        }
        guard let reading = PhoneReader.read(window) else { return nil }

        var start: Int
        if lo == 0 {
            start = lead.start
            if textParen { start = lead.plusAt ?? groups[0].start }
        } else {
            start = groups[lo].start
            if bracketed == 0 { start -= 1 }
        }
        let end = ext?.end ?? groups[hi - 1].end
        return PhoneMatch(range: start..<end, reading: reading, extensionDigits: ext?.digits,
                          spelled: window.spelled || window.spacedOut)
    }

    /// Numbers inside a chain that is not one: windows between cuts, longest first.
    /// Returns the end of the last number found (0 if none).
    private mutating func searchInside(_ lo: Int, _ hi: Int, anySpace: Bool, lead: Lead,
                                       ext: (digits: Range<Int>, end: Int)?, _ found: (PhoneMatch) -> Void) -> Int {
        var lastEnd = 0
        // Too long for one number: any space or slash may end one ("415-555-0132/0133").
        let boundary: Separators = anySpace ? [.space, .slash] : .apart
        func cut(_ k: Int) -> Bool { k == lo || k == hi || !groups[k - 1].after.isDisjoint(with: boundary) }
        var s = lo
        var ends = Inline32<Int>()
        while s < hi {
            // The window ends that a number could reach from `s`: at most 17 digits, so
            // at most 17 ends, which keeps the search linear in the chain's length.
            ends.removeAll()
            var digits = 0
            var e = s
            while e < hi {
                digits += groups[e].end - groups[e].start
                e += 1
                if digits > PhoneScanner.maxDigits { break }
                if cut(e) { ends.append(e) }
            }
            var matched = false
            for e in ends.reversed() {
                if let m = evaluate(s, e, lead: lead, ext: e == hi ? ext : nil) {
                    found(m)
                    lastEnd = m.range.upperBound
                    s = e
                    matched = true
                    break
                }
            }
            if !matched {
                s += 1
                while s < hi && !cut(s) { s += 1 }
            }
        }
        return lastEnd
    }
}
