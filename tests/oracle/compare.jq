# Field-by-field comparison of our JSON with PostgreSQL's, joined on keys.
#   jq -n --slurpfile ours A --slurpfile oracle B \
#      --argjson keys '["file","blkno"]' --argjson fields '[["ours","theirs"],...]' -f compare.jq
# Values compare by their text, so 42 and "42" (row_to_json quotes xid and
# other non-numeric types) are equal, as are arrays with the same elements.
def norm: if . == null then "null" elif type == "string" then . else tojson end;
def key($o): [$keys[] as $k | $o[$k] | norm] | join("|");
($oracle | map({key: key(.), value: .}) | from_entries) as $O
| ($ours | map({key: key(.), value: .}) | from_entries) as $U
| [$O | keys[] | select($U[.] == null)] as $missing
| [$U | keys[] | select($O[.] == null)] as $extra
| [$O | to_entries[] | .key as $k | .value as $o | select($U[$k] != null) | $U[$k] as $u
	| $fields[] | select(.[1] as $f | $o | has($f))
	| {key: $k, field: .[0], ours: ($u[.[0]] | norm), theirs: ($o[.[1]] | norm)}] as $cmp
| {compared: ($cmp | length),
   diffs: [$cmp[] | select(.ours != .theirs)],
   missing: $missing, extra: $extra}
