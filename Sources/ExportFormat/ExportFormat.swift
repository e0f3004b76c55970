// ExportFormat owns the record types of the message export (format version 1,
// `../shared/spec/export-v1.md`) and the translation of one JSON line into a
// record or a named rejection.
//
// It does no I/O: it is handed the bytes of one line and answers. The decoder
// is a hand-written single pass over the bytes because it sits on the hot path
// behind zlib (see docs/ARCHITECTURE.md for the measured figures); it is kept
// honest by differential tests against Foundation's JSONSerialization.
