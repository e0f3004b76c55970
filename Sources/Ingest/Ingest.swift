// Ingest owns getting lines out of inputs: files, directories (recursively, in
// a stable order) and standard input; plain and gzipped JSON Lines, including
// several concatenated gzip members; line splitting with a length cap; per-file
// statistics. It knows the export format only to hand each line to
// ExportFormat's decoder, and knows nothing of detection.
