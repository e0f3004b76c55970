// Phone numbers in any national or international format, found without
// knowing the writer's region: we do not know where users are, so a number
// counts if it is plausible in some numbering plan and is written like a phone
// number (see `PhoneNumbers/`). The engine is one pass over the normalized
// bytes (`PhoneScanner`): the normalizer has already turned full-width and
// other-script digits into ASCII, spelled-out digits into digits and emoji
// separators into spaces, so the engine sees "5 5 5 0 1 9 9" where the user
// wrote "five five five, 0 1 9 9".
//
// The span covers the number and its extension, as libphonenumber's does. The
// canonical form is `+<country code><national number>` (`;ext=` and the
// extension if any) when the country is known, else the digits as written.
// Messaging-app context ("whatsapp: +1 …") is the detector's business, not
// this recognizer's: every candidate here is a phone shared, with no platform.

/// Finds phone numbers; see the file comment for what counts.
public struct PhoneRecognizer: Recognizer, Screening {
    public let name = "phone"
    /// Texts with fewer than `screenDigits` digits are not scanned.
    var screens = true

    /// The digits of the shortest phone number the scanner reports: `evaluate` wants seven,
    /// or five right after a "+", and after a "+" the reader wants a national number of
    /// four digits or more behind the calling code, which no one-digit code (1, 7) admits:
    /// so "+49 4155", six (`PhoneScreenTests` holds the screen to that).
    static let screenDigits = 6

    public init() {}

    static func holdsScreenDigits(_ bytes: [UInt8]) -> Bool {
        var digits = 0
        for b in bytes where b &- 0x30 < 10 {
            digits &+= 1
            if digits == screenDigits { return true }
        }
        return false
    }

    public func recognize(_ text: NormalizedText, into candidates: inout [Candidate]) {
        guard !text.bytes.isEmpty else { return }
        // The screen (`screenDigits`); digits are ASCII after normalizing.
        if screens && !Self.holdsScreenDigits(text.bytes) { return }
        text.bytes.withUnsafeBufferPointer { bytes in
            text.sourceStart.withUnsafeBufferPointer { starts in
                text.sourceEnd.withUnsafeBufferPointer { ends in
                    PhoneScanner.withScanner(bytes: bytes, sourceStart: starts, sourceEnd: ends) { scanner in
                        scanner.scan { match in
                            candidates.append(PhoneRecognizer.candidate(match, in: bytes))
                        }
                    }
                }
            }
        }
    }

    static func candidate(_ m: PhoneMatch, in bytes: UnsafeBufferPointer<UInt8>) -> Candidate {
        let rule: String
        var normalized = m.reading.normalized
        var why = m.reading.why
        if let ext = m.extensionDigits {
            rule = "phone.with_extension"
            normalized += ";ext=" + String(decoding: UnsafeBufferPointer(rebasing: bytes[ext]), as: UTF8.self)
            why += ", with an extension"
        } else if m.spelled {
            rule = "phone.spelled"
            why += ", written digit by digit or in words"
        } else if m.reading.form == .international {
            rule = "phone.international"
        } else {
            rule = "phone.national"
        }
        return Candidate(kind: .phone, range: m.range, intent: .share, rule: rule, normalized: normalized,
                         explanation: why)
    }
}
