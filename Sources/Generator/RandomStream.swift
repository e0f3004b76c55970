/// The generator's only source of randomness: xoshiro256** seeded through
/// SplitMix64, one independent stream per room, block and file chunk.
///
/// Every stream is derived from (seed, purpose, index) alone, never from the
/// order in which work happens to run, so the output is the same byte for
/// byte whatever `--jobs` says. Swift's system RNG and `Hasher` are never used:
/// both differ between runs.
struct RandomStream {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// What a stream is for; part of its derivation so that room 7 and file chunk 7 differ.
    enum Purpose: UInt64 {
        case room = 1, block = 2, fileChunk = 3, calibration = 4, identity = 5
    }

    init(seed: UInt64, purpose: Purpose, index: UInt64, subindex: UInt64 = 0) {
        var sm = SplitMix64(state: Self.mix(seed) ^ Self.mix(purpose.rawValue &* 0x9E37_79B9_7F4A_7C15 &+ index)
                                    ^ Self.mix(subindex &+ 0xD1B5_4A32_D192_ED03))
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The SplitMix64 finalizer: a bijection on 64 bits (so it also makes unique opaque IDs).
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in `0..<n` (Lemire's multiply-shift, with rejection so there is no bias).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.upperBound - r.lowerBound + 1) }

    mutating func int64(in r: ClosedRange<Int64>) -> Int64 {
        r.lowerBound + Int64(below(Int(r.upperBound - r.lowerBound + 1)))
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ p: Double) -> Bool { p > 0 && unit() < p }

    mutating func pick<C: RandomAccessCollection>(_ c: C) -> C.Element where C.Index == Int {
        c[c.startIndex + below(c.count)]
    }

    /// A standard normal deviate (Box–Muller; the second value is dropped for simplicity).
    mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return (-2 * logApprox(u1)).squareRoot() * cosApprox(2 * Double.pi * u2)
    }

    /// A log-normal factor with median 1: heavy-tailed sizes (rooms, gaps) without a library.
    mutating func logNormal(sigma: Double) -> Double { expApprox(sigma * normal()) }

    /// Exponential with the given mean.
    mutating func exponential(mean: Double) -> Double { -mean * logApprox(max(1 - unit(), 1e-300)) }
}

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// Elementary functions written out so that the output never depends on a
// platform's libm (glibc and Darwin may round the last bit differently, and
// one bit is enough to change a draw and with it every byte that follows).
func logApprox(_ x: Double) -> Double {
    precondition(x > 0)
    // x = m · 2^e with m in [1, 2); ln x = e·ln2 + ln m, ln m by the atanh series.
    var e = 0
    var m = x
    while m >= 2 { m /= 2; e += 1 }
    while m < 1 { m *= 2; e -= 1 }
    let t = (m - 1) / (m + 1), t2 = t * t
    var term = t, sum = 0.0
    var k = 1.0
    for _ in 0..<30 {
        sum += term / k
        term *= t2
        k += 2
    }
    return Double(e) * 0.693_147_180_559_945_3 + 2 * sum
}

func expApprox(_ x: Double) -> Double {
    // e^x = 2^n · e^r with |r| ≤ ln2/2, e^r by its Taylor series.
    let ln2 = 0.693_147_180_559_945_3
    let n = (x / ln2).rounded()
    let r = x - n * ln2
    var term = 1.0, sum = 1.0
    for i in 1..<25 {
        term *= r / Double(i)
        sum += term
    }
    var result = sum
    if n > 0 { for _ in 0..<Int(n) { result *= 2 } } else if n < 0 { for _ in 0..<Int(-n) { result /= 2 } }
    return result
}

func cosApprox(_ x: Double) -> Double {
    // Reduce to [-π, π], then the Taylor series (enough terms for double precision there).
    let twoPi = 2 * Double.pi
    var y = x - (x / twoPi).rounded() * twoPi
    if y > Double.pi { y -= twoPi }
    let y2 = y * y
    var term = 1.0, sum = 1.0
    for i in stride(from: 2, through: 40, by: 2) {
        term *= -y2 / Double((i - 1) * i)
        sum += term
    }
    return sum
}

/// A weighted choice among a fixed set of values, built once.
struct WeightedChoice<Value: Sendable>: Sendable {
    let values: [Value]
    private let cumulative: [Double]

    init(_ pairs: [(Value, Double)]) {
        values = pairs.map(\.0)
        var running = 0.0
        cumulative = pairs.map { running += $0.1; return running }
        precondition(running > 0, "weights must not all be zero")
    }

    func pick(_ rng: inout RandomStream) -> Value {
        let x = rng.unit() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return values[lo]
    }
}
