import Foundation

/// True when `actual` exists and is within `relative` of `expected` (relative to
/// |expected|); an expected 0 must be met exactly, as must an expected 1 bound
/// that the implementation promises to pin.
func isClose(_ actual: Double?, _ expected: Double, relative: Double) -> Bool {
    guard let actual, actual.isFinite else { return false }
    if expected == 0 { return actual == 0 }
    return abs(actual - expected) <= relative * abs(expected)
}

/// Relative tolerance for closed forms (intervals, ratios).
let closedForm = 1e-9
/// Relative tolerance for p-values.
let pValue = 1e-7

/// A small seeded generator (SplitMix64) so randomized tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
