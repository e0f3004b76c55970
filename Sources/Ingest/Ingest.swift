// Ingest owns getting lines out of inputs: files, directories (recursively, in
// a stable order) and standard input; plain and gzipped JSON Lines, including
// several concatenated gzip members; line splitting with a length cap; per-file
// statistics and content hashes.
//
// It hands out batches of raw lines and does not decode them: the pipeline runs
// ExportFormat's decoder on the batches on other threads, so reading (one core
// inflating) and decoding (the others) overlap. It knows nothing of detection.
// Bad input is a result, not an error: a file that cannot be opened, is cut
// short or is corrupt comes back as a `FileReadSummary` with a failed status and
// the lines read before, and the run goes on. Memory stays bounded whatever the
// input: fixed read and inflate buffers, and batches that never hold more than
// one batch plus one capped line.
