/// Recognizers that skip, by a cheap test, what cannot hold one of their findings:
/// a text by what it holds (fewer than six digits: no phone number), a token by its
/// word class (a request starts on one of a few kinds of words). Each screen's
/// reasoning sits next to its test; `screens == false` runs the recognizer without
/// them, the slow reference the differential tests compare against
/// (`Detector.withoutScreens()`).
protocol Screening: Recognizer {
    var screens: Bool { get set }
}

extension Detector {
    /// The same recognizers with every screen off: what the screens must not change.
    func withoutScreens() -> Detector {
        let all: [any Recognizer] = recognizerList.map { r in
            guard var s = r as? any Screening else { return r }
            s.screens = false
            return s
        }
        return Detector(lexicon: lexicon, recognizers: all)
    }
}
