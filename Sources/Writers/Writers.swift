// Writers owns the SQLite store (named, forward-only migrations; a run in one
// transaction) and the CSV reports (RFC 4180, written to a temporary file and
// renamed). Writers know only result types.
