# usage errors of the new options: item 0, a version out of range, --summary with --hex
pgpage -i 0 /dev/null; pgpage --pg-version 9 /dev/null; pgpage -s -x /dev/null
