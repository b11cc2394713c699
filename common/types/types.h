/*
 * types: the output functions, one per type, printing a value's bytes as
 * PostgreSQL's output function (typoutput, or the ::text cast where that
 * differs: inet/cidr as network_show, bool as booltext) prints it, with
 * the session of the oracles: UTC, DateStyle ISO, IntervalStyle postgres,
 * extra_float_digits 3, bytea_output hex.
 *
 * Every function takes the value's plain bytes (fixed-length bytes, or a
 * varlena's data without header, already detoasted and decompressed),
 * appends text to out and returns 0, or returns -1 with a reason in err
 * when the bytes cannot be a value of the type (wrong size, a length or
 * count that does not fit).  Nothing is read outside [p, p + len).
 */
#ifndef PGOD_TYPES_H
#define PGOD_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/strbuf.h"
#include "heap/tupdesc.h"

/* How to print what differs between majors (from the version profile). */
struct type_opts {
	bool		float_legacy;	/* before 12: %.9g / %.17g, not shortest-exact */
	bool		char_octal;		/* 15+: "char" bytes >= 0x80 as \ooo */
	bool		text_cast;		/* print as value::text does, where that differs
								 * from the output function: bpchar without
								 * trailing blanks, inet and cidr always with
								 * /bits (network_show).  Not inside arrays. */
};

int			type_output(const struct pg_type_info *t, const uint8_t *p,
						size_t len, const struct type_opts *o,
						struct strbuf *out, char *err, size_t errlen);

/* ArrayType (array.h) of elements of type elem, as array_out prints it. */
int			array_output(const struct pg_type_info *elem, const uint8_t *p,
						 size_t len, const struct type_opts *o,
						 struct strbuf *out, char *err, size_t errlen);

/*
 * The same for elements of any type: its storage and a printer of one
 * element's plain bytes (a varlena's without header), so a caller with
 * types of its own (usertype.h) reuses array_out's walk and quoting.
 */
struct array_elem {
	uint32_t	oid;			/* pg_type.oid, checked against the array's; 0: any */
	const char *typname;		/* for messages */
	int16_t		typlen;			/* pg_type.typlen */
	char		typalign;		/* pg_type.typalign */
	int			(*print) (const void *arg, const uint8_t *p, size_t len,
						  const struct type_opts *o, struct strbuf *out,
						  char *err, size_t errlen);
	const void *arg;			/* print's first argument */
};

int			array_output_elem(const struct array_elem *elem, const uint8_t *p,
							  size_t len, const struct type_opts *o,
							  struct strbuf *out, char *err, size_t errlen);

/* The per-family printers type_output() dispatches to. */
void		float_output(double v, bool is_float4, bool legacy, struct strbuf *out);
int			numeric_output(const uint8_t *p, size_t len, struct strbuf *out,
						   char *err, size_t errlen);
int			jsonb_output(const uint8_t *p, size_t len, struct strbuf *out,
						 char *err, size_t errlen);
int			range_output(const uint8_t *p, size_t len, const struct type_opts *o,
						 struct strbuf *out, char *err, size_t errlen);
int			datetime_output(enum pg_type_id id, const uint8_t *p, size_t len,
							struct strbuf *out, char *err, size_t errlen);

#endif
