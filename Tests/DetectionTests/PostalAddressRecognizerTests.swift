import Testing
@testable import Detection

@Suite struct PostalAddressRecognizerTests {
    static let recognizer = PostalAddressRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("checkout the new place at 101 main st.", ["101 main st."]),
        ("504 parkwood drive", ["504 parkwood drive"]),
        ("3 elm boulevard", ["3 elm boulevard"]),
        ("ship it to 221B Baker Street, London", ["221B Baker Street"]),
        ("1600 Pennsylvania Ave NW, Washington", ["1600 Pennsylvania Ave"]),
        ("Our office: Calle de Alcalá 24, 28014 Madrid", ["Calle de Alcalá 24"]),
        ("Avenida de la Constitución 120, 08002 Barcelona", ["Avenida de la Constitución 120"]),
        ("Via della Spiga 7, Milano", ["Via della Spiga 7"]),
        ("12 rue de la Paix, 75002 Paris", ["12 rue de la Paix"]),
        ("Calle Mayor 5, Madrid", ["Calle Mayor 5"]),
        ("Via Roma 10, Milano", ["Via Roma 10"]),
        ("Rua Augusta, 100", ["Rua Augusta, 100"]),
        ("Hauptstraße 5, 10115 Berlin", ["Hauptstraße 5"]),
        ("Kerkstraat 12 Amsterdam", ["Kerkstraat 12"]),
        ("Berliner Straße 5", ["Berliner Straße 5"]),
        ("PO Box 123456", ["PO Box 123456"]),
        ("hey p.o. box 234234 hey", ["p.o. box 234234"]),
        ("Postfach 1204", ["Postfach 1204"]),
        // Not addresses
        ("101 main straight", []),
        ("it's a 10 minute drive from here", []),
        ("I have a 500 GB drive", []),
        ("send it via email 5 times", []),
        ("that's a 2 way street", []),
        ("$100 main course", []),
        ("the street is busy", []),
        ("Main Street", []),
        ("I got 1 place left", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }
}
