-- An extract's table as a Parquet file of the release ({{file}}: a path the job made, quotes doubled).
copy {{table}} to '{{file}}' (format parquet, compression zstd);
