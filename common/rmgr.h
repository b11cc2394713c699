/*
 * rmgr: the resource managers of 10..18 as pg_waldump's RmgrDescData
 * table has them: a name (rm_name), record type names (rm_identify) and
 * the description of a record (rm_desc), each as that major prints it.
 *
 *   const char *n = rmgr_name(rec.rmid);                 "Heap", or NULL
 *   const char *id = rmgr_identify(15, rec.rmid, rec.info);  "INSERT+INIT", or NULL
 *   if (rmgr_desc(&sb, 15, &rec)) ... sb holds what rm_desc appends
 *
 * The 22 built-in rmgrs and their ids are the same in every major (their
 * record types are not).  The name tables (rmgr_names.c) follow each
 * major's *_identify(); the descriptions are ported by hand, one file per
 * rmgr family (rmgr_heap.c, rmgr_xlog.c, ...).  rmgr_desc() returns false
 * where the record cannot be described (data too short, an unknown record
 * type), and leaves sb as it was.
 */
#ifndef PGOD_RMGR_H
#define PGOD_RMGR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bytes.h"
#include "strbuf.h"
#include "walrecord.h"

#define RMGR_COUNT 22

enum rmgr_id {
	RM_XLOG_ID, RM_XACT_ID, RM_SMGR_ID, RM_CLOG_ID, RM_DBASE_ID, RM_TBLSPC_ID,
	RM_MULTIXACT_ID, RM_RELMAP_ID, RM_STANDBY_ID, RM_HEAP2_ID, RM_HEAP_ID,
	RM_BTREE_ID, RM_HASH_ID, RM_GIN_ID, RM_GIST_ID, RM_SEQ_ID, RM_SPGIST_ID,
	RM_BRIN_ID, RM_COMMIT_TS_ID, RM_REPLORIGIN_ID, RM_GENERIC_ID,
	RM_LOGICALMSG_ID
};

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

/*
 * Where the description will be shown.  They differ only in timestamps:
 * pg_waldump prints them in the local time zone as "2026-11-24
 * 12:52:22.412869 UTC", the server's timestamptz_to_str as
 * "2026-11-24 12:52:22.412869+00" (we take the session zone as UTC).
 */
enum rmgr_style {
	RS_WALDUMP,
	RS_WALINSPECT
};

const char *rmgr_name(uint8_t rmid);
const char *rmgr_identify(int major, uint8_t rmid, uint8_t info);
bool		rmgr_desc(struct strbuf *sb, int major, enum rmgr_style style,
					  const struct walrec *r);

/* The per-family description functions (rmgr_*.c). */
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
 * Custom resource managers 128..255 of 15+ (rmgr_custom.c), as pg_waldump
 * shows them without their module: name "custom###", no record type
 * names, description "rmid: N".  rmgr_name() and rmgr_desc() answer only
 * for the built-in ones; callers ask these for the rest.
 */
bool		rmgr_is_custom(int major, uint8_t rmid);
/* "custom130" into buf (size >= 10), or NULL if rmid is not custom in major */
const char *rmgr_custom_name(int major, uint8_t rmid, char *buf, size_t size);
/* appends "rmid: 130"; false (nothing appended) if not custom in major */
bool		rmgr_desc_custom(struct strbuf *sb, int major, const struct walrec *r);

/*
 * Helpers the description files share (rmgr.c).  They append to sb and
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
