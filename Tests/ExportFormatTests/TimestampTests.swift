import Testing
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
}
