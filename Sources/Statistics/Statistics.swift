// Statistics is pure math for the reports: binomial proportion intervals,
// 2x2 tables (relative risk, odds ratio, their intervals), an exact test,
// medians. No I/O, no domain types; every function has known-answer tests
// against values computed independently.
