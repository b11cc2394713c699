/*
 * page_emit: a page's header rendered through emit, as pageinspect's
 * page_header() shows it (JSON) or one compact line (text), its checksum
 * verdict, and a hexdump -C of its bytes -- the parts of a page's record
 * that do not depend on what kind of page it is.
 *
 *   emit_begin(e); ... file, blkno, kind ...
 *   page_emit_header(e, &h);                 lsn .. prune_xid, flag names,
 *                                            item_count, free_space
 *   page_emit_checksum(e, &h, written, computed, verified);
 *   ... the page's contents ...; emit_end(e);
 *   page_emit_hex_lines(e, p, n, off);       text: after the record
 *
 * Nothing is kept between calls.
 */
#ifndef PGOD_PAGE_EMIT_H
#define PGOD_PAGE_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/emit.h"
#include "page/page.h"

/*
 * page_header()'s columns (checksum as the smallint it shows; text: hex,
 * and the flags' value with their names), then flag_names (JSON),
 * item_count and free_space (pd_upper - pd_lower).
 */
void		page_emit_header(struct emit *e, const struct page_header *h);

/*
 * The checksum verdict: written (not all zeros: a checksum was computed),
 * computed, and verified (false when -k was asked in a cluster without
 * checksums: checksum_ok is then null, nothing having been verified).
 * JSON: checksum_computed and checksum_ok; text: the computed value only
 * when it differs from the stored one.
 */
void		page_emit_checksum(struct emit *e, const struct page_header *h,
							   bool written, uint16_t computed, bool verified);

/*
 * The bytes line pointer i (1-based) points at, clamped to the page: *p
 * and *off (their offset in the page) set; returns their count, 0 when
 * there are none.
 */
size_t		page_item_bytes(const uint8_t *page, const struct page_header *h,
							unsigned i, const uint8_t **p, unsigned *off);

/*
 * Text: n bytes from p, 16 a line as hexdump -C shows them, offsets from
 * base (the page offset of p); each line a record of its own.
 */
void		page_emit_hex_lines(struct emit *e, const uint8_t *p, size_t n,
								unsigned base);

#endif
