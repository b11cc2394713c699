# a written page, a zeroed one, a written one again, read from stdin
f=testdata/pg17/data/base/16384/16534.gz
{ gzip -dc $f | head -c 8192; head -c 8192 /dev/zero; gzip -dc $f | head -c 16384 | tail -c 8192; } | pgpage -k -
