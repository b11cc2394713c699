# Sourced by the oracle scripts: turn a compare.jq result into PASS/FAIL.
# report NAME RESULT_JSON
report() {
	local c d m x
	c=$(jq -r '.compared' "$2"); d=$(jq -r '.diffs | length' "$2")
	m=$(jq -r '.missing | length' "$2"); x=$(jq -r '.extra | length' "$2")
	printf '%s: %s fields compared, %s differences, %s rows missing, %s extra\n' "$1" "$c" "$d" "$m" "$x"
	if [ "$c" -gt 0 ] && [ "$d" -eq 0 ] && [ "$m" -eq 0 ] && [ "$x" -eq 0 ]; then
		pass "$1 ($c fields)"
	else
		fail "$1" "$c compared, $d differences, $m missing, $x extra: $(jq -c '[.diffs[:3][], .missing[:3][], .extra[:3][]]' "$2" | head -c 600)"
	fi
}
