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
 * record types are not).  The name tables (rmgrnames.c) follow each
 * major's *_identify(); the descriptions are ported by hand, one file per
 * rmgr family named as PostgreSQL's rmgrdesc/ names it (heapdesc.c,
 * xlogdesc.c, ...).  Those files share rmgrdesc_int.h, which nothing
 * outside this folder includes.  rmgr_desc() returns false
 * where the record cannot be described (data too short, an unknown record
 * type), and leaves sb as it was.
 */
#ifndef PGOD_RMGR_H
#define PGOD_RMGR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/strbuf.h"
#include "wal/walrecord.h"

#define RMGR_COUNT 22

enum rmgr_id {
	RM_XLOG_ID, RM_XACT_ID, RM_SMGR_ID, RM_CLOG_ID, RM_DBASE_ID, RM_TBLSPC_ID,
	RM_MULTIXACT_ID, RM_RELMAP_ID, RM_STANDBY_ID, RM_HEAP2_ID, RM_HEAP_ID,
	RM_BTREE_ID, RM_HASH_ID, RM_GIN_ID, RM_GIST_ID, RM_SEQ_ID, RM_SPGIST_ID,
	RM_BRIN_ID, RM_COMMIT_TS_ID, RM_REPLORIGIN_ID, RM_GENERIC_ID,
	RM_LOGICALMSG_ID
};

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
/*
 * -r's list: comma-separated rmgr names, any case, each setting
 * filter[id]; -1 if one is not a name (the others are still set).
 */
int			rmgr_parse_list(const char *arg, bool filter[RMGR_COUNT]);
const char *rmgr_identify(int major, uint8_t rmid, uint8_t info);
bool		rmgr_desc(struct strbuf *sb, int major, enum rmgr_style style,
					  const struct walrec *r);

/*
 * Custom resource managers 128..255 of 15+ (customdesc.c), as pg_waldump
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
 * What a transaction record says about its transaction (ParseCommitRecord,
 * ParseAbortRecord; xl_xact_prepare's header; xl_xact_assignment): kind is
 * the XLOG_XACT_* opcode (0x00 COMMIT, 0x10 PREPARE, 0x20 ABORT, 0x30
 * COMMIT_PREPARED, 0x40 ABORT_PREPARED, 0x50 ASSIGNMENT); xact_time the
 * commit or abort time (PREPARE: prepared_at), microseconds since
 * 2000-01-01 UTC; twophase_xid the prepared transaction's xid (PREPARE:
 * its own; ASSIGNMENT: the top-level xid); the subtransactions as
 * nsubxacts 4-byte xids at subxacts (into the record).  false when the
 * record is not one of those or does not hold together.
 */
struct xact_summary {
	uint8_t		kind;
	int64_t		xact_time;
	uint32_t	twophase_xid;
	int32_t		nsubxacts;
	const uint8_t *subxacts;
};
bool		rmgr_xact_summary(int major, const struct walrec *r, struct xact_summary *out);

/*
 * XLogRecGetBlockRefInfo(record, pretty, detailed_format, ...) (15+'s
 * xlogdesc.c; pg_waldump's own loop before): r's block references
 * appended to sb.  pg_waldump's line is pretty (ends with a newline), -b
 * makes it detailed (one reference a line); pg_walinspect's block_ref
 * column is detailed, not pretty.  The image's compression method is named
 * where the profile says (waldump_bimg_method).
 */
void		xlog_block_ref_info(struct strbuf *sb, const struct pg_profile *prof,
								const struct walrec *r, bool pretty, bool detailed);

#endif
