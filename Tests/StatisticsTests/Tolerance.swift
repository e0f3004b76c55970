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

