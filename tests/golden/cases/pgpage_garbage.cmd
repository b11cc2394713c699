# random-looking bytes where a page should be, and a short tail
{ printf 'not a page at all'; head -c 8175 /dev/zero | tr '\0' 'x'; printf 'tail'; } | pgpage -k --json -
