import Testing
import TestSupport
@testable import ExportFormat

@Suite struct TimestampTests {
    @Test func civilDateRoundTripsOverFourCenturies() {
        // Every day from 1700 to 2200 maps to a date and back to the same day.
        var previous: (Int64, Int64, Int64)? = nil
        for day in Timestamp.days(fromCivil: 1700, 1, 1)...Timestamp.days(fromCivil: 2200, 12, 31) {
            let (y, m, d) = Timestamp.civil(fromDays: day)
            #expect(Timestamp.days(fromCivil: y, m, d) == day)
            if let p = previous { #expect((y, m, d) > p) }
            previous = (y, m, d)
        }
    }

    @Test func knownInstants() {
        #expect(Timestamp(secondsSinceEpoch: 0).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: 1_593_597_900).rfc3339 == "2020-07-01T10:05:00Z")
        #expect(Timestamp(nanosecondsSinceEpoch: 1_593_597_900_250_000_000).rfc3339 == "2020-07-01T10:05:00.25Z")
        #expect(Timestamp(nanosecondsSinceEpoch: -1).rfc3339 == "1969-12-31T23:59:59.999999999Z")
        #expect(Timestamp(secondsSinceEpoch: 951_782_400).utcDate == "2000-02-29")
        #expect(Timestamp(secondsSinceEpoch: -1).utcDate == "1969-12-31")
    }

    @Test("the digit-by-digit forms equal the ones built from padded parts", arguments: [1, 2, 3] as [UInt64])
    func fastFormsMatchComposed(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        // Whole seconds, milliseconds, full nanoseconds, around the epoch and day edges, and across the range.
        let edges: [Int64] = [0, -1, 1, 86_399_999_999_999, 86_400_000_000_000, -86_400_000_000_000, Int64.max, Int64.min,
                              Timestamp.days(fromCivil: 2000, 2, 29) * 86_400_000_000_000 + 86_399_999_999_999]
        var cases = edges
        for _ in 0..<20_000 {
            let ns = Int64(bitPattern: rng.next())
            cases.append(ns)
            cases.append(ns / 1_000_000_000 * 1_000_000_000)
            cases.append(ns / 1_000_000 * 1_000_000)
            cases.append(ns % (200 * 365 * 86_400_000_000_000))
        }
        for ns in cases {
            let t = Timestamp(nanosecondsSinceEpoch: ns)
            #expect(t.rfc3339 == t.composedRFC3339, "\(ns)")
            #expect(t.utcDate == t.composedUTCDate, "\(ns)")
        }
    }

    @Test func parsedBackExactly() throws {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<5_000 {
            let t = Timestamp(nanosecondsSinceEpoch: Int64(bitPattern: rng.next()) % (250 * 365 * 86_400_000_000_000))
            #expect(Timestamp(rfc3339: t.rfc3339) == t)
        }
    }
}
