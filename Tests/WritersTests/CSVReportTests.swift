import Testing
@testable import Writers

@Suite("CSV reports: the fixed columns of the outputs contract")
struct CSVReportTests {
    @Test("columns are unique lower-case snake_case names", arguments: CSVReport.allCases)
    func columnNames(_ report: CSVReport) {
        #expect(Set(report.header).count == report.header.count)
        for column in report.header {
            #expect(!column.isEmpty && column.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" },
                    "\(report): \(column)")
        }
    }

    @Test("file names are distinct .csv names")
    func fileNames() {
        let names = CSVReport.allCases.map(\.fileName)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasSuffix(".csv") && !$0.contains("/") })
    }

    @Test("an empty report is its header line")
    func emptyReport() {
        let table = CSVReport.daily.table()
        #expect(table.rows.isEmpty)
        #expect(String(decoding: table.encoded(), as: UTF8.self) == "date,phase,messages,violating_messages,rate\r\n")
    }

    @Test("the rate reports end with the rate and its interval")
    func rateColumns() {
        #expect(CSVReport.violationRates.header.suffix(3) == ["rate", "ci_low", "ci_high"])
        #expect(CSVReport.callFailureSummary.header.contains("p_value"))
    }
}
