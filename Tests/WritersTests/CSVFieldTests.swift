import Foundation
import Testing
@testable import Writers
import TestSupport

@Suite("CSV fields: numbers spreadsheets read the same everywhere")
struct CSVFieldTests {
    @Test("counts are plain integers without grouping", arguments: [
        (0, "0"), (7, "7"), (1_234_567, "1234567"), (-3, "-3"),
    ])
    func counts(_ value: Int, _ expected: String) {
        #expect(CSVField.count(value) == expected)
    }

    @Test("rates and intervals: six fixed decimals, never scientific", arguments: [
        (0.0123456, "0.012346"),
        (1.0, "1.000000"),
        (0.0, "0.000000"),
        (0.2552885198782742, "0.255289"),
        (1.7652457674537176e-07, "0.000000"),
        (5.664911804311445e-06, "0.000006"),
        (22207.724052404825, "22207.724052"),
        (1e20, "100000000000000000000.000000"),
        (-0.0000001, "0.000000"),
        (-0.0, "0.000000"),
        (-1.5, "-1.500000"),
    ])
    func fixed(_ value: Double, _ expected: String) {
        #expect(CSVField.fixed(value) == expected)
    }

    @Test("a value that does not exist is an empty cell", arguments: [nil, .nan, .infinity, -.infinity] as [Double?])
    func missing(_ value: Double?) {
        #expect(CSVField.fixed(value) == "")
        #expect(CSVField.pValue(value) == "")
    }

    @Test("other decimal places on request")
    func decimals() {
        #expect(CSVField.fixed(2.0 / 3, decimals: 2) == "0.67")
        #expect(CSVField.fixed(2.5, decimals: 0) == "2")
        #expect(CSVField.fixed(1.0 / 3, decimals: 10) == "0.3333333333")
    }

    @Test("p-values: fixed from 1e-4 up, scientific below", arguments: [
        (1.0, "1.000000"),
        (0.034965034965034975, "0.034965"),
        (0.0001, "0.000100"),
        (9.87654e-05, "9.877e-05"),
        (2.1591027933740326e-05, "2.159e-05"),
        (1.3205199559841098e-223, "1.321e-223"),
        (0.0, "0.000e+00"),
    ])
    func pValues(_ value: Double, _ expected: String) {
        #expect(CSVField.pValue(value) == expected)
    }

    @Test("every formatted number parses back to itself within its rounding")
    func parsesBack() {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<1_000 {
            let rate = Double.random(in: 0...1, using: &rng)
            let p = pow(10, Double.random(in: -300...0, using: &rng))
            let fixed = CSVField.fixed(rate), pText = CSVField.pValue(p)
            #expect(!fixed.contains(",") && !fixed.lowercased().contains("e"))
            #expect(abs(Double(fixed)! - rate) <= 5e-7 + 1e-15)
            #expect(abs(Double(pText)! - p) <= (p >= 1e-4 ? 5e-7 + 1e-15 : 5e-4 * p))
        }
    }
}

@Suite("CSV fields: flags")
struct CSVFlagTests {
    @Test func flags() {
        #expect(CSVField.flag(true) == "true")
        #expect(CSVField.flag(false) == "false")
    }
}

@Suite("CSV fields: the decimal mark whatever the process locale")
struct CSVDecimalMarkTests {
    /// What glibc's printf writes under de_DE, fr_FR and ar_EG-style locales
    /// (a process-wide `setlocale` cannot be tried here without disturbing
    /// tests running in parallel).
    @Test("a localized decimal mark becomes a full stop", arguments: [
        ("1234,567800", "1234.567800"),
        ("-0,500000", "-0.500000"),
        ("1,321e-223", "1.321e-223"),
        ("0\u{066B}5", "0.5"),
        ("1.500000", "1.500000"),
        ("42", "42"),
    ])
    func fullStop(_ printed: String, _ expected: String) {
        #expect(CSVField.withFullStop(printed) == expected)
    }
}
