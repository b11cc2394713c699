/*
 * rmgrdesc_int: what the description files of this folder share, and
 * nothing outside common/rmgrdesc/ includes: the per-major record type
 * name tables, one description function per rmgr family, and the helpers
 * that append the pieces several families print the same way.
 */
#ifndef PGOD_RMGRDESC_INT_H
#define PGOD_RMGRDESC_INT_H

#include "io/bytes.h"
#include "rmgrdesc/rmgrdesc.h"

/* Record type names of one rmgr in one major: (info & mask) == info. */
struct rmgr_name {
	uint8_t		info;
	const char *name;
};
struct rmgr_names {
	uint8_t		mask;			/* what *_identify() switches on */
	const struct rmgr_name *names;	/* ends with a NULL name */
};
extern const struct rmgr_names *const rmgr_names_by_major[9];	/* 10..18 */

/* The per-family description functions (*desc.c). */
typedef bool (*rmgr_desc_fn) (struct strbuf *sb, int major, enum rmgr_style style,
							   const struct walrec *r);
bool		rmgr_desc_xlog(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_xact(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_smgr(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_heap(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_heap2(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_btree(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_standby(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_seq(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_gin(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_gist(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_spgist(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_hash(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_brin(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_slru(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_catalog(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);
bool		rmgr_desc_logical(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r);

/*
 * Helpers the description files share (rmgrdesc.c).  They append to sb and
 * return false where the data is too short for what it claims.
 */
/* array_desc() of n OffsetNumbers: " [1, 2, 3]" */
void		rmgr_offset_array(struct strbuf *sb, const uint8_t *p, uint32_t count);
/* standby_desc_invalidations(): msgs is n bytes holding nmsgs messages */
bool		rmgr_invalidations(struct strbuf *sb, int32_t nmsgs, const uint8_t *msgs,
							   uint32_t n, uint32_t dboid, uint32_t tsoid, bool initfile);
/* relpathperm(): "base/16384/16496", "global/1262", "..._fsm" */
void		rmgr_relpath(struct strbuf *sb, int major, uint32_t spc, uint32_t db,
						 uint32_t rel, int fork);

/* Timestamp (microseconds since 2000-01-01) as the style prints it. */
void		rmgr_put_timestamp(struct strbuf *sb, enum rmgr_style style, int64_t ts);

#endif
