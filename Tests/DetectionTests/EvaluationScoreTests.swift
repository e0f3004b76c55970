import Testing
@testable import Detection

/// Scoring for `offplatform eval`: per text, per kind, as multisets.
@Suite struct EvaluationScoreTests {
    @Test func countsAsMultisets() {
        var s = EvaluationScore()
        s.add(expected: [.email, .phone, .phone], found: [.phone, .website])
        #expect(s.counts(.email) == .init(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        #expect(s.counts(.phone) == .init(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(s.counts(.website) == .init(truePositives: 0, falsePositives: 1, falseNegatives: 0))
        #expect(s.anyContact == .init(truePositives: 1, falsePositives: 0, falseNegatives: 0))
    }

    @Test func anyContactIgnoresWebsitesAndKindMixups() {
        var s = EvaluationScore()
        s.add(expected: [.website], found: [.website])
        s.add(expected: [], found: [.email])
        s.add(expected: [.phone], found: [.messagingApp])
        s.add(expected: [.email], found: [])
        #expect(s.anyContact == .init(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(s.texts == 4)
    }

    @Test func ratiosAndUndefinedOnes() {
        let c = EvaluationScore.Counts(truePositives: 3, falsePositives: 1, falseNegatives: 2)
        #expect(c.precision == 0.75)
        #expect(c.recall == 0.6)
        #expect(abs(c.f1! - 6.0 / 9.0) < 1e-12)
        #expect(EvaluationScore.Counts().precision == nil)
        #expect(EvaluationScore.Counts(truePositives: 0, falsePositives: 0, falseNegatives: 2).precision == nil)
        #expect(EvaluationScore.Counts(truePositives: 0, falsePositives: 0, falseNegatives: 2).recall == 0)
    }

    @Test func differences() {
        let d = EvaluationScore.differences(expected: [.email, .phone, .phone], found: [.phone, .website])
        #expect(d.missed == [.email, .phone])
        #expect(d.extra == [.website])
    }

    @Test func labelLines() throws {
        #expect(try LabeledText.parse(line: Array(#"{"text": "hi", "kinds": ["email", "phone"]}"#.utf8))
                == LabeledText(text: "hi", kinds: [.email, .phone]))
        #expect(throws: (any Error).self) { try LabeledText.parse(line: Array(#"{"text": "hi", "kinds": ["fax"]}"#.utf8)) }
        #expect(throws: (any Error).self) { try LabeledText.parse(line: Array("not json".utf8)) }
    }
}
