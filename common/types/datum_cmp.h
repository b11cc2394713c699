/*
 * datum_cmp: two values of one type compared as the type's default B-tree
 * operator class compares them (its BTORDER_PROC: btint4cmp, bttextcmp,
 * numeric_cmp, ...), so that an index read from disk can be checked for
 * key order without a server.
 *
 *   if (datum_cmp_supported(col)) r = datum_cmp(col, a, alen, b, blen, &res, err, sizeof err);
 *
 * a and b are plain bytes as types.h's output functions take them: the
 * attlen bytes of a fixed-length type, a varlena's data without its header
 * (already decompressed).  Text types compare in the "C" collation (memcmp,
 * then length), the only collation that needs no library; bpchar ignores
 * trailing spaces (bpcharcmp), name compares as strncmp over NAMEDATALEN.
 * float4/8: NaN equals NaN and sorts above every other value, -0 equals 0
 * (btfloat8cmp).  numeric: NaN above everything, then +Infinity; -Infinity
 * below every finite value; finite values by sign, weight and digits
 * (cmp_var_common).  Pure.
 */
#ifndef PGOD_DATUM_CMP_H
#define PGOD_DATUM_CMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heap/tupdesc.h"

/* Does datum_cmp() know how the type orders?  (Arrays and raw: no.) */
bool		datum_cmp_supported(const struct tupcol *col);

/*
 * *res = -1, 0 or 1 as a < b, a = b, a > b.  Returns 0, or -1 with a
 * reason in err when a value's bytes cannot be of the type (or the type is
 * not supported).
 */
int			datum_cmp(const struct tupcol *col, const uint8_t *a, size_t alen,
					  const uint8_t *b, size_t blen, int *res,
					  char *err, size_t errlen);

#endif
