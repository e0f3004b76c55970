import Testing
@testable import Detection

@Suite struct SocialProfileRecognizerTests {
    static let recognizer = SocialProfileRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("linkedin.com/in/anna-k", ["linkedin.com/in/anna-k"]),
        ("https://www.instagram.com/anna.designs/", ["https://www.instagram.com/anna.designs/"]),
        ("x.com/anna_k and tiktok.com/@anna", ["x.com/anna_k", "tiktok.com/@anna"]),
        ("IG: @anna.designs", ["@anna.designs"]),
        ("my insta is anna.designs", ["anna.designs"]),
        ("i tweet at @john_gmail", ["@john_gmail"]),
        ("i'm on twitter (@john_smith), but tweet @john instead", ["@john_smith", "@john"]),
        ("find me on linkedln: anna-k-design", ["anna-k-design"]),
        ("@anna_designs on insta", ["@anna_designs"]),
        ("fb: anna.k.77", ["anna.k.77"]),
        // Not profiles
        ("Hello @Jane, see the draft", []),
        ("This is an invalid handle @TwitterInfo", []),
        ("instagram.com", []),
        ("I saw your post on LinkedIn", []),
        ("the x axis is wrong", []),
        ("follow the brand guide", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }
}
